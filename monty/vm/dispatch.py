"""Operator dispatch over user dunders as a chain of calls the VM can pause in.

``a + b`` on instances may try ``__add__`` then ``__radd__``; ``a < b`` may try ``__gt__`` of
a subclass first.  Each candidate is a ``(method, self, other)`` triple; Monty methods run as
frames (a ``CallReq`` whose ``try_next`` continuation moves on when the answer is
``NotImplemented``), natives run at once.  When every candidate declines, a named fallback
(``FALLBACKS``) gives the default result or CPython's TypeError.
"""
from __future__ import annotations

from ..builtins import types as T
from ..objects.model import UNBOUND
from . import protocol as P, seqrepeat
from .hashing import ITEMS_VIEW, PLAIN_KEYS, check_depth, guard_view, hashed
from .signals import CallReq


def try_methods(calls: tuple, fallback: tuple):
    """The first result of ``calls`` that is not NotImplemented, else ``fallback``'s."""
    for i, (meth, x, y) in enumerate(calls):
        r = P.method_req(meth, x, y)
        if type(r) is CallReq:
            if r.post is not None:
                r = P.sync(r)
            else:
                r.post, r.state = 'try_next', (calls[i + 1:], fallback)
                return r
        if r is not NotImplemented:
            return r
    return FALLBACKS[fallback[0]](*fallback[1:])


def post_try_next(vm, value, state):
    if value is not NotImplemented:
        return value
    return try_methods(*state)


def _found(m) -> bool:
    return m is not UNBOUND and m is not None


def binary(op: int, a, b, inplace: bool):
    """``a <op> b`` (or ``a <op>= b``) when an operand is not a host value."""
    if op == 5 and (type(a) is str and not isinstance(b, str) or type(a) in (bytes, bytearray)
                    and not isinstance(b, (bytes, bytearray))):
        return P.percent_format(a, b)   # str's and bytes' own formatting, never __rmod__
    name = P.BINOP_DUNDERS[op]
    ca, cb = T.type_of(a), T.type_of(b)
    calls = []
    if inplace:
        im = ca.lookup(f'__i{name}__')
        if _found(im):
            calls.append((im, a, b))
    lm = ca.lookup(f'__{name}__')
    rm = cb.lookup(f'__r{name}__') if cb is not ca else UNBOUND
    if rm is not UNBOUND and ca in cb.mro and rm is not ca.lookup(f'__r{name}__'):
        if rm is not None:
            calls.append((rm, b, a))
        rm = UNBOUND
    if type(lm).__name__ == 'NativeFunction' and type(a) in P.HOST_VALUE_TYPES:
        lm = UNBOUND
    if _found(lm):
        calls.append((lm, a, b))
    if _found(rm):
        calls.append((rm, b, a))
    if op == 2:
        calls = [c for c in calls if not seqrepeat.is_host_repeat(c[0], c[1])]
    return try_methods(tuple(calls), ('binop', op, a, b, inplace))


def binary_failed(op: int, a, b, inplace: bool):
    ca, cb = T.type_of(a), T.type_of(b)
    sym = P.INPLACE_SYMBOLS[op] if inplace else P.BINOP_SYMBOLS[op]
    ta = type(a)
    if op == 2:
        r = seqrepeat.repeat(a, b, inplace)
        if r is not UNBOUND:
            return r
    if op == 0 and ta in (list, tuple, str, bytes):
        raise TypeError(f'can only concatenate {ca.name} (not "{T.error_name(cb)}") to {ca.name}')
    raise TypeError(f"unsupported operand type(s) for {sym}: "
                    f"'{T.error_name(ca)}' and '{T.error_name(cb)}'")


def compare(op: int, a, b):
    """``a <op> b`` for rich comparisons when an operand is not a host value (or is an items
    view, whose comparison with a set hashes its pairs)."""
    if type(a) in P.HOST_VALUE_TYPES and type(b) in P.HOST_VALUE_TYPES:
        guard_view(a)
        guard_view(b)
        return P.CMP_FUNCS[op](a, b)
    if type(a) is slice and type(b) is slice:    # slices compare as (start, stop, step)
        return compare(op, (a.start, a.stop, a.step), (b.start, b.stop, b.step))
    ca, cb = T.type_of(a), T.type_of(b)
    rname = P.CMP_DUNDERS[P.CMP_REFLECT[op]]
    calls = []
    tried_reflected = False
    if cb is not ca and ca in cb.mro:
        rm = cb.lookup(rname)
        if _found(rm) and rm is not ca.lookup(rname):
            calls.append((rm, b, a))
            tried_reflected = True
    lm = ca.lookup(P.CMP_DUNDERS[op])
    if _found(lm):
        calls.append((lm, a, b))
    if not tried_reflected:
        rm = cb.lookup(rname)
        if _found(rm):
            calls.append((rm, b, a))
    return try_methods(tuple(calls), ('cmp', op, a, b, lm is not UNBOUND))


def compare_failed(op: int, a, b, has_own: bool):
    if op == 2:
        return a is b
    if op == 3:
        eq = T.type_of(a).lookup('__eq__')
        if has_own and eq is not UNBOUND and eq is not P.OBJECT_EQ:
            return P.method_req(eq, a, b, post='ne_from_eq', state=(a, b))
        return a is not b
    ca, cb = T.type_of(a), T.type_of(b)
    raise TypeError(f"'{P.CMP_SYMBOLS[op]}' not supported between instances of "
                    f"'{T.error_name(ca)}' and '{T.error_name(cb)}'")


def post_ne_from_eq(vm, value, state):
    if value is NotImplemented:
        return state[0] is not state[1]
    return not P.truthy(value)


def contains(container, item, negate: bool):
    """``item in container`` (``not in`` when ``negate``), a CallReq for a Monty __contains__."""
    t = type(container)
    if t in P.HOST_VALUE_TYPES:
        if type(item) not in PLAIN_KEYS and t in HASHED_CONTAINERS and not (
                type(item) is tuple and t is not ITEMS_VIEW and check_depth(item)):
            key = item[0] if t is ITEMS_VIEW and type(item) is tuple and len(item) == 2 else item
            return hashed(key, 'contains', container, item, negate)
        return (item in container) != negate
    m = T.type_of(container).lookup('__contains__')
    if m is not UNBOUND and type(m).__name__ == 'Function':
        return CallReq(m, (container, item), None, 'contains', negate)
    return P.contains(container, item) != negate


HASHED_CONTAINERS = frozenset({dict, set, frozenset, type({}.keys()), type({}.items())})
FALLBACKS = {'binop': binary_failed, 'cmp': compare_failed}


def truth_req(v, post: str = 'bool'):
    """A CallReq for ``bool(v)`` when ``v``'s class defines ``__bool__``/``__len__`` in Monty."""
    if not isinstance(v, P.INSTANCE_TYPES):
        return None
    cls = T.type_of(v)
    for name in ('__bool__', '__len__'):
        m = cls.lookup(name)
        if type(m).__name__ == 'Function':
            return CallReq(m, (v,), None, post, name)
    return None


class Truth:
    """The answer of a truth test pushed above the tested value for ``JUMP_IF_*_OR_POP``
    (consumed by the very next instruction, so it never reaches Monty code or a snapshot)."""
    __slots__ = ('value',)

    def __init__(self, value: bool):
        self.value = value


TRUTHS = (Truth(False), Truth(True))
