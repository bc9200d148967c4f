"""``sys``: version facts and ``exit``; nothing that reaches the host."""
from __future__ import annotations

import sys as _sys

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
        'version_info': VERSION_INFO,
        'platform': 'monty',
        'maxsize': 9223372036854775807,
        'byteorder': 'little',
        'exit': NativeFunction('exit', _exit, module='sys'),
        'argv': ['main.py'],
        'modules': {},
        'stdout': STDOUT,
        'stderr': STDERR,
        '__stdout__': STDOUT,
        '__stderr__': STDERR,
        'exc_info': NativeFunction('exc_info', lambda: _exc_info(vm), module='sys'),
        'exception': NativeFunction('exception', lambda: _exc_info(vm)[1], module='sys'),
        'getrecursionlimit': NativeFunction('getrecursionlimit', lambda: vm.max_depth),
        'setrecursionlimit': NativeFunction('setrecursionlimit', lambda n: None),
        'float_info': _sys.float_info,
    }
    return Module('sys', ns)


def _exc_info(vm) -> tuple:
    """``sys.exc_info()``: the exception being handled (no traceback objects: None)."""
    exc = vm.handled_exception(vm.frame)
    if exc is None:
        return (None, None, None)
    return (exc.mcls, exc, None)


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
STDOUT = StreamProxy('stdout')
STDERR = StreamProxy('stderr')
VERSION_INFO = VersionInfo()


def _install_struct_seqs() -> None:
    """``sys.version_info`` and ``sys.float_info``: tuples with named fields."""
    from .. import types as T
    from ...objects.model import NativeAttr
    for name, host, fields in (
            ('version_info', VersionInfo, 'major minor micro releaselevel serial'),
            ('float_info', type(_sys.float_info),
             'max max_exp max_10_exp min min_exp min_10_exp dig mant_dig epsilon radix rounds')):
        cls = T.native_class(name, host, (T.TUPLE,), module='sys')
        cls.dict['__module__'] = 'sys'
        for i, field in enumerate(fields.split()):
            cls.dict[field] = NativeAttr(field, (lambda k: lambda v: tuple.__getitem__(v, k))(i))


_install_struct_seqs()
