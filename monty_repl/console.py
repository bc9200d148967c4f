"""Where the REPL's output goes: program output, values, tracebacks and messages."""
from __future__ import annotations

import sys
import threading

from .highlighting import colour_traceback


class Console:
    """Writes like Python's interactive interpreter: stdout for output, stderr for errors."""

    def __init__(self, out=None, err=None, colour: bool = False):
        self.out = out or sys.stdout
        self.err = err or sys.stderr
        self.colour = colour
        self.at_line_start = True
        self._lock = threading.Lock()

    def write(self, stream: str, text: str) -> None:
        """Print output of Monty code as it happens (the engine's print callback)."""
        self._emit(self.err if stream == 'stderr' else self.out, text)

    def value(self, text: str) -> None:
        """Show the repr of a trailing expression's value."""
        self._emit(self.out, text + '\n')

    def traceback(self, text: str) -> None:
        """Show a traceback (or syntax error report), coloured when colour is on."""
        text = text if text.endswith('\n') else text + '\n'
        self.fresh_line()
        self._emit(self.err, colour_traceback(text) if self.colour else text)

    def info(self, text: str) -> None:
        """Show a message of the front end itself (meta command output)."""
        if text:
            self._emit(self.out, text if text.endswith('\n') else text + '\n')

    def warn(self, text: str) -> None:
        """Show a problem of the front end itself (bad file, bad option) on stderr."""
        self.fresh_line()
        self._emit(self.err, text if text.endswith('\n') else text + '\n')

    def fresh_line(self) -> None:
        """End a line left open by output such as `print(x, end='')`."""
        if not self.at_line_start:
            self._emit(self.out, '\n')

    def _emit(self, stream, text: str) -> None:
        """Write and flush at once so output appears while code is still running."""
        if not text:
            return
        with self._lock:
            stream.write(text)
            stream.flush()
            self.at_line_start = text.endswith('\n')
