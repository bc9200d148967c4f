"""Runners for CPython and Monty: each returns a zero-argument callable producing the result."""
from __future__ import annotations

import contextlib
from typing import Any, Callable

from benchmarks.sources import RESULT_NAME, compile_capturing

Runner = Callable[[], Any]


def discard_output(stream: str, text: str) -> None:
    """print_callback that drops the workload's printed text."""


class NullStream:
    """A text stream that drops everything written to it (CPython's stdout during a run)."""

    def write(self, text: str) -> int:
        """Accept and forget the text."""
        return len(text)

    def flush(self) -> None:
        """Nothing buffered."""


_NULL = NullStream()


def exec_code(code, extra: dict | None = None) -> Any:
    """Run compiled code in a fresh namespace with print() silenced; return the last value."""
    namespace = {"__name__": "__main__", **(extra or {})}
    with contextlib.redirect_stdout(_NULL):
        exec(code, namespace)
    return namespace.get(RESULT_NAME)


def cpython_runner(source: str, filename: str, extra: dict | None = None) -> Runner:
    """CPython: compile once, exec in a fresh dict per call."""
    code = compile_capturing(source, filename)
    return lambda: exec_code(code, extra)


def cpython_startup(source: str, filename: str) -> Runner:
    """CPython: parse, compile and exec per call (the startup baseline)."""
    return lambda: exec_code(compile_capturing(source, filename))


def monty_runner(source: str, filename: str, external_functions: dict | None = None) -> Runner:
    """Monty: compile once, run per call."""
    from monty import Monty

    program = Monty(source, script_name=filename)
    return lambda: program.run(external_functions=external_functions, print_callback=discard_output)


def monty_startup(source: str, filename: str) -> Runner:
    """Monty: construct (parse and compile) and run per call."""
    from monty import Monty

    return lambda: Monty(source, script_name=filename).run(print_callback=discard_output)


def monty_load_startup(source: str, filename: str) -> Runner:
    """Monty: load previously dumped compiled code and run it per call."""
    from monty import Monty

    cached = Monty(source, script_name=filename).dump()
    return lambda: Monty.load(cached).run(print_callback=discard_output)
