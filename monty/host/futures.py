"""Awaiting ``ExternalFuture`` objects.

A pending future yields itself up the chain of awaiting coroutines, like an asyncio future:
the ``asyncio`` event loop sees it and parks the task, and when every task is parked it calls
``vm.wait_external_futures(ids)`` with the ids of all parked futures.  Module-level ``await``
with no loop pauses directly (``VM.top_level_await``).  A finished future returns its value or raises its exception.
"""
from __future__ import annotations

from ..builtins import types as T
from ..objects.model import NativeFunction
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
