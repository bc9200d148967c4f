"""Line magics (``%save``, ``%undo``, ...) that the kernel runs itself instead of Monty."""
from __future__ import annotations

import dataclasses
import re
import shlex
from typing import Callable

from . import handlers as handler_modules
from .session import Session, UsageError

MAGIC_LINE = re.compile(r'%([A-Za-z_]\w*)(?:[ \t]+(.*))?$')

# Friendly names accepted by %limits for the fields of ResourceLimits.
LIMIT_ALIASES = {'max_duration': 'max_duration_secs', 'duration': 'max_duration_secs',
                 'memory': 'max_memory', 'allocations': 'max_allocations',
                 'recursion': 'max_recursion_depth'}
SIZE_SUFFIXES = {'k': 1000, 'kb': 1000, 'm': 1000 ** 2, 'mb': 1000 ** 2,
                 'g': 1000 ** 3, 'gb': 1000 ** 3}
NO_LIMIT = {'none', 'off', 'unlimited'}


def parse_magic(line: str) -> tuple[str, str] | None:
    """``(name, arguments)`` when a line is a magic, else None."""
    match = MAGIC_LINE.match(line.rstrip())
    return (match.group(1), (match.group(2) or '').strip()) if match else None


def split_cell(code: str) -> list[tuple[str, str, str]]:
    """Cut a cell into ``('code', text, '')`` and ``('magic', name, args)`` parts, in order.

    Magic lines become blank lines in the code around them so tracebacks keep cell line numbers.
    """
    parts: list[tuple[str, str, str]] = []
    pending: list[str] = []
    for line in code.split('\n'):
        magic = parse_magic(line)
        if magic is None:
            pending.append(line)
            continue
        if any(text.strip() for text in pending):
            parts.append(('code', '\n'.join(pending), ''))
            pending = [''] * len(pending)
        pending.append('')
        parts.append(('magic', *magic))
    if any(text.strip() for text in pending):
        parts.append(('code', '\n'.join(pending), ''))
    return parts


def without_magics(code: str) -> str:
    """The cell with its magic lines blanked: what Monty would be asked to parse."""
    return '\n'.join('' if parse_magic(line) else line for line in code.split('\n'))


def run_magic(session: Session, name: str, args: str) -> str:
    """Run one magic and return the text it prints."""
    magic = MAGICS.get(name)
    if magic is None:
        known = ', '.join('%' + key for key in sorted(MAGICS))
        raise UsageError(f'unknown magic %{name} (known: {known})')
    return magic(session, args)


def _one_path(args: str, usage: str) -> str:
    words = shlex.split(args)
    if len(words) != 1:
        raise UsageError(f'usage: {usage}')
    return words[0]


def magic_save(session: Session, args: str) -> str:
    """%save FILE: write the whole session to FILE."""
    path = session.save(_one_path(args, '%save FILE'))
    return f'Session saved to {path}\n'


def magic_load(session: Session, args: str) -> str:
    """%load FILE: replace the session with one saved by %save (or the terminal REPL)."""
    path = session.load(_one_path(args, '%load FILE'))
    return f'Session loaded from {path}\n'


def magic_reset(session: Session, args: str) -> str:
    """%reset: forget every variable."""
    session.reset()
    return 'Session reset\n'


def magic_undo(session: Session, args: str) -> str:
    """%undo: go back to the state before the last cell."""
    session.undo_last()
    return 'Restored the state before the last cell\n'


def magic_who(session: Session, args: str) -> str:
    """%who: list variables with their types and short reprs."""
    rows = session.repl.names()
    if not rows:
        return 'No variables\n'
    width = max(len(name) for name, _, _ in rows)
    kinds = max(len(kind) for _, kind, _ in rows)
    return ''.join(f'{name:<{width}}  {kind:<{kinds}}  {text}\n' for name, kind, text in rows)


def magic_limits(session: Session, args: str) -> str:
    """%limits [name=value ...]: show every limit, or change some (``none`` removes one)."""
    current = _limits_dict(session.repl.limits)
    if not args:
        return _format_limits(current)
    changes = _parse_limits(args, current)
    try:
        session.repl.set_limits({**current, **changes})
    except (TypeError, ValueError) as exc:
        raise UsageError(str(exc)) from None
    now = _limits_dict(session.repl.limits)
    return _format_limits({key: now[key] for key in changes})


def magic_handlers(session: Session, args: str) -> str:
    """%handlers [MODULE ...]: load handler modules, then list the external functions."""
    specs = shlex.split(args)
    if specs:
        try:
            session.add_handlers(handler_modules.load_specs(specs))
        except handler_modules.HandlerError as exc:
            raise UsageError(str(exc)) from None
    names = sorted(session.handlers)
    return ('External functions: ' + ', '.join(names) + '\n') if names else 'No handlers\n'


def _limits_dict(limits) -> dict:
    return {field.name: getattr(limits, field.name) for field in dataclasses.fields(limits)}


def _format_limits(limits: dict) -> str:
    return ''.join(f'{key} = {value}\n' for key, value in limits.items())


def _parse_limits(args: str, known: dict) -> dict:
    changes = {}
    for word in shlex.split(args):
        key, sep, raw = word.partition('=')
        key = LIMIT_ALIASES.get(key, key)
        if not sep or key not in known:
            raise UsageError(f'usage: %limits name=value ... (names: {", ".join(known)})')
        changes[key] = _parse_number(raw)
    return changes


def _parse_number(raw: str) -> int | float | None:
    """``none``, an int, a float, or an int with a size suffix such as ``64MB``."""
    text = raw.strip().lower()
    if text in NO_LIMIT:
        return None
    match = re.fullmatch(r'(\d+(?:\.\d+)?)([a-z]*)', text)
    if not match or (match.group(2) and match.group(2) not in SIZE_SUFFIXES):
        raise UsageError(f'not a number: {raw!r}')
    number, suffix = match.groups()
    if suffix:
        return int(float(number) * SIZE_SUFFIXES[suffix])
    return float(number) if '.' in number else int(number)


MAGICS: dict[str, Callable[[Session, str], str]] = {
    'save': magic_save, 'load': magic_load, 'reset': magic_reset, 'undo': magic_undo,
    'who': magic_who, 'limits': magic_limits, 'handlers': magic_handlers,
}
