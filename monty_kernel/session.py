"""One kernel's Monty state: the REPL, its handlers, undo points, history and autosave."""
from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from monty import MontyError, MontyRepl

from .handlers import Handlers
from .history import History, history_path

Sink = Callable[[str, str], None]
InputFn = Callable[[str], str]
UNDO_DEPTH = 20


@dataclass
class ErrorInfo:
    """An uncaught exception in the shape of a Jupyter ``error`` message."""
    ename: str
    evalue: str
    traceback: list[str]

    def content(self) -> dict:
        return {'ename': self.ename, 'evalue': self.evalue, 'traceback': self.traceback}


class UsageError(Exception):
    """A magic used wrongly; shown to the user without a traceback."""


def error_info(exc: BaseException) -> ErrorInfo:
    """Describe a Monty error, an interrupt or a usage error for the frontend."""
    if isinstance(exc, MontyError):
        text = exc.display().rstrip('\n')
        return ErrorInfo(exc.type_name, exc.message, text.split('\n'))
    if isinstance(exc, KeyboardInterrupt):
        return ErrorInfo('KeyboardInterrupt', '', ['KeyboardInterrupt'])
    name = type(exc).__name__
    return ErrorInfo(name, str(exc), [f'{name}: {exc}' if str(exc) else name])


class Session:
    """A MontyRepl plus everything the kernel keeps around it."""

    def __init__(self, handlers: Handlers | None = None, autosave: str | None = None):
        self.handlers: Handlers = dict(handlers or {})
        self.sink: Sink = _discard
        self.input_fn: InputFn | None = None
        self.in_host = False
        self.externals: Handlers = {}
        self._wrap_handlers()
        self.undo: list = []
        self.history = History()
        self.autosave = Path(autosave).expanduser() if autosave else None
        self.repl = self._new_repl()
        self.restored = self._restore_autosave()

    # -- the REPL -----------------------------------------------------------------------
    def _new_repl(self) -> MontyRepl:
        repl = MontyRepl(script_name='<cell>', external_functions=self.externals,
                         print_callback=self._print)
        repl.input_handler = self._input
        return repl

    def _wrap_handlers(self) -> None:
        """Rebuild the table of external functions Monty code can call."""
        self.externals = {name: self._host_call(fn) for name, fn in self.handlers.items()}

    def _host_call(self, fn: Callable) -> Callable:
        """Mark time spent in host code so an interrupt can stop it right away."""
        def call(*args, **kwargs):
            self.in_host = True
            try:
                return fn(*args, **kwargs)
            finally:
                self.in_host = False
        call.__name__ = getattr(fn, '__name__', 'handler')
        call.__doc__ = getattr(fn, '__doc__', None)
        return call

    def _print(self, stream: str, text: str) -> None:
        self.sink(stream, text)

    def _input(self, prompt: str) -> str:
        if self.input_fn is None:
            raise RuntimeError('input() needs a frontend that accepts input requests')
        self.in_host = True
        try:
            return self.input_fn(prompt)
        finally:
            self.in_host = False

    def run(self, code: str) -> str | None:
        """Run code in the REPL and return the repr of its trailing expression."""
        return self.repl.feed_repr(code, external_functions=self.externals)

    def interrupt(self) -> None:
        self.repl.interrupt()

    # -- undo -----------------------------------------------------------------------------
    def checkpoint(self):
        return self.repl.checkpoint()

    def keep_undo_point(self, token) -> None:
        """Remember the state before a finished cell, dropping the oldest beyond the cap."""
        self.undo.append(token)
        del self.undo[:-UNDO_DEPTH]

    def undo_last(self) -> None:
        if not self.undo:
            raise UsageError('nothing to undo')
        try:
            self.repl.restore(self.undo.pop())
        except ValueError as exc:
            self.undo.clear()
            raise UsageError(f'cannot undo: {exc}') from None

    # -- handlers ------------------------------------------------------------------------
    def add_handlers(self, handlers: Handlers) -> None:
        """Make more external functions callable from Monty code, keeping all state."""
        self.handlers.update(handlers)
        self._wrap_handlers()

    # -- whole-session operations ---------------------------------------------------------
    def reset(self) -> None:
        self.repl.reset()
        self.undo.clear()

    def save(self, path: str | Path) -> Path:
        """Write the session (and its history beside it) atomically."""
        target = Path(path).expanduser()
        _atomic_write(target, self.repl.dump())
        _atomic_write(history_path(target), self.history.to_json().encode('utf-8'))
        return target

    def load(self, path: str | Path) -> Path:
        """Replace the session with one saved earlier; history continues as a new session."""
        source = Path(path).expanduser()
        try:
            data = source.read_bytes()
        except OSError as exc:
            raise UsageError(f'cannot read {source}: {exc.strerror}') from None
        try:
            repl = MontyRepl.load(data, external_functions=self.externals,
                                  print_callback=self._print)
        except ValueError as exc:
            raise UsageError(f'{source} is not a Monty session: {exc}') from None
        repl.input_handler = self._input
        self.repl = repl
        self.undo.clear()
        self.history = History.load(history_path(source))
        return source

    def _restore_autosave(self) -> bool:
        """Restore the autosave file if there is one; a bad file leaves a fresh session."""
        self.restore_error = None
        if self.autosave is None or not self.autosave.exists():
            return False
        try:
            self.load(self.autosave)
        except UsageError as exc:
            self.restore_error = str(exc)
            return False
        return True

    def autosave_now(self) -> None:
        if self.autosave is not None:
            self.save(self.autosave)


def _discard(stream: str, text: str) -> None:
    """Drop output (silent execution)."""


def _atomic_write(path: Path, data: bytes) -> None:
    """Write via a temporary file so a crash never leaves half a session file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=path.name, dir=path.parent)
    try:
        with os.fdopen(fd, 'wb') as out:
            out.write(data)
        os.replace(tmp, path)
    except BaseException:
        os.unlink(tmp)
        raise

