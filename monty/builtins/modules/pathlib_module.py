"""``pathlib``: POSIX paths computed inside Monty; their I/O methods are OS calls to the host.

``PurePosixPath``/``PosixPath`` values are plain data (a root and a tuple of names).  Methods
that touch files (``exists``, ``read_text``, ``stat``, ...) pause as ``Path.<method>`` OS calls
whose first argument is the path, so the host decides what they see.
"""
from __future__ import annotations

import pathlib

from ...host.convert import HOST_COPIES
from ...host.osaccess import checked_call, os_call, then
from ...objects.model import Module, MontyObject, NativeAttr, NativeFunction, StaticMethod
from .. import types as T
from ..constructors import NATIVE_CTORS


class PathValue(MontyObject):
    """A POSIX path: ``root`` is '', '/' or '//', ``comps`` the names after it."""
    __slots__ = ('mcls', 'root', 'comps', 'mid')

    def __init__(self, mcls, root: str, comps: tuple):
        self.mcls = mcls
        self.root = root
        self.comps = comps
        self.mid = 0

    @property
    def text(self) -> str:
        return self.root + '/'.join(self.comps) if self.root or self.comps else '.'

    def key(self) -> tuple:
        return ((self.root,) if self.root else ()) + self.comps

    def __str__(self) -> str:
        return self.text

    def __repr__(self) -> str:
        return f'{self.mcls.name}({self.text!r})'

    def __eq__(self, other) -> bool:
        if type(other) is not PathValue:
            return NotImplemented
        return self.key() == other.key()

    def __hash__(self) -> int:
        return hash(self.key())


class _Marker:
    """Host-side names for the path classes (their values are ``PathValue``)."""


def _cls(name: str, bases: tuple) -> T.MClass:
    marker = type(name, (_Marker,), {'__module__': __name__})
    cls = T.native_class(name, marker, bases, module='pathlib')
    cls.dict['__module__'] = 'pathlib'
    return cls


PURE_PATH = _cls('PurePath', (T.OBJECT,))
PURE_POSIX = _cls('PurePosixPath', (PURE_PATH,))
PATH = _cls('Path', (PURE_PATH,))
POSIX_PATH = _cls('PosixPath', (PATH, PURE_POSIX))
CONCRETE = {PURE_PATH: PURE_POSIX, PURE_POSIX: PURE_POSIX, PATH: POSIX_PATH,
            POSIX_PATH: POSIX_PATH}


# -- building paths ------------------------------------------------------------------------------
def _split_root(text: str) -> tuple:
    if not text.startswith('/'):
        return '', text
    if text.startswith('//') and not text.startswith('///'):
        return '//', text[2:]
    return '/', text.lstrip('/')


def parse(mcls, segments) -> PathValue:
    """Join ``segments`` (str or paths) the way ``PurePosixPath(*segments)`` does."""
    root, comps = '', []
    for seg in segments:
        if type(seg) is PathValue:
            seg_root, names = seg.root, list(seg.comps)
        elif isinstance(seg, str):
            seg_root, rest = _split_root(str(seg))
            names = [n for n in rest.split('/') if n and n != '.']
        else:
            raise TypeError(f'expected str, bytes or os.PathLike object, not '
                            f'{T.type_name(seg)}')
        if seg_root:
            root, comps = seg_root, names
        else:
            comps.extend(names)
    return PathValue(mcls, root, tuple(comps))


def make_path(text: str) -> PathValue:
    """A ``PosixPath`` for ``text``."""
    return parse(POSIX_PATH, (text,))


def path_from_host(value) -> PathValue:
    """A host ``PurePath`` as a Monty ``PosixPath``."""
    return make_path(str(value))


def _like(p: PathValue, root: str, comps: tuple) -> PathValue:
    return PathValue(p.mcls, root, tuple(comps))


def _ctor(cls):
    def make(vm, *segments):
        return parse(CONCRETE[cls], segments or ('.',))
    return make


# -- pure parts ----------------------------------------------------------------------------------
def _name(p) -> str:
    return p.comps[-1] if p.comps else ''


def _suffix(p) -> str:
    name = _name(p)
    i = name.rfind('.')
    return name[i:] if 0 < i < len(name) - 1 else ''


def _suffixes(p) -> list:
    name = _name(p)
    if name.endswith('.'):
        return []
    return ['.' + s for s in name.lstrip('.').split('.')[1:]]


def _stem(p) -> str:
    name = _name(p)
    i = name.rfind('.')
    return name[:i] if 0 < i < len(name) - 1 else name


def _parent(p):
    return _like(p, p.root, p.comps[:-1]) if p.comps else p


