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
from ..objects.model import ExcInstance, Function
from . import protocol as P
from .signals import DISCARD, CallReq, MontyRaise

PRECOMPUTED: dict = {}   # id(instance) -> its hash, only during one host operation

# The host hashes a tuple by recursing in C with no depth check, so a tuple nested ~100k deep
# would overflow the host's stack.  Every tuple Monty hands to a host hash is checked first;
# a store of hashed keys (dict keys, set items) therefore never holds one nested deeper.
MAX_HASH_DEPTH = 10000
DEPTH_MESSAGE = 'maximum recursion depth exceeded while hashing an object'
ITEMS_VIEW = P.ITEMS_VIEW
PLAIN_KEYS = P.HOST_VALUE_TYPES - {tuple}   # hashed by the host with no deep recursion
COMPARE_PLAIN = P.HOST_VALUE_TYPES - {ITEMS_VIEW}   # compared without hashing new tuples
HASHED_STORES = frozenset({set, frozenset, dict, type({}.keys())})   # items hashed already
FLAT_ITEMS = frozenset({str, bytes, bytearray, range})


def check_depth(key) -> bool:
    """True, or a RecursionError when hashing tuple ``key`` would recurse too deep (cheap for
    the usual tuple of scalars: one pass over its items)."""
    for x in key:
        if isinstance(x, tuple):
            break
    else:
        return True
    vm = P.current[0]
    tracker = vm.tracker if vm is not None else None
    todo = [(key, 0)]
    while todo:
        t, depth = todo.pop()
        if depth > MAX_HASH_DEPTH:
            exc = ExcInstance(T.EXC_BY_NAME['RecursionError'], (DEPTH_MESSAGE,))
            raise MontyRaise(exc)
        if tracker is not None:
            tracker.tick()   # shared sub-tuples: the walk, like the host hash, visits each path
        todo.extend((x, depth + 1) for x in t if isinstance(x, tuple))
    return True


def guard(key):
    """``key``, after checking that the host can hash it without recursing too deep."""
    if isinstance(key, tuple):
        check_depth(key)
    return key


def guard_items(iterable):
    """Host iterable ``iterable`` whose items the host will hash, checked (read into a list
    when it is not a list or tuple)."""
    t = type(iterable)
    if t in HASHED_STORES or t in FLAT_ITEMS:
        return iterable
    if t is not list and t is not tuple:
        iterable = list(iterable)
    for x in iterable:
        if isinstance(x, tuple):
            check_depth(x)
    return iterable


def guard_view(x) -> None:
    """Check the pairs of an items view the host may hash (comparing it with a set)."""
    if type(x) is ITEMS_VIEW:
        guard_items(x)


def guard_view_operands(a, b) -> None:
    """Before ``a <op> b`` with a dict view: the host hashes the items of both operands."""
    for x in (a, b):
        if type(x) in (list, tuple, ITEMS_VIEW):
            guard_items(x)


def monty_hash(key):
    """The Monty ``__hash__`` of ``key``'s class, or None (host values, including tuples that
    hold such instances: those still hash nested).  Checks the depth of tuple keys."""
    if type(key) in PLAIN_KEYS:
        return None
    if isinstance(key, tuple):
        check_depth(key)
    if not isinstance(key, P.INSTANCE_TYPES):
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
