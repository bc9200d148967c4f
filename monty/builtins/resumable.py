"""Deciding between a builtin's host fast path and its resumable Monty implementation.

A builtin may loop on the host only when no Monty code can run inside the loop: its iterable is
a host container or host iterator, and its callback (if any) is a native.  Otherwise it hands
the work to ``modules/callbacks_module`` through a ``CallReq``, so the loop runs as VM frames
that can pause for the host.
"""
from __future__ import annotations

from ..objects.model import BoundNative, MClass, NativeFunction
from ..vm import protocol as P
from ..vm.signals import CallReq

PLAIN_CONTAINERS = frozenset({list, tuple, str, bytes, bytearray, range, dict, set, frozenset,
                              type({}.keys()), type({}.values()), type({}.items())})
PLAIN_SCALARS = frozenset({int, float, bool, str, bytes, complex, type(None)})


def plain_iterable(x) -> bool:
    """True when iterating ``x`` runs no Monty code (a host container or host iterator)."""
    t = type(x)
    return t in PLAIN_CONTAINERS or (t in P.HOST_ITER_TYPES and t.__module__ == 'builtins')


def native_callable(f) -> bool:
    """True for ``None`` and host-implemented callables (a native key runs on the host)."""
    t = type(f)
    return f is None or t is NativeFunction or t is BoundNative or (t is MClass and f.native)


def plain_values(items) -> bool:
    """True when every item is a host scalar (comparing or adding them runs no Monty code)."""
    scalars = PLAIN_SCALARS
    return all(type(x) in scalars for x in items)


def plain_ordered(items) -> bool:
    """True when ordering ``items`` with ``<`` runs no Monty code (host scalars, and tuples or
    lists of them)."""
    scalars = PLAIN_SCALARS
    for x in items:
        t = type(x)
        if t not in scalars and not ((t is tuple or t is list) and plain_ordered(x)):
            return False
    return True


def monty_truth(x) -> bool:
    """True when ``bool(x)`` runs a Monty ``__bool__``/``__len__``."""
    from ..vm.dispatch import truth_req
    return truth_req(x) is not None


def monty_hashed(items) -> bool:
    """True when adding ``items`` to a host set/dict would run a Monty ``__hash__`` (tuples
    nested too deep to hash raise RecursionError)."""
    from ..vm.hashing import PLAIN_KEYS, monty_hash
    return any(type(x) not in PLAIN_KEYS and monty_hash(x) is not None for x in items)


def callback_req(name: str, *args, post: str | None = None, state=None) -> CallReq:
    """A CallReq running the Monty implementation ``name`` with ``args``."""
    from .modules.callbacks_module import callback
    return CallReq(callback(P.current[0], name), args, None, post, state)


def missing():
    """The Monty-side sentinel for an omitted argument."""
    from .modules.callbacks_module import missing as m
    return m(P.current[0])
