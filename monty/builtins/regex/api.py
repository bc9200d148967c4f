"""Host-level API compatible with CPython's `re` module (plus a `tick` hook)."""

from __future__ import annotations

from typing import Any, Callable, Iterator, Optional

from . import flags as F
from .compiler import Compiler
from .errors import error
from .match import Match
from .parser import parse
from .pattern import Pattern

Tick = Optional[Callable[[], None]]

A = ASCII = F.ASCII
I = IGNORECASE = F.IGNORECASE
L = LOCALE = F.LOCALE
M = MULTILINE = F.MULTILINE
S = DOTALL = F.DOTALL
U = UNICODE = F.UNICODE
X = VERBOSE = F.VERBOSE
T = TEMPLATE = F.TEMPLATE
DEBUG = F.DEBUG
NOFLAG = 0

_MAXCACHE = 512
_cache: dict = {}

__all__ = ["compile", "search", "match", "fullmatch", "findall", "finditer", "sub", "subn",
           "split", "escape", "purge", "error", "Pattern", "Match", "A", "I", "L", "M", "S",
           "U", "X", "T", "ASCII", "IGNORECASE", "LOCALE", "MULTILINE", "DOTALL", "UNICODE",
           "VERBOSE", "TEMPLATE", "DEBUG", "NOFLAG"]


def _build(pattern: Any, flags: int) -> tuple:
    """Parse and compile, returning (final flags, program, groupindex)."""
    tree, final_flags, state = parse(pattern, flags)
    program = Compiler(state).program(tree)
    return final_flags, program, dict(state.groupdict)


def compile(pattern: Any, flags: int = 0, tick: Tick = None) -> Pattern:
    """Compile a pattern (cached by type, text and flags); `tick` is called while matching."""
    if isinstance(pattern, Pattern):
        if flags:
            raise ValueError("cannot process flags argument with a compiled pattern")
        if tick is None or tick is pattern.tick:
            return pattern
        return Pattern(pattern.pattern, pattern.flags, pattern._program,
                       pattern._groupindex, tick)
    if not isinstance(pattern, (str, bytes)):
        raise TypeError("first argument must be string or compiled pattern")
    flags = int(flags)
    key = (type(pattern), pattern, flags)
    built = _cache.get(key)
    if built is None:
        built = _build(pattern, flags)
        if len(_cache) >= _MAXCACHE:
            del _cache[next(iter(_cache))]
        _cache[key] = built
    final_flags, program, groupindex = built
    return Pattern(pattern, final_flags, program, groupindex, tick)


def purge() -> None:
    """Clear the compiled-pattern cache."""
    _cache.clear()


def search(pattern: Any, string: Any, flags: int = 0, *, tick: Tick = None) -> Optional[Match]:
    """Scan through string looking for a match."""
    return compile(pattern, flags, tick).search(string)


def match(pattern: Any, string: Any, flags: int = 0, *, tick: Tick = None) -> Optional[Match]:
    """Match at the beginning of string."""
    return compile(pattern, flags, tick).match(string)


def fullmatch(pattern: Any, string: Any, flags: int = 0, *, tick: Tick = None) -> Optional[Match]:
    """Match the whole string."""
    return compile(pattern, flags, tick).fullmatch(string)


def findall(pattern: Any, string: Any, flags: int = 0, *, tick: Tick = None) -> list:
    """List all non-overlapping matches."""
    return compile(pattern, flags, tick).findall(string)


def finditer(pattern: Any, string: Any, flags: int = 0, *, tick: Tick = None) -> Iterator[Match]:
    """Iterate over all non-overlapping matches."""
    return compile(pattern, flags, tick).finditer(string)


def sub(pattern: Any, repl: Any, string: Any, count: int = 0, flags: int = 0, *,
        tick: Tick = None) -> Any:
    """Replace occurrences of the pattern."""
    return compile(pattern, flags, tick).sub(repl, string, count)


def subn(pattern: Any, repl: Any, string: Any, count: int = 0, flags: int = 0, *,
         tick: Tick = None) -> tuple:
    """Replace occurrences and count them."""
    return compile(pattern, flags, tick).subn(repl, string, count)


def split(pattern: Any, string: Any, maxsplit: int = 0, flags: int = 0, *,
          tick: Tick = None) -> list:
    """Split string by occurrences of the pattern."""
    return compile(pattern, flags, tick).split(string, maxsplit)


_SPECIAL = {i: "\\" + chr(i) for i in b"()[]{}?*+-|^$\\.&~# \t\n\r\v\f"}


def escape(pattern: Any) -> Any:
    """Backslash-escape every regex metacharacter."""
    if isinstance(pattern, str):
        return pattern.translate(_SPECIAL)
    return str(pattern, "latin-1").translate(_SPECIAL).encode("latin-1")
