"""Running untrusted snippets and checking that only clean Monty errors come out."""
from __future__ import annotations

import time

import pytest

from monty import Monty, MontyError, MontyRuntimeError, MontySyntaxError

PLAIN = (type(None), bool, int, float, complex, str, bytes)
TIGHT = {'max_duration_secs': 2.0, 'max_memory': 10_000_000}


def run(code: str, limits=None, **kwargs):
    """Run ``code``; the value of its last expression."""
    return Monty(code).run(limits=limits, **kwargs)


def is_plain(value) -> bool:
    """True for host data made only of builtin value types (what Monty may hand out)."""
    if type(value) in PLAIN:
        return True
    if type(value) in (list, tuple, set, frozenset):
        return all(is_plain(v) for v in value)
    if type(value) is dict:
        return all(is_plain(k) and is_plain(v) for k, v in value.items())
    return type(value).__name__ == 'MontyObjectRepr'


def raises(code: str, type_name: str, message: str | None = None, limits=None,
           kind=MontyRuntimeError, **kwargs) -> MontyError:
    """Run ``code`` expecting a clean Monty error of ``type_name`` (and exact ``message``)."""
    with pytest.raises(kind) as info:
        run(code, limits, **kwargs)
    err = info.value
    assert err.type_name == type_name, err.display()
    if message is not None:
        assert err.message == message
    exc = err.exception()
    assert type(exc).__module__ == 'builtins' and is_plain(exc.args)
    return err


def timed(code: str, limits) -> tuple[MontyError, float]:
    """The Monty error ``code`` stops with and the seconds it took."""
    start = time.monotonic()
    with pytest.raises(MontyError) as info:
        run(code, limits)
    return info.value, time.monotonic() - start


__all__ = ['run', 'raises', 'timed', 'is_plain', 'TIGHT', 'MontySyntaxError',
           'MontyRuntimeError']
