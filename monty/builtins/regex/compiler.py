"""Compiles a parsed regex tree into instructions for the backtracking machine."""

from __future__ import annotations

from typing import Optional

from . import opcodes as op
from .chars import is_word_ascii, is_word_unicode
from .charsets import class_test, literal_test, single_matcher
from .errors import error
from .parser import State, width


def _boundary(is_word):
    """Word-boundary predicate; CPython never matches \\b or \\B in an empty string."""
    def at(s: str, pos: int, end: int) -> bool:
        if end == 0:
            return False
        before = 0 < pos <= end and is_word(s[pos - 1])
        return before != (pos < end and is_word(s[pos]))
    return at


def _non_boundary(is_word):
    """Negated word-boundary predicate (also false in an empty string)."""
    inner = _boundary(is_word)
    return lambda s, pos, end: end != 0 and not inner(s, pos, end)


ANCHORS = {
    "bol": lambda s, pos, end: pos == 0,
    "bolm": lambda s, pos, end: pos == 0 or s[pos - 1:pos] == "\n",
    "eol": lambda s, pos, end: pos == end or (pos == end - 1 and s[pos] == "\n"),
    "eolm": lambda s, pos, end: pos == end or s[pos] == "\n",
    "A": lambda s, pos, end: pos == 0,
    "Z": lambda s, pos, end: pos == end,
    "b": _boundary(is_word_unicode),
    "ba": _boundary(is_word_ascii),
    "B": _non_boundary(is_word_unicode),
    "Ba": _non_boundary(is_word_ascii),
}


class Program:
    """A compiled pattern: top-level code plus facts used to speed up searching."""

    __slots__ = ("code", "groups", "nregs", "prefix", "anchored", "required")

    def __init__(self, code: list, groups: int, nregs: int, required: str) -> None:
        self.code = code
        self.groups = groups
        self.nregs = nregs
        self.prefix, self.anchored = _entry_facts(code)
        self.required = required


def required_text(node: tuple) -> list:
    """Case-sensitive literal runs that every match must contain."""
    kind = node[0]
    if kind == "lit":
        return [node[1]] if node[2] is None else []
    if kind == "seq":
        runs: list = [""]
        for item in node[1]:
            found = required_text(item)
            if item[0] == "lit" and found:
                runs[-1] += found[0]
            else:
                runs.extend(found)
                runs.append("")
        return [run for run in runs if run]
    if kind == "group":
        return required_text(node[2])
    if kind == "atomic" or (kind == "rep" and node[2] >= 1):
        return required_text(node[1])
    return []


def _entry_facts(code: list) -> tuple:
    """Literal text every match starts with, and whether matches only start at 0."""
    pc = 0
    while code[pc][0] == op.SAVE:
        pc += 1
    first = code[pc]
    if first[0] == op.CHAR:
        return first[1], False
    if first[0] == op.STR:
        return first[1], False
    if first[0] == op.AT and first[1] in (ANCHORS["bol"], ANCHORS["A"]):
        return "", True
    return "", False


