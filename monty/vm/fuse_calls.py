"""Superinstructions for calls of a global with simple arguments: ``f(x)``, ``g(a, 1)``,
``fib(n - 1)``.

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
from .frame import Frame

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
    if name in PURE and k == 1 and i == pc + 2 and ops[pc + 1][0] == O.LOAD_FAST:
        return _global_pure(name, first, ops[pc + 1][1], call_pc)

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
    if k == 1 and i == pc + 4:
        made = _one_fast_op(name, first, call_pc, ops[pc + 1][1], ops[pc + 2][1], ops[pc + 3][1])
        if made is not None:
            return made
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


def _one_fast_op(name, first, call_pc, slot, c, op):
    """``f(x <op> const)`` with ``x`` a number: the argument computed and a plain function's
    frame entered inline (``fib(n - 1)``)."""
    from .fuse import _const_guard
    guard = _const_guard(op, c)
    if guard is None:
        return None
    t1, t2 = guard
    func_op = P.BINOP_FUNCS[op]
    after = call_pc + 1

    def fn(f):
        g = f.globals
        if name in g:
            func = g[name]
        else:
            func = f.vm.builtins.get(name, MISS)
            if func is MISS:
                return first(f)
        a = f.locals[slot]
        ta = type(a)
        if ta is not t1 and ta is not t2:
            return first(f)
        a = func_op(a, c)
        if type(func) is Function:
            code = func.code
            if code.fastcall == 1:
                vm = f.vm
                if vm.depth < vm.max_depth:
                    f.pc = after
                    args = [a]
                    if code.nlocals != 1:
                        args += [UNBOUND] * (code.nlocals - 1)
                    if code.freevars:
                        args += func.closure
                    free = vm.free_frames
                    if free:
                        fr = free.pop()
                        fr.code = code
                        fr.pc = 0
                        fr.locals = args
                        fr.globals = func.globals
                        fr.ns = None
                        fr.func = func
                        fr.back = f
                        vm.frame = fr
                    else:
                        vm.frame = Frame(vm, code, args, func.globals, None, func, f)
                    vm.depth += 1
                    return EV_SWITCH
        s = f.stack
        s.append(func)
        s.append(a)
        return call_pc
    return fn


SIZED = frozenset({list, tuple, str, dict, set, frozenset, bytes, bytearray})
# builtin -> (host function, exact argument types for which it cannot raise or run Monty code)
PURE = {'len': (len, SIZED), 'abs': (abs, frozenset({int, float})),
        'tuple': (tuple, frozenset({list, tuple})), 'list': (list, frozenset({list, tuple}))}


def _global_pure(name, first, slot, call_pc):
    """``len(x)``, ``abs(x)``, ``tuple(x)``, ``list(x)`` of a local whose exact type makes the
    builtin a plain host call, while ``name`` still means the builtin."""
    from ..builtins.namespace import builtins_namespace
    builtin = builtins_namespace()[name]
    host, types = PURE[name]
    after = call_pc + 1

    def fn(f):
        if name not in f.globals and f.vm.builtins.get(name) is builtin:
            a = f.locals[slot]
            if type(a) in types:
                f.stack.append(host(a))
                return after
        return first(f)
    return fn


def _list_append(code, pc, ops, base):
    """``xs.append(v)`` as a statement, ``xs`` an exact list in a local and ``v`` a local or
    constant: LOAD_FAST; LOAD_METHOD append; LOAD_FAST|LOAD_CONST; CALL_METHOD 1; POP_TOP."""
    if ops[pc + 1][1] != 'append' or ops[pc + 3][1] != (1, None) or \
            ops[pc + 2][0] not in (O.LOAD_FAST, O.LOAD_CONST):
        return None
    obj_slot = ops[pc][1]
    kind, arg = ops[pc + 2]
    first, after = base[pc], pc + 5
    if kind == O.LOAD_CONST:
        def const(f):
            xs = f.locals[obj_slot]
            if type(xs) is list:
                xs.append(arg)
                return after
            return first(f)
        return const

    def fn(f):
        loc = f.locals
        xs = loc[obj_slot]
        v = loc[arg]
        if type(xs) is list and v is not UNBOUND:
            xs.append(v)
            return after
        return first(f)
    return fn


PATTERNS = [
    ((O.LOAD_FAST, O.LOAD_METHOD, O.LOAD_FAST, O.CALL_METHOD, O.POP_TOP), _list_append),
    ((O.LOAD_FAST, O.LOAD_METHOD, O.LOAD_CONST, O.CALL_METHOD, O.POP_TOP), _list_append),
    ((O.LOAD_GLOBAL, O.LOAD_FAST), _global_call),
    ((O.LOAD_GLOBAL, O.LOAD_CONST), _global_call),
    ((O.LOAD_GLOBAL, O.LOAD_DEREF), _global_call),
]
