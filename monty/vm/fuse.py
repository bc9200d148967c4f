"""Superinstructions: fused handlers for common instruction sequences on host values.

A fused handler replaces only the first handler of its sequence; the others stay in place, so
jumps into the middle of a sequence still work.  The fused handler runs the whole sequence when
its type guards prove that no instruction after the first can raise or call Monty code (so
tracebacks keep the exact instruction), and otherwise runs just the first instruction's own
handler.  ``Code.ops`` is untouched: snapshots never see fused handlers.
"""
from __future__ import annotations

import operator

from ..compiler import opcodes as O
from ..objects.model import UNBOUND
from . import protocol as P
from .fuse_attrs import PATTERNS as ATTR_PATTERNS
from .hashing import COMPARE_PLAIN
from .generators import RUNNING, SUSPENDED, Generator
from .interp import EV_RETURN, EV_SWITCH
from .ops import return_plain
from .signals import MontyRaise

ADD, SUB, MUL, TRUEDIV, FLOORDIV, MOD, POW, LSHIFT, RSHIFT, AND, OR, XOR = range(12)
SAFE_FLOAT_INT = 1 << 53   # ints below this convert to float exactly and never overflow

# Binary operators that cannot raise for two operands of the same exact type: op -> types.
# Division-like operators also need a non-zero right operand, RSHIFT a non-negative one;
# int * int is only taken when no resource tracker watches allocations.
SAME_TYPE_SAFE = {
    ADD: (int, float, str), SUB: (int, float), MUL: (float,), TRUEDIV: (float,),
    FLOORDIV: (int, float), MOD: (int, float), RSHIFT: (int,), AND: (int,), OR: (int,),
    XOR: (int,),
}
NONZERO_RIGHT = frozenset({TRUEDIV, FLOORDIV, MOD})
CMP_SAFE = (int, float, str)


def _const_guard(op: int, c):
    """The exact left operand types for which ``x <op> c`` cannot raise, or None."""
    tc = type(c)
    if op in NONZERO_RIGHT and not c:
        return None
    if op == RSHIFT and tc is int and c < 0:
        return None
    if tc is int:
        if op in (ADD, SUB, FLOORDIV, MOD, TRUEDIV) and -SAFE_FLOAT_INT < c < SAFE_FLOAT_INT:
            return (int, float) if op != TRUEDIV else (float, float)
        if op == MUL and -SAFE_FLOAT_INT < c < SAFE_FLOAT_INT:
            return (float, float)
        if op in (RSHIFT, AND, OR, XOR):
            return (int, int)
        return None
    if tc is float:
        if op in (ADD, SUB, MUL, TRUEDIV, FLOORDIV, MOD):
            return (float, float)
        return None
    return None   # str + const stays on the plain path, which checks the result's size


def _cmp_const_guard(c):
    tc = type(c)
    if tc is int or tc is float:
        return (int, float)
    if tc is str:
        return (str, str)
    return None


# -- builders: each gets (code, pc, ops, base) and returns a handler or None -----------------
def _load_fast_pair(code, pc, ops, base):
    x, y = ops[pc][1], ops[pc + 1][1]
    first, after = base[pc], pc + 2

    def fn(f):
        loc = f.locals
        a = loc[x]
        b = loc[y]
        if a is UNBOUND or b is UNBOUND:
            return first(f)
        s = f.stack
        s.append(a)
        s.append(b)
        return after
    return fn


def _store_load_fast(code, pc, ops, base):
    x, y = ops[pc][1], ops[pc + 1][1]
    first, after = base[pc], pc + 2
    if x == y:
        def same(f):
            f.locals[x] = f.stack[-1]
            return after
        return same

    def fn(f):
        loc = f.locals
        v = loc[y]
        if v is UNBOUND:
            return first(f)
        s = f.stack
        loc[x] = s[-1]
        s[-1] = v
        return after
    return fn


def _int_mul_const(c) -> bool:
    """``x * c`` for a small int ``c``: an int ``x`` is multiplied only when no resource
    tracker watches allocations (as BINARY_OP does); a float ``x`` always."""
    return type(c) is int and -SAFE_FLOAT_INT < c < SAFE_FLOAT_INT


