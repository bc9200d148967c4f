"""Regex parser: turns a pattern into a tree of tuples, raising CPython's errors.

Node shapes (flags are resolved while parsing):
  ('lit', ch, fold)          fold is None, 'a' (ASCII) or 'u' (Unicode)
  ('any', dotall)
  ('in', negate, items, fold) items: ('c', ch) | ('r', lo, hi) | ('cat', letter, ascii)
  ('at', kind)               kind: bol bolm eol eolm A Z b B ba Ba
  ('group', gid, node)       gid None for a non-capturing group
  ('seq', nodes) ('alt', nodes)
  ('rep', node, lo, hi, mode) hi None = unbounded; mode greedy|lazy|possessive
  ('atomic', node) ('look', node, behind, negate)
  ('ref', gid, fold) ('cond', gid, yes, no)
"""

from __future__ import annotations

import unicodedata
from typing import Optional, Union

from . import flags as F
from .errors import error
from .tokens import Tokenizer

MAXREPEAT = 4294967295
MAXGROUPS = 1073741823
DIGITS = "0123456789"
OCTDIGITS = "01234567"
HEXDIGITS = "0123456789abcdefABCDEF"
ASCIILETTERS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
WHITESPACE = " \t\n\r\v\f"
REPEAT_CHARS = "*+?{"
ESCAPES = {"\\a": "\a", "\\b": "\b", "\\f": "\f", "\\n": "\n", "\\r": "\r",
           "\\t": "\t", "\\v": "\v", "\\\\": "\\"}
CLASS_LETTERS = "dDsSwW"
HEX_ESCAPES = {"x": 2, "u": 4, "U": 8}


class State:
    """Group bookkeeping shared by the whole parse."""

    def __init__(self, flags: int) -> None:
        self.flags = flags
        self.groupdict: dict = {}
        self.groupwidths: list = [None]
        self.lookbehindgroups: Optional[int] = None
        self.grouprefpos: dict = {}

    @property
    def groups(self) -> int:
        """Number of groups opened so far, plus one."""
        return len(self.groupwidths)

    def opengroup(self, name: Optional[str]) -> int:
        """Allocate a group number, registering its name."""
        gid = self.groups
        self.groupwidths.append(None)
        if name is not None:
            ogid = self.groupdict.get(name)
            if ogid is not None:
                raise error("redefinition of group name %r as group %d; was group %d"
                            % (name, gid, ogid))
            self.groupdict[name] = gid
        return gid

    def checkgroup(self, gid: int) -> bool:
        """Whether group `gid` exists and is closed."""
        return gid < self.groups and self.groupwidths[gid] is not None

    def checklookbehindgroup(self, gid: int, source: Tokenizer) -> None:
        """Reject references from a lookbehind to groups it defines."""
        if self.lookbehindgroups is not None:
            if not self.checkgroup(gid):
                raise source.error("cannot refer to an open group")
            if gid >= self.lookbehindgroups:
                raise source.error("cannot refer to group defined in the same "
                                   "lookbehind subpattern")


class Ctx:
    """Flags in force for the part of the pattern being parsed."""

    __slots__ = ("flags", "istext")

    def __init__(self, flags: int, istext: bool) -> None:
        self.flags = flags
        self.istext = istext

    @property
    def verbose(self) -> bool:
        return bool(self.flags & F.VERBOSE)

    @property
    def ascii(self) -> bool:
        """Whether classes and case folding follow ASCII rules."""
        return not self.istext or bool(self.flags & (F.ASCII | F.LOCALE))

    @property
    def fold(self) -> Optional[str]:
        """Case-folding mode for literals, or None when case matters."""
        if not self.flags & F.IGNORECASE:
            return None
        return "a" if self.ascii else "u"


def parse(pattern: Union[str, bytes], flags: int) -> tuple:
    """Parse a pattern; returns (tree, final flags, group state)."""
    source = Tokenizer(pattern)
    state = State(flags)
    tree = parse_alternatives(source, state, Ctx(flags, source.istext), 0)
    state.flags = F.fix_flags(source.istext, state.flags)
    if source.next is not None:
        raise source.error("unbalanced parenthesis")
    for gid, pos in state.grouprefpos.items():
        if gid >= state.groups:
            raise error("invalid group reference %d" % gid, pattern, pos)
    return tree, state.flags, state


