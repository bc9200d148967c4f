"""``os``: a sandboxed subset whose every contact with the system is an OS call to the host.

Exposes ``getenv``, ``environ``, ``path`` (``posixpath``), ``fspath``, ``getcwd``, ``listdir``,
``stat``, ``stat_result`` and the POSIX constants; nothing here touches the host's OS.
"""
from __future__ import annotations

import os

from ...host.convert import HOST_COPIES
from ...host.osaccess import checked_call, os_call, then
from ...objects.model import Module, MontyObject, NativeAttr, NativeFunction
from .. import types as T
from ..constructors import NATIVE_CTORS
from .posixpath_module import _text, fspath

STAT_FIELDS = ('st_mode', 'st_ino', 'st_dev', 'st_nlink', 'st_uid', 'st_gid', 'st_size',
               'st_atime', 'st_mtime', 'st_ctime')


class StatValue(MontyObject):
    """An ``os.stat_result``: ten integers (times truncated) plus the float times."""
    __slots__ = ('values', 'times', 'mid')

    def __init__(self, values: tuple, times: tuple):
        self.values = values
        self.times = times
        self.mid = 0

    def __getattr__(self, name: str):
        if name in STAT_FIELDS[7:]:
            return self.times[STAT_FIELDS.index(name) - 7]
        if name in STAT_FIELDS:
            return self.values[STAT_FIELDS.index(name)]
        raise AttributeError(name)

    def __repr__(self) -> str:
        inner = ', '.join(f'{n}={v!r}' for n, v in zip(STAT_FIELDS, self.values))
        return f'os.stat_result({inner})'

    def __eq__(self, other) -> bool:
        if type(other) is StatValue:
            return self.values == other.values
        return self.values == other if type(other) is tuple else NotImplemented

    def __hash__(self) -> int:
        return hash(self.values)


def _number(value, name: str, kind=(int, float)):
    if not isinstance(value, kind) or isinstance(value, bool):
        raise TypeError(f'stat result field {name} must be a number, not '
                        f'{type(value).__name__}')
    return value


def make_stat(fields: dict) -> StatValue:
    """A stat result from field values (missing ones are 0)."""
    values = []
    for name in STAT_FIELDS[:7]:
        values.append(int(_number(fields.get(name, 0), name, int)))
    times = tuple(_number(fields.get(n, 0), n) for n in STAT_FIELDS[7:])
    values += [int(t) for t in times]
    return StatValue(tuple(values), tuple(float(t) for t in times))


def stat_from_host(value) -> StatValue:
    """Copy a host ``os.stat_result`` (or anything with its ``st_*`` fields) into Monty."""
    return make_stat({name: getattr(value, name, 0) for name in STAT_FIELDS})


STAT_RESULT = T.native_class('stat_result', StatValue, (T.OBJECT,), module='os')
STAT_RESULT.dict['__module__'] = 'os'
STAT_RESULT.mro = (STAT_RESULT, T.OBJECT)


def _stat_item(st, i):
    return st.values[i]


def _stat_ctor(vm, seq, *args):
    items = tuple(seq)
    if len(items) != 10:
        raise TypeError(f'os.stat_result() takes a 10-sequence ({len(items)}-sequence given)')
    return StatValue(items, tuple(float(t) for t in items[7:]))


def _install_stat() -> None:
    d = STAT_RESULT.dict
    for name in STAT_FIELDS:
        d[name] = NativeAttr(name, (lambda n: lambda st: getattr(st, n))(name))
    methods = {'__getitem__': _stat_item, '__len__': lambda st: 10,
               '__iter__': lambda st: iter(st.values), '__eq__': StatValue.__eq__,
               '__ne__': lambda st, o: not st == o if type(o) in (tuple, StatValue)
               else NotImplemented,
               '__hash__': StatValue.__hash__, '__repr__': StatValue.__repr__,
               '__contains__': lambda st, x: x in st.values}
    for name, fn in methods.items():
        d[name] = NativeFunction(name, fn, self_type='os.stat_result')
    NATIVE_CTORS[STAT_RESULT] = _stat_ctor


_install_stat()
HOST_COPIES[StatValue] = lambda st: os.stat_result(st.values + st.times)


# -- the environment -------------------------------------------------------------------------
class EnvironValue(MontyObject):
    """``os.environ``: read from the host on each use, with this program's own changes."""
    __slots__ = ('changes', 'mid')

    def __init__(self):
        self.changes = {}
        self.mid = 0

    def __repr__(self) -> str:
        return '<os._Environ object>'


ENVIRON = T.native_class('_Environ', EnvironValue, (T.OBJECT,), module='os')
ENVIRON.mro = (ENVIRON, T.OBJECT)


def _need_str(value) -> str:
    if not isinstance(value, str):
        raise TypeError(f'str expected, not {T.type_name(value)}')
    return value


