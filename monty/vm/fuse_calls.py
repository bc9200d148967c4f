"""Superinstructions for calls of a global with simple arguments: ``f(x)``, ``g(a, 1)``,
``fib(n - 1)``, and for ``yield x``.

``LOAD_GLOBAL f; <one simple argument producer per argument>; CALL k``: when every argument is
available without raising, a plain Monty function gets its frame at once; anything else is
pushed for ``CALL`` to run, so errors inside the call keep ``CALL``'s position.
"""
from __future__ import annotations

from ..compiler import opcodes as O
from ..objects.model import UNBOUND, Function
from .interp import EV_SWITCH
from .ops import enter_plain
from . import protocol as P

MISS = UNBOUND    # an argument producer that cannot run without raising returns this


def _producer(ops, i):
    """``(getter, width)`` for the argument starting at ``ops[i]``, or None."""
    code_, arg = ops[i]
    if code_ == O.LOAD_CONST:
        return (lambda f: arg), 1
    if code_ == O.LOAD_FAST:
        if i + 2 < len(ops) and ops[i + 1][0] == O.LOAD_CONST and ops[i + 2][0] == O.BINARY_OP:
            made = _fast_const_op(arg, ops[i + 1][1], ops[i + 2][1])
            if made is not None:
                return made, 3
        return (lambda f: f.locals[arg]), 1
    if code_ == O.LOAD_DEREF:
        return (lambda f: f.locals[arg].v), 1
    return None


def _fast_const_op(slot, c, op):
    """``local <op> const`` when it cannot raise for the local's exact type (else MISS)."""
    from .fuse import _const_guard
    guard = _const_guard(op, c)
    if guard is None:
        return None
    t1, t2 = guard
    func = P.BINOP_FUNCS[op]

    def get(f):
        a = f.locals[slot]
        ta = type(a)
        if ta is t1 or ta is t2:
            return func(a, c)
        return MISS
    return get


def _global_call(code, pc, ops, base):
    """LOAD_GLOBAL f; argument producers; CALL k (k of them)."""
    name = ops[pc][1]
    getters, i = [], pc + 1
    while i < len(ops) and ops[i][0] != O.CALL and len(getters) < 4:
        made = _producer(ops, i)
        if made is None:
            return None
        getters.append(made[0])
        i += made[1]
    if i >= len(ops) or ops[i] != (O.CALL, len(getters)) or not getters:
        return None
    first, call_pc, k = base[pc], i, len(getters)
    after = call_pc + 1

    def fn(f):
        g = f.globals
        if name in g:
            func = g[name]
        else:
            func = f.vm.builtins.get(name, MISS)
            if func is MISS:
                return first(f)
        args = []
        for get in getters:
            a = get(f)
            if a is MISS:       # never ``in``: that would compare with host __eq__
                return first(f)
            args.append(a)
        if type(func) is Function and func.code.fastcall == k:
            f.pc = after
            if enter_plain(f, func, args):
                return EV_SWITCH
        s = f.stack
        s.append(func)
        s += args
        return call_pc
    if k == 1:
        get1 = getters[0]

        def one(f):
            g = f.globals
            if name in g:
                func = g[name]
            else:
                func = f.vm.builtins.get(name, MISS)
                if func is MISS:
                    return first(f)
            a = get1(f)
            if a is MISS:
                return first(f)
            if type(func) is Function and func.code.fastcall == 1:
                f.pc = after
                if enter_plain(f, func, [a]):
                    return EV_SWITCH
            s = f.stack
            s.append(func)
            s.append(a)
            return call_pc
        return one
    return fn


def _fast_yield(code, pc, ops, base):
    """LOAD_FAST x; YIELD_VALUE."""
    x = ops[pc][1]
    first = base[pc]
    do_yield = base[pc + 1]

    def fn(f):
        v = f.locals[x]
        if v is UNBOUND:
            return first(f)
        f.stack.append(v)
        return do_yield(f)
    return fn


PATTERNS = [
    ((O.LOAD_GLOBAL, O.LOAD_FAST), _global_call),
    ((O.LOAD_GLOBAL, O.LOAD_CONST), _global_call),
    ((O.LOAD_GLOBAL, O.LOAD_DEREF), _global_call),
    ((O.LOAD_FAST, O.YIELD_VALUE), _fast_yield),
]
