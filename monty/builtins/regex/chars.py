"""Character predicates and case folding shared by the regex compiler and matcher."""

from __future__ import annotations

from functools import lru_cache
from typing import Callable

ASCII_DIGITS = frozenset("0123456789")
ASCII_SPACE = frozenset(" \t\n\r\f\v")
ASCII_WORD = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_")

# Lowercase letters that share one simple uppercase form (the Unicode
# "case fix" groups): each group folds to its first member.
_CASE_GROUPS = (
    "i\u0131", "s\u017f", "\u03b2\u03d0", "\u03b5\u03f5", "\u03b8\u03d1",
    "\u0345\u03b9\u1fbe", "\u03ba\u03f0", "\u00b5\u03bc", "\u03c0\u03d6",
    "\u03c1\u03f1", "\u03c2\u03c3", "\u03c6\u03d5", "\u0432\u1c80",
    "\u0434\u1c81", "\u043e\u1c82", "\u0441\u1c83", "\u0442\u1c84\u1c85",
    "\u044a\u1c86", "\u0463\u1c87", "\u1e61\u1e9b", "\u1c88\ua64b",
    "\u0390\u1fd3", "\u03b0\u1fe3", "\ufb05\ufb06",
)
# Pairs (lowercase, other character lowering to it that its uppercase misses),
# such as ("k", KELVIN SIGN).
_EXTRA_UPPER = (
    "i\u0130", "\u01c6\u01c5", "\u01c9\u01c8", "\u01cc\u01cb", "\u01f3\u01f2",
    "\u03b8\u03f4", "\xdf\u1e9e", "\u1f80\u1f88", "\u1f81\u1f89", "\u1f82\u1f8a",
    "\u1f83\u1f8b", "\u1f84\u1f8c", "\u1f85\u1f8d", "\u1f86\u1f8e", "\u1f87\u1f8f",
    "\u1f90\u1f98", "\u1f91\u1f99", "\u1f92\u1f9a", "\u1f93\u1f9b", "\u1f94\u1f9c",
    "\u1f95\u1f9d", "\u1f96\u1f9e", "\u1f97\u1f9f", "\u1fa0\u1fa8", "\u1fa1\u1fa9",
    "\u1fa2\u1faa", "\u1fa3\u1fab", "\u1fa4\u1fac", "\u1fa5\u1fad", "\u1fa6\u1fae",
    "\u1fa7\u1faf", "\u1fb3\u1fbc", "\u1fc3\u1fcc", "\u1ff3\u1ffc", "\u03c9\u2126",
    "k\u212a", "\xe5\u212b",
)
_EXTRA = {pair[0]: pair[1] for pair in _EXTRA_UPPER}
_FIX = {ch: group[0] for group in _CASE_GROUPS for ch in group}
_GROUP_OF = {ch: group for group in _CASE_GROUPS for ch in group}


def simple_lower(ch: str) -> str:
    """Single-character lowercase mapping, as the regex engine uses it."""
    low = ch.lower()
    if len(low) == 1:
        return low
    return low[0] if ch == "\u0130" else ch


def simple_upper(ch: str) -> str:
    """Single-character uppercase mapping (characters with long forms map to themselves)."""
    up = ch.upper()
    return up if len(up) == 1 else ch


def fold_unicode(ch: str) -> str:
    """Case-insensitive comparison key for a str character."""
    low = simple_lower(ch)
    return _FIX.get(low, low)


def fold_ascii(ch: str) -> str:
    """Case-insensitive comparison key that only folds ASCII letters."""
    return ch.lower() if "A" <= ch <= "Z" else ch


@lru_cache(maxsize=4096)
def variants(ch: str, unicode: bool) -> frozenset:
    """Every character equal to `ch` when case is ignored."""
    if not unicode:
        return frozenset({ch, ch.lower(), ch.upper()} if ch.isascii() and ch.isalpha() else {ch})
    key = fold_unicode(ch)
    found = {ch, key, simple_lower(ch), simple_upper(ch), simple_upper(key)}
    for member in _GROUP_OF.get(key, key):
        found.update((member, simple_upper(member), _EXTRA.get(member, member)))
    title = ch.title()
    if len(title) == 1:
        found.add(title)
    return frozenset(c for c in found if fold_unicode(c) == key)


def is_word_unicode(ch: str) -> bool:
    """Unicode word character test used by \\w and \\b."""
    return ch.isalnum() or ch == "_"


def is_word_ascii(ch: str) -> bool:
    """ASCII word character test used by \\w and \\b under ASCII rules."""
    return ch in ASCII_WORD


CATEGORY_TESTS: dict = {
    # (letter, ascii) -> predicate, for the positive classes \d \s \w.
    ("d", True): ASCII_DIGITS.__contains__,
    ("s", True): ASCII_SPACE.__contains__,
    ("w", True): ASCII_WORD.__contains__,
    ("d", False): str.isdecimal,
    ("s", False): str.isspace,
    ("w", False): is_word_unicode,
}

CATEGORY_SETS: dict = {"d": ASCII_DIGITS, "s": ASCII_SPACE, "w": ASCII_WORD}


def category_test(letter: str, ascii_only: bool) -> Callable[[str], bool]:
    """Predicate for a class escape letter such as 'd' or 'W'."""
    base = CATEGORY_TESTS[(letter.lower(), ascii_only)]
    if letter.islower():
        return base
    return lambda ch: not base(ch)