def _parents(p) -> tuple:
    return tuple(_like(p, p.root, p.comps[:i]) for i in range(len(p.comps) - 1, -1, -1))


def _with_name(p, name):
    if not p.comps:
        raise ValueError(f'{p!r} has an empty name')
    if not isinstance(name, str):
        raise TypeError(f'expected str, bytes or os.PathLike object, not {T.type_name(name)}')
    probe = parse(PURE_POSIX, (name,))
    if not name or name.endswith('/') or probe.root or len(probe.comps) != 1:
        raise ValueError(f'Invalid name {name!r}')
    return _like(p, p.root, p.comps[:-1] + (name,))


def _with_suffix(p, suffix):
    if not isinstance(suffix, str):
        raise TypeError(f"'{T.type_name(suffix)}' object has no attribute 'startswith'")
    if '/' in suffix or suffix and not suffix.startswith('.') or suffix == '.':
        raise ValueError(f'Invalid suffix {suffix!r}')
    if not p.comps:
        raise ValueError(f'{p!r} has an empty name')
    name, old = _name(p), _suffix(p)
    name = name[:len(name) - len(old)] + suffix if old else name + suffix
    return _like(p, p.root, p.comps[:-1] + (name,))


def _with_stem(p, stem):
    return _with_name(p, stem + _suffix(p))


def _joinpath(p, *others):
    return parse(p.mcls, (p,) + others)


def _truediv(p, other):
    if type(other) is not PathValue and not isinstance(other, str):
        return NotImplemented
    return parse(p.mcls, (p, other))


def _rtruediv(p, other):
    if not isinstance(other, str):
        return NotImplemented
    return parse(p.mcls, (other, p))


def _relative_to(p, *other):
    if not other:
        raise TypeError('need at least one argument')
    base = parse(p.mcls, other)
    n = len(base.key())
    if p.key()[:n] != base.key() or (not base.root and p.root):
        raise ValueError(f'{p.text!r} is not in the subpath of {base.text!r} OR one path is '
                         'relative and the other is absolute.')
    return _like(p, '', p.comps[len(base.comps):])


def _is_relative_to(p, *other):
    try:
        _relative_to(p, *other)
    except ValueError:
        return False
    return True


def _compare(op):
    def fn(p, other):
        if type(other) is not PathValue:
            return NotImplemented
        return op(p.key(), other.key())
    return fn


PURE_ATTRS = {
    'name': _name, 'suffix': _suffix, 'suffixes': _suffixes, 'stem': _stem,
    'parent': _parent, 'parents': _parents, 'root': lambda p: p.root, 'drive': lambda p: '',
    'anchor': lambda p: p.root, 'parts': lambda p: p.key(),
}
PURE_METHODS = {
    'with_name': _with_name, 'with_suffix': _with_suffix, 'with_stem': _with_stem,
    'joinpath': _joinpath, '__truediv__': _truediv, '__rtruediv__': _rtruediv,
    'relative_to': _relative_to, 'is_relative_to': _is_relative_to,
    'is_absolute': lambda p: bool(p.root), 'as_posix': lambda p: p.text,
    '__str__': lambda p: p.text, '__fspath__': lambda p: p.text, '__repr__': PathValue.__repr__,
    '__eq__': PathValue.__eq__, '__hash__': PathValue.__hash__,
    '__ne__': lambda p, o: NotImplemented if type(o) is not PathValue else p.key() != o.key(),
    '__lt__': _compare(lambda a, b: a < b), '__le__': _compare(lambda a, b: a <= b),
    '__gt__': _compare(lambda a, b: a > b), '__ge__': _compare(lambda a, b: a >= b),
}


# -- I/O: OS calls -------------------------------------------------------------------------------
def _bool_op(op: str):
    return lambda p: checked_call(f'Path.{op}', (p,), 'bool')


def _read_text(p, encoding=None, errors=None):
    return os_call('Path.read_text', (p,), None, 'text', None)


@then('text')
def _text_answer(vm, answer, newline):
    """Text read from a file, with universal newlines unless ``newline`` says otherwise."""
    if not isinstance(answer, str):
        raise TypeError(f'the OS handler must answer Path.read_text with a str, not '
                        f'{type(answer).__name__}')
    if newline is None:
        return answer.replace('\r\n', '\n').replace('\r', '\n')
    return answer


def _write_text(p, data, encoding=None, errors=None, newline=None):
    if not isinstance(data, str):
        raise TypeError(f'data must be str, not {T.type_name(data)}')
    return os_call('Path.write_text', (p, str(data)), None, 'count', len(data))


