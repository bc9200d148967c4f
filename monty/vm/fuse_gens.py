"""Superinstructions for generators: ``yield x``, ``yield from gen`` and the resumes behind them.

A generator resumed by a Monty frame (``for``, ``yield from``) is switched to inline, and its
yield hands the value straight back to that frame; entry frames (a generator driven by host
code) and every unusual state take the instruction's own handler.
"""
from __future__ import annotations

from ..compiler import opcodes as O
from ..objects.model import UNBOUND
from .generators import RUNNING, SUSPENDED, Generator, yield_through
from .interp import EV_SWITCH
from . import protocol as P


def _fast_yield(code, pc, ops, base):
    """LOAD_FAST x; YIELD_VALUE: the value goes to the resuming frame without the stack."""
    x = ops[pc][1]
    first, do_yield, after = base[pc], base[pc + 1], pc + 2

    def fn(f):
        v = f.locals[x]
        if v is UNBOUND:
            return first(f)
        gen = f.gen
        if gen is None or f.entry:
            f.stack.append(v)
            return do_yield(f)
        f.pc = after
        vm = f.vm
        vm.depth -= 1
        gen.state = SUSPENDED
        back = f.back
        f.back = None
        mode = f.resume_mode
        f.resume_mode = None
        if mode is not None and mode[0] == 'yf':
            yield_through(vm, back, v)
        else:
            vm.frame = back
            back.stack.append(v)
        return EV_SWITCH
    return fn


NUMBERS = frozenset({int, float})
SCALARS = frozenset({int, float, str})


def _op_yield(code, pc, ops, base):
    """BINARY_OP on two numbers, or COMPARE_OP on two scalars, then YIELD_VALUE (``yield a + b``,
    ``(x > k for x in xs)``): the operator is the first instruction, so its errors keep their
    place; the result goes straight to the resuming frame."""
    kind, arg = ops[pc]
    if kind == O.BINARY_OP:
        func, ok, checked = P.BINOP_FUNCS[arg], NUMBERS, arg in (2, 6, 7)   # *, **, <<
    else:
        func, ok, checked = P.CMP_FUNCS[arg], SCALARS, False
    first, after = base[pc], pc + 2

    def fn(f):
        s = f.stack
        b = s[-1]
        a = s[-2]
        ta = type(a)
        tb = type(b)
        gen = f.gen
        if ta in ok and tb in ok and gen is not None and not f.entry and \
                (not checked or ta is float or tb is float or f.vm.tracker is None):
            v = func(a, b)
            del s[-2:]
            f.pc = after
            vm = f.vm
            vm.depth -= 1
            gen.state = SUSPENDED
            back = f.back
            f.back = None
            mode = f.resume_mode
            f.resume_mode = None
            if mode is not None and mode[0] == 'yf':
                yield_through(vm, back, v)
            else:
                vm.frame = back
                back.stack.append(v)
            return EV_SWITCH
        return first(f)
    return fn


def _yield_from(code, pc, ops, base):
    """YIELD_FROM into a suspended (or fresh, sent None) generator: its frame is switched to
    inline, as ``FOR_ITER`` does; anything else takes the instruction's handler."""
    return _resume_sub(base[pc], pc, ops[pc][1], False)


def _jump_yield_from(code, pc, ops, base):
    """The JUMP closing a ``yield from`` loop runs its YIELD_FROM's fast path too."""
    target = ops[pc][1]
    if not (target == pc - 2 and ops[target][0] == O.YIELD_FROM):
        return None
    return _resume_sub(None, target, ops[target][1], True)


def _resume_sub(first, pc, exit_pc, jumped):
    """The resume of YIELD_FROM at ``pc``; ``jumped``: reached by the loop's backward JUMP
    (which ticks the tracker and, off the fast path, lands on YIELD_FROM itself)."""
    nxt = pc + 1
    mode = ('yf', exit_pc)

    def fn(f):
        vm = f.vm
        if jumped:
            tr = vm.tracker
            if tr is not None:
                tr.tick()
        s = f.stack
        sub = s[-2]
        if type(sub) is Generator:
            state = sub.state
            if (state == SUSPENDED or state < SUSPENDED and s[-1] is None) and \
                    vm.depth < vm.max_depth:
                gf = sub.frame
                sub.state = RUNNING
                gf.resume_mode = mode
                gf.stack.append(s.pop())
                gf.back = f
                f.pc = nxt
                vm.frame = gf
                vm.depth += 1
                return EV_SWITCH
        return pc if jumped else first(f)
    return fn


PATTERNS = [
    ((O.BINARY_OP, O.YIELD_VALUE), _op_yield),
    ((O.COMPARE_OP, O.YIELD_VALUE), _op_yield),
    ((O.LOAD_FAST, O.YIELD_VALUE), _fast_yield),
    ((O.YIELD_FROM,), _yield_from),
    ((O.JUMP,), _jump_yield_from),
]
