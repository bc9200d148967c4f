"""``MontyRepl``: a stateful interpreter session under the terminal REPL and the Jupyter kernel.

One VM and one globals dict live across ``feed()`` calls; each snippet is compiled as
``<python-input-N>`` (numbered from 0, like CPython 3.13) so functions and classes defined by
earlier snippets keep their tracebacks pointing at the right source.
"""
from __future__ import annotations

import threading
from contextlib import contextmanager

from . import repl_inspect as RI
from . import repl_pause
from .builtins.namespace import builtins_namespace
from .compiler.codegen import compile_source
from .continuation import ContinuationMode, detect_continuation_mode
from .host.convert import to_host, to_monty
from .host.external import ExternalFunction
from .limits import DEFAULT_RECURSION, LimitExceeded, ResourceLimits, Tracker
from .repl_undo import Checkpoint, Journal, Reach
from .runner import default_print, limit_error, runtime_error
from .snapshots import MontyComplete, Snapshot
from .vm import hostproto  # noqa: F401 - host dunders for instances
from .vm import protocol
from .vm.frame import Frame
from .vm.generators import CLOSED
from .vm.interp import VM
from .vm.signals import MontyRaise, Suspend

__all__ = ['MontyRepl', 'ContinuationMode', 'detect_continuation_mode']

STATE_KIND = 'repl'
STATE_VERSION = 1
LAST_VALUE = '_'


