"""Compilation of ``match`` statements (PEP 634) onto the stack machine.

A pattern finds the value to match on top of the stack and consumes it; on failure it jumps to
a cleanup label that pops whatever the pattern left above the case's subject, then tries the
next case.  Names are bound as they match (CPython leaves them unspecified on failure).
"""
from __future__ import annotations

import ast

from . import opcodes as O


class PatternCompiler:
    """Compiles the patterns of one ``case``."""

    def __init__(self, c, fail_target):
        self.c = c
        self.fail_target = fail_target
        self.base = 0
        self.cleanups: dict = {}

    def fail(self, k: int):
        """A label that pops ``k`` stack items and jumps to the current failure target."""
        from .codegen import Label
        k -= self.base
        key = (id(self.fail_target), k)
        if key not in self.cleanups:
            self.cleanups[key] = (Label(), k, self.fail_target)
        return self.cleanups[key][0]

    def emit_cleanups(self) -> None:
        c = self.c
        for lbl, k, target in self.cleanups.values():
            c.label(lbl)
            for _ in range(k):
                c.emit(O.POP_TOP)
            c.emit(O.JUMP, target)
        self.cleanups = {}

    def pattern(self, p, extra: int) -> None:
        getattr(self, 'p_' + type(p).__name__)(p, extra)

    def p_MatchValue(self, p, extra):
        self.c.visit(p.value)
        self.c.emit(O.COMPARE_OP, 2)
        self.c.emit(O.POP_JUMP_IF_FALSE, self.fail(extra - 1))

    def p_MatchSingleton(self, p, extra):
        self.c.emit(O.LOAD_CONST, p.value)
        self.c.emit(O.IS_OP, 0)
        self.c.emit(O.POP_JUMP_IF_FALSE, self.fail(extra - 1))

    def p_MatchAs(self, p, extra):
        if p.pattern is None:
            if p.name is None:
                self.c.emit(O.POP_TOP)
            else:
                self.c.name_op(p.name, 'store')
            return
        self.c.emit(O.COPY, 1)
        self.pattern(p.pattern, extra + 1)
        self.c.name_op(p.name, 'store')

    def p_MatchOr(self, p, extra):
        from .codegen import Label
        c = self.c
        success = Label()
        saved, saved_base = self.fail_target, self.base
        self.base = extra
        for alt in p.patterns:
            nxt = Label()
            self.fail_target = nxt
            c.emit(O.COPY, 1)
            self.pattern(alt, extra + 1)
            c.emit(O.JUMP, success)
            self.emit_cleanups_for(nxt)
            c.label(nxt)
        self.fail_target, self.base = saved, saved_base
        c.emit(O.JUMP, self.fail(extra))
        c.label(success)
        c.emit(O.POP_TOP)

    def emit_cleanups_for(self, target) -> None:
        c = self.c
        for key in [k for k, v in self.cleanups.items() if v[2] is target]:
            lbl, k, tgt = self.cleanups.pop(key)
            c.label(lbl)
            for _ in range(k):
                c.emit(O.POP_TOP)
            c.emit(O.JUMP, tgt)

    def p_MatchSequence(self, p, extra):
        c = self.c
        pats = p.patterns
        star = [i for i, s in enumerate(pats) if isinstance(s, ast.MatchStar)]
        c.emit(O.MATCH_SEQUENCE)
        c.emit(O.POP_JUMP_IF_FALSE, self.fail(extra))
        c.emit(O.GET_LEN)
        if star:
            c.emit(O.LOAD_CONST, len(pats) - 1)
            c.emit(O.COMPARE_OP, 5)
        else:
            c.emit(O.LOAD_CONST, len(pats))
            c.emit(O.COMPARE_OP, 2)
        c.emit(O.POP_JUMP_IF_FALSE, self.fail(extra))
        if star:
            i = star[0]
            c.emit(O.UNPACK_EX, (i, len(pats) - i - 1))
        else:
            c.emit(O.UNPACK_SEQUENCE, len(pats))
        remaining = extra - 1 + len(pats)
        for sub in pats:
            if isinstance(sub, ast.MatchStar):
                if sub.name is None:
                    c.emit(O.POP_TOP)
                else:
                    c.name_op(sub.name, 'store')
            else:
                self.pattern(sub, remaining)
            remaining -= 1

    def p_MatchMapping(self, p, extra):
        c = self.c
        c.emit(O.MATCH_MAPPING)
        c.emit(O.POP_JUMP_IF_FALSE, self.fail(extra))
        for k in p.keys:
            c.visit(k)
        c.emit(O.BUILD_TUPLE, len(p.keys))
        c.emit(O.MATCH_KEYS)
        c.emit(O.COPY, 1)
        c.emit(O.POP_JUMP_IF_NONE, self.fail(extra + 2))
        c.emit(O.UNPACK_SEQUENCE, len(p.keys))
        remaining = extra + 1 + len(p.keys)
        for sub in p.patterns:
            self.pattern(sub, remaining)
            remaining -= 1
        if p.rest is not None:
            c.emit(O.COPY_DICT_WITHOUT_KEYS)
            c.name_op(p.rest, 'store')
        else:
            c.emit(O.POP_TOP)
            c.emit(O.POP_TOP)

    def p_MatchClass(self, p, extra):
        c = self.c
        c.visit(p.cls)
        c.emit(O.MATCH_CLASS, (len(p.patterns), tuple(p.kwd_attrs)))
        c.emit(O.COPY, 1)
        c.emit(O.POP_JUMP_IF_NONE, self.fail(extra))
        n = len(p.patterns) + len(p.kwd_patterns)
        c.emit(O.UNPACK_SEQUENCE, n)
        remaining = extra - 1 + n
        for sub in list(p.patterns) + list(p.kwd_patterns):
            self.pattern(sub, remaining)
            remaining -= 1


def compile_match(c, node) -> None:
    from .codegen import Label
    end = Label()
    c.visit(node.subject)
    for i, case in enumerate(node.cases):
        nxt = Label()
        pc = PatternCompiler(c, nxt)
        c.set_pos(case.pattern)
        c.emit(O.COPY, 1)
        pc.pattern(case.pattern, 1)
        if case.guard is not None:
            c.jump_if(case.guard, False, nxt)
        c.emit(O.POP_TOP)
        c.visit_body(case.body)
        c.emit(O.JUMP, end)
        pc.emit_cleanups()
        c.label(nxt)
    c.emit(O.POP_TOP)
    c.label(end)
