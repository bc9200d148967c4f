"""Running input in a session: output, values, tracebacks, limits, interrupts, SystemExit."""
from __future__ import annotations

import _thread
import threading

import pytest

from monty import ResourceLimits
from monty_repl.session import ExitRequest, Session, limits_from, run_interruptibly


def test_output_then_value_like_python(session, console):
    assert session.run('print("hi")\n[1, "a"]\n').ok
    assert console.stdout == "hi\n[1, 'a']\n"


def test_state_persists_between_inputs(session, console):
    session.run('def sq(n):\n    return n * n\n')
    session.run('sq(7)\n')
    assert console.stdout == '49\n'


def test_none_value_prints_nothing(session, console):
    session.run('None\n')
    assert console.stdout == ''


def test_traceback_goes_to_stderr_and_session_goes_on(session, console):
    outcome = session.run('x = 5\n1 / 0\n')
    assert not outcome.ok and outcome.error.type_name == 'ZeroDivisionError'
    assert console.stderr.startswith('Traceback (most recent call last):\n')
    assert console.stderr.endswith('ZeroDivisionError: division by zero\n')
    session.run('x\n')
    assert console.stdout == '5\n'


def test_syntax_error_is_shown_like_python(session, console):
    session.run('1 +\n')
    assert console.stderr.endswith('    1 +\n       ^\nSyntaxError: invalid syntax\n')


def test_handler_is_called(session, console):
    session.run('double(21)\n')
    assert console.stdout == '42\n'


def test_unknown_function_is_a_name_error(session, console):
    assert not session.run('fetch("x")\n').ok
    assert console.stderr.endswith("NameError: name 'fetch' is not defined\n")


def test_recursion_limit_hit_then_session_goes_on(console):
    session = Session(console, limits=limits_from({'recursion': 50}))
    session.run('def down(n):\n    return down(n + 1)\n')
    assert not session.run('down(0)\n').ok
    assert 'RecursionError' in console.stderr
    assert session.run('1 + 1\n').ok and console.stdout == '2\n'


def test_time_limit_is_per_input(console):
    session = Session(console, limits=ResourceLimits(max_duration_secs=0.2))
    assert not session.run('while True:\n    pass\n').ok
    assert 'TimeoutError' in console.stderr
    assert session.run('"still here"\n').ok


def test_ctrl_c_interrupts_running_code_and_keeps_state(session, console):
    session.run('n = 0\n')
    timer = threading.Timer(0.3, _thread.interrupt_main)
    timer.start()
    outcome = session.run('while True:\n    n += 1\n')
    timer.join()
    assert outcome.error.type_name == 'KeyboardInterrupt'
    assert console.stderr.rstrip().endswith('KeyboardInterrupt')
    session.run('n > 0\n')
    assert console.stdout == 'True\n'


def test_run_interruptibly_returns_and_reraises():
    assert run_interruptibly(lambda: 3, lambda: None) == 3
    with pytest.raises(ZeroDivisionError):
        run_interruptibly(lambda: 1 / 0, lambda: None)


def test_system_exit_asks_to_leave(session):
    with pytest.raises(ExitRequest) as info:
        session.run('raise SystemExit(3)\n')
    assert info.value.status == 3


def test_autosave_after_every_input(console, tmp_path):
    path = tmp_path / 'auto.monty'
    session = Session(console, autosave=str(path))
    session.run('a = [1, 2]\n')
    restored = Session(console)
    restored.load(str(path))
    restored.run('a\n')
    assert console.stdout == '[1, 2]\n'


def test_limits_from_short_names():
    limits = limits_from({'duration': '1.5', 'memory': '1000', 'recursion': 'none'})
    assert (limits.max_duration_secs, limits.max_memory, limits.max_recursion_depth) == (1.5, 1000, None)
    with pytest.raises(ValueError, match='unknown limit'):
        limits_from({'speed': 1})
    with pytest.raises(ValueError, match='memory must be a int'):
        limits_from({'memory': 'lots'})


def test_tracebacks_are_coloured_when_colour_is_on(console):
    console.colour = True
    Session(console).run('1 / 0\n')
    assert '\x1b[' in console.stderr and 'ZeroDivisionError' in console.stderr