class MontyRepl:
    """A persistent Monty namespace fed one snippet at a time."""

    def __init__(self, *, script_name: str = '<repl>', limits=None, external_functions=None,
                 print_callback=None):
        self.script_name = script_name
        self._limits = ResourceLimits.coerce(limits)
        self._externals = dict(external_functions or {})
        self._print = print_callback or default_print
        self._lock = threading.Lock()
        self._tracker: Tracker | None = None
        self._journal = Journal()
        self._paused: repl_pause.PausedRun | None = None
        self.input_handler = None
        self._fresh_state()

    # -- state ------------------------------------------------------------------------------
    def _fresh_state(self, namespace: dict | None = None) -> None:
        """Start an empty VM (or one around a restored namespace)."""
        self._vm = VM(builtins_namespace(), self._emit, None, self._depth())
        self._globals = namespace if namespace is not None else {'__name__': '__main__'}
        self._counter = 0
        self._history: list[str] = []
        self._install_externals(self._externals)

    def _emit(self, stream: str, text: str) -> None:
        self._print(stream, text)

    def _depth(self) -> int:
        depth = self._limits.max_recursion_depth
        return DEFAULT_RECURSION if depth is None else depth

    def _install_externals(self, functions: dict) -> None:
        for name in functions:
            self._vm.builtins[name] = ExternalFunction(name)

    @property
    def history(self) -> list[str]:
        """The source of every snippet fed so far, in order (``<python-input-N>`` is item N)."""
        return list(self._history)

    @property
    def limits(self) -> ResourceLimits:
        """The limits applied to each ``feed()`` separately."""
        return self._limits

    def set_limits(self, limits=None, **changes) -> None:
        """Replace the limits (a ResourceLimits or dict), then apply keyword changes."""
        base = ResourceLimits.coerce(limits if limits is not None else self._limits).to_dict()
        base.update(changes)
        self._limits = ResourceLimits.coerce(base)
        self._vm.max_depth = self._depth()

    def reset(self) -> None:
        """Forget every variable, snippet and checkpoint; limits and external functions stay.

        A snippet paused by ``start()`` is abandoned: its snapshot can no longer be resumed.
        """
        if self._paused is not None:
            self._end_paused_run(unwind=False)     # its frames stay with the discarded VM
        self._journal.invalidate_after(None)
        self._fresh_state()

    def interrupt(self) -> None:
        """Ask the running snippet (from any thread) to stop with KeyboardInterrupt soon."""
        tracker = self._tracker
        if tracker is not None:
            tracker.interrupted = True

    # -- running ----------------------------------------------------------------------------
    def feed(self, code: str, *, inputs=None, external_functions=None, print_callback=None):
        """Run a snippet; return its trailing expression's value as host data (None if none)."""
        with self._running(external_functions, print_callback):
            value = self._execute(code, inputs)
            with _active(self._vm):
                result = to_host(value)
            self._remember(value)
        return result

    def feed_repr(self, code: str, *, inputs=None, external_functions=None,
                  print_callback=None) -> str | None:
        """Run a snippet; return ``repr()`` of its trailing value as the Python REPL shows it."""
        with self._running(external_functions, print_callback):
            value = self._execute(code, inputs)
            if value is None:
                return None
            self._vm.builtins[LAST_VALUE] = None
            text = self._guarded(lambda: self._monty_repr(value))
            self._remember(value)
        return text

    def _remember(self, value) -> None:
        if value is not None:
            self._vm.builtins[LAST_VALUE] = value

    @contextmanager
    def _running(self, external_functions, print_callback):
        """Per-feed tracker, callbacks and external functions, all undone afterwards."""
        self._acquire()
        vm = self._vm
        extra = dict(external_functions or {})
        self._install_externals(extra)
        vm.externals = {**self._externals, **extra}
        vm.print_callback = print_callback or self._emit
        vm.input_handler = self.input_handler
        vm.tracker = self._tracker = Tracker(self._limits)
        try:
            yield
        finally:
            self._tracker = vm.tracker = None
            vm.print_callback = self._emit
            for name in extra:
                if name not in self._externals:
                    vm.builtins.pop(name, None)
            self._lock.release()

    def _acquire(self) -> None:
        """Take the REPL for one snippet, or say clearly why it is busy."""
        if not self._lock.acquire(blocking=False):
            raise RuntimeError(self._busy_message())

    def _busy_message(self) -> str:
        if self._paused is not None:
            return ('MontyRepl is paused in a snippet run by start(): resume its snapshot to '
                    'the end (or call reset()) first')
        return 'MontyRepl is already running a snippet'

    def _idle(self, action: str, hint: str = 'resume its snapshot to the end first') -> None:
        """Refuse ``action`` while a ``start()`` snippet is paused."""
        if self._paused is not None:
            raise RuntimeError(f'cannot {action} while a snippet run by start() is paused; '
                               f'{hint}')

    def _execute(self, source: str, inputs):
        """Compile and run one snippet against the session globals; return the raw value."""
        frame = self._prepare(source, inputs)
        return self._guarded(lambda: _answer_pauses(self._vm, frame))

    def _prepare(self, source: str, inputs) -> Frame:
        """Compile a snippet as the next ``<python-input-N>`` and give it a module frame."""
        if not isinstance(source, str):
            raise TypeError(f'code must be str, not {type(source).__name__}')
        filename = f'<python-input-{self._counter}>'
        self._counter += 1
        self._history.append(source)
        code = compile_source(source, filename, return_last=True)
        self._journal_before(code)
        for name, value in dict(inputs or {}).items():
            self._globals[name] = to_monty(value)
        return Frame(self._vm, code, [], self._globals)

    def _guarded(self, action):
        """Run VM work, turning Monty exceptions and limit violations into MontyRuntimeError."""
        vm = self._vm
        try:
            with _active(vm):
                return action()
        except MontyRaise as e:
            raise runtime_error(e.exc) from None
        except LimitExceeded as e:
            raise limit_error(e) from None
        finally:
            _unwind_stack(vm)

    def _monty_repr(self, value) -> str:
        return self._vm.call_sync(self._vm.builtins['repr'], (value,), None)

    def _active(self):
        """Context: this REPL's VM is the one host-level dunders call into."""
        return _active(self._vm)

    # -- undo -------------------------------------------------------------------------------
    def checkpoint(self) -> Checkpoint:
        """Remember the state before the next snippet; O(number of globals), no deep copy.

        Semantics: ``restore(token)`` brings back every global binding, ``_``, imported
        modules, the snippet counter and history, and the contents of every object that any
        later snippet could reach (lists, dicts, sets, instances, classes, functions, cells,
        generators in flight, iterator positions).  Reachability is judged per snippet from
        the global names its code and every function it can reach mention, and the contents
        are saved just before that snippet runs, so a snippet that cannot name a big structure
        costs nothing for it.  A token stays usable until an older token is restored or the
        session is reset; restoring it twice is allowed.
        """
        self._idle('take a checkpoint')
        vm = self._vm
        return self._journal.new_token(
            bindings=dict(self._globals),
            builtins_extra={LAST_VALUE: vm.builtins.get(LAST_VALUE)},
            modules=dict(vm.modules), counter=self._counter,
            history_len=len(self._history))

    def restore(self, token: Checkpoint) -> None:
        """Undo every snippet run since ``checkpoint()`` returned ``token``."""
        if not isinstance(token, Checkpoint) or not token.valid or \
                not any(r() is token for r in self._journal.tokens):
            raise ValueError('this checkpoint is no longer valid for this MontyRepl')
        self._idle('restore a checkpoint')
        self._journal.rewind(token)
        self._globals.clear()
        self._globals.update(token.bindings)
        vm = self._vm
        vm.builtins.pop(LAST_VALUE, None)
        if token.builtins_extra[LAST_VALUE] is not None:
            vm.builtins[LAST_VALUE] = token.builtins_extra[LAST_VALUE]
        vm.modules.clear()
        vm.modules.update(token.modules)
        self._counter = token.counter
        del self._history[token.history_len:]

    def _journal_before(self, code) -> int:
        """Save what this snippet can reach, when some checkpoint needs it."""
        if not self._journal.live():
            return 0
        vm = self._vm
        extra = {**{k: v for k, v in vm.modules.items()},
                 LAST_VALUE: vm.builtins.get(LAST_VALUE)}
        skip = {id(self._globals), id(vm.builtins)}
        return Reach(self._journal, self._globals, extra, skip).run(code)

    # -- snapshots --------------------------------------------------------------------------
    def start(self, code: str, *, inputs=None, print_callback=None) -> Snapshot | MontyComplete:
        """Run a snippet until it needs the host: a snapshot bound to this REPL, or the end.

        Returns ``FunctionSnapshot``/``OsSnapshot``/``NameLookupSnapshot``/``FutureSnapshot``
        (every external call and undefined name pauses, as in ``Monty.start``) or
        ``MontyComplete``.  Until the snippet ends the REPL is locked; resuming it to the end
        updates the namespace and ``_`` exactly as ``feed()`` would.
        """
        self._acquire()
        try:
            frame = self._prepare(code, inputs)
        except BaseException:
            self._lock.release()
            raise
        return repl_pause.begin(self, frame, print_callback)

    @classmethod
    def load_snapshot(cls, data: bytes, *, key: bytes | None = None, limits=None,
                      external_functions=None, print_callback=None) -> Snapshot:
        """Rebuild a REPL and its paused snippet from ``snapshot.dump()``; returns the snapshot.

        The restored REPL is ``snapshot.repl``; limits default to the saved ones.
        """
        return repl_pause.load(cls, data, key, limits, external_functions, print_callback)

    def _end_paused_run(self, unwind: bool = True) -> None:
        """Close a ``start()`` snippet: frames dropped, pausing hooks off, REPL unlocked."""
        vm = self._vm
        if unwind:
            _unwind_stack(vm)
        vm.pause_unknown_calls = False
        vm.name_lookup = None
        self._tracker = vm.tracker = None
        vm.print_callback = self._emit
        self._paused = None
        self._lock.release()

    # -- saving -----------------------------------------------------------------------------
    def state_payload(self) -> dict:
        """Everything a saved session holds, as one graph of Monty values and plain data."""
        vm = self._vm
        return {'version': STATE_VERSION, 'script_name': self.script_name,
                'globals': self._globals, 'modules': sorted(vm.modules),
                'last': vm.builtins.get(LAST_VALUE), 'has_last': LAST_VALUE in vm.builtins,
                'counter': self._counter, 'history': list(self._history),
                'next_call_id': vm.next_call_id, 'limits': self._limits.to_dict()}

    def dump(self, *, key: bytes | None = None) -> bytes:
        """Serialize the whole session (variables, functions, classes, generators, history)."""
        self._idle('dump the MontyRepl', 'dump() the paused snapshot instead')
        return _serializer().dump_state(STATE_KIND, self.state_payload(), key, vm=self._vm)

    @classmethod
    def load(cls, data: bytes, *, key: bytes | None = None, limits=None,
             external_functions=None, print_callback=None) -> MontyRepl:
        """Rebuild a session saved by ``dump()``; limits default to the saved ones."""
        repl = cls(limits=limits, external_functions=external_functions,
                   print_callback=print_callback)
        payload = _serializer().load_state(data, STATE_KIND, key, vm=repl._vm)
        repl._adopt(payload, keep_limits=limits is not None)
        return repl

    def _adopt(self, payload: dict, keep_limits: bool) -> None:
        """Install a decoded ``state_payload()`` (decoded into this REPL's VM)."""
        if not isinstance(payload, dict) or payload.get('version') != STATE_VERSION or \
                type(payload.get('globals')) is not dict:
            raise ValueError('cannot load snapshot: not a MontyRepl state of a known version')
        from .builtins.modules import import_module
        vm = self._vm
        self.script_name = str(payload['script_name'])
        self._globals = payload['globals']
        with _active(vm):
            for name in payload['modules']:
                import_module(vm, name, ('*',))
        vm.next_call_id = int(payload['next_call_id'])
        if payload['has_last']:
            vm.builtins[LAST_VALUE] = payload['last']
        self._counter = int(payload['counter'])
        self._history = [str(text) for text in payload['history']]
        if not keep_limits:
            self.set_limits(payload['limits'])

    # -- front-end helpers ------------------------------------------------------------------
    def names(self) -> list[tuple[str, str, str]]:
        """``(name, type name, short repr)`` of every user global (no dunders, no ``_``), sorted."""
        with self._introspecting():
            return RI.variables(self._globals)

    def complete(self, text: str, cursor_pos: int | None = None) -> list[str]:
        """Identifiers that can replace the word ending at ``cursor_pos`` (names or attributes)."""
        pos = len(text) if cursor_pos is None else cursor_pos
        with self._introspecting():
            return RI.complete(text[:pos], self._globals, self._vm)

    def inspect(self, name_or_expr: str) -> str | None:
        """Type, signature and docstring of a dotted name, or None when it is not defined."""
        with self._introspecting():
            return RI.describe(name_or_expr, self._globals, self._vm)

    @contextmanager
    def _introspecting(self):
        """Let reprs run Monty code briefly, never touching a snippet that is running."""
        self._acquire()
        vm = self._vm
        vm.tracker = Tracker(ResourceLimits(max_duration_secs=RI.REPR_SECONDS))
        try:
            with _active(vm):
                yield
        finally:
            vm.tracker = None
            _unwind_stack(vm)
            self._lock.release()

    def __repr__(self) -> str:
        count = sum(1 for name in self._globals if RI.is_user_name(name))
        return f'<MontyRepl {self.script_name!r}: {count} names, {self._counter} snippets>'