def parse_alternatives(source: Tokenizer, state: State, ctx: Ctx, nested: int) -> tuple:
    """Parse branches separated by '|'."""
    items = []
    while True:
        items.append(parse_sequence(source, state, ctx, nested + 1, not nested and not items))
        if not source.match("|"):
            break
    return items[0] if len(items) == 1 else ("alt", items)


def parse_sequence(source: Tokenizer, state: State, ctx: Ctx, nested: int, first: bool) -> tuple:
    """Parse one branch: a run of atoms with their quantifiers."""
    items: list = []
    while True:
        this = source.next
        if this is None or this in "|)":
            break
        source.get()
        if ctx.verbose:
            if this in WHITESPACE:
                continue
            if this == "#":
                while True:
                    this = source.get()
                    if this is None or this == "\n":
                        break
                continue
        if this[0] == "\\":
            items.append(parse_escape(source, this, state, ctx))
        elif this in REPEAT_CHARS:
            parse_repeat(source, this, items)
        elif this == "(":
            node = parse_group(source, state, ctx, nested, first and not items)
            if node is not None:
                items.append(node)
        elif this == "[":
            items.append(parse_class(source, ctx))
        else:
            items.append(parse_simple(this, ctx))
    return items[0] if len(items) == 1 else ("seq", items)


def parse_simple(this: str, ctx: Ctx) -> tuple:
    """Literal characters and the one-character metacharacters . ^ $."""
    if this == ".":
        return ("any", bool(ctx.flags & F.DOTALL))
    multiline = ctx.flags & F.MULTILINE
    if this == "^":
        return ("at", "bolm" if multiline else "bol")
    if this == "$":
        return ("at", "eolm" if multiline else "eol")
    return ("lit", this, ctx.fold)


def parse_repeat(source: Tokenizer, this: str, items: list) -> None:
    """Apply a quantifier to the last item, replacing it with a 'rep' node."""
    here = source.tell()
    if this == "?":
        lo, hi = 0, 1
    elif this == "*":
        lo, hi = 0, None
    elif this == "+":
        lo, hi = 1, None
    else:
        bounds = parse_braces(source, here)
        if bounds is None:
            items.append(("lit", "{", None))
            return
        lo, hi = bounds
    offset = source.tell() - here + len(this)
    item = items[-1] if items else None
    if item is None or item[0] == "at":
        raise source.error("nothing to repeat", offset)
    if item[0] == "rep":
        raise source.error("multiple repeat", offset)
    mode = "lazy" if source.match("?") else "possessive" if source.match("+") else "greedy"
    items[-1] = ("rep", item, lo, hi, mode)


def parse_braces(source: Tokenizer, here: int) -> Optional[tuple]:
    """Parse '{m,n}' after the brace; None means the brace is a literal."""
    if source.next == "}":
        return None
    lo = hi = ""
    while source.next is not None and source.next in DIGITS:
        lo += source.get()
    if source.match(","):
        while source.next is not None and source.next in DIGITS:
            hi += source.get()
    else:
        hi = lo
    if not source.match("}"):
        source.seek(here)
        return None
    low, high = 0, None
    if lo:
        low = int(lo)
        if low >= MAXREPEAT:
            raise OverflowError("the repetition number is too large")
    if hi:
        high = int(hi)
        if high >= MAXREPEAT:
            raise OverflowError("the repetition number is too large")
        if high < low:
            raise source.error("min repeat greater than max repeat", source.tell() - here)
    return low, high


def parse_escape(source: Tokenizer, escape: str, state: State, ctx: Ctx) -> tuple:
    """Parse an escape outside a character class."""
    c = escape[1]
    if c in CLASS_LETTERS:
        return ("in", False, [("cat", c, ctx.ascii)], None)
    if c in "AZ":
        return ("at", c)
    if c in "bB":
        return ("at", c + ("a" if ctx.ascii else ""))
    if escape in ESCAPES:
        return ("lit", ESCAPES[escape], ctx.fold)
    if c in HEX_ESCAPES or c == "N":
        return ("lit", parse_code_escape(source, escape), ctx.fold)
    if c == "0":
        escape += source.getwhile(2, OCTDIGITS)
        return ("lit", chr(int(escape[1:], 8)), ctx.fold)
    if c in DIGITS:
        return parse_numeric_escape(source, escape, state, ctx)
    if c in ASCIILETTERS:
        raise source.error("bad escape %s" % escape, len(escape))
    return ("lit", c, ctx.fold)


