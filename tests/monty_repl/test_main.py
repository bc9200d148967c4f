"""`monty-repl` without a terminal: runs stdin like `python -`, scripts, sessions."""
from __future__ import annotations

import io
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from monty_repl.__main__ import main

ROOT = Path(__file__).resolve().parents[2]


@dataclass
class Done:
    returncode: int
    stdout: str
    stderr: str


@pytest.fixture
def monty_repl(monkeypatch, capsys):
    """Call main() as the console script would, with `stdin` piped in."""
    monkeypatch.setenv('NO_COLOR', '1')

    def run(*args: str, stdin: str = '', cwd: Path | None = None) -> Done:
        if cwd:
            monkeypatch.chdir(cwd)
        monkeypatch.setattr(sys, 'stdin', io.StringIO(stdin))
        status = main(['--no-entry-points', *args])
        out, err = capsys.readouterr()
        return Done(status, out, err)
    return run


def test_python_dash_m_reads_piped_stdin_as_one_program():
    env = {**os.environ, 'PYTHONPATH': str(ROOT), 'NO_COLOR': '1'}
    done = subprocess.run([sys.executable, '-m', 'monty_repl', '--no-entry-points'],
                          input='def f():\n    return 2\n\nprint(f() * 21)\nf()\n',
                          capture_output=True, text=True, env=env, timeout=30)
    assert (done.returncode, done.stdout, done.stderr) == (0, '42\n', '')


def test_error_goes_to_stderr_with_status_1(monty_repl):
    done = monty_repl(stdin='print("before")\n{}["k"]\nprint("after")\n')
    assert done.returncode == 1 and done.stdout == 'before\n'
    assert done.stderr.startswith('Traceback (most recent call last):\n')
    assert done.stderr.endswith("KeyError: 'k'\n")


def test_system_exit_status(monty_repl):
    assert monty_repl(stdin='raise SystemExit(4)\n').returncode == 4


def test_script_then_session_with_handlers(tmp_path, monty_repl):
    (tmp_path / 'tools.py').write_text('def shout(s):\n    return s.upper() + "!"\n')
    (tmp_path / 'prog.py').write_text('greeting = shout("hi")\n')
    done = monty_repl('prog.py', '--handlers', 'tools.py', stdin='print(greeting)\n', cwd=tmp_path)
    assert (done.returncode, done.stdout) == (0, 'HI!\n')


def test_autosave_then_resume(tmp_path, monty_repl):
    saved = tmp_path / 'work.monty'
    first = monty_repl('--autosave', str(saved), stdin='total = sum(range(5))\n')
    assert first.returncode == 0 and saved.exists()
    second = monty_repl(str(saved), stdin='print(total)\n')
    assert second.stdout == f'resumed session from {saved}\n10\n'


def test_foreign_session_file_is_reported_and_input_still_runs(tmp_path, monty_repl):
    bogus = tmp_path / 'old.monty'
    bogus.write_bytes(b'\x00garbage')
    done = monty_repl(str(bogus), stdin='print(1 + 1)\n')
    assert 'is not a usable Monty session file' in done.stderr
    assert done.stdout == '2\n' and done.returncode == 0


def test_bad_handlers_option_stops_with_status_2(monty_repl):
    done = monty_repl('--handlers', 'no_such_tools.py')
    assert done.returncode == 2 and 'handlers file not found: no_such_tools.py' in done.stderr


def test_limit_options_apply(monty_repl):
    done = monty_repl('--max-recursion', '30', stdin='def d(n):\n    return d(n + 1)\nd(0)\n')
    assert done.returncode == 1 and 'RecursionError' in done.stderr
