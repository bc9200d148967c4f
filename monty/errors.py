"""Exceptions the host sees: ``MontyError`` and its two kinds, plus traceback frames."""
from __future__ import annotations

import builtins
from dataclasses import dataclass


@dataclass(frozen=True)
class Frame:
    """One traceback entry of a Monty exception, outermost first."""
    filename: str
    line: int
    column: int
    end_line: int
    end_column: int
    function_name: str
    source_line: str


class MontyError(Exception):
    """Base of every error raised by running or compiling Monty code."""

    def __init__(self, type_name: str, message: str):
        super().__init__(f'{type_name}: {message}' if message else type_name)
        self.type_name = type_name
        self.message = message

    def exception(self) -> BaseException:
        """The equivalent host exception (a builtin type with the same args), never a Monty object."""
        cls = getattr(builtins, self.type_name, None)
        if isinstance(cls, type) and issubclass(cls, BaseException):
            try:
                return cls(*self.args_tuple())
            except Exception:
                pass
        return Exception(self.message)

    def args_tuple(self) -> tuple:
        return (self.message,) if self.message else ()

    def traceback(self) -> list[Frame]:
        return []

    def display(self) -> str:
        return str(self)


class MontySyntaxError(MontyError):
    """Source that cannot be compiled: a Python syntax error or a construct Monty rejects."""

    def __init__(self, message: str, filename: str = 'main.py', line: int = 1, column: int = 1,
                 source_line: str = '', end_column: int | None = None,
                 type_name: str = 'SyntaxError'):
        super().__init__(type_name, message)
        self.filename = filename
        self.line = line
        self.column = column
        self.end_column = end_column
        self.source_line = source_line

    @classmethod
    def from_host(cls, exc: SyntaxError, filename: str, source: str) -> 'MontySyntaxError':
        lines = source.splitlines()
        lineno = exc.lineno or 1
        text = lines[lineno - 1] if 0 < lineno <= len(lines) else (exc.text or '')
        return cls(exc.msg, filename, lineno, exc.offset or 1, text, exc.end_offset,
                   type(exc).__name__)

    def exception(self) -> BaseException:
        cls = IndentationError if self.type_name == 'IndentationError' else SyntaxError
        if self.type_name == 'TabError':
            cls = TabError
        return cls(self.message, (self.filename, self.line, self.column, self.source_line))

    def traceback(self) -> list[Frame]:
        return [Frame(self.filename, self.line, self.column, self.line,
                      self.end_column or self.column, '<module>', self.source_line)]

    def display(self) -> str:
        out = [f'  File "{self.filename}", line {self.line}']
        if self.source_line:
            stripped = self.source_line.lstrip()
            indent = len(self.source_line) - len(stripped)
            out.append('    ' + stripped.rstrip())
            col = max(self.column - 1 - indent, 0)
            end = self.end_column
            width = 1
            if end is not None and end > self.column:
                width = end - self.column
            out.append('    ' + ' ' * col + '^' * width)
        out.append(f'{self.type_name}: {self.message}')
        return '\n'.join(out)


class MontyRuntimeError(MontyError):
    """An exception raised by Monty code and not caught there."""

    def __init__(self, type_name: str, message: str, frames: list[Frame], text: str,
                 args: tuple = (), chain_text: str = ''):
        super().__init__(type_name, message)
        self._frames = frames
        self._text = text
        self._args = args

    def args_tuple(self) -> tuple:
        return self._args

    def traceback(self) -> list[Frame]:
        return list(self._frames)

    def display(self) -> str:
        return self._text


class MontyCompleteError(MontyError):
    """Reserved for API misuse reported as a Monty error."""
