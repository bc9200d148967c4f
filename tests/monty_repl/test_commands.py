"""Meta commands: :save/:load, :vars, :reset, :undo, :limits, :handlers, :help."""
from __future__ import annotations

import pytest

from monty_repl.commands import is_command, run_command
from monty_repl.session import ExitRequest


def test_is_command_only_for_one_line_starting_with_colon():
    assert is_command(':vars') and is_command('  :save x.monty')
    assert not is_command('x = {1: 2}') and not is_command(':save a\nb')


def test_save_and_load_round_trip(session, console, tmp_path):
    path = str(tmp_path / 's.monty')
    session.run('def f(x):\n    return x + 1\nitems = [1, 2]\n')
    run_command(session, f':save {path}')
    assert f'saved session to {path}' in console.stdout
    run_command(session, ':reset')
    run_command(session, f':load {path}')
    session.run('f(items[-1])\n')
    assert console.stdout.endswith(f'loaded session from {path}\n3\n')


def test_load_of_a_foreign_file_keeps_the_session(session, console, tmp_path):
    bogus = tmp_path / 'notes.txt'
    bogus.write_bytes(b'hello, not a session')
    session.run('keep = 1\n')
    run_command(session, f':load {bogus}')
    assert 'is not a usable Monty session file' in console.stderr
    assert 'the current session is unchanged' in console.stderr
    session.run('keep\n')
    assert console.stdout == '1\n'


def test_load_of_a_missing_file(session, console, tmp_path):
    run_command(session, f':load {tmp_path / "nope.monty"}')
    assert 'cannot read' in console.stderr and 'No such file or directory' in console.stderr


def test_vars_lists_names_types_and_values(session, console):
    session.run('alpha = 1\nname = "monty"\n')
    run_command(session, ':vars')
    lines = console.stdout.splitlines()
    assert [line.split()[:2] for line in lines] == [['alpha', 'int'], ['name', 'str']]
    assert "'monty'" in lines[1]


def test_reset_forgets_variables(session, console):
    session.run('a = 1\n')
    run_command(session, ':reset')
    session.run('a\n')
    assert "NameError: name 'a' is not defined" in console.stderr


def test_undo_goes_back_one_input(session, console):
    session.run('xs = [1]\n')
    session.run('xs.append(2)\nys = 0\n')
    run_command(session, ':undo')
    session.run('xs\n')
    assert console.stdout.endswith('undid the last input\n[1]\n')
    session.run('ys\n')
    assert "name 'ys' is not defined" in console.stderr


def test_undo_with_nothing_to_undo(session, console):
    run_command(session, ':undo')
    assert 'nothing to undo' in console.stderr


def test_limits_show_and_set(session, console):
    run_command(session, ':limits duration=0.2 recursion=none')
    assert 'duration    0.2' in console.stdout and 'recursion   none' in console.stdout
    assert session.repl.limits.max_duration_secs == 0.2
    session.run('while True:\n    pass\n')
    assert 'TimeoutError' in console.stderr


def test_limits_with_bad_value(session, console):
    run_command(session, ':limits memory=lots')
    assert 'memory must be a int' in console.stderr


def test_handlers_lists_host_functions(session, console):
    run_command(session, ':handlers')
    assert console.stdout.startswith('double(x)')


@pytest.mark.parametrize('line, message', [
    (':frobnicate', 'unknown command :frobnicate'),
    (':save', 'usage: :save FILE'),
    (':reset now', 'usage: :reset'),
])
def test_mistakes_are_reported(session, console, line, message):
    run_command(session, line)
    assert message in console.stderr


def test_help_lists_every_command(session, console):
    run_command(session, ':help')
    for name in ('save', 'load', 'reset', 'vars', 'undo', 'limits', 'handlers', 'quit'):
        assert f':{name}' in console.stdout


def test_quit_leaves(session):
    with pytest.raises(ExitRequest):
        run_command(session, ':quit')


def test_loop_runs_code_and_commands_until_ctrl_d(app, pipe, console):
    pipe.send_text('x = 6 * 7\r:vars\rx\r\x04')
    assert app.loop() == 0
    assert 'x  int  42' in console.stdout and console.stdout.endswith('42\n')
