"""Pattern tokenizer: yields single characters or two-character escapes."""

from __future__ import annotations

from typing import Optional, Union

from .errors import error


class Tokenizer:
    """Reads a pattern one token ahead, as the CPython parser does."""

    def __init__(self, pattern: Union[str, bytes]) -> None:
        self.original = pattern
        self.istext = isinstance(pattern, str)
        self.string = pattern if self.istext else str(pattern, "latin-1")
        self.index = 0
        self.next: Optional[str] = None
        self._advance()

    def _advance(self) -> None:
        """Load the next token into `self.next`."""
        index = self.index
        if index >= len(self.string):
            self.next = None
            return
        char = self.string[index]
        if char == "\\":
            if index + 1 >= len(self.string):
                raise error("bad escape (end of pattern)", self.original, len(self.string) - 1)
            char += self.string[index + 1]
        self.index = index + len(char)
        self.next = char

    def match(self, char: str) -> bool:
        """Consume the next token if it equals `char`."""
        if char == self.next:
            self._advance()
            return True
        return False

    def get(self) -> Optional[str]:
        """Consume and return the next token (None at the end)."""
        this = self.next
        self._advance()
        return this

    def getwhile(self, n: int, charset: str) -> str:
        """Consume up to `n` tokens drawn from `charset`."""
        result = ""
        for _ in range(n):
            c = self.next
            if c is None or c not in charset:
                break
            result += c
            self._advance()
        return result

    def getuntil(self, terminator: str, name: str) -> str:
        """Consume tokens up to `terminator`, for names like group names."""
        result = ""
        while True:
            c = self.next
            self._advance()
            if c is None:
                if not result:
                    raise self.error("missing " + name)
                raise self.error("missing %s, unterminated name" % terminator, len(result))
            if c == terminator:
                if not result:
                    raise self.error("missing " + name, 1)
                return result
            result += c

    def tell(self) -> int:
        """Position of the next token."""
        return self.index - len(self.next or "")

    def seek(self, index: int) -> None:
        """Rewind to a position."""
        self.index = index
        self._advance()

    def error(self, msg: str, offset: int = 0) -> error:
        """Build an error located `offset` characters before the next token."""
        return error(msg, self.original, self.tell() - offset)
