"""The interactive loop: read a block with prompt_toolkit, then run it or a meta command."""
from __future__ import annotations

import os
from pathlib import Path

from prompt_toolkit import PromptSession
from prompt_toolkit.history import FileHistory, History, InMemoryHistory

from .commands import is_command, run_command
from .completion import MontyCompleter
from .highlighting import input_lexer
from .keys import key_bindings
from .session import ExitRequest, Session

PROMPT = '>>> '
CONTINUATION = '... '


def default_history_path() -> Path:
    """$XDG_DATA_HOME/monty/history, or ~/.local/share/monty/history."""
    base = os.environ.get('XDG_DATA_HOME') or os.path.join(os.path.expanduser('~'), '.local', 'share')
    return Path(base) / 'monty' / 'history'


def open_history(path: str | os.PathLike | None) -> History:
    """A file history at `path` (directories created); in memory if the file is unusable."""
    target = Path(path) if path else default_history_path()
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        target.touch(exist_ok=True)
    except OSError:
        return InMemoryHistory()
    return FileHistory(str(target))


def _continuation(width: int, line_number: int, is_soft_wrap: bool) -> str:
    """The prompt of every line after the first."""
    return CONTINUATION.rjust(width)


class ReplApp:
    """Reads blocks at `>>> `/`... ` prompts and hands them to the session."""

    def __init__(self, session: Session, *, vi: bool = False, history: History | None = None,
                 colour: bool = True, input=None, output=None):
        self.session = session
        self.prompt = PromptSession(
            PROMPT, multiline=True, prompt_continuation=_continuation,
            key_bindings=key_bindings(), lexer=input_lexer() if colour else None,
            completer=MontyCompleter(lambda: self.session.repl), complete_while_typing=True,
            history=history or InMemoryHistory(), vi_mode=vi, enable_suspend=True,
            include_default_pygments_style=colour, input=input, output=output)

    def read(self) -> str | None:
        """One block of input; '' after Ctrl-C, None at Ctrl-D (end of input)."""
        self.session.console.fresh_line()
        try:
            return self.prompt.prompt()
        except KeyboardInterrupt:
            self.session.console.warn('KeyboardInterrupt')
            return ''
        except EOFError:
            return None

    def handle(self, text: str) -> None:
        """Run a meta command or a block of code."""
        if is_command(text):
            run_command(self.session, text)
        elif text.strip():
            self.session.run(text.rstrip() + '\n')

    def loop(self) -> int:
        """Read and run until Ctrl-D or SystemExit; return the exit status."""
        while True:
            text = self.read()
            if text is None:
                return 0
            try:
                self.handle(text)
            except ExitRequest as request:
                return request.status
            except KeyboardInterrupt:
                self.session.console.warn('KeyboardInterrupt')