def parse_numeric_escape(source: Tokenizer, escape: str, state: State, ctx: Ctx) -> tuple:
    """Parse \\1..\\99 back references or three-digit octal escapes."""
    if source.next is not None and source.next in DIGITS:
        escape += source.get()
        if escape[1] in OCTDIGITS and escape[2] in OCTDIGITS and \
                source.next is not None and source.next in OCTDIGITS:
            escape += source.get()
            return ("lit", octal_char(source, escape), ctx.fold)
    group = int(escape[1:])
    if group < state.groups:
        if not state.checkgroup(group):
            raise source.error("cannot refer to an open group", len(escape))
        state.checklookbehindgroup(group, source)
        return ("ref", group, ctx.fold)
    raise source.error("invalid group reference %d" % group, len(escape) - 1)


def octal_char(source: Tokenizer, escape: str) -> str:
    """Character for a three-digit octal escape, range-checked."""
    value = int(escape[1:], 8)
    if value > 0o377:
        raise source.error("octal escape value %s outside of range 0-0o377" % escape, len(escape))
    return chr(value)


def parse_code_escape(source: Tokenizer, escape: str) -> str:
    """Parse \\xhh, \\uhhhh, \\Uhhhhhhhh and \\N{name} (the last three only in str patterns)."""
    c = escape[1]
    if c != "x" and not source.istext:
        raise source.error("bad escape %s" % escape, len(escape))
    if c == "N":
        if not source.match("{"):
            raise source.error("missing {")
        name = source.getuntil("}", "character name")
        try:
            return unicodedata.lookup(name)
        except KeyError:
            raise source.error("undefined character name %r" % name,
                               len(name) + len(r"\N{}")) from None
    width = HEX_ESCAPES[c]
    escape += source.getwhile(width, HEXDIGITS)
    if len(escape) != width + 2:
        raise source.error("incomplete escape %s" % escape, len(escape))
    value = int(escape[2:], 16)
    if value > 0x10FFFF:
        raise source.error("bad escape %s" % escape, len(escape))
    return chr(value)


def parse_class_escape(source: Tokenizer, escape: str, ctx: Ctx) -> tuple:
    """Parse an escape inside [...]; returns a class item."""
    if escape in ESCAPES:
        return ("c", ESCAPES[escape])
    c = escape[1]
    if c in CLASS_LETTERS:
        return ("cat", c, ctx.ascii)
    if c in HEX_ESCAPES or c == "N":
        return ("c", parse_code_escape(source, escape))
    if c in OCTDIGITS:
        escape += source.getwhile(2, OCTDIGITS)
        return ("c", octal_char(source, escape))
    if c in DIGITS or c in ASCIILETTERS:
        raise source.error("bad escape %s" % escape, len(escape))
    return ("c", c)


def parse_class(source: Tokenizer, ctx: Ctx) -> tuple:
    """Parse a character class after its '['."""
    here = source.tell() - 1
    negate = source.match("^")
    items: list = []
    while True:
        this = source.get()
        if this is None:
            raise source.error("unterminated character set", source.tell() - here)
        if this == "]" and items:
            break
        item = parse_class_escape(source, this, ctx) if this[0] == "\\" else ("c", this)
        if source.match("-"):
            that = source.get()
            if that is None:
                raise source.error("unterminated character set", source.tell() - here)
            if that == "]":
                items.extend((item, ("c", "-")))
                break
            other = parse_class_escape(source, that, ctx) if that[0] == "\\" else ("c", that)
            msg = "bad character range %s-%s" % (this, that)
            if item[0] != "c" or other[0] != "c" or other[1] < item[1]:
                raise source.error(msg, len(this) + 1 + len(that))
            items.append(("r", item[1], other[1]))
        else:
            items.append(item)
    return ("in", negate, items, ctx.fold)


