"""The compiled Pattern object and its matching methods."""

from __future__ import annotations

import sys
from typing import Any, Callable, Iterator, Optional

from .compiler import Program
from .flags import flags_repr
from .match import Match, getslice
from .matcher import Machine
from .template import expand, parse_template

Tick = Optional[Callable[[], None]]


class Pattern:
    """A compiled regular expression, mirroring re.Pattern."""

    def __init__(self, pattern: Any, flags: int, program: Program, groupindex: dict,
                 tick: Tick = None) -> None:
        self.pattern = pattern
        self.flags = flags
        self.groups = program.groups
        self._groupindex = groupindex
        self._program = program
        self.tick = tick
        self._istext = isinstance(pattern, str)

    @property
    def groupindex(self) -> dict:
        """Mapping of group names to numbers (a fresh copy)."""
        return dict(self._groupindex)

    def _subject(self, string: Any) -> str:
        """Check the subject's type and view it as a str for matching."""
        if self._istext:
            if isinstance(string, str):
                return string
            if isinstance(string, (bytes, bytearray, memoryview)):
                raise TypeError("cannot use a string pattern on a bytes-like object")
        else:
            if isinstance(string, (bytes, bytearray, memoryview)):
                return bytes(string).decode("latin-1")
            if isinstance(string, str):
                raise TypeError("cannot use a bytes pattern on a string-like object")
        raise TypeError("expected string or bytes-like object, got %r" % type(string).__name__)

    def _machine(self, string: Any, pos: int, endpos: int) -> tuple:
        """Build a machine over string[:endpos]; returns (machine, pos, endpos)."""
        text = self._subject(string)
        size = len(text)
        pos = min(max(pos, 0), size)
        endpos = min(max(endpos, 0), size)
        if endpos < size:
            text = text[:endpos]
        return Machine(self._program, text, self.tick), pos, endpos

    def _match(self, string: Any, pos: int, endpos: int, whole: bool) -> Optional[Match]:
        machine, pos, endpos = self._machine(string, pos, endpos)
        machine.match_all = whole
        caps = machine.match_at(pos)
        return None if caps is None else Match(self, string, pos, endpos, caps)

    def match(self, string: Any, pos: int = 0, endpos: int = sys.maxsize) -> Optional[Match]:
        """Match at the start of the string (or at `pos`)."""
        return self._match(string, pos, endpos, False)

    def fullmatch(self, string: Any, pos: int = 0, endpos: int = sys.maxsize) -> Optional[Match]:
        """Match the whole string (or the slice pos:endpos)."""
        return self._match(string, pos, endpos, True)

    def search(self, string: Any, pos: int = 0, endpos: int = sys.maxsize) -> Optional[Match]:
        """Find the first match anywhere."""
        machine, pos, endpos = self._machine(string, pos, endpos)
        if pos > endpos:
            return None
        caps = machine.search(pos)
        return None if caps is None else Match(self, string, pos, endpos, caps)

    def _scan(self, string: Any, pos: int = 0, endpos: int = sys.maxsize) -> Iterator[list]:
        """Successive non-overlapping matches' captures, with 3.7+ empty-match rules."""
        machine, pos, endpos = self._machine(string, pos, endpos)
        while pos <= endpos:
            caps = machine.search(pos)
            if caps is None:
                return
            yield caps
            pos = caps[1]
            machine.forbid = pos if caps[0] == pos else -1

    def finditer(self, string: Any, pos: int = 0, endpos: int = sys.maxsize) -> Iterator[Match]:
        """Iterate over all matches as Match objects."""
        bounds = self._bounds(string, pos, endpos)
        for caps in self._scan(string, pos, endpos):
            yield Match(self, string, bounds[0], bounds[1], caps)

    def _bounds(self, string: Any, pos: int, endpos: int) -> tuple:
        """Clamped (pos, endpos) as stored on Match objects."""
        size = len(string)
        return min(max(pos, 0), size), min(max(endpos, 0), size)

    def findall(self, string: Any, pos: int = 0, endpos: int = sys.maxsize) -> list:
        """List every match: whole text, the one group, or a tuple of groups."""
        empty = getslice(string, 0, 0)
        ngroups = self.groups
        out = []
        for caps in self._scan(string, pos, endpos):
            if ngroups == 0:
                out.append(_slice(string, caps, 0, empty))
            elif ngroups == 1:
                out.append(_slice(string, caps, 1, empty))
            else:
                out.append(tuple(_slice(string, caps, g, empty) for g in range(1, ngroups + 1)))
        return out

    def split(self, string: Any, maxsplit: int = 0) -> list:
        """Split the string by occurrences of the pattern, keeping captured groups."""
        out = []
        last = 0
        if maxsplit < 0:
            return [getslice(string, 0, len(string))]
        for count, caps in enumerate(self._scan(string), 1):
            out.append(getslice(string, last, caps[0]))
            out.extend(_slice(string, caps, g, None) for g in range(1, self.groups + 1))
            last = caps[1]
            if count == maxsplit:
                break
        out.append(getslice(string, last, len(string)))
        return out

    def subn(self, repl: Any, string: Any, count: int = 0) -> tuple:
        """Replace matches; returns (new string, number of replacements)."""
        replace = self._replacer(repl, string)
        pieces = []
        last = done = 0
        if count >= 0:
            for caps in self._scan(string):
                if caps[0] > last:
                    pieces.append(string[last:caps[0]])
                value = replace(caps)
                if value is not None:
                    pieces.append(value)
                last = caps[1]
                done += 1
                if done == count:
                    break
        if not done:
            return (string if isinstance(string, (str, bytes)) else bytes(string)), 0
        if last < len(string):
            pieces.append(string[last:])
        joiner = "" if self._istext else b""
        return joiner.join(pieces), done

    def sub(self, repl: Any, string: Any, count: int = 0) -> Any:
        """Replace matches with a template or the result of a function."""
        return self.subn(repl, string, count)[0]

    def _replacer(self, repl: Any, string: Any) -> Callable[[list], Any]:
        """Function from captures to replacement text."""
        if callable(repl):
            size = len(string)
            return lambda caps: repl(Match(self, string, 0, size, caps))
        if isinstance(repl, (str, bytes)) and (b"\\" if isinstance(repl, bytes) else "\\") not in repl:
            return lambda caps: repl
        parts = parse_template(repl, self.groups, self._groupindex)
        empty = "" if isinstance(repl, str) else b""
        return lambda caps: expand(parts, _CapsGroups(string, caps), empty)

    def __repr__(self) -> str:
        flags = flags_repr(self.flags, self._istext)
        text = repr(self.pattern)[:200]
        return "re.compile(%s%s)" % (text, ", " + flags if flags else "")

    def __eq__(self, other: Any) -> bool:
        if not isinstance(other, Pattern):
            return NotImplemented
        return self.pattern == other.pattern and self.flags == other.flags and \
            self._istext == other._istext

    def __hash__(self) -> int:
        return hash((self.pattern, self.flags))

    def __copy__(self) -> "Pattern":
        return self

    def __deepcopy__(self, memo: Any) -> "Pattern":
        return self


def _slice(string: Any, caps: list, group: int, default: Any) -> Any:
    """Text of one group from raw captures."""
    start, end = caps[2 * group], caps[2 * group + 1]
    if start < 0 or end < 0:
        return default
    return getslice(string, start, end)


class _CapsGroups:
    """Minimal stand-in for a Match when expanding templates during sub()."""

    __slots__ = ("string", "caps")

    def __init__(self, string: Any, caps: list) -> None:
        self.string = string
        self.caps = caps

    def group(self, index: int) -> Any:
        return _slice(self.string, self.caps, index, None)
