"""``Monty``: compile once, run many times, with host-answered external functions."""
from __future__ import annotations

import sys
from contextlib import contextmanager

from .builtins.namespace import builtins_namespace
from .compiler.code import PROGRAM_EXIT
from .compiler.codegen import compile_source
from .errors import MontyRuntimeError
from .host.convert import to_host, to_monty
from .host.external import ExternalFunction
from .host import osaccess  # noqa: F401 - OS calls, and the classes snapshots may name
from .vm import hostproto  # noqa: F401 - host dunders for instances
from .limits import LimitExceeded
from .vm.frame import Frame
from .vm.interp import VM
from .vm.signals import MontyRaise
from .vm.traceback import exception_line, format_exception, frames_of, tb_frames, tb_lines


def default_print(stream: str, text: str) -> None:
    out = sys.stderr if stream == 'stderr' else sys.stdout
    out.write(text)


def make_vm(print_callback=None, limits=None, external_functions=None) -> VM:
    from .limits import make_tracker
    tracker, depth = make_tracker(limits)
    ns = builtins_namespace()
    vm = VM(ns, print_callback or default_print, tracker, depth)
    if external_functions:
        vm.externals = dict(external_functions)
        for name in external_functions:
            ns[name] = ExternalFunction(name)
    return vm


def runtime_error(exc) -> MontyRuntimeError:
    """Wrap an uncaught Monty exception for the host (plain values only)."""
    from .builtins import types as T
    name = exc.mcls.name
    line = exception_line(exc)
    message = line.split(': ', 1)[1] if ': ' in line else ''
    args = tuple(to_host(a) for a in exc.args)
    host_name = name
    for klass in exc.mcls.mro:
        if klass.native and klass.name in T.EXC_BY_NAME:
            host_name = klass.name
            break
    err = MontyRuntimeError(host_name if host_name == name else name, message, frames_of(exc),
                            format_exception(exc), args)
    err.type_name = host_name
    err.monty_type_name = name
    return err


def limit_error(e) -> MontyRuntimeError:
    """A limit violation for the host, with the traceback of where the VM stopped."""
    tb = getattr(e, 'tb', None) or []
    text = '\n'.join(tb_lines(tb) + [f'{e.type_name}: {e.message}'])
    return MontyRuntimeError(e.type_name, e.message, tb_frames(tb), text + '\n', (e.message,))


