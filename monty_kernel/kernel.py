"""The Jupyter wrapper kernel: protocol messages in, one Monty session, messages out."""
from __future__ import annotations

import ast
import contextlib
import signal

from ipykernel.kernelbase import Kernel
from traitlets import List, Unicode

from monty import ContinuationMode, detect_continuation_mode
from monty.continuation import indent_for_next_line

from . import __version__
from . import handlers as handler_modules
from .magics import run_magic, split_cell, without_magics
from .session import ErrorInfo, Session, error_info

LANGUAGE_INFO = {
    'name': 'python',
    'version': '3.11',
    'mimetype': 'text/x-python',
    'file_extension': '.py',
    'codemirror_mode': {'name': 'python', 'version': 3},
    'pygments_lexer': 'ipython3',
    'nbconvert_exporter': 'python',
}
BANNER = 'Monty: a sandboxed interpreter for a subset of Python 3.11'


class MontyKernel(Kernel):
    """A kernel that runs every cell in one sandboxed MontyRepl."""

    implementation = 'monty'
    implementation_version = __version__
    language = 'python'
    language_version = '3.11'
    language_info = LANGUAGE_INFO
    banner = BANNER

    handler_specs = List(Unicode(), help='Handler modules or .py files to load').tag(config=True)
    autosave = Unicode('', help='Session file restored on start and saved after each cell'
                       ).tag(config=True)

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.monty = Session(self._initial_handlers(), self.autosave or None)
        if self.monty.restore_error:
            self.log.warning('starting a fresh session: %s', self.monty.restore_error)

    @property
    def history_store(self):
        return self.monty.history

    def _initial_handlers(self) -> dict:
        """Entry points first, then MONTY_HANDLERS, then the kernelspec's ``--handlers``."""
        found = handler_modules.load_entry_points()
        found.update(handler_modules.load_specs(handler_modules.specs_from_env()))
        found.update(handler_modules.load_specs(self.handler_specs))
        return found

    # -- execute --------------------------------------------------------------------------
    async def do_execute(self, code, silent, store_history=True, user_expressions=None,
                         allow_stdin=False, **_ignored):
        """Run a cell: stream prints, show the trailing value, report an uncaught exception."""
        if store_history and not silent:
            self.history_store.add(self.execution_count, code)
        self.monty.sink = _discard if silent else self._send_stream
        self.monty.input_fn = self._ask_input if allow_stdin else None
        try:
            shown, error = self._run_cell(code)
        finally:
            self.monty.sink = _discard
            self.monty.input_fn = None
        if error is not None:
            if not silent:
                self.send_response(self.iopub_socket, 'error', error.content())
            return {'status': 'error', 'execution_count': self.execution_count,
                    **error.content()}
        if shown is not None and not silent:
            self._send_result(shown, store_history)
        return {'status': 'ok', 'execution_count': self.execution_count, 'payload': [],
                'user_expressions': {}}

    def _run_cell(self, code: str) -> tuple[str | None, ErrorInfo | None]:
        """Run the cell's code and magic parts in order; stop at the first error."""
        parts = split_cell(code)
        token = shown = None
        try:
            if any(part[0] == 'code' for part in parts):
                token = self.monty.checkpoint()
            for kind, text, args in parts:
                shown = self._run_part(kind, text, args)
        except (Exception, KeyboardInterrupt) as exc:  # Monty errors, usage errors, interrupts
            return None, error_info(exc)
        finally:
            if token is not None:
                self.monty.keep_undo_point(token)
            self._autosave()
        return shown, None

    def _run_part(self, kind: str, text: str, args: str) -> str | None:
        if kind == 'magic':
            self._send_stream('stdout', run_magic(self.monty, text, args))
            return None
        with self._interruptible():
            return self.monty.run(text)

    def _autosave(self) -> None:
        try:
            self.monty.autosave_now()
        except Exception as exc:  # a full disk or a value the session format cannot hold
            self._send_stream('stderr', f'autosave failed: {exc}\n')

    def _send_stream(self, stream: str, text: str) -> None:
        if text:
            self.send_response(self.iopub_socket, 'stream', {'name': stream, 'text': text})

    def _send_result(self, text: str, store_history: bool) -> None:
        if store_history:
            self.history_store.set_output(self.execution_count, text)
        self.send_response(self.iopub_socket, 'execute_result', {
            'execution_count': self.execution_count, 'data': {'text/plain': text},
            'metadata': {}})

    def _ask_input(self, prompt: str) -> str:
        """Ask the frontend for a line over the stdin channel."""
        self._allow_stdin = True  # what Kernel.raw_input checks; only set while allowed
        try:
            return self.raw_input(prompt)
        finally:
            self._allow_stdin = False

    @contextlib.contextmanager
    def _interruptible(self):
        """While Monty runs, SIGINT asks it to stop at its next check instead of killing us."""
        def on_sigint(signum, frame):
            self.monty.interrupt()
            if self.monty.in_host:
                raise KeyboardInterrupt
        previous = signal.signal(signal.SIGINT, on_sigint)
        try:
            yield
        finally:
            signal.signal(signal.SIGINT, previous)

    # -- introspection --------------------------------------------------------------------
    async def do_is_complete(self, code):
        """Ask continuation detection whether the frontend should run the cell or wait."""
        code = without_magics(code)
        try:
            mode = detect_continuation_mode(code)
        except Exception:
            return {'status': 'unknown'}
        if mode is ContinuationMode.COMPLETE:
            return {'status': 'invalid' if _is_invalid(code) else 'complete'}
        return {'status': 'incomplete', 'indent': indent_for_next_line(code)}

    async def do_complete(self, code, cursor_pos):
        cursor_pos = len(code) if cursor_pos is None else cursor_pos
        start = _word_start(code, cursor_pos)
        matches = self.monty.repl.complete(code, cursor_pos)
        return {'status': 'ok', 'matches': list(matches), 'cursor_start': start,
                'cursor_end': cursor_pos, 'metadata': {}}

    async def do_inspect(self, code, cursor_pos, detail_level=0, omit_sections=()):
        cursor_pos = len(code) if cursor_pos is None else cursor_pos
        name = _name_at(code, cursor_pos)
        text = self.monty.repl.inspect(name) if name else None
        if text is None:
            return {'status': 'ok', 'found': False, 'data': {}, 'metadata': {}}
        return {'status': 'ok', 'found': True, 'data': {'text/plain': text}, 'metadata': {}}

    async def do_history(self, hist_access_type, output, raw, session=None, start=None,
                         stop=None, n=None, pattern=None, unique=False):
        history = self.history_store.query(hist_access_type, output, session=session,
                                           start=start, stop=stop, n=n, pattern=pattern,
                                           unique=unique)
        return {'status': 'ok', 'history': history}

    async def do_shutdown(self, restart):
        self._autosave()
        return {'status': 'ok', 'restart': restart}


def _discard(stream: str, text: str) -> None:
    """Drop output of silent cells."""


def _is_invalid(code: str) -> bool:
    """True when a complete-looking cell cannot even be parsed (parsing runs nothing)."""
    try:
        ast.parse(code)
    except SyntaxError:
        return True
    except Exception:
        return False
    return False


def _word_start(code: str, cursor: int) -> int:
    """Start of the dotted name that ends at the cursor (what completion replaces)."""
    start = cursor
    while start > 0 and (code[start - 1].isalnum() or code[start - 1] == '_'):
        start -= 1
    return start


def _name_at(code: str, cursor: int) -> str:
    """The dotted name under or just before the cursor."""
    start = cursor
    while start > 0 and (code[start - 1].isalnum() or code[start - 1] in '_.'):
        start -= 1
    end = cursor
    while end < len(code) and (code[end].isalnum() or code[end] == '_'):
        end += 1
    return code[start:end].strip('.')
