"""``open()`` and its file objects: whole-file OS calls, everything else in memory.

Opening for reading asks the host for the whole content (``Path.read_text``/``read_bytes``);
opening for writing creates or truncates the file at once and the written data reaches the host
on ``close()`` (or at the end of a ``with`` block).  Append mode reads the old content first.
Modes with ``+`` (read and write together) are not available.
"""
from __future__ import annotations

from ..host.osaccess import os_call, then
from ..objects.model import ExcInstance, MontyObject, NativeAttr, NativeFunction
from ..vm import protocol as P
from ..vm.signals import MontyRaise
from . import types as T

UNSUPPORTED = T.MClass('UnsupportedOperation', (T.EXC_BY_NAME['OSError'],
                                                T.EXC_BY_NAME['ValueError']), {},
                       module='io', native=True)
UNSUPPORTED.dict['__module__'] = 'io'


class FileValue(MontyObject):
    """An open file: its content (reading) or the data written so far (writing)."""
    __slots__ = ('mcls', 'name', 'mode', 'path', 'binary', 'writing', 'data', 'pos', 'closed',
                 'newline', 'dirty', 'mid')

    def __repr__(self) -> str:
        if self.binary:
            return f'<_io.{self.mcls.name} name={self.name!r}>'
        return f"<_io.TextIOWrapper name={self.name!r} mode={self.mode!r} encoding='UTF-8'>"


def _cls(name: str):
    marker = type(name, (), {'__module__': __name__})
    cls = T.native_class(name, marker, (T.OBJECT,), module='_io')
    cls.dict['__module__'] = '_io'
    return cls


TEXT_FILE = _cls('TextIOWrapper')
READER = _cls('BufferedReader')
WRITER = _cls('BufferedWriter')


# -- opening ---------------------------------------------------------------------------------
def parse_mode(mode) -> tuple:
    """``(kind, binary)`` for a mode string, with CPython's errors; kind is one of 'rwax'."""
    if not isinstance(mode, str):
        raise TypeError(f"open() argument 'mode' must be str, not {T.type_name(mode)}")
    if any(c not in 'axrwb+t' for c in mode) or len(set(mode)) != len(mode):
        raise ValueError(f'invalid mode: {mode!r}')
    kinds = [c for c in 'xrwa' if c in mode]
    if 't' in mode and 'b' in mode:
        raise ValueError("can't have text and binary mode at once")
    if len(kinds) > 1:
        raise ValueError('must have exactly one of create/read/write/append mode')
    if not kinds:
        raise ValueError('Must have exactly one of create/read/write/append mode and at most '
                         'one plus')
    if '+' in mode:
        raise ValueError(f"mode {mode!r}: reading and writing the same file ('+') is not "
                         'supported')
    return kinds[0], 'b' in mode


def _file_name(file) -> str:
    from .modules.pathlib_module import PathValue
    if type(file) is PathValue:
        return file.text
    if isinstance(file, str):
        return str(file)
    if isinstance(file, int) and not isinstance(file, bool):
        raise OSError(9, 'Bad file descriptor')
    raise TypeError(f'expected str, bytes or os.PathLike object, not {T.type_name(file)}')


def open_file(vm, file, mode='r', buffering=-1, encoding=None, errors=None, newline=None,
              closefd=True, opener=None):
    """The builtin ``open``: a request that ends in a file object."""
    from .modules.pathlib_module import make_path
    kind, binary = parse_mode(mode)
    for label, value in (('an encoding', encoding), ('an errors', errors),
                         ('a newline', newline)):
        if binary and value is not None:
            raise ValueError(f"binary mode doesn't take {label} argument")
    if newline not in (None, '', '\n', '\r', '\r\n'):
        raise ValueError(f'illegal newline value: {newline}')
    name = _file_name(file)
    f = FileValue()
    f.mcls = TEXT_FILE if not binary else READER if kind == 'r' else WRITER
    f.name, f.mode, f.path, f.binary = name, mode, make_path(name), binary
    f.writing, f.pos, f.closed, f.newline, f.mid = kind != 'r', 0, False, newline, 0
    f.dirty = False
    f.data = b'' if binary else ''
    return OPENERS[kind](f)


def _read_op(f) -> str:
    return 'Path.read_bytes' if f.binary else 'Path.read_text'


def _write_op(f) -> str:
    return 'Path.write_bytes' if f.binary else 'Path.write_text'


def _create(f):
    return os_call(_write_op(f), (f.path, f.data), None, 'file_ready', (f, 'created'))


def _open_read(f):
    return os_call(_read_op(f), (f.path,), None, 'file_ready',
                   (f, 'translate' if f.newline is None else 'raw'))


def _open_exclusive(f):
    return os_call('Path.exists', (f.path,), None, 'file_exclusive', f)


def _open_append(f):
    return os_call('Path.exists', (f.path,), None, 'file_append', f)


OPENERS = {'r': _open_read, 'w': _create, 'x': _open_exclusive, 'a': _open_append}