@contextmanager
def _active(vm: VM):
    """Make ``vm`` the VM that host-level dunders (repr of instances, ...) call into."""
    prev = protocol.current[0]
    protocol.current[0] = vm
    try:
        yield
    finally:
        protocol.current[0] = prev


def _answer_pauses(vm: VM, frame: Frame):
    """Run ``frame`` to its end, answering each external call from ``vm.externals``."""
    step = lambda: vm.run_frame(frame)  # noqa: E731
    while True:
        try:
            return step()[1]
        except Suspend as pause:
            _answer(vm, pause)
            step = vm.resume


def _answer(vm: VM, pause: Suspend) -> None:
    """Put the host's answer (or its exception) on the paused pending frame."""
    from .host.calls import call_host
    from .host.external import PC_RAISE, PC_RETURN, PENDING_CODE
    f = pause.payload
    if type(f) is not Frame or f.code is not PENDING_CODE:
        raise RuntimeError(f'feed() cannot pause for {pause.kind!r}; use start()')
    fn = (vm.externals or {}).get(f.locals[1]) if pause.kind == 'call' else None
    try:
        if fn is None:
            raise RuntimeError(f'{pause.kind} {f.locals[1]!r} has no host handler in feed()')
        f.stack.append(call_host(vm, fn, f.locals[2], f.locals[3]))
        f.pc = PC_RETURN
    except Exception as e:  # noqa: BLE001 - the host's error is raised inside Monty code
        f.stack.append(vm.from_host(e))
        f.pc = PC_RAISE


def _unwind_stack(vm: VM) -> None:
    """After an abort (limit, interrupt), drop frames left on the stack and close their gens."""
    f = vm.frame
    while f is not None:
        if f.gen is not None:
            f.gen.state = CLOSED
            f.resume_mode = None
        f.entry = False
        back, f.back = f.back, None
        f = back
    vm.frame = None
    vm.depth = 0


def _serializer():
    """The snapshot codec module (``dump_state``/``load_state``)."""
    from . import serialize
    if not hasattr(serialize, 'dump_state'):
        raise NotImplementedError('saving a MontyRepl needs monty.serialize.dump_state')
    return serialize
