"""One live Monty session: runs input, keeps undo checkpoints, saves and loads itself."""
from __future__ import annotations

import os
import threading
from dataclasses import dataclass
from typing import Callable

from monty import MontyError, MontyRepl, MontyRuntimeError, MontySyntaxError, ResourceLimits

from .console import Console

# Short limit names used on the command line and by `:limits`, with the field and its type.
LIMIT_FIELDS: dict[str, tuple[str, type]] = {
    'duration': ('max_duration_secs', float),
    'memory': ('max_memory', int),
    'recursion': ('max_recursion_depth', int),
    'allocations': ('max_allocations', int),
}

# How many undo checkpoints are kept; older ones are dropped.
UNDO_DEPTH = 50

# How often (seconds) the waiting thread wakes up so Ctrl-C is noticed while code runs.
_POLL = 0.05


class SessionFileError(Exception):
    """A session file that cannot be read or is not a Monty session."""


class ExitRequest(Exception):
    """Monty code raised SystemExit: the front end should stop with this status."""

    def __init__(self, status: int):
        super().__init__(status)
        self.status = status


@dataclass
class Outcome:
    """What running one input did: whether it failed, and with which error."""
    ok: bool
    error: MontyError | None = None


class Session:
    """A MontyRepl plus the front end's bookkeeping around it."""

    def __init__(self, console: Console, handlers: dict[str, Callable] | None = None,
                 limits: ResourceLimits | None = None, script_name: str = '<stdin>',
                 autosave: str | None = None):
        self.console = console
        self.handlers = dict(handlers or {})
        self.limits = limits or ResourceLimits()
        self.limits_set = limits is not None
        self.script_name = script_name
        self.autosave = autosave
        self.undo: list = []
        self.repl = self._fresh()

    def _fresh(self) -> MontyRepl:
        """A new empty MontyRepl wired to this session's output, handlers and limits."""
        return MontyRepl(script_name=self.script_name, limits=self.limits,
                         external_functions=self.handlers, print_callback=self.console.write)

    def run(self, source: str, show_value: bool = True) -> Outcome:
        """Run one input; show output, the trailing value or the traceback; autosave after."""
        self.undo = (self.undo + [self.repl.checkpoint()])[-UNDO_DEPTH:]
        feed = self.repl.feed_repr if show_value else self.repl.feed
        try:
            result = run_interruptibly(lambda: feed(source), self.repl.interrupt)
        except MontySyntaxError as err:
            self.undo.pop()
            return self._failed(err)
        except MontyRuntimeError as err:
            return self._failed(err)
        finally:
            self.save_auto()
        if show_value and result is not None:
            self.console.fresh_line()
            self.console.value(result)
        return Outcome(True)

    def _failed(self, err: MontyError) -> Outcome:
        """Show an error, or turn SystemExit into a request to leave."""
        if err.type_name == 'SystemExit':
            raise ExitRequest(exit_status(err, self.console))
        self.console.traceback(err.display())
        return Outcome(False, err)

    def undo_last(self) -> bool:
        """Go back to the state before the last input; False when there is nothing to undo."""
        if not self.undo:
            return False
        self.repl.restore(self.undo.pop())
        self.save_auto()
        return True

    def reset(self) -> None:
        """Forget every variable; handlers and limits stay."""
        self.repl = self._fresh()
        self.undo = []
        self.save_auto()

    def set_limits(self, limits: ResourceLimits) -> None:
        """Apply new limits to every following input."""
        self.limits, self.limits_set = limits, True
        self.repl.set_limits(limits)

    def save(self, path: str) -> int:
        """Write the session to `path` atomically; return the number of bytes written."""
        data = self.repl.dump()
        tmp = f'{path}.tmp{os.getpid()}'
        with open(tmp, 'wb') as fh:
            fh.write(data)
        os.replace(tmp, path)
        return len(data)

    def save_auto(self) -> None:
        """Save to the autosave file, if any; a failure is reported and the session goes on."""
        if not self.autosave:
            return
        try:
            self.save(self.autosave)
        except (OSError, MontyError, ValueError, TypeError) as exc:
            self.console.warn(f'autosave to {self.autosave} failed: {exc}')

    def load(self, path: str) -> None:
        """Replace the session with the one saved in `path`; raise SessionFileError if unusable.

        Limits set on the command line or with `:limits` win over the saved ones."""
        data = read_bytes(path)
        try:
            repl = MontyRepl.load(data, limits=self.limits if self.limits_set else None,
                                  external_functions=self.handlers,
                                  print_callback=self.console.write)
        except (ValueError, TypeError, MontyError) as exc:
            raise SessionFileError(f'{path} is not a usable Monty session file: {exc}') from None
        self.repl, self.limits, self.undo = repl, repl.limits, []


def read_bytes(path: str) -> bytes:
    """The content of a session file, or SessionFileError saying why it cannot be read."""
    try:
        with open(path, 'rb') as fh:
            return fh.read()
    except OSError as exc:
        raise SessionFileError(f'cannot read {path}: {exc.strerror or exc}') from None


def exit_status(err: MontyError, console: Console) -> int:
    """The process status for SystemExit(arg), printing a non-integer argument like Python."""
    args = err.args_tuple()
    code = args[0] if args else None
    if code is None:
        return 0
    if isinstance(code, int) and not isinstance(code, bool):
        return code
    console.warn(str(code))
    return 1


def run_interruptibly(work: Callable[[], object], interrupt: Callable[[], None]) -> object:
    """Run `work` in a worker thread; Ctrl-C in the waiting thread calls `interrupt()`."""
    box: dict[str, object] = {}
    done = threading.Event()

    def target() -> None:
        try:
            box['value'] = work()
        except BaseException as exc:  # handed to the waiting thread, which re-raises it
            box['error'] = exc
        finally:
            done.set()

    threading.Thread(target=target, name='monty-run', daemon=True).start()
    # An Event, not Thread.join: a KeyboardInterrupt inside join can leave the thread
    # looking finished while it still runs.
    while not done.is_set():
        try:
            done.wait(_POLL)
        except KeyboardInterrupt:
            interrupt()
    if 'error' in box:
        raise box['error']
    return box.get('value')


def limits_from(values: dict[str, object], base: ResourceLimits | None = None) -> ResourceLimits:
    """Build ResourceLimits from short names (`duration=2`); values already converted or text."""
    fields = (base or ResourceLimits()).to_dict()
    for short, value in values.items():
        if short not in LIMIT_FIELDS:
            raise ValueError(f'unknown limit {short!r}; known: {", ".join(LIMIT_FIELDS)}')
        name, kind = LIMIT_FIELDS[short]
        fields[name] = _limit_value(short, value, kind)
    return ResourceLimits(**fields)


def _limit_value(short: str, value: object, kind: type):
    """Convert one limit value; 'none' or 'off' removes the limit."""
    if value is None or (isinstance(value, str) and value.lower() in ('none', 'off')):
        return None
    try:
        return kind(value)
    except (TypeError, ValueError):
        raise ValueError(f'{short} must be a {kind.__name__}, not {value!r}') from None


def describe_limits(limits: ResourceLimits) -> str:
    """Lines like `duration   2.0` for `:limits`, 'none' for an unlimited resource."""
    fields = limits.to_dict()
    rows = []
    for short, (name, _kind) in LIMIT_FIELDS.items():
        value = fields.get(name)
        rows.append(f'{short:<12}{"none" if value is None else value}')
    return '\n'.join(rows)