def parse_group(source: Tokenizer, state: State, ctx: Ctx, nested: int, first: bool):
    """Parse everything after '('; returns a node, or None for flags and comments."""
    start = source.tell() - 1
    name = None
    if source.match("?"):
        char = source.get()
        if char is None:
            raise source.error("unexpected end of pattern")
        if char == "P":
            if source.match("<"):
                name = group_name(source, ">")
            elif source.match("="):
                return parse_named_ref(source, state, ctx)
            else:
                char = source.get()
                if char is None:
                    raise source.error("unexpected end of pattern")
                raise source.error("unknown extension ?P" + char, len(char) + 2)
        elif char == ":":
            return ("group", None, close_group(source, state, ctx, nested, start))
        elif char == "#":
            skip_comment(source, start)
            return None
        elif char in "=!<":
            return parse_lookaround(source, state, ctx, nested, start, char)
        elif char == "(":
            return parse_conditional(source, state, ctx, nested, start)
        elif char == ">":
            return ("atomic", close_group(source, state, ctx, nested, start))
        elif char in F.INLINE or char == "-":
            return parse_flag_group(source, state, ctx, nested, start, char, first)
        else:
            raise source.error("unknown extension ?" + char, len(char) + 1)
    try:
        gid = state.opengroup(name)
    except error as err:
        raise source.error(err.msg, len(name) + 1) from None
    body = close_group(source, state, ctx, nested, start)
    state.groupwidths[gid] = width(body, state)
    return ("group", gid, body)


def group_name(source: Tokenizer, terminator: str) -> str:
    """Read a group name and check it is an identifier."""
    name = source.getuntil(terminator, "group name")
    if not name.isidentifier():
        raise source.error("bad character in group name %r" % name, len(name) + 1)
    return name


def parse_named_ref(source: Tokenizer, state: State, ctx: Ctx) -> tuple:
    """Parse '(?P=name)'."""
    name = group_name(source, ")")
    gid = state.groupdict.get(name)
    if gid is None:
        raise source.error("unknown group name %r" % name, len(name) + 1)
    if not state.checkgroup(gid):
        raise source.error("cannot refer to an open group", len(name) + 1)
    state.checklookbehindgroup(gid, source)
    return ("ref", gid, ctx.fold)


def close_group(source: Tokenizer, state: State, ctx: Ctx, nested: int, start: int) -> tuple:
    """Parse a group body and its closing parenthesis."""
    body = parse_alternatives(source, state, ctx, nested + 1)
    if not source.match(")"):
        raise source.error("missing ), unterminated subpattern", source.tell() - start)
    return body


def skip_comment(source: Tokenizer, start: int) -> None:
    """Skip a '(?#...)' comment."""
    while True:
        if source.next is None:
            raise source.error("missing ), unterminated comment", source.tell() - start)
        if source.get() == ")":
            return


def parse_lookaround(source: Tokenizer, state: State, ctx: Ctx, nested: int,
                     start: int, char: str) -> tuple:
    """Parse (?=...), (?!...), (?<=...) and (?<!...)."""
    behind = char == "<"
    saved = state.lookbehindgroups
    if behind:
        char = source.get()
        if char is None:
            raise source.error("unexpected end of pattern")
        if char not in "=!":
            raise source.error("unknown extension ?<" + char, len(char) + 2)
        if saved is None:
            state.lookbehindgroups = state.groups
    body = parse_alternatives(source, state, ctx, nested + 1)
    if behind and saved is None:
        state.lookbehindgroups = None
    if not source.match(")"):
        raise source.error("missing ), unterminated subpattern", source.tell() - start)
    return ("look", body, behind, char == "!")


def parse_conditional(source: Tokenizer, state: State, ctx: Ctx, nested: int,
                      start: int) -> tuple:
    """Parse '(?(group)yes|no)'."""
    name = source.getuntil(")", "group name")
    if name.isidentifier():
        gid = state.groupdict.get(name)
        if gid is None:
            raise source.error("unknown group name %r" % name, len(name) + 1)
    else:
        try:
            gid = int(name)
            if gid < 0:
                raise ValueError
        except ValueError:
            raise source.error("bad character in group name %r" % name, len(name) + 1) from None
        if not gid:
            raise source.error("bad group number", len(name) + 1)
        if gid >= MAXGROUPS:
            raise source.error("invalid group reference %d" % gid, len(name) + 1)
        state.grouprefpos.setdefault(gid, source.tell() - len(name) - 1)
    state.checklookbehindgroup(gid, source)
    yes = parse_sequence(source, state, ctx, nested + 1, False)
    no = None
    if source.match("|"):
        no = parse_sequence(source, state, ctx, nested + 1, False)
        if source.next == "|":
            raise source.error("conditional backref with more than two branches")
    if not source.match(")"):
        raise source.error("missing ), unterminated subpattern", source.tell() - start)
    return ("cond", gid, yes, no)