class Monty:
    """A compiled Monty program."""

    def __init__(self, code: str, *, script_name: str = 'main.py', inputs=None,
                 external_functions=None, _return_last: bool = True):
        self.code = code
        self.script_name = script_name
        self.inputs = list(inputs or [])
        self.external_function_names = list(external_functions or [])
        self.compiled = compile_source(code, script_name, return_last=_return_last)
        self.compiled.flags |= PROGRAM_EXIT

    def _globals(self, inputs) -> dict:
        inputs = dict(inputs or {})
        missing = [n for n in self.inputs if n not in inputs]
        if missing:
            raise TypeError(f'missing input(s): {", ".join(missing)}')
        unknown = [n for n in inputs if n not in self.inputs]
        if unknown:
            raise TypeError(f'unknown input(s): {", ".join(unknown)}')
        g = {'__name__': '__main__'}
        for name, value in inputs.items():
            g[name] = to_monty(value)
        return g

    def run(self, *, inputs=None, external_functions=None, limits=None, print_callback=None,
            os=None):
        """Run to completion and return the value of the last expression statement.

        ``external_functions`` maps names to host callables, answered as each call pauses
        (async callables are awaited).  ``os`` answers OS operations (files, environment,
        clocks): ``os(function_name, args, kwargs) -> value``; without it they are refused.
        """
        _check_os(os)
        if not external_functions:
            vm = make_vm(print_callback, limits)
            vm.os_handler = os
            frame = Frame(vm, self.compiled, [], self._globals(inputs))
            return to_host(run_to_end(vm, frame))
        from .host.answer import answer_sync
        progress = self._start(inputs, limits, print_callback, dict(external_functions), os)
        return answer_sync(progress, external_functions)

    async def run_async(self, *, inputs=None, external_functions=None, limits=None,
                        print_callback=None, os=None):
        """Like ``run`` but awaits async host callables concurrently."""
        from .host.answer import answer_async
        _check_os(os)
        funcs = dict(external_functions or {})
        progress = self._start(inputs, limits, print_callback, funcs, os)
        return await answer_async(progress, funcs)

    def start(self, *, inputs=None, limits=None, print_callback=None):
        """Run until the code needs the host: a snapshot to answer, or ``MontyComplete``."""
        return self._start(inputs, limits, print_callback, None)

    def _start(self, inputs, limits, print_callback, externals, os=None):
        from .limits import ResourceLimits
        from .snapshots import Execution, advance
        g = self._globals(inputs)
        vm = make_vm(print_callback, limits)
        vm.os_handler = os
        names = list(self.external_function_names) + list(externals or ())
        for name in names:
            vm.builtins[name] = ExternalFunction(name)
        if externals is None:
            vm.pause_unknown_calls = True
            vm.name_lookup = vm.pause_name_lookup
        else:
            vm.externals = {n: f for n, f in externals.items() if not _is_async(f)}
        lim = ResourceLimits.coerce(limits).to_dict() if limits is not None else None
        frame = Frame(vm, self.compiled, [], g)
        return advance(Execution(vm, self.script_name, lim, externals), lambda: vm.run_frame(frame))

    def dump(self, *, key: bytes | None = None) -> bytes:
        """The compiled program as bytes (load with ``Monty.load``, no recompiling)."""
        from .serialize.state import dump_program
        return dump_program(self, key)

    @classmethod
    def load(cls, data, *, key: bytes | None = None) -> 'Monty':
        """A program saved by ``dump()``; ValueError if ``data`` is not one."""
        from .serialize.state import load_program
        p = load_program(data, key)
        self = cls.__new__(cls)
        self.compiled = p['code']
        self.code = p['code'].source.text
        self.script_name = p['script']
        self.inputs = p['inputs']
        self.external_function_names = p['externals']
        return self

    def __repr__(self) -> str:
        return f'Monty(<{len(self.code)} chars>, script_name={self.script_name!r})'


def _check_os(handler) -> None:
    if handler is not None and not callable(handler):
        raise TypeError(f"os must be callable like handler(function_name, args, kwargs), not "
                        f"'{type(handler).__name__}'")


def _is_async(fn) -> bool:
    import inspect
    return inspect.iscoroutinefunction(fn)


@contextmanager
def host_errors(vm: VM):
    """Report what escapes a run as the host sees it: MontyRuntimeError, limits stopped."""
    try:
        yield
    except MontyRaise as e:
        raise _describe_with(vm, e.exc) from None
    except LimitExceeded as e:
        raise limit_error(e) from None
    finally:
        if vm.tracker is not None:
            vm.tracker.stop()


def _describe_with(vm: VM, exc) -> MontyRuntimeError:
    """``runtime_error`` with ``vm`` current, so a Monty ``__str__`` of ``exc`` can run."""
    from .vm import protocol
    prev = protocol.current[0]
    protocol.current[0] = vm
    try:
        return runtime_error(exc)
    finally:
        protocol.current[0] = prev


def run_to_end(vm: VM, frame: Frame):
    with host_errors(vm):
        kind, value = vm.run_frame(frame)
    return value


async def run_monty_async(monty: Monty, *, inputs=None, external_functions=None, limits=None,
                          print_callback=None, os=None):
    """Drive ``monty`` from host asyncio: async host functions run concurrently when gathered."""
    return await monty.run_async(inputs=inputs, external_functions=external_functions,
                                 limits=limits, print_callback=print_callback, os=os)
