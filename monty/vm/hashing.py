"""Hashing keys whose ``__hash__`` is Monty code, as a frame that runs before the host dict/set.

A host dict hashing an instance would call its Monty ``__hash__`` from host code (nested, unable
to pause).  Instead, the operation first runs the method as a frame (``CallReq`` with the
``hash_then`` continuation), then performs the host operation at once with the answer installed
in ``PRECOMPUTED``, where the instance's host ``__hash__`` (``hostproto.inst_hash``) finds it.
Nothing is left between the answer and its use, so no snapshot ever holds it.  ``__eq__`` calls
made while the host probes a dict still run nested.
"""
from __future__ import annotations

from ..builtins import types as T
from ..objects.model import Function
from . import protocol as P
from .signals import DISCARD, CallReq

PRECOMPUTED: dict = {}   # id(instance) -> its hash, only during one host operation


def monty_hash(key):
    """The Monty ``__hash__`` of ``key``'s class, or None (host values, including tuples that
    hold such instances: those still hash nested)."""
    if type(key) in P.HOST_VALUE_TYPES or not isinstance(key, P.INSTANCE_TYPES):
        return None
    m = T.type_of(key).lookup('__hash__')
    return m if type(m) is Function else None


def _getitem(d, k):
    return d[k]


def _setitem(d, k, v):
    d[k] = v
    return DISCARD


def _delitem(d, k):
    del d[k]
    return DISCARD


def _contains(c, k, negate):
    return (k in c) != negate


def _add(s, k):
    s.add(k)
    return DISCARD


def _get(d, k, default):
    return d.get(k, default)


OPS = {'getitem': _getitem, 'setitem': _setitem, 'delitem': _delitem, 'contains': _contains,
       'add': _add, 'get': _get}


def hashed(key, op: str, *args):
    """Host operation ``OPS[op](*args)`` on a dict/set, after ``key``'s Monty ``__hash__`` has
    run as a frame when it has one (a CallReq then); the result otherwise."""
    m = monty_hash(key)
    if m is None:
        return OPS[op](*args)
    return CallReq(m, (key,), None, 'hash_then', (key, op, args))


def post_hash_then(vm, value, state):
    key, op, args = state
    if not isinstance(value, int):
        raise TypeError('__hash__ method should return an integer')
    PRECOMPUTED[id(key)] = int(value)
    try:
        return OPS[op](*args)
    finally:
        PRECOMPUTED.pop(id(key), None)
