"""Meta commands typed at the prompt, such as `:save FILE` and `:vars`."""
from __future__ import annotations

import shlex
from dataclasses import dataclass
from typing import Callable

from .handlers import describe
from .session import (LIMIT_FIELDS, ExitRequest, Session, SessionFileError, describe_limits,
                      limits_from)

PREFIX = ':'


@dataclass(frozen=True)
class Command:
    """One meta command: what it does, how it is called and what it takes."""
    run: Callable[[Session, list[str]], None]
    usage: str
    summary: str
    min_args: int = 0
    max_args: int | None = 0


def is_command(text: str) -> bool:
    """True when the input is a meta command: one line starting with ':'."""
    stripped = text.strip()
    return stripped.startswith(PREFIX) and '\n' not in stripped


def run_command(session: Session, text: str) -> None:
    """Parse and run one meta command; mistakes are reported, never raised."""
    try:
        words = shlex.split(text.strip()[len(PREFIX):])
    except ValueError as exc:
        session.console.warn(f'cannot parse command: {exc}')
        return
    if not words:
        session.console.warn('empty command; type :help for the list')
        return
    name, args = words[0], words[1:]
    command = COMMANDS.get(name)
    if command is None:
        session.console.warn(f'unknown command :{name}; type :help for the list')
    elif len(args) < command.min_args or (command.max_args is not None and len(args) > command.max_args):
        session.console.warn(f'usage: {command.usage}')
    else:
        command.run(session, args)


def _help(session: Session, args: list[str]) -> None:
    """List the meta commands and the editing keys."""
    width = max(len(c.usage) for c in COMMANDS.values())
    rows = [f'  {c.usage:<{width}}  {c.summary}' for c in COMMANDS.values()]
    session.console.info('\n'.join(['Commands:', *rows, '', KEYS_HELP]))


def _save(session: Session, args: list[str]) -> None:
    """Save the whole session to a file."""
    try:
        size = session.save(args[0])
    except (OSError, ValueError, TypeError) as exc:
        session.console.warn(f'cannot save to {args[0]}: {exc}')
        return
    session.console.info(f'saved session to {args[0]} ({size} bytes)')


def _load(session: Session, args: list[str]) -> None:
    """Replace the session with one saved earlier; the current one stays on failure."""
    try:
        session.load(args[0])
    except SessionFileError as exc:
        session.console.warn(f'{exc}; the current session is unchanged')
        return
    session.console.info(f'loaded session from {args[0]}')


def _reset(session: Session, args: list[str]) -> None:
    """Start over with no variables."""
    session.reset()
    session.console.info('session reset')


def _vars(session: Session, args: list[str]) -> None:
    """List the session's variables with their types and short reprs."""
    rows = session.repl.names()
    if not rows:
        session.console.info('no variables')
        return
    name_w = max(len(r[0]) for r in rows)
    type_w = max(len(r[1]) for r in rows)
    session.console.info('\n'.join(f'{n:<{name_w}}  {t:<{type_w}}  {r}' for n, t, r in rows))


def _undo(session: Session, args: list[str]) -> None:
    """Go back to the state before the last input."""
    if session.undo_last():
        session.console.info('undid the last input')
    else:
        session.console.warn('nothing to undo')


def _limits(session: Session, args: list[str]) -> None:
    """Show the limits, or change them with name=value pairs ('none' removes one)."""
    if args:
        try:
            pairs = dict(_split_pair(arg) for arg in args)
            session.set_limits(limits_from(pairs, session.limits))
        except (ValueError, TypeError) as exc:
            session.console.warn(str(exc))
            return
    session.console.info(describe_limits(session.limits))


def _split_pair(arg: str) -> tuple[str, str]:
    """Split `name=value`."""
    name, sep, value = arg.partition('=')
    if not sep:
        raise ValueError(f'expected name=value, got {arg!r}')
    return name.strip(), value.strip()


def _handlers(session: Session, args: list[str]) -> None:
    """List the host functions Monty code can call."""
    if not session.handlers:
        session.console.info('no handlers (load some with --handlers FILE.py or MODULE)')
        return
    session.console.info('\n'.join(describe(n, f) for n, f in sorted(session.handlers.items())))


def _quit(session: Session, args: list[str]) -> None:
    """Leave the REPL (like Ctrl-D)."""
    raise ExitRequest(0)


COMMANDS: dict[str, Command] = {
    'help': Command(_help, ':help', 'show this help'),
    'save': Command(_save, ':save FILE', 'save the session (all variables) to FILE', 1, 1),
    'load': Command(_load, ':load FILE', 'replace the session with the one saved in FILE', 1, 1),
    'reset': Command(_reset, ':reset', 'forget every variable'),
    'vars': Command(_vars, ':vars', 'list variables with type and value'),
    'undo': Command(_undo, ':undo', 'go back to the state before the last input'),
    'limits': Command(_limits, ':limits [NAME=VALUE ...]',
                      'show or set limits: ' + ', '.join(LIMIT_FIELDS), 0, None),
    'handlers': Command(_handlers, ':handlers', 'list the host functions code can call'),
    'quit': Command(_quit, ':quit', 'leave (same as Ctrl-D)'),
}

KEYS_HELP = """Keys:
  Enter        run the input when it is complete, else start a new line
  Esc Enter    new line even when the input is complete (Alt-Enter also works)
  Tab          complete a name or attribute; indent at the start of a line
  Ctrl-C       cancel the input, or interrupt running code
  Ctrl-D       leave (on an empty line)"""