def _environ_op(op: str, *data):
    def fn(env, *args):
        args = tuple(_need_str(a) for a in args[:1]) + args[1:]
        return os_call('os.environ', (), None, 'environ', (op, env) + args)
    return fn


@then('environ')
def _environ_then(vm, answer, state):
    op, env = state[0], state[1]
    if not isinstance(answer, dict) or not all(
            isinstance(k, str) and isinstance(v, str) for k, v in answer.items()):
        raise TypeError('the OS handler must answer os.environ with a dict of str to str')
    merged = dict(answer)
    for k, v in env.changes.items():
        if v is None:
            merged.pop(k, None)
        else:
            merged[k] = v
    return ENV_OPS[op](merged, *state[2:])


def _getitem(d, key):
    if key not in d:
        raise KeyError(key)
    return d[key]


ENV_OPS = {'getitem': _getitem, 'get': lambda d, k, default=None: d.get(k, default),
           'contains': lambda d, k: k in d, 'iter': lambda d: iter(list(d)),
           'len': len, 'keys': lambda d: list(d), 'values': lambda d: list(d.values()),
           'items': lambda d: list(d.items()), 'copy': lambda d: d}


def _setitem(env, key, value):
    env.changes[_need_str(key)] = _need_str(value)


def _delitem(env, key):
    env.changes[_need_str(key)] = None


def _install_environ() -> None:
    d = ENVIRON.dict
    for name, op in (('__getitem__', 'getitem'), ('get', 'get'), ('__contains__', 'contains'),
                     ('__iter__', 'iter'), ('__len__', 'len'), ('keys', 'keys'),
                     ('values', 'values'), ('items', 'items'), ('copy', 'copy')):
        d[name] = NativeFunction(name, _environ_op(op), self_type='_Environ')
    d['__setitem__'] = NativeFunction('__setitem__', _setitem, self_type='_Environ')
    d['__delitem__'] = NativeFunction('__delitem__', _delitem, self_type='_Environ')


_install_environ()


def _getenv_for(env: EnvironValue):
    def getenv(key, default=None):
        _need_str(key)
        if key in env.changes:
            value = env.changes[key]
            return default if value is None else value
        return os_call('os.getenv', (key, default), None, 'getenv', default)
    return getenv


@then('getenv')
def _getenv_then(vm, answer, default):
    if isinstance(answer, str):
        return answer
    if answer is None or answer == default:
        return default
    raise TypeError(f'the OS handler must answer os.getenv with a str or None, not '
                    f'{type(answer).__name__}')


# -- files, through the same operations as pathlib ------------------------------------------
def _path(p):
    from .pathlib_module import make_path
    return make_path(_text(p))


def listdir(path='.'):
    return os_call('Path.iterdir', (_path(path),), None, 'names', None)


@then('names')
def _names(vm, answer, state):
    from .pathlib_module import entry_names
    return entry_names(answer)


def stat(path):
    return os_call('Path.stat', (_path(path),), None, 'stat', None)


@then('stat')
def _stat_then(vm, answer, state):
    if type(answer) is not StatValue:
        raise TypeError(f'the OS handler must answer Path.stat with a stat result, not '
                        f'{T.type_name(answer)}')
    return answer


def getcwd():
    return checked_call('os.getcwd', (), 'str')


FUNCTIONS = {'fspath': fspath, 'listdir': listdir, 'stat': stat, 'getcwd': getcwd}
CONSTANTS = {'name': 'posix', 'sep': '/', 'altsep': None, 'extsep': '.', 'pathsep': ':',
             'linesep': '\n', 'curdir': '.', 'pardir': '..', 'devnull': '/dev/null',
             'defpath': '/bin:/usr/bin'}


def build(vm) -> Module:
    from . import import_module
    env = EnvironValue()
    ns = {name: NativeFunction(name, fn, module='os') for name, fn in FUNCTIONS.items()}
    ns['getenv'] = NativeFunction('getenv', _getenv_for(env), module='os')
    ns['environ'] = env
    ns['stat_result'] = STAT_RESULT
    ns['path'] = import_module(vm, 'os.path', ('*',))
    ns.update(CONSTANTS)
    return Module('os', ns)


def save_state(mod):
    """This program's changes to ``os.environ`` (name -> value, None for deleted), if any."""
    env = mod.dict.get('environ')
    if type(env) is not EnvironValue or not env.changes:
        return None
    return dict(env.changes)


def restore_state(vm, mod, state) -> None:
    """Put saved ``os.environ`` changes back (ValueError for anything malformed)."""
    env = mod.dict.get('environ')
    if type(state) is not dict or type(env) is not EnvironValue or not all(
            type(k) is str and type(v) in (str, type(None)) for k, v in state.items()):
        raise ValueError('malformed os module state')
    env.changes.update(state)
