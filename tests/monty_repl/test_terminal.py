"""End to end: the real `monty-repl` in a real terminal (tmux), typed at like a person would."""
from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.skipif(shutil.which('tmux') is None, reason='needs tmux')

HANDLERS = '''
import monty_repl

@monty_repl.handler
def weather(city):
    return {"city": city, "temp": 21}
'''


class Terminal:
    """One tmux window running a command, 120x40."""

    def __init__(self, name: str, cwd: Path):
        self.name, self.cwd = name, cwd

    def start(self, *args: str) -> None:
        command = ' '.join(shlex.quote(a) for a in [sys.executable, '-m', 'monty_repl', *args])
        shell = (f'cd {shlex.quote(str(self.cwd))} && PYTHONPATH={shlex.quote(str(ROOT))} '
                 f'{command}; echo "[exit $?]"; sleep 60')
        subprocess.run(['tmux', 'new-session', '-d', '-s', self.name, '-x', '120', '-y', '40',
                        shell], check=True)

    def send(self, *keys: str) -> None:
        subprocess.run(['tmux', 'send-keys', '-t', self.name, *keys], check=True)

    def type_line(self, text: str) -> None:
        self.send('-l', text)
        self.send('Enter')

    def screen(self) -> str:
        done = subprocess.run(['tmux', 'capture-pane', '-p', '-t', self.name, '-S', '-200'],
                              capture_output=True, text=True, check=True)
        return done.stdout

    def wait_for(self, text: str, timeout: float = 10.0) -> str:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            screen = self.screen()
            if text in screen:
                return screen
            time.sleep(0.05)
        raise AssertionError(f'{text!r} never appeared on screen:\n{self.screen()}')

    def close(self) -> None:
        subprocess.run(['tmux', 'kill-session', '-t', self.name], capture_output=True)


@pytest.fixture
def terminal(tmp_path):
    (tmp_path / 'tools.py').write_text(HANDLERS)
    made: list[Terminal] = []

    def open_terminal() -> Terminal:
        made.append(Terminal(f'monty-repl-test-{os.getpid()}-{len(made)}', tmp_path))
        return made[-1]
    yield open_terminal
    for term in made:
        term.close()


def test_a_session_survives_a_restart(terminal, tmp_path):
    first = terminal()
    first.start('--no-entry-points', '--handlers', 'tools.py', '--history', 'history', '-q')
    first.wait_for('>>>')
    first.type_line('def area(w, h):')
    first.type_line('return w * h')        # indented for us after the header
    first.send('Enter')                     # a blank line ends the block
    first.type_line('area(6, 7)')
    screen = first.wait_for('42')
    assert '>>> def area(w, h):\n...     return w * h\n...' in screen

    first.type_line('report = weather("Oslo")')
    first.type_line('report["temp"]')
    first.wait_for('21')
    first.type_line('1 / 0')
    screen = first.wait_for('ZeroDivisionError: division by zero')
    assert 'Traceback (most recent call last):' in screen

    first.type_line('while True: pass')
    first.send('Enter')
    time.sleep(0.3)
    first.send('C-c')
    first.wait_for('KeyboardInterrupt')
    first.type_line(':save work.monty')
    first.wait_for('saved session to work.monty')
    first.send('C-d')
    first.wait_for('[exit 0]')
    assert (tmp_path / 'history').read_text().count('area(6, 7)') == 1

    second = terminal()
    second.start('--no-entry-points', '--handlers', 'tools.py', '-q', 'work.monty')
    second.wait_for('resumed session from work.monty')
    second.type_line('area(2, 3), report')
    second.wait_for("(6, {'city': 'Oslo', 'temp': 21})")
