"""Paused executions: what Monty code is waiting for, and how the host answers.

``Monty.start()`` runs until the code needs the outside world and returns one of the snapshot
classes below (or ``MontyComplete``).  Each snapshot is answered once with ``resume()``, which
runs on to the next pause; ``dump()`` saves it to bytes that ``load()`` (in any process)
turns back into an equivalent snapshot.
"""
from __future__ import annotations

from dataclasses import dataclass

from .host.convert import exception_to_monty, to_host, to_monty
from .host.external import PC_RAISE, PC_RETURN, ExternalFuture
from .host.osaccess import answer_to_monty, arg_to_host
from .runner import host_errors
from .vm.signals import Suspend

_MISSING = object()
OUTCOMES = ('return_value', 'exception', 'future')


@dataclass
class MontyComplete:
    """The program finished; ``output`` is the value of its last expression statement."""
    output: object


class Execution:
    """One running program: its VM plus what the host chose at start()."""
    __slots__ = ('vm', 'script_name', 'limits', 'externals', 'session')

    def __init__(self, vm, script_name: str, limits: dict, externals=None, session=None):
        self.vm = vm
        self.script_name = script_name
        self.limits = limits
        self.externals = externals
        self.session = session      # the MontyRepl run this belongs to (it drives and saves it)


def advance(ex: Execution, step):
    """Run ``step`` (a start or resume of the VM) to the next pause or the end."""
    if ex.session is not None:
        return ex.session.advance(ex, step)
    vm = ex.vm
    if vm.tracker is not None:
        vm.tracker.start()
    with host_errors(vm):
        try:
            _, value = step()
        except Suspend as s:
            return make_snapshot(ex, s.kind, s.payload)
    return MontyComplete(to_host(value))


def make_snapshot(ex: Execution, kind: str, frame):
    if kind == 'name':
        return NameLookupSnapshot(ex, frame.code.ops[frame.pc][1])
    if kind == 'futures':
        return FutureSnapshot(ex, list(frame.locals[1]))
    _, name, args, kwargs, call_id, method = frame.locals
    cls = OsSnapshot if kind == 'os' else FunctionSnapshot
    convert = arg_to_host if kind == 'os' else to_host
    return cls(ex, name, tuple(convert(a) for a in args),
               {k: convert(v) for k, v in kwargs.items()}, call_id, method)


class Snapshot:
    """Base of the pause kinds: resumes once, dumps to bytes."""
    KIND = ''

    def __init__(self, ex: Execution):
        self._ex = ex
        self._used = False

    @property
    def script_name(self) -> str:
        return self._ex.script_name

    @property
    def repl(self):
        """The ``MontyRepl`` whose ``start()`` made this snapshot (None for ``Monty.start``)."""
        session = self._ex.session
        return session.repl if session is not None else None

    def _claim(self) -> Execution:
        if self._used:
            raise RuntimeError('Progress already resumed')
        self._used = True
        return self._ex

    def _continue(self, ex: Execution, step=None):
        vm = ex.vm
        return advance(ex, step or vm.resume)

    def dump(self, *, key: bytes | None = None) -> bytes:
        """Save the paused execution (frames, heap, pending calls, limits, code) to bytes."""
        from .serialize.state import dump_execution
        if self._used:
            raise RuntimeError('Progress already resumed')
        if self._ex.session is not None:
            return self._ex.session.dump(self.KIND, key)
        return dump_execution(self.KIND, self._ex, key)

    @classmethod
    def load(cls, data, *, print_callback=None, key: bytes | None = None):
        """Rebuild a snapshot saved by ``dump()``; ValueError if ``data`` is not one."""
        from .serialize.state import load_execution
        kinds = tuple(k for k, c in SNAPSHOT_KINDS.items() if issubclass(c, cls))
        return load_execution(data, kinds, print_callback, key)