class Compiler:
    """Emits code for one pattern, tracking loop registers."""

    def __init__(self, state: State) -> None:
        self.state = state
        self.nregs = 0

    def program(self, tree: tuple) -> Program:
        """Compile the whole pattern."""
        code = self.block(tree, (op.MATCH,))
        required = max(required_text(tree), key=len, default="")
        return Program(code, self.state.groups - 1, self.nregs, required)

    def block(self, node: tuple, last: tuple) -> list:
        """Compile a node into a finished, self-contained instruction list."""
        code: list = []
        self.emit(node, code)
        code.append(list(last))
        return _finish(code)

    def emit(self, node: tuple, code: list) -> None:
        """Append the instructions for `node` to `code`."""
        getattr(self, "emit_" + node[0])(node, code)

    def emit_lit(self, node: tuple, code: list) -> None:
        if node[2] is None:
            code.append([op.CHAR, node[1]])
        else:
            code.append([op.TEST, literal_test(node[1], node[2])])

    def emit_any(self, node: tuple, code: list) -> None:
        code.append([op.ANY_ALL if node[1] else op.ANY])

    def emit_in(self, node: tuple, code: list) -> None:
        code.append([op.TEST, class_test(node[1], node[2], node[3])])

    def emit_at(self, node: tuple, code: list) -> None:
        code.append([op.AT, ANCHORS[node[1]]])

    def emit_seq(self, node: tuple, code: list) -> None:
        for item in node[1]:
            self.emit(item, code)

    def emit_group(self, node: tuple, code: list) -> None:
        gid = node[1]
        if gid is not None:
            code.append([op.SAVE, 2 * gid])
        self.emit(node[2], code)
        if gid is not None:
            code.append([op.SAVE, 2 * gid + 1])

    def emit_alt(self, node: tuple, code: list) -> None:
        jumps = []
        for branch in node[1][:-1]:
            split = [op.SPLIT, len(code) + 1, None]
            code.append(split)
            self.emit(branch, code)
            jump = [op.JMP, None]
            jumps.append(jump)
            code.append(jump)
            split[2] = len(code)
        self.emit(node[1][-1], code)
        for jump in jumps:
            jump[1] = len(code)

    def emit_rep(self, node: tuple, code: list) -> None:
        body, lo, hi, mode = node[1], node[2], node[3], node[4]
        if mode == "possessive":
            code.append([op.ATOMIC, self.block(("rep", body, lo, hi, "greedy"), (op.SUCCEED,))])
            return
        greedy = mode == "greedy"
        single = single_matcher(body)
        if hi == 0:
            self.emit(body, [])  # still reject invalid lookbehinds inside
            return
        if single is not None:
            kind = op.GREEDY if greedy else op.LAZY
            code.append([op.REP1, single[1], single[0], lo, hi, kind, None])
        elif lo == 0 and hi == 1:
            self.emit_optional(body, greedy, code)
        elif lo == hi == 1:
            self.emit(body, code)
        else:
            self.emit_loop(body, lo, hi, greedy, code)

    def emit_optional(self, body: tuple, greedy: bool, code: list) -> None:
        split = [op.SPLIT, None, None]
        code.append(split)
        start = len(code)
        self.emit(body, code)
        if greedy:
            split[1], split[2] = start, len(code)
        else:
            split[1], split[2] = len(code), start

    def emit_loop(self, body: tuple, lo: int, hi: Optional[int], greedy: bool,
                  code: list) -> None:
        reg = self.nregs
        self.nregs += 1
        code.append([op.LOOP_INIT, reg])
        loop_pc = len(code)
        loop = [op.LOOP, reg, lo, hi, greedy, None]
        code.append(loop)
        code.append([op.LOOP_ENTER, reg])
        self.emit(body, code)
        code.append([op.JMP, loop_pc])
        loop[5] = len(code)

    def emit_atomic(self, node: tuple, code: list) -> None:
        code.append([op.ATOMIC, self.block(node[1], (op.SUCCEED,))])

    def emit_look(self, node: tuple, code: list) -> None:
        body, behind, negate = node[1], node[2], node[3]
        back = -1
        if behind:
            lo, hi = width(body, self.state)
            if lo != hi:
                raise error("look-behind requires fixed-width pattern")
            back = lo
        code.append([op.LOOK, self.block(body, (op.SUCCEED,)), back, negate])

    def emit_ref(self, node: tuple, code: list) -> None:
        code.append([op.REF, node[1], node[2]])

    def emit_cond(self, node: tuple, code: list) -> None:
        branch = [op.IF_GROUP, node[1], None]
        code.append(branch)
        self.emit(node[2], code)
        if node[3] is None:
            branch[2] = len(code)
            return
        jump = [op.JMP, None]
        code.append(jump)
        branch[2] = len(code)
        self.emit(node[3], code)
        jump[1] = len(code)


def _finish(code: list) -> list:
    """Merge literal runs, note the character after each repeat, freeze to tuples."""
    code = _merge_literals(code)
    for pc, ins in enumerate(code):
        if ins[0] == op.REP1:
            following = code[pc + 1]
            if following[0] in (op.CHAR, op.STR):
                ins[6] = following[1][0]
    return [tuple(ins) for ins in code]


def _merge_literals(code: list) -> list:
    """Join consecutive CHARs that no jump lands between into one STR."""
    targets = _jump_targets(code)
    merged: list = []
    remap = {}
    for pc, ins in enumerate(code):
        prev = merged[-1] if merged else None
        if ins[0] == op.CHAR and prev is not None and prev[0] in (op.CHAR, op.STR) \
                and pc not in targets:
            text = prev[1] + ins[1]
            merged[-1] = [op.STR, text, len(text)]
        else:
            merged.append(ins)
        remap[pc] = len(merged) - 1
    remap[len(code)] = len(merged)
    for ins in merged:
        _retarget(ins, remap)
    return merged


def _jump_targets(code: list) -> set:
    """Every pc some instruction can jump to."""
    found = set()
    for ins in code:
        if ins[0] == op.SPLIT:
            found.update((ins[1], ins[2]))
        elif ins[0] == op.JMP:
            found.add(ins[1])
        elif ins[0] == op.LOOP:
            found.update((ins[5],))
        elif ins[0] == op.IF_GROUP:
            found.add(ins[2])
    return found


def _retarget(ins: list, remap: dict) -> None:
    """Rewrite the jump targets of one instruction."""
    if ins[0] == op.SPLIT:
        ins[1], ins[2] = remap[ins[1]], remap[ins[2]]
    elif ins[0] == op.JMP:
        ins[1] = remap[ins[1]]
    elif ins[0] == op.LOOP:
        ins[5] = remap[ins[5]]
    elif ins[0] == op.IF_GROUP:
        ins[2] = remap[ins[2]]
