"""Run a program under CPython and under Monty and compare what each prints."""
from __future__ import annotations

import contextlib
import io
import textwrap

import monty


def cpython_output(src: str) -> str:
    """What the program prints when CPython runs it (in-process)."""
    buf = io.StringIO()
    with contextlib.redirect_stdout(buf):
        exec(compile(src, 'main.py', 'exec'), {'__name__': '__main__'})
    return buf.getvalue()


def monty_output(src: str, **run_kwargs) -> str:
    """What the program prints when Monty runs it."""
    out = []
    monty.Monty(src).run(print_callback=lambda stream, text: out.append(text), **run_kwargs)
    return ''.join(out)


def same_as_cpython(src: str) -> str:
    """Assert both interpreters print the same text; returns it."""
    src = textwrap.dedent(src)
    expected = cpython_output(src)
    assert monty_output(src) == expected
    return expected
