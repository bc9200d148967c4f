"""The regex `error` exception, formatted like CPython's re.error."""

from __future__ import annotations

from typing import Optional, Union


class error(Exception):
    """Exception raised for invalid regular expressions."""

    def __init__(self, msg: str, pattern: Optional[Union[str, bytes]] = None,
                 pos: Optional[int] = None) -> None:
        self.msg = msg
        self.pattern = pattern
        self.pos = pos
        self.lineno = self.colno = None
        if pattern is not None and pos is not None:
            msg = "%s at position %d" % (msg, pos)
            newline = "\n" if isinstance(pattern, str) else b"\n"
            self.lineno = pattern.count(newline, 0, pos) + 1
            self.colno = pos - pattern.rfind(newline, 0, pos)
            if newline in pattern:
                msg = "%s (line %d, column %d)" % (msg, self.lineno, self.colno)
        super().__init__(msg)


error.__module__ = "re"
