"""The Match object returned by successful searches."""

from __future__ import annotations

from typing import Any, Optional

from .template import expand, parse_template


def getslice(string: Any, start: int, end: int) -> Any:
    """Slice of a subject; bytes-like subjects give bytes, as in CPython."""
    if isinstance(string, (str, bytes)):
        return string[start:end]
    return bytes(string[start:end])


class Match:
    """Result of a successful match, mirroring re.Match."""

    __slots__ = ("string", "re", "pos", "endpos", "_caps", "lastindex")

    def __init__(self, pattern, string, pos: int, endpos: int, caps: list) -> None:
        self.re = pattern
        self.string = string
        self.pos = pos
        self.endpos = endpos
        self._caps = caps
        last = caps[-1]
        self.lastindex = last if last >= 0 else None

    @property
    def lastgroup(self) -> Optional[str]:
        """Name of the last matched group, if it has one."""
        if self.lastindex is None:
            return None
        for name, index in self.re.groupindex.items():
            if index == self.lastindex:
                return name
        return None

    @property
    def regs(self) -> tuple:
        """Spans of every group, including group 0."""
        return tuple(self.span(g) for g in range(self.re.groups + 1))

    def _index(self, group: Any) -> int:
        """Resolve a group number or name, raising IndexError like CPython."""
        if isinstance(group, int):
            if 0 <= group <= self.re.groups:
                return int(group)
        elif isinstance(group, (str, bytes)):
            index = self.re.groupindex.get(group)
            if index is not None:
                return index
        elif hasattr(group, "__index__"):
            return self._index(group.__index__())
        raise IndexError("no such group")

    def _get(self, index: int, default: Any = None) -> Any:
        """Text of a group by number, or `default` if it did not take part."""
        start, end = self._caps[2 * index], self._caps[2 * index + 1]
        if start < 0 or end < 0:
            return default
        return getslice(self.string, start, end)

    def group(self, *groups: Any) -> Any:
        """One group's text, or a tuple of several."""
        if not groups:
            return self._get(0)
        if len(groups) == 1:
            return self._get(self._index(groups[0]))
        return tuple(self._get(self._index(g)) for g in groups)

    def __getitem__(self, group: Any) -> Any:
        return self._get(self._index(group))

    def groups(self, default: Any = None) -> tuple:
        """Texts of all capturing groups."""
        return tuple(self._get(g, default) for g in range(1, self.re.groups + 1))

    def groupdict(self, default: Any = None) -> dict:
        """Texts of all named groups."""
        return {name: self._get(index, default) for name, index in self.re.groupindex.items()}

    def start(self, group: Any = 0) -> int:
        """Start index of a group, or -1."""
        return self._caps[2 * self._index(group)]

    def end(self, group: Any = 0) -> int:
        """End index of a group, or -1."""
        return self._caps[2 * self._index(group) + 1]

    def span(self, group: Any = 0) -> tuple:
        """(start, end) of a group, or (-1, -1)."""
        index = self._index(group)
        return self._caps[2 * index], self._caps[2 * index + 1]

    def expand(self, template: Any) -> Any:
        """Fill a replacement template from this match."""
        parts = parse_template(template, self.re.groups, self.re.groupindex)
        return expand(parts, self, self.string[:0] if isinstance(self.string, str) else b"")

    def __repr__(self) -> str:
        return "<re.Match object; span=%r, match=%r>" % (self.span(), self.group())

    def __copy__(self) -> "Match":
        return self

    def __deepcopy__(self, memo: Any) -> "Match":
        return self
