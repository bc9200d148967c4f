"""Backtracking virtual machine with an explicit stack (no recursion per character)."""

from __future__ import annotations

from typing import Callable, Optional

from . import opcodes as op
from .chars import fold_ascii, fold_unicode
from .compiler import Program

TICK_EVERY = 1000


def _no_tick() -> None:
    """Default tick: never interrupts."""


class Machine:
    """Runs one compiled program over one subject string."""

    def __init__(self, program: Program, s: str, tick: Optional[Callable[[], None]]) -> None:
        self.program = program
        self.s = s
        self.end = len(s)
        self.tick = tick or _no_tick
        self.budget = TICK_EVERY
        self.regs = [None] * program.nregs
        self.blank = [-1] * (2 * program.groups + 3)
        self.caps = list(self.blank)
        self.match_all = False
        self.forbid = -1

    def spend(self, steps: int) -> None:
        """Account for work done, calling the tick callback every TICK_EVERY steps."""
        self.budget -= steps
        while self.budget <= 0:
            self.budget += TICK_EVERY
            self.tick()

    def match_at(self, pos: int) -> Optional[list]:
        """Try a match starting exactly at `pos`; returns the capture list or None."""
        caps = self.caps
        caps[0] = pos
        if self.run(self.program.code, pos) < 0:
            return None
        found = list(caps)
        caps[:] = self.blank
        return found

    def search(self, pos: int) -> Optional[list]:
        """Find the leftmost match starting at or after `pos`."""
        program, s, end = self.program, self.s, self.end
        prefix = program.prefix
        if program.required and s.find(program.required, pos) < 0:
            return None
        if program.anchored:
            return self.match_at(pos)
        while pos <= end:
            if prefix:
                pos = s.find(prefix, pos)
                if pos < 0:
                    return None
            found = self.match_at(pos)
            if found is not None:
                return found
            self.forbid = -1
            pos += 1
            self.spend(1)
        return None

    def sub_run(self, code: list, pos: int) -> int:
        """Run a lookaround or atomic body with its own backtrack stack."""
        saved = self.match_all, self.forbid
        self.match_all, self.forbid = False, -1
        try:
            return self.run(code, pos)
        finally:
            self.match_all, self.forbid = saved

    def run(self, code: list, pos: int) -> int:
        """Execute `code` from `pos`; returns the end position or -1, captures in self.caps."""
        s, end, caps, regs = self.s, self.end, self.caps, self.regs
        stack: list = []
        push, pop = stack.append, stack.pop
        last = len(caps) - 1
        budget = self.budget
        pc = 0
        while True:
            budget -= 1
            if budget <= 0:
                self.budget = budget
                self.spend(0)
                budget = self.budget
            ins = code[pc]
            kind = ins[0]
            if kind == op.CHAR:
                if pos < end and s[pos] == ins[1]:
                    pos += 1
                    pc += 1
                    continue
            elif kind == op.STR:
                if s.startswith(ins[1], pos):
                    pos += ins[2]
                    pc += 1
                    continue
            elif kind == op.TEST:
                if pos < end and ins[1](s[pos]):
                    pos += 1
                    pc += 1
                    continue
            elif kind == op.ANY:
                if pos < end and s[pos] != "\n":
                    pos += 1
                    pc += 1
                    continue
            elif kind == op.ANY_ALL:
                if pos < end:
                    pos += 1
                    pc += 1
                    continue
            elif kind == op.SPLIT:
                push((op.B_CHOICE, ins[2], pos))
                pc = ins[1]
                continue
            elif kind == op.JMP:
                pc = ins[1]
                continue
            elif kind == op.SAVE:
                slot = ins[1]
                push((op.B_CAP, slot, caps[slot]))
                caps[slot] = pos
                if slot & 1:
                    push((op.B_CAP, last, caps[last]))
                    caps[last] = slot >> 1
                pc += 1
                continue
            elif kind == op.REP1:
                lo, hi = ins[3], ins[4]
                low = pos + lo
                if low <= end:
                    if ins[5] == op.GREEDY:
                        limit = end if hi is None or pos + hi > end else pos + hi
                        reached = ins[1](s, pos, limit)
                        budget -= (reached - pos) >> 4
                        if reached >= low:
                            if reached > low:
                                push((op.B_GREEDY, pc + 1, low, reached, ins[6]))
                            pos = reached
                            pc += 1
                            continue
                    else:
                        reached = ins[1](s, pos, low) if lo else pos
                        if reached == low:
                            limit = end if hi is None or pos + hi > end else pos + hi
                            if reached < limit:
                                push((op.B_LAZY, pc + 1, reached, limit, ins[2]))
                            pos = reached
                            pc += 1
                            continue
            elif kind == op.AT:
                if ins[1](s, pos, end):
                    pc += 1
                    continue
            elif kind == op.LOOP:
                reg = ins[1]
                count, start = regs[reg]
                if count < ins[2]:
                    # Mandatory iterations leave the empty-iteration guard alone.
                    push((op.B_REG, reg, regs[reg]))
                    regs[reg] = (count + 1, start)
                    pc += 2
                    continue
                hi = ins[3]
                if (hi is None or count < hi) and pos != start:
                    if ins[4]:
                        push((op.B_CHOICE, ins[5], pos))
                        pc += 1
                    else:
                        push((op.B_CHOICE, pc + 1, pos))
                        pc = ins[5]
                else:
                    pc = ins[5]
                continue
            elif kind == op.LOOP_ENTER:
                reg = ins[1]
                old = regs[reg]
                push((op.B_REG, reg, old))
                regs[reg] = (old[0] + 1, pos)
                pc += 1
                continue
            elif kind == op.LOOP_INIT:
                reg = ins[1]
                push((op.B_REG, reg, regs[reg]))
                regs[reg] = (0, -1)
                pc += 1
                continue
            elif kind == op.MATCH:
                if not ((self.match_all and pos != end) or pos == self.forbid):
                    caps[1] = pos
                    self.budget = budget
                    return pos
            elif kind == op.SUCCEED:
                self.budget = budget
                return pos
            elif kind == op.REF:
                reached = self.backref(ins[1], ins[2], pos)
                if reached >= 0:
                    pos = reached
                    pc += 1
                    continue
            elif kind == op.IF_GROUP:
                slot = 2 * ins[1]
                pc = pc + 1 if caps[slot] >= 0 and caps[slot + 1] >= 0 else ins[2]
                continue
            else:
                self.budget = budget
                reached = self.nested(ins, pos, push)
                budget = self.budget
                if reached >= 0:
                    pos = reached
                    pc += 1
                    continue
            # Failure: unwind to the most recent choice point.
            while True:
                if not stack:
                    self.budget = budget
                    return -1
                entry = pop()
                tag = entry[0]
                if tag == op.B_CAP:
                    caps[entry[1]] = entry[2]
                elif tag == op.B_CHOICE:
                    pc, pos = entry[1], entry[2]
                    break
                elif tag == op.B_REG:
                    regs[entry[1]] = entry[2]
                elif tag == op.B_GREEDY:
                    low, reached, char = entry[2], entry[3], entry[4]
                    if char is None:
                        reached -= 1
                    else:
                        reached = s.rfind(char, low, reached)
                        if reached < 0:
                            continue
                    if reached > low:
                        push((op.B_GREEDY, entry[1], low, reached, char))
                    pc, pos = entry[1], reached
                    break
                else:
                    reached = entry[2]
                    if entry[4](s[reached]):
                        reached += 1
                        if reached < entry[3]:
                            push((op.B_LAZY, entry[1], reached, entry[3], entry[4]))
                        pc, pos = entry[1], reached
                        break
                budget -= 1

    def backref(self, group: int, fold: Optional[str], pos: int) -> int:
        """Match the text of an earlier group at `pos`; returns the new position or -1."""
        caps = self.caps
        start, stop = caps[2 * group], caps[2 * group + 1]
        if start < 0 or stop < 0:
            return -1
        size = stop - start
        if pos + size > self.end:
            return -1
        s = self.s
        if fold is None:
            return pos + size if s.startswith(s[start:stop], pos) else -1
        key = fold_unicode if fold == "u" else fold_ascii
        for i in range(size):
            if key(s[start + i]) != key(s[pos + i]):
                return -1
        return pos + size

    def nested(self, ins: tuple, pos: int, push: Callable) -> int:
        """Run an ATOMIC or LOOK instruction; returns the new position or -1."""
        caps = self.caps
        before = list(caps)
        if ins[0] == op.ATOMIC:
            reached = self.sub_run(ins[1], pos)
            if reached >= 0:
                _log_changes(caps, before, push)
            return reached
        back = ins[2]
        start = pos if back < 0 else pos - back
        matched = start >= 0 and self.sub_run(ins[1], start) >= 0
        if ins[3]:
            caps[:] = before
            return -1 if matched else pos
        if matched:
            _log_changes(caps, before, push)
            return pos
        return -1


def _log_changes(caps: list, before: list, push: Callable) -> None:
    """Record capture changes made by a nested run so outer backtracking undoes them."""
    for slot, old in enumerate(before):
        if caps[slot] != old:
            push((op.B_CAP, slot, old))