def _write_bytes(p, data):
    if not isinstance(data, (bytes, bytearray)):
        raise TypeError(f'memoryview: a bytes-like object is required, not '
                        f"'{T.type_name(data)}'")
    return os_call('Path.write_bytes', (p, bytes(data)), None, 'count', len(data))


@then('count')
def _count(vm, answer, n):
    return n


def _mkdir(p, mode=0o777, parents=False, exist_ok=False):
    return os_call('Path.mkdir', (p,), {'parents': bool(parents), 'exist_ok': bool(exist_ok)},
                   'ignore')


def _unlink(p, missing_ok=False):
    return os_call('Path.unlink', (p,), {'missing_ok': bool(missing_ok)}, 'ignore')


def _iterdir(p):
    return os_call('Path.iterdir', (p,), None, 'iterdir', p)


def entry_names(answer) -> list:
    """Entry names from an ``iterdir`` answer (names or paths)."""
    if not isinstance(answer, (list, tuple)):
        raise TypeError('the OS handler must answer Path.iterdir with a list of names')
    names = []
    for entry in answer:
        name = _name(entry) if type(entry) is PathValue else entry
        if not isinstance(name, str) or not name or '/' in name or name in ('.', '..'):
            raise TypeError(f'the OS handler answered Path.iterdir with a bad entry: {entry!r}')
        names.append(name)
    return names


@then('iterdir')
def _iterdir_answer(vm, answer, p):
    return iter([_like(p, p.root, p.comps + (n,)) for n in entry_names(answer)])


def _rename(p, target):
    dest = parse(p.mcls, (target,))
    return os_call('Path.rename', (p, dest), None, 'same', dest)


@then('same')
def _same(vm, answer, value):
    return value


def _resolve(p, strict=False):
    return os_call('Path.resolve', (p,), None, 'as_path', p.mcls)


@then('as_path')
def _as_path(vm, answer, mcls):
    if type(answer) is PathValue:
        return PathValue(mcls, answer.root, answer.comps)
    if isinstance(answer, str):
        return parse(mcls, (answer,))
    raise TypeError(f'the OS handler must answer with a path, not {type(answer).__name__}')


def _absolute(p):
    if p.root:
        return p
    return os_call('os.getcwd', (), None, 'absolute', p)


@then('absolute')
def _absolute_answer(vm, cwd, p):
    if not isinstance(cwd, str):
        raise TypeError('the OS handler must answer os.getcwd with a str')
    return parse(p.mcls, (cwd, p))


def _cwd(vm):
    return os_call('os.getcwd', (), None, 'as_path', POSIX_PATH)


def _open(vm, p, mode='r', *args, **kwargs):
    from ..file_objects import open_file
    return open_file(vm, p, mode, *args, **kwargs)


def _stat(p):
    return os_call('Path.stat', (p,), None, 'stat', None)


IO_METHODS = {
    'exists': _bool_op('exists'), 'is_file': _bool_op('is_file'), 'is_dir': _bool_op('is_dir'),
    'read_text': _read_text,
    'read_bytes': lambda p: checked_call('Path.read_bytes', (p,), 'bytes'),
    'write_text': _write_text, 'write_bytes': _write_bytes, 'iterdir': _iterdir,
    'mkdir': _mkdir, 'unlink': _unlink,
    'rmdir': lambda p: os_call('Path.rmdir', (p,), None, 'ignore'),
    'stat': _stat, 'rename': _rename, 'resolve': _resolve, 'absolute': _absolute,
}


def _install() -> None:
    for name, fn in PURE_ATTRS.items():
        PURE_PATH.dict[name] = NativeAttr(name, fn)
    for name, fn in PURE_METHODS.items():
        PURE_PATH.dict[name] = NativeFunction(name, fn, self_type='PurePath')
    for name, fn in IO_METHODS.items():
        PATH.dict[name] = NativeFunction(name, fn, self_type='Path')
    PATH.dict['open'] = NativeFunction('open', _open, needs_vm=True, self_type='Path')
    PATH.dict['cwd'] = StaticMethod(NativeFunction('cwd', _cwd, needs_vm=True, module='pathlib'))
    for cls in CONCRETE:
        NATIVE_CTORS[cls] = _ctor(cls)


_install()
HOST_COPIES[PathValue] = lambda p: pathlib.PurePosixPath(p.text)


def build(vm) -> Module:
    ns = {'PurePath': PURE_PATH, 'PurePosixPath': PURE_POSIX, 'Path': PATH,
          'PosixPath': POSIX_PATH}
    return Module('pathlib', ns)
