"""Replacement templates for sub() and Match.expand(): parsing and expansion."""

from __future__ import annotations

from typing import Union

from .parser import ASCIILETTERS, DIGITS, ESCAPES, MAXGROUPS, OCTDIGITS
from .tokens import Tokenizer


def parse_template(template: Union[str, bytes], groups: int, groupindex: dict) -> list:
    """Split a template into literal strings and group numbers (ints)."""
    source = Tokenizer(template)
    parts: list = []
    literal: list = []

    def add_group(index: int, offset: int) -> None:
        if index > groups:
            raise source.error("invalid group reference %d" % index, offset)
        if literal:
            parts.append("".join(literal))
            del literal[:]
        parts.append(index)

    while True:
        this = source.get()
        if this is None:
            break
        if this[0] != "\\":
            literal.append(this)
            continue
        c = this[1]
        if c == "g":
            index, offset = _named_group(source, groupindex)
            add_group(index, offset)
        elif c == "0":
            if source.next is not None and source.next in OCTDIGITS:
                this += source.get()
                if source.next is not None and source.next in OCTDIGITS:
                    this += source.get()
            literal.append(chr(int(this[1:], 8) & 0xFF))
        elif c in DIGITS:
            ref = _numeric(source, this, literal)
            if ref is not None:
                add_group(int(ref[1:]), len(ref) - 1)
        elif this in ESCAPES:
            literal.append(ESCAPES[this])
        elif c in ASCIILETTERS:
            raise source.error("bad escape %s" % this, len(this))
        else:
            literal.append(this)
    if literal:
        parts.append("".join(literal))
    if not source.istext:
        parts = [p.encode("latin-1") if isinstance(p, str) else p for p in parts]
    return parts


def _named_group(source: Tokenizer, groupindex: dict) -> tuple:
    """Parse the '<name>' of a '\\g<name>' reference; returns (group, error offset)."""
    if not source.match("<"):
        raise source.error("missing <")
    name = source.getuntil(">", "group name")
    if name.isidentifier():
        try:
            return groupindex[name], len(name) + 1
        except KeyError:
            raise IndexError("unknown group name %r" % name) from None
    try:
        index = int(name)
        if index < 0:
            raise ValueError
    except ValueError:
        raise source.error("bad character in group name %r" % name, len(name) + 1) from None
    if index >= MAXGROUPS:
        raise source.error("invalid group reference %d" % index, len(name) + 1)
    return index, len(name) + 1


def _numeric(source: Tokenizer, this: str, literal: list):
    """Handle '\\1'..'\\99' or a three-digit octal; returns the reference text or None."""
    if source.next is not None and source.next in DIGITS:
        this += source.get()
        if this[1] in OCTDIGITS and this[2] in OCTDIGITS and \
                source.next is not None and source.next in OCTDIGITS:
            this += source.get()
            value = int(this[1:], 8)
            if value > 0o377:
                raise source.error("octal escape value %s outside of range 0-0o377" % this,
                                   len(this))
            literal.append(chr(value))
            return None
    return this


def expand(parts: list, match, empty: Union[str, bytes]) -> Union[str, bytes]:
    """Fill a parsed template from a match (unmatched groups become empty)."""
    out = []
    for part in parts:
        if isinstance(part, int):
            value = match.group(part)
            out.append(empty if value is None else value)
        else:
            out.append(part)
    return empty.join(out)
