"""``os.path`` (``posixpath``): path strings computed here; questions about files go to the host.

The pure helpers follow POSIX rules exactly; ``exists``/``isfile``/``isdir``/``getsize``/
``getmtime``/``abspath`` ask the host through the same operations as ``pathlib.Path``.
"""
from __future__ import annotations

from ...host.osaccess import os_call, then
from ...objects.model import Module, NativeFunction
from .. import types as T


def fspath(p):
    """``os.fspath``: str and bytes pass, paths give their text."""
    from .pathlib_module import PathValue
    if type(p) in (str, bytes):
        return p
    if type(p) is PathValue:
        return p.text
    if isinstance(p, (str, bytes)):
        return str(p) if isinstance(p, str) else bytes(p)
    raise TypeError(f'expected str, bytes or os.PathLike object, not {T.type_name(p)}')


def _text(p, func: str = '') -> str:
    p = fspath(p)
    if type(p) is bytes:
        raise TypeError(f'{func}: bytes paths are not supported' if func else
                        'bytes paths are not supported')
    return p


def join(a, *p) -> str:
    path = _text(a)
    for b in p:
        b = _text(b)
        if b.startswith('/'):
            path = b
        elif not path or path.endswith('/'):
            path += b
        else:
            path += '/' + b
    return path


def split(p) -> tuple:
    p = _text(p)
    i = p.rfind('/') + 1
    head, tail = p[:i], p[i:]
    if head and head != '/' * len(head):
        head = head.rstrip('/')
    return head, tail


def basename(p) -> str:
    p = _text(p)
    return p[p.rfind('/') + 1:]


def dirname(p) -> str:
    return split(p)[0]


def splitext(p) -> tuple:
    p = _text(p)
    sep_index = p.rfind('/')
    dot_index = p.rfind('.')
    if dot_index > sep_index:
        i = sep_index + 1
        while i < dot_index:
            if p[i] != '.':
                return p[:dot_index], p[dot_index:]
            i += 1
    return p, ''


def isabs(p) -> bool:
    return _text(p).startswith('/')


def normpath(path) -> str:
    path = _text(path)
    if not path:
        return '.'
    slashes = 1 if path.startswith('/') else 0
    if path.startswith('//') and not path.startswith('///'):
        slashes = 2
    out: list = []
    for comp in path.split('/'):
        if comp in ('', '.'):
            continue
        if comp != '..' or (not slashes and not out) or (out and out[-1] == '..'):
            out.append(comp)
        elif out:
            out.pop()
    return '/' * slashes + '/'.join(out) or '.'


def commonprefix(m) -> str:
    items = list(m)
    if not items:
        return ''
    s1, s2 = min(items), max(items)
    for i, c in enumerate(s1):
        if c != s2[i]:
            return s1[:i]
    return s1


def splitdrive(p) -> tuple:
    p = fspath(p)
    return p[:0], p


# -- questions for the host -------------------------------------------------------------------
def _ask(name: str, then_name: str | None = None, state=None):
    def fn(path):
        from .pathlib_module import make_path
        return os_call(name, (make_path(_text(path)),), None, then_name, state)
    return fn


@then('stat_field')
def _stat_field(vm, value, field: str):
    from .os_module import StatValue
    if type(value) is not StatValue:
        raise TypeError('the OS handler must answer Path.stat with a stat result')
    return getattr(value, field)


def abspath(path):
    path = _text(path)
    if path.startswith('/'):
        return normpath(path)
    return os_call('os.getcwd', (), None, 'abspath', path)


@then('abspath')
def _abspath(vm, cwd, path: str):
    if not isinstance(cwd, str):
        raise TypeError('the OS handler must answer os.getcwd with a str')
    return normpath(join(cwd, path))


PURE = {'join': join, 'split': split, 'basename': basename, 'dirname': dirname,
        'splitext': splitext, 'isabs': isabs, 'normpath': normpath,
        'commonprefix': commonprefix, 'splitdrive': splitdrive, 'abspath': abspath}
ASKING = {'exists': ('Path.exists', 'check', ('Path.exists', 'bool')),
          'isfile': ('Path.is_file', 'check', ('Path.is_file', 'bool')),
          'isdir': ('Path.is_dir', 'check', ('Path.is_dir', 'bool')),
          'getsize': ('Path.stat', 'stat_field', 'st_size'),
          'getmtime': ('Path.stat', 'stat_field', 'st_mtime')}
CONSTANTS = {'sep': '/', 'curdir': '.', 'pardir': '..', 'extsep': '.', 'altsep': None,
             'pathsep': ':', 'defpath': '/bin:/usr/bin', 'devnull': '/dev/null'}


def build(vm) -> Module:
    ns = {name: NativeFunction(name, fn, module='posixpath') for name, fn in PURE.items()}
    for name, (op, then_name, state) in ASKING.items():
        ns[name] = NativeFunction(name, _ask(op, then_name, state), module='posixpath')
    ns.update(CONSTANTS)
    return Module('posixpath', ns)
