"""Calling a host callable on behalf of Monty code: values cross by copy in both directions."""
from __future__ import annotations

import inspect

from .convert import exception_to_monty, to_host, to_monty


def call_host(vm, fn, args: tuple, kwargs: dict | None):
    """Run a registered host function now; host exceptions surface as Monty exceptions."""
    try:
        result = fn(*[to_host(a) for a in args],
                    **{k: to_host(v) for k, v in (kwargs or {}).items()})
    except Exception as e:  # noqa: BLE001 - copied into Monty, never passed by reference
        raise exception_to_monty(e) from None
    if inspect.isawaitable(result):
        if inspect.iscoroutine(result):
            result.close()
        raise RuntimeError('an async external function cannot be awaited inside a builtin '
                           'operation')
    return to_monty(result)
