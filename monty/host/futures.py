"""Awaiting ``ExternalFuture`` objects.

A pending future yields itself up the chain of awaiting coroutines, like an asyncio future:
an event loop (``vm.event_loop``) sees it and parks the task, and when every task is parked it
calls ``vm.wait_external_futures(ids)``.  Module-level ``await`` with no loop pauses directly
(``VM.top_level_await``).  A finished future returns its value or raises its exception.
"""
from __future__ import annotations

from ..builtins import types as T
from ..compiler import opcodes as O
from ..objects.model import NativeFunction
from ..vm.generators import Generator
from ..vm.signals import MontyRaise
from .external import ExternalFuture

FUTURE_CLASS = T.native_class('ExternalFuture', ExternalFuture, (T.OBJECT,))
FUTURE_CLASS.mro = (FUTURE_CLASS, T.OBJECT)


def future_step(fut: ExternalFuture, value=None):
    """One step of ``await fut``: yield the future while pending, else finish."""
    if not fut.done:
        return fut
    if fut.exc is not None:
        raise MontyRaise(fut.exc)
    raise StopIteration(fut.value)


def _future_await(fut):
    return fut


def _future_done(fut):
    return fut.done


for _name, _fn in (('__next__', future_step), ('send', future_step),
                   ('__await__', _future_await), ('__iter__', _future_await),
                   ('done', _future_done)):
    FUTURE_CLASS.dict[_name] = NativeFunction(_name, _fn, False, 'ExternalFuture')


def _get_awaitable(arg, nxt, code, pc):
    """Fallback GET_AWAITABLE (coroutines and external futures) until asyncio brings its own."""
    def fn(f):
        v = f.stack[-1]
        if (type(v) is Generator and v.kind == 'coroutine') or type(v) is ExternalFuture:
            return nxt
        raise TypeError(f"object {T.type_name(v)} can't be used in 'await' expression")
    return fn


def install_fallbacks() -> None:
    from ..vm.ops import FACTORIES
    FACTORIES.setdefault(O.GET_AWAITABLE, _get_awaitable)


install_fallbacks()