@then('file_exclusive')
def _exclusive(vm, exists, f):
    if exists:
        raise FileExistsError(17, 'File exists', f.name)
    return _create(f)


@then('file_append')
def _append(vm, exists, f):
    if not exists:
        return _create(f)
    return os_call(_read_op(f), (f.path,), None, 'file_ready', (f, 'raw'))


@then('file_ready')
def _ready(vm, answer, state):
    """The open finished: keep what was read (``how``: 'created', 'raw' or 'translate')."""
    f, how = state
    if how == 'created':
        return f
    want = bytes if f.binary else str
    if not isinstance(answer, want):
        raise TypeError(f'the OS handler must answer {_read_op(f)} with '
                        f'{"bytes" if f.binary else "a str"}, not {type(answer).__name__}')
    if vm.tracker is not None:
        vm.tracker.check_alloc(len(answer))
    if how == 'translate':
        answer = answer.replace('\r\n', '\n').replace('\r', '\n')
    f.data = answer
    f.pos = len(answer) if f.writing else 0
    return f


# -- reading -------------------------------------------------------------------------------------
def _check_open(f) -> None:
    if f.closed:
        raise ValueError('I/O operation on closed file.')


def _unsupported(what: str):
    raise MontyRaise(ExcInstance(UNSUPPORTED, (what,)))


def _readable(f) -> None:
    _check_open(f)
    if f.writing:
        _unsupported('not readable' if not f.binary else 'read')


def _size(size) -> int:
    if size is None:
        return -1
    if not isinstance(size, int):
        raise TypeError(f"argument should be integer or None, not '{T.type_name(size)}'")
    return size


def read(f, size=-1):
    _readable(f)
    size = _size(size)
    end = len(f.data) if size < 0 else min(len(f.data), f.pos + size)
    out = f.data[f.pos:end]
    f.pos = end
    return out


def readline(f, size=-1):
    _readable(f)
    size = _size(size)
    nl = b'\n' if f.binary else '\n'
    i = f.data.find(nl, f.pos)
    end = len(f.data) if i < 0 else i + 1
    if size >= 0:
        end = min(end, f.pos + size)
    out = f.data[f.pos:end]
    f.pos = end
    return out


def readlines(f, hint=-1):
    lines = []
    total = 0
    hint = _size(hint)
    while True:
        line = readline(f)
        if not line:
            return lines
        lines.append(line)
        total += len(line)
        if 0 < hint <= total:
            return lines


def _iter(f):
    _check_open(f)
    return f


def _next(f):
    line = readline(f)
    if not line:
        raise StopIteration
    return line


# -- writing ----------------------------------------------------------------------------------
def write(f, data):
    _check_open(f)
    if not f.writing:
        _unsupported('not writable' if not f.binary else 'write')
    if f.binary and not isinstance(data, (bytes, bytearray)):
        raise TypeError(f"a bytes-like object is required, not '{T.type_name(data)}'")
    if not f.binary and not isinstance(data, str):
        raise TypeError(f'write() argument must be str, not {T.type_name(data)}')
    vm = P.current[0]
    if vm is not None and vm.tracker is not None:
        vm.tracker.check_alloc(len(data))
    f.data = f.data + (bytes(data) if f.binary else str(data))
    f.pos = len(f.data)
    f.dirty = True
    return len(data)


def writelines(f, lines):
    for line in P.iterate(lines):
        write(f, line)
    return None


def close(f):
    """Close the file; written data goes to the host now."""
    if f.closed:
        return None
    f.closed = True
    if not f.dirty:
        return None
    return os_call(_write_op(f), (f.path, f.data), None, 'file_closed', None)


@then('file_closed')
def _closed(vm, answer, state):
    return None


def _enter(f):
    _check_open(f)
    return f


def _exit(f, *exc):
    return close(f)


METHODS = {
    'read': read, 'readline': readline, 'readlines': readlines, 'write': write,
    'writelines': writelines, 'close': close, 'flush': lambda f: _check_open(f),
    '__iter__': _iter, '__next__': _next, '__enter__': _enter, '__exit__': _exit,
    'readable': lambda f: (_check_open(f), not f.writing)[1],
    'writable': lambda f: (_check_open(f), f.writing)[1],
    'seekable': lambda f: (_check_open(f), False)[1],
    '__repr__': FileValue.__repr__,
}
ATTRS = {'name': lambda f: f.name, 'mode': lambda f: f.mode, 'closed': lambda f: f.closed}


def _install() -> None:
    for cls in (TEXT_FILE, READER, WRITER):
        for name, fn in METHODS.items():
            cls.dict[name] = NativeFunction(name, fn, self_type=cls.name)
        for name, fn in ATTRS.items():
            cls.dict[name] = NativeAttr(name, fn)
    TEXT_FILE.dict['encoding'] = NativeAttr('encoding', lambda f: 'UTF-8')


_install()
