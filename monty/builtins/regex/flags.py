"""Flag constants (same values as CPython's re) and flag validation."""

from __future__ import annotations

TEMPLATE = 1
IGNORECASE = 2
LOCALE = 4
MULTILINE = 8
DOTALL = 16
UNICODE = 32
VERBOSE = 64
DEBUG = 128
ASCII = 256

TYPE_FLAGS = ASCII | LOCALE | UNICODE
GLOBAL_FLAGS = DEBUG | TEMPLATE

INLINE = {"i": IGNORECASE, "L": LOCALE, "m": MULTILINE, "s": DOTALL,
          "x": VERBOSE, "a": ASCII, "t": TEMPLATE, "u": UNICODE}

# Names in the order CPython's Pattern repr lists them.
NAMES = (("TEMPLATE", TEMPLATE), ("IGNORECASE", IGNORECASE), ("LOCALE", LOCALE),
         ("MULTILINE", MULTILINE), ("DOTALL", DOTALL), ("UNICODE", UNICODE),
         ("VERBOSE", VERBOSE), ("DEBUG", DEBUG), ("ASCII", ASCII))


def fix_flags(istext: bool, flags: int) -> int:
    """Check type flags against the pattern type and add UNICODE for str patterns."""
    if istext:
        if flags & LOCALE:
            raise ValueError("cannot use LOCALE flag with a str pattern")
        if not flags & ASCII:
            flags |= UNICODE
        elif flags & UNICODE:
            raise ValueError("ASCII and UNICODE flags are incompatible")
    else:
        if flags & UNICODE:
            raise ValueError("cannot use UNICODE flag with a bytes pattern")
        if flags & LOCALE and flags & ASCII:
            raise ValueError("ASCII and LOCALE flags are incompatible")
    return flags


def flags_repr(flags: int, istext: bool) -> str:
    """Render flags as CPython's Pattern repr does, e.g. 're.I|re.M' spelled out."""
    if istext and flags & TYPE_FLAGS == UNICODE:
        flags &= ~UNICODE
    parts = []
    for name, value in NAMES:
        if flags & value:
            parts.append("re." + name)
            flags &= ~value
    if flags:
        parts.append(hex(flags))
    return "|".join(parts)