class FunctionSnapshot(Snapshot):
    """A call of an external function, waiting for its result."""
    KIND = 'function'
    is_os_function = False

    def __init__(self, ex, function_name: str, args: tuple, kwargs: dict, call_id: int,
                 is_method_call: bool = False):
        super().__init__(ex)
        self.function_name = function_name
        self.args = args
        self.kwargs = kwargs
        self.call_id = call_id
        self.is_method_call = is_method_call

    def resume(self, outcome: dict | None = None, *, return_value=_MISSING, exception=_MISSING,
               future=_MISSING):
        """Answer the call with exactly one of ``return_value``, ``exception`` or ``future``."""
        given = _outcome(outcome, {'return_value': return_value, 'exception': exception,
                                   'future': future})
        kind, value = given
        if kind == 'return_value':
            value = self._to_monty(value)   # refused (TypeError) before the snapshot is used
        ex = self._claim()
        vm = ex.vm
        frame = vm.frame
        if kind == 'exception':
            exc = vm.from_host(exception_to_monty(value))
            vm.set_context(frame.back, exc)
            frame.stack.append(exc)
            frame.pc = PC_RAISE
        elif kind == 'future':
            fut = ExternalFuture(self.call_id)
            vm.pending_futures[self.call_id] = fut
            frame.stack.append(fut)
            frame.pc = PC_RETURN
        else:
            frame.stack.append(value)
            frame.pc = PC_RETURN
        return self._continue(ex)

    _to_monty = staticmethod(to_monty)

    def __repr__(self) -> str:
        return (f'{type(self).__name__}(function_name={self.function_name!r}, '
                f'args={self.args!r}, kwargs={self.kwargs!r}, call_id={self.call_id})')


class OsSnapshot(FunctionSnapshot):
    """An operating-system operation (file, environment, clock) the host answers."""
    KIND = 'os'
    is_os_function = True
    _to_monty = staticmethod(answer_to_monty)


class NameLookupSnapshot(Snapshot):
    """A global name defined nowhere: the host may supply its value."""
    KIND = 'name'

    def __init__(self, ex, variable_name: str):
        super().__init__(ex)
        self.variable_name = variable_name

    def resume(self, *, value=_MISSING):
        """Give the name a value, or omit ``value`` to raise NameError inside Monty."""
        ex = self._claim()
        vm = ex.vm
        frame = vm.frame
        if value is _MISSING:
            err = NameError(f"name '{self.variable_name}' is not defined")

            def step():
                vm.handle(frame, frame.pc, err)
                return vm.resume()
            return self._continue(ex, step)
        frame.stack.append(to_monty(value))
        frame.pc += 1
        return self._continue(ex)

    def __repr__(self) -> str:
        return f'NameLookupSnapshot(variable_name={self.variable_name!r})'


class FutureSnapshot(Snapshot):
    """Every task awaits external futures; the host resolves some or all of them."""
    KIND = 'future'

    def __init__(self, ex, pending_call_ids: list):
        super().__init__(ex)
        self.pending_call_ids = pending_call_ids

    def resume(self, results: dict):
        """``results`` maps call ids to ``{'return_value': v}`` or ``{'exception': e}``."""
        if not isinstance(results, dict):
            raise TypeError(f'results must be a dict, not {type(results).__name__}')
        parsed = {}
        for call_id, outcome in results.items():
            if call_id not in self.pending_call_ids:
                raise TypeError(f'call id {call_id!r} is not pending')
            kind, value = _outcome(outcome, {}, allowed=('return_value', 'exception'))
            parsed[call_id] = (kind, value)
        ex = self._claim()
        vm = ex.vm
        for call_id, (kind, value) in parsed.items():
            fut = vm.pending_futures.pop(call_id)
            if kind == 'exception':
                fut.resolve(exc=vm.from_host(exception_to_monty(value)))
            else:
                fut.resolve(to_monty(value))
        frame = vm.frame
        frame.stack.append(None)
        frame.pc = PC_RETURN
        return self._continue(ex)

    def __repr__(self) -> str:
        return f'FutureSnapshot(pending_call_ids={self.pending_call_ids!r})'


def _outcome(outcome, kwargs: dict, allowed=OUTCOMES) -> tuple:
    """Exactly one ``(kind, value)`` from a dict or keyword arguments."""
    given = {k: v for k, v in kwargs.items() if v is not _MISSING}
    if outcome is not None:
        if given:
            raise TypeError('pass either a dict or keyword arguments, not both')
        if not isinstance(outcome, dict):
            raise TypeError(f'expected a dict like {{"return_value": ...}}, '
                            f'not {type(outcome).__name__}')
        given = dict(outcome)
    unknown = [k for k in given if k not in allowed]
    if unknown:
        raise TypeError(f'unexpected key(s): {", ".join(map(str, unknown))}')
    if len(given) != 1:
        raise TypeError(f'exactly one of {", ".join(allowed)} is required')
    kind, value = next(iter(given.items()))
    if kind == 'exception' and not isinstance(value, BaseException):
        raise TypeError(f'exception must be an exception instance, not {type(value).__name__}')
    return kind, value


SNAPSHOT_KINDS = {'function': FunctionSnapshot, 'os': OsSnapshot, 'name': NameLookupSnapshot,
                  'future': FutureSnapshot}


def load_snapshot(data, *, print_callback=None, key: bytes | None = None) -> Snapshot:
    """Load any kind of snapshot saved by ``dump()``."""
    return Snapshot.load(data, print_callback=print_callback, key=key)
