"""The kernel's session layer, magics, handler loading and history, used in-process."""
from __future__ import annotations

import textwrap

import pytest

from monty_kernel import handlers
from monty_kernel.history import History
from monty_kernel.magics import run_magic, split_cell, without_magics
from monty_kernel.session import Session, UsageError, error_info


@pytest.fixture
def session():
    out = []
    s = Session({'double': lambda x: 2 * x})
    s.sink = lambda stream, text: out.append((stream, text))
    s.printed = out
    return s


def test_run_returns_repr_and_streams_prints(session):
    assert session.run('print("a")\n[1, "b"]') == "[1, 'b']"
    assert session.printed == [('stdout', 'a\n')]
    assert session.run('y = double(21)') is None
    assert session.run('y') == '42'


def test_handler_exception_surfaces_as_python_exception(session):
    session.add_handlers({'fail': lambda: 1 / 0})
    with pytest.raises(Exception) as caught:
        session.run('fail()')
    info = error_info(caught.value)
    assert (info.ename, info.evalue) == ('ZeroDivisionError', 'division by zero')
    assert info.traceback[0] == 'Traceback (most recent call last):'


def test_input_without_frontend_is_a_clear_error(session):
    with pytest.raises(Exception) as caught:
        session.run('input("name? ")')
    assert error_info(caught.value).evalue == 'input() needs a frontend that accepts input requests'
    session.input_fn = lambda prompt: prompt.upper()
    assert session.run('input("name? ")') == "'NAME? '"


def test_save_load_keeps_variables_and_history(session, tmp_path):
    session.run('def greet(n):\n    return "hi " + n\nwho = "ada"')
    session.history.add(1, 'who = "ada"')
    run_magic(session, 'save', str(tmp_path / 's.monty'))
    run_magic(session, 'reset', '')
    assert session.repl.names() == []
    assert run_magic(session, 'load', str(tmp_path / 's.monty')).startswith('Session loaded')
    assert session.run('greet(who)') == "'hi ada'"
    assert session.history.entries == [[1, 1, 'who = "ada"', None]]
    assert session.history.session == 2


def test_load_of_a_bad_file_is_a_usage_error(session, tmp_path):
    (tmp_path / 'bad.monty').write_bytes(b'not a session')
    with pytest.raises(UsageError, match='is not a Monty session'):
        run_magic(session, 'load', str(tmp_path / 'bad.monty'))
    with pytest.raises(UsageError, match='cannot read'):
        run_magic(session, 'load', str(tmp_path / 'missing.monty'))


def test_autosave_restores_on_start(tmp_path):
    first = Session(autosave=str(tmp_path / 'auto.monty'))
    first.run('kept = [1, 2, 3]')
    first.autosave_now()
    second = Session(autosave=str(tmp_path / 'auto.monty'))
    assert second.restored
    assert second.run('sum(kept)') == '6'


def test_unreadable_autosave_starts_fresh(tmp_path):
    (tmp_path / 'auto.monty').write_bytes(b'garbage')
    session = Session(autosave=str(tmp_path / 'auto.monty'))
    assert not session.restored
    assert 'is not a Monty session' in session.restore_error
    assert session.run('1 + 1') == '2'


def test_undo_restores_state_before_the_last_cell(session):
    for code in ('a = [1]', 'a.append(2)\nb = 1'):
        token = session.checkpoint()
        session.run(code)
        session.keep_undo_point(token)
    run_magic(session, 'undo', '')
    assert [row[0] for row in session.repl.names()] == ['a']
    assert session.run('a') == '[1]'
    run_magic(session, 'undo', '')
    with pytest.raises(UsageError, match='nothing to undo'):
        run_magic(session, 'undo', '')


def test_limits_magic_shows_and_changes(session):
    assert run_magic(session, 'limits', 'max_duration=1.5 max_memory=64MB') == (
        'max_duration_secs = 1.5\nmax_memory = 64000000\n')
    assert session.repl.limits.max_memory == 64_000_000
    assert run_magic(session, 'limits', 'memory=none') == 'max_memory = None\n'
    with pytest.raises(UsageError):
        run_magic(session, 'limits', 'speed=3')
    with pytest.raises(UsageError, match='not a number'):
        run_magic(session, 'limits', 'max_memory=lots')


def test_who_lists_names_types_and_reprs(session):
    assert run_magic(session, 'who', '') == 'No variables\n'
    session.run('n = 3\ntext = "hey"')
    assert run_magic(session, 'who', '') == "n     int  3\ntext  str  'hey'\n"


def test_split_cell_keeps_line_numbers():
    parts = split_cell('%limits max_memory=1000\nx = 1\n%who\ny = 2')
    assert parts == [('magic', 'limits', 'max_memory=1000'), ('code', '\nx = 1', ''),
                     ('magic', 'who', ''), ('code', '\n\n\ny = 2', '')]
    assert without_magics('%who\nx = (1,\n') == '\nx = (1,\n'
    assert split_cell('x = 5 % 3') == [('code', 'x = 5 % 3', '')]


def test_handler_modules_from_path_env_and_tables(tmp_path, monkeypatch):
    (tmp_path / 'tools_a.py').write_text(textwrap.dedent('''
        import json
        def lookup(key):
            return key * 2
        def _private():
            pass
    '''))
    (tmp_path / 'tools_b.py').write_text('HANDLERS = {"ask": str.upper}\n')
    assert set(handlers.load_spec(str(tmp_path / 'tools_a.py'))) == {'lookup'}
    monkeypatch.syspath_prepend(str(tmp_path))
    assert handlers.load_spec('tools_b') == {'ask': str.upper}
    env = {'MONTY_HANDLERS': f'tools_b, {tmp_path / "tools_a.py"}'}
    assert set(handlers.load_specs(handlers.specs_from_env(env))) == {'ask', 'lookup'}
    with pytest.raises(handlers.HandlerError, match='cannot import'):
        handlers.load_spec('no_such_tools_module')


def test_entry_point_handlers(tmp_path, monkeypatch):
    (tmp_path / 'ep_tools.py').write_text('def shout(s):\n    return s.upper()\n')
    info = tmp_path / 'ep_tools-1.0.dist-info'
    info.mkdir()
    (info / 'METADATA').write_text('Metadata-Version: 2.1\nName: ep-tools\nVersion: 1.0\n')
    (info / 'entry_points.txt').write_text('[monty.handlers]\ntools = ep_tools\n'
                                           'yell = ep_tools:shout\n')
    monkeypatch.syspath_prepend(str(tmp_path))
    found = handlers.load_entry_points()
    assert set(found) == {'shout', 'yell'}
    assert found['yell']('a') == 'A'


def test_history_queries():
    history = History(session=3)
    for line, code in enumerate(['a = 1', 'b = 2', 'a + b', 'a + b'], start=1):
        history.add(line, code)
    history.set_output(3, '3')
    assert history.query('tail', False, n=2) == [(3, 3, 'a + b'), (3, 4, 'a + b')]
    assert history.query('range', True, session=0, start=2, stop=4) == [
        (3, 2, ('b = 2', None)), (3, 3, ('a + b', '3'))]
    assert history.query('search', False, pattern='a*', unique=True) == [
        (3, 1, 'a = 1'), (3, 4, 'a + b')]
    restored = History.from_json(history.to_json())
    assert restored.session == 4 and len(restored.entries) == 4
