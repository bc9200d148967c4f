"""Run a snippet under CPython and under Monty and compare what each prints."""
from __future__ import annotations

import contextlib
import io
import textwrap

from monty import Monty


def cpython_output(src: str) -> str:
    """What CPython prints for ``src`` (the reference behaviour)."""
    buf = io.StringIO()
    with contextlib.redirect_stdout(buf):
        exec(compile(src, '<snippet>', 'exec', dont_inherit=True), {'__name__': '__main__'})
    return buf.getvalue()


def monty_output(src: str) -> str:
    """What Monty prints for ``src``."""
    chunks = []
    Monty(src, _return_last=False).run(print_callback=lambda stream, text: chunks.append(text))
    return ''.join(chunks)


def cpython_output_fresh(src: str) -> str:
    """What a fresh CPython process prints for ``src`` (for output that depends on process-wide
    counters, like asyncio's task names)."""
    import subprocess
    import sys
    done = subprocess.run([sys.executable, '-c', src], capture_output=True, text=True,
                          timeout=60, check=True)
    return done.stdout


def assert_same(src: str, fresh: bool = False) -> str:
    """Assert Monty prints exactly what CPython prints; returns the output."""
    src = textwrap.dedent(src)
    expected = cpython_output_fresh(src) if fresh else cpython_output(src)
    assert monty_output(src) == expected
    return expected
