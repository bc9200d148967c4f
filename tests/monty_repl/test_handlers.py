"""Loading host functions: marked with @monty_repl.handler, or every public callable."""
from __future__ import annotations

import types

import pytest

import monty_repl
from monty_repl import handlers as H

TOOLS = '''
import json
from os.path import join

def weather(city):
    return {"city": city, "temp": 21}

async def slow_add(a, b):
    return a + b

def _private():
    pass
'''

MARKED = '''
import monty_repl

@monty_repl.handler
def lookup(key):
    return key.upper()

@monty_repl.handler(name='fetch')
def fetch_url(url):
    return "<html>"

def helper():
    pass
'''


def test_every_public_callable_the_module_defines(tmp_path):
    path = tmp_path / 'tools_plain.py'
    path.write_text(TOOLS)
    assert sorted(H.load_spec(str(path))) == ['slow_add', 'weather']


def test_only_marked_ones_when_any_is_marked(tmp_path):
    path = tmp_path / 'tools_marked.py'
    path.write_text(MARKED)
    found = H.load_spec(str(path))
    assert sorted(found) == ['fetch', 'lookup'] and found['lookup']('a') == 'A'


def test_dotted_module_path(tmp_path, monkeypatch):
    package = tmp_path / 'mypkg'
    package.mkdir()
    (package / '__init__.py').write_text('')
    (package / 'tools.py').write_text(TOOLS)
    monkeypatch.syspath_prepend(str(tmp_path))
    assert sorted(H.load_spec('mypkg.tools')) == ['slow_add', 'weather']


def test_dunder_all_decides_when_present():
    module = types.ModuleType('m')
    module.__all__ = ['dumps']
    module.dumps = len
    module.other = max
    assert H.module_handlers(module) == {'dumps': len}


@pytest.mark.parametrize('spec, message', [
    ('missing_tools.py', 'handlers file not found'),
    ('no.such.module', 'cannot import handlers module no.such.module'),
])
def test_bad_specs_raise_handler_error(spec, message):
    with pytest.raises(H.HandlerError, match=message):
        H.load_spec(spec)


def test_a_broken_file_is_reported(tmp_path):
    path = tmp_path / 'broken.py'
    path.write_text('raise RuntimeError("boom")\n')
    with pytest.raises(H.HandlerError, match='RuntimeError: boom'):
        H.load_spec(str(path))


class _Point:
    """A stand-in for an importlib.metadata entry point."""

    def __init__(self, name, target):
        self.name, self.target = name, target

    def load(self):
        if isinstance(self.target, Exception):
            raise self.target
        return self.target


def test_entry_points_give_modules_or_single_callables(monkeypatch):
    @monty_repl.handler
    def ping():
        return 'pong'
    module = types.ModuleType('ep_tools')
    module.ping = ping
    points = [_Point('mod', module), _Point('shout', str.upper), _Point('bad', ImportError('gone'))]
    monkeypatch.setattr(H.importlib.metadata, 'entry_points', lambda group: points)
    found, problems = H.entry_point_handlers()
    assert sorted(found) == ['ping', 'shout']
    assert problems == ['entry point bad: ImportError: gone']


def test_describe_shows_signature_and_origin():
    async def fetch(url, timeout=3):
        pass
    assert H.describe('fetch', fetch) == f'async fetch(url, timeout=3)  [{__name__}]'
