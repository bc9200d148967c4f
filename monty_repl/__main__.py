"""`monty-repl`: the Monty terminal REPL, or a runner for scripts and piped input."""
from __future__ import annotations

import argparse
import sys

from .console import Console
from .handlers import HandlerError, entry_point_handlers, load_spec
from .highlighting import colour_wanted
from .session import ExitRequest, Session, SessionFileError, limits_from

BANNER = 'Monty REPL (a sandboxed Python subset). Type :help for commands, Ctrl-D to leave.'

# Command-line options that set a limit, and the short limit name each one sets.
_LIMIT_OPTIONS = {'max_duration': 'duration', 'max_memory': 'memory',
                  'max_recursion': 'recursion', 'max_allocations': 'allocations'}


def parser() -> argparse.ArgumentParser:
    """The command line of monty-repl."""
    p = argparse.ArgumentParser(prog='monty-repl', description='Interactive sandboxed Python (Monty).')
    p.add_argument('file', nargs='?', help='a script (.py) to run first, or a saved session to resume')
    p.add_argument('--handlers', action='append', default=[], metavar='FILE_OR_MODULE',
                   help='host functions Monty code may call (repeatable)')
    p.add_argument('--no-entry-points', action='store_true',
                   help="ignore handlers installed under the 'monty.handlers' entry point group")
    p.add_argument('--history', metavar='FILE', help='history file (default: in the data dir)')
    p.add_argument('--autosave', metavar='FILE', help='save the session to FILE after every input')
    p.add_argument('--vi', action='store_true', help='Vi key bindings (Emacs by default)')
    p.add_argument('--color', dest='color', action='store_true', default=None, help='force colour')
    p.add_argument('--no-color', dest='color', action='store_false', help='no colour')
    p.add_argument('--max-duration', type=float, metavar='SECONDS', help='time limit per input')
    p.add_argument('--max-memory', type=int, metavar='BYTES', help='memory limit per input')
    p.add_argument('--max-recursion', type=int, metavar='DEPTH', help='recursion limit')
    p.add_argument('--max-allocations', type=int, metavar='N', help='allocation limit per input')
    p.add_argument('-q', '--quiet', action='store_true', help='no banner')
    return p


def collect_handlers(specs: list[str], entry_points: bool, console: Console) -> dict:
    """Handlers from entry points first, then from each --handlers spec (later ones win)."""
    found: dict = {}
    if entry_points:
        from_points, problems = entry_point_handlers()
        found.update(from_points)
        for problem in problems:
            console.warn(f'monty-repl: {problem}')
    for spec in specs:
        found.update(load_spec(spec))
    return found


def is_script(path: str) -> bool:
    """A .py file is run as a script; anything else is read as a saved session."""
    return path.endswith('.py')


def main(argv: list[str] | None = None) -> int:
    """Start the REPL (or run piped input); return the process exit status."""
    args = parser().parse_args(argv)
    console = Console(colour=colour_wanted(sys.stderr, args.color))
    try:
        handlers = collect_handlers(args.handlers, not args.no_entry_points, console)
        given = {short: getattr(args, opt) for opt, short in _LIMIT_OPTIONS.items()
                 if getattr(args, opt) is not None}
        limits = limits_from(given) if given else None
    except (HandlerError, ValueError, TypeError) as exc:
        console.warn(f'monty-repl: {exc}')
        return 2
    script = args.file if args.file and is_script(args.file) else None
    session = Session(console, handlers, limits, script_name=script or '<stdin>',
                      autosave=args.autosave)
    try:
        return _start(args, session, script)
    except ExitRequest as request:
        return request.status


def _start(args: argparse.Namespace, session: Session, script: str | None) -> int:
    """Load or run the given file, then go interactive or run stdin."""
    failed = False
    interactive = sys.stdin.isatty()
    if interactive and not args.quiet:
        session.console.info(BANNER)
    if script:
        failed = not _run_script(session, script)
    elif args.file:
        _resume(session, args.file)
    if not interactive:
        return 1 if (not _run_stdin(session)) or failed else 0
    return _interact(args, session)


def _run_script(session: Session, path: str) -> bool:
    """Run a script file in the session like `python -i FILE`; False when it failed."""
    try:
        with open(path, encoding='utf-8') as fh:
            source = fh.read()
    except OSError as exc:
        session.console.warn(f"monty-repl: can't open file {path!r}: {exc.strerror or exc}")
        return False
    return session.run(source, show_value=False).ok


def _resume(session: Session, path: str) -> None:
    """Start from a saved session; on failure say why and start empty."""
    try:
        session.load(path)
    except SessionFileError as exc:
        session.console.warn(f'monty-repl: {exc}; starting an empty session')
        return
    session.console.info(f'resumed session from {path}')


def _run_stdin(session: Session) -> bool:
    """Run all of standard input as one program, like `python -`; False when it failed."""
    source = sys.stdin.read()
    if not source.strip():
        return True
    return session.run(source, show_value=False).ok


def _interact(args: argparse.Namespace, session: Session) -> int:
    """The interactive loop in the terminal."""
    from .app import ReplApp, open_history
    app = ReplApp(session, vi=args.vi, history=open_history(args.history),
                  colour=colour_wanted(sys.stdout, args.color))
    return app.loop()


if __name__ == '__main__':
    sys.exit(main())
