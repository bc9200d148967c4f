"""``Monty``: compile once, run many times, with host-answered external functions."""
from __future__ import annotations

import sys

from .builtins.namespace import builtins_namespace
from .compiler.codegen import compile_source
from .errors import MontyRuntimeError
from .host.convert import to_host, to_monty
from .host.external import ExternalFunction
from .vm import hostproto  # noqa: F401 - host dunders for instances
from .limits import LimitExceeded
from .vm.frame import Frame
from .vm.interp import VM
from .vm.signals import MontyRaise
from .vm.traceback import exception_line, format_exception, frames_of


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
    text = f'{e.type_name}: {e.message}'
    return MontyRuntimeError(e.type_name, e.message, [], text + '\n', (e.message,))


class Monty:
    """A compiled Monty program."""

    def __init__(self, code: str, *, script_name: str = 'main.py', inputs=None,
                 external_functions=None, _return_last: bool = True):
        self.code = code
        self.script_name = script_name
        self.inputs = list(inputs or [])
        self.external_function_names = list(external_functions or [])
        self.compiled = compile_source(code, script_name, return_last=_return_last)

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

    def run(self, *, inputs=None, external_functions=None, limits=None, print_callback=None):
        """Run to completion and return the value of the last expression statement."""
        vm = make_vm(print_callback, limits, external_functions)
        frame = Frame(vm, self.compiled, [], self._globals(inputs))
        return to_host(run_to_end(vm, frame))

    def __repr__(self) -> str:
        return f'Monty(<{len(self.code)} chars>, script_name={self.script_name!r})'


def run_to_end(vm: VM, frame: Frame):
    try:
        kind, value = vm.run_frame(frame)
    except MontyRaise as e:
        raise runtime_error(e.exc) from None
    except LimitExceeded as e:
        raise limit_error(e) from None
    finally:
        if vm.tracker is not None:
            vm.tracker.stop()
    return value
