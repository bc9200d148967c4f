"""``python -m monty FILE.py`` / ``python -m monty -c CODE``: run like ``python3 FILE.py``."""
from __future__ import annotations

import os
import sys

from .errors import MontyRuntimeError, MontySyntaxError
from .runner import Monty


def main(argv: list[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if not args or args[0] in ('-h', '--help'):
        print('usage: python -m monty FILE.py | -c CODE', file=sys.stderr)
        return 2
    if args[0] == '-c':
        if len(args) < 2:
            print('Argument expected for the -c option', file=sys.stderr)
            return 2
        source, name = args[1], '<string>'
    else:
        name = os.path.abspath(args[0])  # CPython names the main script by its absolute path
        try:
            with open(name, encoding='utf-8') as fh:
                source = fh.read()
        except OSError as exc:
            print(f"{sys.executable}: can't open file {name!r}: [Errno {exc.errno}] {exc.strerror}",
                  file=sys.stderr)
            return 2
    try:
        program = Monty(source, script_name=name, _return_last=False)
        program.run()
    except MontySyntaxError as exc:
        sys.stdout.flush()
        sys.stderr.write(exc.display() + '\n')
        return 1
    except MontyRuntimeError as exc:
        sys.stdout.flush()
        if exc.type_name == 'SystemExit':
            return _exit_code(exc)
        sys.stderr.write(exc.display())
        if exc.type_name == 'KeyboardInterrupt':
            _die_by_sigint()
        return 1
    return 0


def _die_by_sigint() -> None:
    """End like CPython after an uncaught KeyboardInterrupt: killed by SIGINT (status 130)."""
    import os
    import signal
    sys.stdout.flush()
    sys.stderr.flush()
    signal.signal(signal.SIGINT, signal.SIG_DFL)
    os.kill(os.getpid(), signal.SIGINT)


def _exit_code(exc) -> int:
    args = exc.args_tuple()
    if not args or args[0] is None:
        return 0
    code = args[0]
    if isinstance(code, int):
        return code
    sys.stderr.write(f'{code}\n')
    return 1


if __name__ == '__main__':
    sys.exit(main())
