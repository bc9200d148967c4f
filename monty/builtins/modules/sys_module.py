"""``sys``: version facts and ``exit``; nothing that reaches the host."""
from __future__ import annotations

from ...objects.model import Module, NativeFunction


class VersionInfo(tuple):
    """``sys.version_info`` with its named fields."""

    def __new__(cls):
        return super().__new__(cls, (3, 11, 7, 'final', 0))

    def __repr__(self):
        return ("sys.version_info(major=3, minor=11, micro=7, releaselevel='final', "
                "serial=0)")


def _exit(code=None):
    raise SystemExit(code)


def build(vm) -> Module:
    ns = {
        'version': '3.11.7 (monty sandbox)',
        'version_info': (3, 11, 7, 'final', 0),
        'platform': 'monty',
        'maxsize': 9223372036854775807,
        'byteorder': 'little',
        'exit': NativeFunction('exit', _exit, module='sys'),
        'argv': ['main.py'],
        'modules': {},
        'stdout': StreamProxy('stdout'),
        'stderr': StreamProxy('stderr'),
        'getrecursionlimit': NativeFunction('getrecursionlimit', lambda: vm.max_depth),
        'setrecursionlimit': NativeFunction('setrecursionlimit', lambda n: None),
        'float_info': None,
    }
    return Module('sys', ns)


class StreamProxy:
    """``sys.stdout``/``sys.stderr``: writes go to the print callback."""
    __slots__ = ('stream_name',)

    def __init__(self, name):
        self.stream_name = name

    def __repr__(self) -> str:
        return f"<_io.TextIOWrapper name='<{self.stream_name}>' mode='w' encoding='utf-8'>"


def _install_stream_class() -> None:
    from .. import types as T
    from ...vm import protocol as P
    cls = T.native_class('TextIOWrapper', StreamProxy, (T.OBJECT,), module='_io')
    cls.mro = (cls, T.OBJECT)

    def write(stream, text):
        if not isinstance(text, str):
            raise TypeError(f'write() argument must be str, not {T.type_name(text)}')
        P.current[0].write(stream.stream_name, text)
        return len(text)

    cls.dict['write'] = NativeFunction('write', write, self_type='TextIOWrapper')
    cls.dict['flush'] = NativeFunction('flush', lambda stream: None, self_type='TextIOWrapper')


_install_stream_class()