def _fast_const_mul(x, c, first, pc, ops, store):
    """LOAD_FAST x; LOAD_CONST c; BINARY_OP * [STORE_FAST z]."""
    z = ops[pc + 3][1] if store else None
    after = pc + 4 if store else pc + 3

    def fn(f):
        loc = f.locals
        a = loc[x]
        ta = type(a)
        if ta is float or ta is int and f.vm.tracker is None:
            if store:
                loc[z] = a * c
            else:
                f.stack.append(a * c)
            return after
        return first(f)
    return fn


def _fast_const_binop(code, pc, ops, base, store=False):
    x, c, op = ops[pc][1], ops[pc + 1][1], ops[pc + 2][1]
    if op == MUL and _int_mul_const(c):
        return _fast_const_mul(x, c, base[pc], pc, ops, store)
    guard = _const_guard(op, c)
    if guard is None:
        return None
    t1, t2 = guard
    func = P.BINOP_FUNCS[op]
    first = base[pc]
    if store:
        z, after = ops[pc + 3][1], pc + 4

        def st(f):
            loc = f.locals
            a = loc[x]
            ta = type(a)
            if ta is t1 or ta is t2:
                loc[z] = func(a, c)
                return after
            return first(f)
        return st
    after = pc + 3

    def fn(f):
        a = f.locals[x]
        ta = type(a)
        if ta is t1 or ta is t2:
            f.stack.append(func(a, c))
            return after
        return first(f)
    return fn


def _fast_fast_binop(code, pc, ops, base, store=False):
    x, y, op = ops[pc][1], ops[pc + 1][1], ops[pc + 2][1]
    func = P.BINOP_FUNCS[op]
    first = base[pc]
    types = SAME_TYPE_SAFE.get(op)
    if op == MUL:
        return _fast_fast_mul(x, y, first, pc, ops, store)
    if types is None:
        return None
    t1, t2, t3 = (types + types[-1:] * 2)[:3]
    need_nonzero = op in NONZERO_RIGHT
    need_nonneg = op == RSHIFT
    z = ops[pc + 3][1] if store else None
    after = pc + 4 if store else pc + 3

    def fn(f):
        loc = f.locals
        a = loc[x]
        b = loc[y]
        ta = type(a)
        if ta is type(b) and (ta is t1 or ta is t2 or ta is t3) and \
                (not need_nonzero or b) and (not need_nonneg or b >= 0) and \
                (ta is not str or f.vm.tracker is None):
            if store:
                loc[z] = func(a, b)
            else:
                f.stack.append(func(a, b))
            return after
        return first(f)
    return fn


def _fast_fast_mul(x, y, first, pc, ops, store):
    z = ops[pc + 3][1] if store else None
    after = pc + 4 if store else pc + 3
    mul = operator.mul

    def fn(f):
        loc = f.locals
        a = loc[x]
        b = loc[y]
        ta = type(a)
        if ta is type(b) and (ta is float or ta is int and f.vm.tracker is None):
            if store:
                loc[z] = mul(a, b)
            else:
                f.stack.append(mul(a, b))
            return after
        return first(f)
    return fn


def _const_binop(code, pc, ops, base):
    """LOAD_CONST c; BINARY_OP with the left operand already on the stack."""
    c, op = ops[pc][1], ops[pc + 1][1]
    first, after = base[pc], pc + 2
    if op == MUL and _int_mul_const(c):
        def mul(f):
            s = f.stack
            a = s[-1]
            ta = type(a)
            if ta is float or ta is int and f.vm.tracker is None:
                s[-1] = a * c
                return after
            return first(f)
        return mul
    guard = _const_guard(op, c)
    if guard is None:
        return None
    t1, t2 = guard
    func = P.BINOP_FUNCS[op]

    def fn(f):
        s = f.stack
        a = s[-1]
        ta = type(a)
        if ta is t1 or ta is t2:
            s[-1] = func(a, c)
            return after
        return first(f)
    return fn