def parse_flag_group(source: Tokenizer, state: State, ctx: Ctx, nested: int,
                     start: int, char: str, first: bool):
    """Parse '(?flags)' (global) or '(?on-off:...)' (scoped)."""
    add, remove, scoped = parse_flags(source, char)
    if not scoped:
        if not first:
            raise source.error("global flags not at the start of the expression",
                               source.tell() - start)
        state.flags |= add
        ctx.flags |= add
        return None
    inner = Ctx((ctx.flags | add) & ~remove, ctx.istext)
    return ("group", None, close_group(source, state, inner, nested, start))


def parse_flags(source: Tokenizer, char: str) -> tuple:
    """Parse inline flag letters; returns (add, remove, scoped)."""
    add = remove = 0
    if char != "-":
        while True:
            flag = F.INLINE[char]
            if source.istext and char == "L":
                raise source.error("bad inline flags: cannot use 'L' flag with a str pattern")
            if not source.istext and char == "u":
                raise source.error("bad inline flags: cannot use 'u' flag with a bytes pattern")
            add |= flag
            if flag & F.TYPE_FLAGS and add & F.TYPE_FLAGS != flag:
                raise source.error("bad inline flags: flags 'a', 'u' and 'L' are incompatible")
            char = source.get()
            if char is None:
                raise source.error("missing -, : or )")
            if char in ")-:":
                break
            if char not in F.INLINE:
                raise source.error("unknown flag" if char.isalpha() else "missing -, : or )",
                                   len(char))
    if char == ")":
        return add, 0, False
    if add & F.GLOBAL_FLAGS:
        raise source.error("bad inline flags: cannot turn on global flag", 1)
    if char == "-":
        remove = parse_removed_flags(source)
    if remove & F.GLOBAL_FLAGS:
        raise source.error("bad inline flags: cannot turn off global flag", 1)
    if add & remove:
        raise source.error("bad inline flags: flag turned on and off", 1)
    return add, remove, True


def parse_removed_flags(source: Tokenizer) -> int:
    """Parse the letters after '-' in a scoped flag group, up to ':'."""
    char = source.get()
    if char is None:
        raise source.error("missing flag")
    if char not in F.INLINE:
        raise source.error("unknown flag" if char.isalpha() else "missing flag", len(char))
    remove = 0
    while True:
        flag = F.INLINE[char]
        if flag & F.TYPE_FLAGS:
            raise source.error("bad inline flags: cannot turn off flags 'a', 'u' and 'L'")
        remove |= flag
        char = source.get()
        if char is None:
            raise source.error("missing :")
        if char == ":":
            return remove
        if char not in F.INLINE:
            raise source.error("unknown flag" if char.isalpha() else "missing :", len(char))


MAXWIDTH = MAXREPEAT - 1


def width(node: tuple, state: State) -> tuple:
    """(min, max) number of characters a node can match."""
    kind = node[0]
    if kind in ("lit", "any", "in"):
        return 1, 1
    if kind in ("at", "look"):
        return 0, 0
    if kind in ("group", "atomic"):
        return width(node[2] if kind == "group" else node[1], state)
    if kind == "seq":
        lo = hi = 0
        for item in node[1]:
            a, b = width(item, state)
            lo, hi = lo + a, hi + b
        return min(lo, MAXWIDTH), min(hi, MAXWIDTH)
    if kind == "alt":
        spans = [width(item, state) for item in node[1]]
        return min(s[0] for s in spans), max(s[1] for s in spans)
    if kind == "rep":
        a, b = width(node[1], state)
        hi = b * (MAXREPEAT if node[3] is None else node[3])
        return min(a * node[2], MAXWIDTH), min(hi, MAXWIDTH)
    if kind == "ref":
        return state.groupwidths[node[1]] or (0, MAXWIDTH)
    yes = width(node[2], state)
    no = width(node[3], state) if node[3] is not None else (0, 0)
    return min(yes[0], no[0]), max(yes[1], no[1])
