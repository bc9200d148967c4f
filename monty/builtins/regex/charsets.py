"""Single-character matchers: predicates and fast forward scanners."""

from __future__ import annotations

from typing import Callable, Optional

from .chars import category_test, fold_ascii, simple_lower, variants, CATEGORY_SETS

Test = Callable[[str], bool]
EXPAND_LIMIT = 512  # classes with at most this many members become a frozenset


def literal_test(ch: str, fold: Optional[str]) -> Test:
    """Predicate for one literal, optionally ignoring case."""
    if fold is None:
        return ch.__eq__
    members = frozenset(variants(ch, fold == "u"))
    return members.__contains__


def class_test(negate: bool, items: list, fold: Optional[str]) -> Test:
    """Predicate for a character class."""
    members = _expand(items, fold)
    if members is not None:
        return (lambda ch: ch not in members) if negate else members.__contains__
    base = _slow_test(items, fold)
    if negate:
        return lambda ch: not base(ch)
    return base


def _expand(items: list, fold: Optional[str]) -> Optional[frozenset]:
    """All members of a small class (with case variants), or None if too big."""
    found: set = set()
    for item in items:
        if item[0] == "c":
            found.add(item[1])
        elif item[0] == "r":
            lo, hi = ord(item[1]), ord(item[2])
            if hi - lo + len(found) > EXPAND_LIMIT:
                return None
            found.update(map(chr, range(lo, hi + 1)))
        elif item[2] and item[1] in CATEGORY_SETS:
            found.update(CATEGORY_SETS[item[1]])
        else:
            return None
    if fold is not None:
        unicode = fold == "u"
        for ch in list(found):
            found.update(variants(ch, unicode))
    return frozenset(found)


def _slow_test(items: list, fold: Optional[str]) -> Test:
    """Predicate combining literal members, ranges and category tests."""
    singles = frozenset(item[1] for item in items if item[0] == "c")
    ranges = tuple((item[1], item[2]) for item in items if item[0] == "r")
    cats = tuple(category_test(item[1], item[2]) for item in items if item[0] == "cat")

    def members(ch: str) -> bool:
        if ch in singles:
            return True
        for lo, hi in ranges:
            if lo <= ch <= hi:
                return True
        return False

    def in_cats(ch: str) -> bool:
        for cat in cats:
            if cat(ch):
                return True
        return False

    if fold is None:
        return lambda ch: members(ch) or in_cats(ch)
    unicode = fold == "u"
    lower = simple_lower if unicode else fold_ascii

    def test(ch: str) -> bool:
        if in_cats(lower(ch)):
            return True
        for other in variants(ch, unicode):
            if members(other):
                return True
        return False
    return test


def make_scan(test: Test) -> Callable[[str, int, int], int]:
    """Scanner returning the first position in [pos, limit) whose character fails `test`."""
    def scan(s: str, pos: int, limit: int) -> int:
        while pos < limit and test(s[pos]):
            pos += 1
        return pos
    return scan


def scan_any(s: str, pos: int, limit: int) -> int:
    """Scanner for '.' without DOTALL: stops at a newline."""
    found = s.find("\n", pos, limit)
    return limit if found < 0 else found


def scan_all(s: str, pos: int, limit: int) -> int:
    """Scanner for '.' with DOTALL: takes everything."""
    return limit


def scan_char(ch: str) -> Callable[[str, int, int], int]:
    """Scanner for a repeated literal character."""
    def scan(s: str, pos: int, limit: int) -> int:
        while pos < limit and s[pos] == ch:
            pos += 1
        return pos
    return scan


def not_newline(ch: str) -> bool:
    """Predicate for '.' without DOTALL."""
    return ch != "\n"


def any_char(ch: str) -> bool:
    """Predicate for '.' with DOTALL."""
    return True


def single_matcher(node: tuple):
    """(test, scan) for a node matching exactly one character, else None."""
    kind = node[0]
    if kind == "any":
        return (any_char, scan_all) if node[1] else (not_newline, scan_any)
    if kind == "lit":
        if node[2] is None:
            return node[1].__eq__, scan_char(node[1])
        test = literal_test(node[1], node[2])
        return test, make_scan(test)
    if kind == "in":
        test = class_test(node[1], node[2], node[3])
        return test, make_scan(test)
    return None