def _fast_binop(code, pc, ops, base):
    """LOAD_FAST y; BINARY_OP with the left operand already on the stack."""
    y, op = ops[pc][1], ops[pc + 1][1]
    func = P.BINOP_FUNCS[op]
    first, after = base[pc], pc + 2
    if op == MUL:
        def mul(f):
            s = f.stack
            a = s[-1]
            b = f.locals[y]
            ta = type(a)
            if ta is type(b) and (ta is float or ta is int and f.vm.tracker is None):
                s[-1] = a * b
                return after
            return first(f)
        return mul
    types = SAME_TYPE_SAFE.get(op)
    if types is None:
        return None
    t1, t2, t3 = (types + types[-1:] * 2)[:3]
    need_nonzero = op in NONZERO_RIGHT
    need_nonneg = op == RSHIFT

    def fn(f):
        s = f.stack
        a = s[-1]
        b = f.locals[y]
        ta = type(a)
        if ta is type(b) and (ta is t1 or ta is t2 or ta is t3) and \
                (not need_nonzero or b) and (not need_nonneg or b >= 0) and \
                (ta is not str or f.vm.tracker is None):
            s[-1] = func(a, b)
            return after
        return first(f)
    return fn


def _binop_store(code, pc, ops, base):
    """BINARY_OP/INPLACE_OP then STORE_FAST: the operator is the first instruction."""
    op, z = ops[pc][1], ops[pc + 1][1]
    func = (P.INPLACE_FUNCS if ops[pc][0] == IO else P.BINOP_FUNCS)[op]   # errors name ``<<=``
    first, after = base[pc], pc + 2
    checked = op in (MUL, POW, LSHIFT)

    def fn(f):
        s = f.stack
        b = s[-1]
        a = s[-2]
        ta = type(a)
        tb = type(b)
        if (ta is int or ta is float) and (tb is int or tb is float) and \
                (not checked or ta is float or tb is float or f.vm.tracker is None):
            f.locals[z] = func(a, b)
            del s[-2:]
            return after
        return first(f)
    return fn


def _cmp_jump(taken_if: bool, operands):
    """Factory for COMPARE_OP + POP_JUMP_IF_{TRUE,FALSE} with the given operand shape."""
    def build(code, pc, ops, base):
        k = len(operands)
        op = ops[pc + k][1]
        target = ops[pc + k + 1][1]
        func = P.CMP_FUNCS[op]
        first, after = base[pc], pc + k + 2
        if operands == ('fast', 'const'):
            x, c = ops[pc][1], ops[pc + 1][1]
            guard = _cmp_const_guard(c)
            if guard is None:
                return None
            t1, t2 = guard

            def fc(f):
                a = f.locals[x]
                ta = type(a)
                if ta is t1 or ta is t2:
                    return target if func(a, c) is taken_if else after
                return first(f)
            return fc
        if operands == ('fast', 'fast'):
            x, y = ops[pc][1], ops[pc + 1][1]

            def ff(f):
                loc = f.locals
                a = loc[x]
                b = loc[y]
                ta = type(a)
                tb = type(b)
                if (ta is tb or ta is int and tb is float or ta is float and tb is int) and \
                        (ta is int or ta is float or ta is str):
                    return target if func(a, b) is taken_if else after
                return first(f)
            return ff
        if operands == ('const',):
            c = ops[pc][1]
            guard = _cmp_const_guard(c)
            if guard is None:
                return None
            t1, t2 = guard

            def sc(f):
                s = f.stack
                a = s[-1]
                ta = type(a)
                if ta is t1 or ta is t2:
                    s.pop()
                    return target if func(a, c) is taken_if else after
                return first(f)
            return sc
        host = COMPARE_PLAIN   # an items view compared with a set hashes its pairs
        jump_pc = pc + 1

        def st(f):
            s = f.stack
            b = s[-1]
            a = s[-2]
            if type(a) in host and type(b) in host:
                r = func(a, b)
                if r is True or r is False:
                    del s[-2:]
                    return target if r is taken_if else after
                s.pop()
                s[-1] = r
                return jump_pc
            return first(f)
        return st
    return build


def _fast_slice(code, pc, ops, base):
    """LOAD_FAST x; LOAD_CONST a; LOAD_CONST b; BUILD_SLICE 2; BINARY_SUBSCR: ``x[a:b]`` with
    int/None bounds on a list, tuple or str (which cannot raise)."""
    lo, hi = ops[pc + 1][1], ops[pc + 2][1]
    if ops[pc + 3][1] != 2 or not all(v is None or type(v) is int for v in (lo, hi)):
        return None
    x, sl = ops[pc][1], slice(lo, hi)
    first, after = base[pc], pc + 5

    def fn(f):
        a = f.locals[x]
        ta = type(a)
        if ta is list or ta is tuple or ta is str:
            f.stack.append(a[sl])
            return after
        return first(f)
    return fn


