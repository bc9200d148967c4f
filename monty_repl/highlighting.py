"""Colour for the input line (pygments' Python lexer) and for tracebacks."""
from __future__ import annotations

import os

from prompt_toolkit.lexers import PygmentsLexer
from pygments import highlight
from pygments.formatters import TerminalFormatter
from pygments.lexers import PythonLexer, PythonTracebackLexer


def input_lexer() -> PygmentsLexer:
    """The lexer prompt_toolkit uses to colour the code being edited."""
    return PygmentsLexer(PythonLexer)


def colour_traceback(text: str) -> str:
    """Return `text` with ANSI colours as pygments highlights a Python traceback."""
    coloured = highlight(text, PythonTracebackLexer(), TerminalFormatter())
    return coloured if text.endswith('\n') else coloured.rstrip('\n')


def colour_wanted(stream, choice: bool | None = None) -> bool:
    """Colour when asked to, else when `stream` is a terminal and NO_COLOR is not set."""
    if choice is not None:
        return choice
    if os.environ.get('NO_COLOR'):
        return False
    isatty = getattr(stream, 'isatty', None)
    return bool(isatty and isatty())
