"""``OSError`` like CPython: ``(errno, strerror, filename...)`` arguments, errno subclasses, str.

``OSError(2, 'No such file or directory', 'x')`` keeps ``args == (2, '...')``, remembers the
file name, reads as ``[Errno 2] No such file or directory: 'x'`` and, built from ``OSError``
itself, is a ``FileNotFoundError``.  The extra fields live in the instance's attribute dict.
"""
from __future__ import annotations

import errno as _errno

from ..objects.model import ExcInstance, NativeAttr, NativeFunction
from . import types as T

FIELDS = ('errno', 'strerror', 'filename', 'filename2')

# errno -> the OSError subclass CPython picks when ``OSError(errno, ...)`` is constructed
ERRNO_CLASSES = {
    _errno.EAGAIN: 'BlockingIOError', _errno.EALREADY: 'BlockingIOError',
    _errno.EINPROGRESS: 'BlockingIOError', _errno.EWOULDBLOCK: 'BlockingIOError',
    _errno.EPIPE: 'BrokenPipeError', _errno.ESHUTDOWN: 'BrokenPipeError',
    _errno.ECHILD: 'ChildProcessError', _errno.ECONNABORTED: 'ConnectionAbortedError',
    _errno.ECONNREFUSED: 'ConnectionRefusedError', _errno.ECONNRESET: 'ConnectionResetError',
    _errno.EEXIST: 'FileExistsError', _errno.ENOENT: 'FileNotFoundError',
    _errno.EISDIR: 'IsADirectoryError', _errno.ENOTDIR: 'NotADirectoryError',
    _errno.EINTR: 'InterruptedError', _errno.EACCES: 'PermissionError',
    _errno.EPERM: 'PermissionError', _errno.ESRCH: 'ProcessLookupError',
    _errno.ETIMEDOUT: 'TimeoutError',
}


def os_error_class(cls, args: tuple):
    """The class ``cls(*args)`` really creates (``OSError(2, ...)`` is a FileNotFoundError)."""
    if cls is T.EXC_BY_NAME['OSError'] and 2 <= len(args) <= 5 and type(args[0]) is int:
        name = ERRNO_CLASSES.get(args[0])
        if name is not None:
            return T.EXC_BY_NAME[name]
    return cls


def set_fields(exc: ExcInstance, args: tuple) -> None:
    """Split constructor arguments into ``args`` and the errno/strerror/filename fields."""
    attrs = exc.attrs
    for name in FIELDS:
        attrs.pop(name, None)
    if not 2 <= len(args) <= 5:
        exc.args = tuple(args)
        return
    attrs['errno'], attrs['strerror'] = args[0], args[1]
    if len(args) >= 3:
        attrs['filename'] = args[2]
    if len(args) == 5:
        attrs['filename2'] = args[4]
    exc.args = tuple(args[:2])


def from_host(exc: ExcInstance, e: OSError) -> None:
    """Copy a host OSError's fields onto its Monty counterpart."""
    for name in FIELDS:
        value = getattr(e, name, None)
        if value is not None:
            exc.attrs[name] = value


def fields(exc) -> dict:
    """errno/strerror/filename/filename2 of an OSError instance (None where unset)."""
    a = exc.attrs if isinstance(exc, ExcInstance) else {}
    out = {name: a.get(name) for name in FIELDS}
    if 'errno' not in a and isinstance(exc, ExcInstance) and 2 <= len(exc.args) <= 5:
        out['errno'], out['strerror'] = exc.args[0], exc.args[1]
    return out


def new_os_error(cls, args: tuple) -> ExcInstance:
    """``cls(*args)`` for an OSError class, before ``__init__`` runs."""
    exc = ExcInstance(os_error_class(cls, args), tuple(args))
    set_fields(exc, tuple(args))
    return exc


def os_error_str(exc) -> str:
    a = fields(exc)
    errno, strerror = a.get('errno'), a.get('strerror')
    filename, filename2 = a.get('filename'), a.get('filename2')
    if filename is not None:
        if filename2 is not None:
            return f'[Errno {errno}] {strerror}: {filename!r} -> {filename2!r}'
        return f'[Errno {errno}] {strerror}: {filename!r}'
    if errno and strerror:
        return f'[Errno {errno}] {strerror}'
    from ..vm.hostproto import exc_base_str
    return exc_base_str(exc)


def _init(self, *args, **kwargs):
    if isinstance(self, ExcInstance):
        set_fields(self, args)
    return None


def _field(name: str) -> NativeAttr:
    def get(exc):
        return fields(exc)[name]

    def put(exc, value):
        exc.attrs[name] = value
    return NativeAttr(name, get, put)


def install() -> None:
    cls = T.EXC_BY_NAME['OSError']
    cls.dict['__init__'] = NativeFunction('__init__', _init, self_type='OSError')
    cls.dict['__str__'] = NativeFunction('__str__', os_error_str, self_type='OSError')
    for name in FIELDS:
        cls.dict[name] = _field(name)


install()