def _key_error(f, pc: int, key):
    """Raise the KeyError of the dict lookup at ``pc`` that just missed (a second lookup could
    run a colliding key's Monty ``__eq__`` again)."""
    vm = f.vm
    exc = vm.from_host(KeyError(key))
    exc.tb.insert(0, (f.code, pc))
    vm.set_context(f, exc)
    raise MontyRaise(exc, reraise=True)


def _fast_subscr(code, pc, ops, base):
    """LOAD_FAST x; LOAD_FAST/LOAD_CONST k; BINARY_SUBSCR on lists, tuples and dicts (one
    lookup per dict subscript, as the plain instruction does)."""
    x = ops[pc][1]
    kop, k = ops[pc + 1]
    first, after, subscr = base[pc], pc + 3, pc + 2
    if kop == O.LOAD_CONST:
        if type(k) is int:
            def ci(f):
                a = f.locals[x]
                ta = type(a)
                if (ta is list or ta is tuple) and -len(a) <= k < len(a):
                    f.stack.append(a[k])
                    return after
                if ta is dict:
                    v = a.get(k, UNBOUND)
                    if v is UNBOUND:
                        _key_error(f, subscr, k)
                    f.stack.append(v)
                    return after
                return first(f)
            return ci
        if type(k) is str:
            def cs(f):
                a = f.locals[x]
                if type(a) is dict:
                    v = a.get(k, UNBOUND)
                    if v is UNBOUND:
                        _key_error(f, subscr, k)
                    f.stack.append(v)
                    return after
                return first(f)
            return cs
        return None

    def ff(f):
        loc = f.locals
        a = loc[x]
        key = loc[k]
        ta = type(a)
        tk = type(key)
        if (ta is list or ta is tuple) and tk is int and -len(a) <= key < len(a):
            f.stack.append(a[key])
            return after
        if ta is dict and (tk is int or tk is str):
            v = a.get(key, UNBOUND)
            if v is UNBOUND:
                _key_error(f, subscr, key)
            f.stack.append(v)
            return after
        return first(f)
    return ff


def _dup_subscr(code, pc, ops, base):
    """COPY 2; COPY 2; BINARY_SUBSCR (the read half of ``x[k] op= v``)."""
    if ops[pc][1] != 2 or ops[pc + 1][1] != 2:
        return None
    first, after, subscr = base[pc], pc + 3, pc + 2

    def fn(f):
        s = f.stack
        a = s[-2]
        key = s[-1]
        ta = type(a)
        tk = type(key)
        if (ta is list or ta is tuple) and tk is int and -len(a) <= key < len(a):
            s.append(a[key])
            return after
        if ta is dict and (tk is int or tk is str):
            v = a.get(key, UNBOUND)
            if v is UNBOUND:
                _key_error(f, subscr, key)
            s.append(v)
            return after
        return first(f)
    return fn


def _rot_store_subscr(code, pc, ops, base):
    """SWAP 3; SWAP 2; STORE_SUBSCR (the write half of ``x[k] op= v``)."""
    if ops[pc][1] != 3 or ops[pc + 1][1] != 2:
        return None
    first, after = base[pc], pc + 3

    def fn(f):
        s = f.stack
        a = s[-3]
        key = s[-2]
        ta = type(a)
        tk = type(key)
        if ta is list and tk is int and -len(a) <= key < len(a) or \
                ta is dict and (tk is int or tk is str):
            a[key] = s.pop()
            del s[-2:]
            return after
        return first(f)
    return fn


def _unpack_store(code, pc, ops, base):
    """UNPACK_SEQUENCE n then n STORE_FASTs, for a tuple or list of the right length."""
    n = ops[pc][1]
    if n < 1 or n > 8 or any(o != O.STORE_FAST for o, _ in ops[pc + 1:pc + 1 + n]) or \
            pc + n >= len(ops):
        return None
    slots = [a for _, a in ops[pc + 1:pc + 1 + n]]
    if len(set(slots)) != n:
        return None
    first, after = base[pc], pc + 1 + n
    if n == 2:
        s0, s1 = slots

        def two(f):
            v = f.stack[-1]
            tv = type(v)
            if (tv is tuple or tv is list) and len(v) == 2:
                f.stack.pop()
                loc = f.locals
                loc[s0], loc[s1] = v
                return after
            return first(f)
        return two
    pairs = list(enumerate(slots))

    def fn(f):
        v = f.stack[-1]
        tv = type(v)
        if (tv is tuple or tv is list) and len(v) == n:
            f.stack.pop()
            loc = f.locals
            for i, slot in pairs:
                loc[slot] = v[i]
            return after
        return first(f)
    return fn


def _for_store(code, pc, ops, base):
    """FOR_ITER then STORE_FAST over a host iterator."""
    target, x = ops[pc][1], ops[pc + 1][1]
    first, store, after = base[pc], pc + 1, pc + 2
    host_iters = P.HOST_ITER_TYPES

    mode = ('for', target)

    def fn(f):
        s = f.stack
        it = s[-1]
        if type(it) in host_iters:
            for v in it:
                f.locals[x] = v
                return after
            s.pop()
            tr = f.vm.tracker
            if tr is not None:
                tr.tick()
            return target
        if type(it) is Generator and it.state <= SUSPENDED:
            # resume the generator inline; its yield lands on the stack for STORE_FAST
            vm = f.vm
            if vm.depth < vm.max_depth:
                gf = it.frame
                it.state = RUNNING
                gf.resume_mode = mode
                gf.stack.append(None)
                gf.back = f
                f.pc = store
                vm.frame = gf
                vm.depth += 1
                return EV_SWITCH
        return first(f)
    return fn


def _fast_return(code, pc, ops, base):
    """LOAD_FAST/LOAD_CONST then RETURN_VALUE."""
    kind, arg = ops[pc]
    first, ret = base[pc], pc + 1
    if kind == O.LOAD_CONST:
        def rc(f):
            f.pc = ret
            if f.post is None and f.gen is None and not f.entry:
                return_plain(f, arg)
                return EV_SWITCH
            f.stack.append(arg)
            return EV_RETURN
        return rc

    def rf(f):
        v = f.locals[arg]
        if v is UNBOUND:
            return first(f)
        f.pc = ret
        if f.post is None and f.gen is None and not f.entry:
            # ops.return_plain, inline: the commonest way a call ends
            vm = f.vm
            back = f.back
            f.back = None
            vm.depth -= 1
            vm.frame = back
            back.stack.append(v)
            if not f.stack and not f.blocks and not f.handling:
                f.locals = None
                vm.free_frames.append(f)
            return EV_SWITCH
        f.stack.append(v)
        return EV_RETURN
    return rf


def _binop_return(code, pc, ops, base):
    """BINARY_OP on two numbers then RETURN_VALUE (``return fib(n - 1) + fib(n - 2)``)."""
    op = ops[pc][1]
    func = P.BINOP_FUNCS[op]
    checked = op in (MUL, POW, LSHIFT)   # allocation-limited, as in BINARY_OP
    first, ret = base[pc], pc + 1

    def fn(f):
        s = f.stack
        b = s.pop()
        a = s.pop()
        ta = type(a)
        tb = type(b)
        if (ta is int or ta is float) and (tb is int or tb is float) and \
                (not checked or ta is float or tb is float or f.vm.tracker is None):
            v = func(a, b)
            f.pc = ret
            if f.post is None and f.gen is None and not f.entry:
                # ops.return_plain, inline
                vm = f.vm
                back = f.back
                f.back = None
                vm.depth -= 1
                vm.frame = back
                back.stack.append(v)
                if not s and not f.blocks and not f.handling:
                    f.locals = None
                    vm.free_frames.append(f)
                return EV_SWITCH
            s.append(v)
            return EV_RETURN
        s.append(a)
        s.append(b)
        return first(f)
    return fn


def _pop_jump(code, pc, ops, base):
    """POP_TOP then JUMP (an expression statement closing a loop body)."""
    target = ops[pc + 1][1]
    if target > pc + 1:
        def fwd(f):
            f.stack.pop()
            return target
        return fwd

    def back(f):
        f.stack.pop()
        tr = f.vm.tracker
        if tr is not None:
            tr.tick()
        return target
    return back


def _with_store(builder):
    def build(code, pc, ops, base):
        return builder(code, pc, ops, base, store=True)
    return build


LF, LC, SF, BO, IO, CMP = O.LOAD_FAST, O.LOAD_CONST, O.STORE_FAST, O.BINARY_OP, O.INPLACE_OP, \
    O.COMPARE_OP
PJF, PJT = O.POP_JUMP_IF_FALSE, O.POP_JUMP_IF_TRUE

# (opcode sequence, builder); the longest match that builds wins at each pc.
PATTERNS = [
    ((LF, LC, CMP, PJF), _cmp_jump(False, ('fast', 'const'))),
    ((LF, LC, CMP, PJT), _cmp_jump(True, ('fast', 'const'))),
    ((LF, LF, CMP, PJF), _cmp_jump(False, ('fast', 'fast'))),
    ((LF, LF, CMP, PJT), _cmp_jump(True, ('fast', 'fast'))),
    ((LF, LC, BO, SF), _with_store(_fast_const_binop)),
    ((LF, LF, BO, SF), _with_store(_fast_fast_binop)),
    ((LF, LC, IO, SF), _with_store(_fast_const_binop)),
    ((LF, LF, IO, SF), _with_store(_fast_fast_binop)),
    ((LF, LC, BO), _fast_const_binop),
    ((LF, LF, BO), _fast_fast_binop),
    ((LF, LC, IO), _fast_const_binop),
    ((LF, LF, IO), _fast_fast_binop),
    ((LC, CMP, PJF), _cmp_jump(False, ('const',))),
    ((LC, CMP, PJT), _cmp_jump(True, ('const',))),
    ((LF, LC, LC, O.BUILD_SLICE, O.BINARY_SUBSCR), _fast_slice),
    ((LF, LC, O.BINARY_SUBSCR), _fast_subscr),
    ((LF, LF, O.BINARY_SUBSCR), _fast_subscr),
    ((O.COPY, O.COPY, O.BINARY_SUBSCR), _dup_subscr),
    ((O.SWAP, O.SWAP, O.STORE_SUBSCR), _rot_store_subscr),
    ((LC, BO), _const_binop),
    ((LF, BO), _fast_binop),
    ((LC, IO), _const_binop),
    ((LF, IO), _fast_binop),
    ((O.POP_TOP, O.JUMP), _pop_jump),
    ((CMP, PJF), _cmp_jump(False, ())),
    ((CMP, PJT), _cmp_jump(True, ())),
    ((BO, SF), _binop_store),
    ((IO, SF), _binop_store),
    ((O.FOR_ITER, SF), _for_store),
    ((O.UNPACK_SEQUENCE,), _unpack_store),
    ((LF, O.RETURN_VALUE), _fast_return),
    ((LC, O.RETURN_VALUE), _fast_return),
    ((BO, O.RETURN_VALUE), _binop_return),
    ((LF, LF), _load_fast_pair),
    ((SF, LF), _store_load_fast),
]
from .fuse_calls import PATTERNS as CALL_PATTERNS  # noqa: E402 - it uses the guards above
from .fuse_gens import PATTERNS as GEN_PATTERNS  # noqa: E402

PATTERNS += ATTR_PATTERNS + CALL_PATTERNS + GEN_PATTERNS
BY_FIRST: dict = {}
YIELDING_PAIRS = frozenset({_load_fast_pair, _store_load_fast})
for _pat, _builder in sorted(PATTERNS, key=lambda row: -len(row[0])):   # longest first
    BY_FIRST.setdefault(_pat[0], []).append((_pat, _builder))


def fuse(code, base: list) -> list:
    """Handlers for ``code`` with fused superinstructions at the heads of known sequences."""
    ops = code.ops
    opcodes = [o for o, _ in ops]
    out = list(base)
    n = len(ops)
    width = [1] * n
    pairs = []
    for pc in range(n):
        cands = BY_FIRST.get(opcodes[pc])
        if not cands:
            continue
        for pat, builder in cands:
            k = len(pat)
            if pc + k > n or tuple(opcodes[pc:pc + k]) != pat:
                continue
            fn = builder(code, pc, ops, base)
            if fn is not None:
                out[pc] = fn
                width[pc] = k
                if builder in YIELDING_PAIRS:
                    pairs.append(pc)
                break
    for pc in pairs:
        # the pair would swallow the head of a sequence of four or more (which saves more
        # dispatches than the pair does): run the pair's first instruction alone
        if width[pc + 1] >= 4:
            out[pc] = base[pc]
    return out
