"""``traceback``: the text of exceptions, as Monty's own uncaught-exception report prints it.

The formatting is ``vm/traceback.py``'s (one formatter for both); this module only exposes it.
Monty has no traceback or frame objects, so each exception carries its own ``(code, pc)``
entries and a ``tb`` argument is accepted for CPython's signatures but never consulted.
"""
from __future__ import annotations

from ...objects.model import ExcInstance, NativeFunction
from ...vm import traceback as TB

SOURCE = r'''
import sys

__all__ = ['format_exc', 'format_exception', 'format_exception_only', 'print_exc',
           'print_exception', 'print_last', 'TracebackException']

_sentinel = object()


def _pick(exc, value):
    """The exception meant by CPython's ``(exc)`` or ``(type, value, tb)`` call forms."""
    return exc if value is _sentinel else value


def format_exception(exc, /, value=_sentinel, tb=_sentinel, limit=None, chain=True):
    """Format an exception, its traceback and its chained exceptions as a list of strings."""
    if value is _sentinel and exc is not None and not isinstance(exc, BaseException):
        raise TypeError(f'Exception expected for value, {type(exc).__name__} found')
    value = _pick(exc, value)
    if value is None:
        return ['NoneType: None\n']
    return _chunks(value, limit, chain)


def format_exception_only(exc, /, value=_sentinel):
    """The ``Type: message`` line (and notes) of an exception, as a list of strings."""
    value = _pick(exc, value)
    if value is None:
        return ['NoneType: None\n']
    return _only(value)


def print_exception(exc, /, value=_sentinel, tb=_sentinel, limit=None, file=None, chain=True):
    """Print what ``format_exception`` returns to ``file`` (``sys.stderr`` by default)."""
    if file is None:
        file = sys.stderr
    for line in format_exception(exc, value, tb, limit=limit, chain=chain):
        print(line, file=file, end='')


def format_exc(limit=None, chain=True):
    """The exception being handled, formatted like ``print_exc`` prints it."""
    return ''.join(format_exception(_handled(), limit=limit, chain=chain))


def print_exc(limit=None, file=None, chain=True):
    """Print the exception being handled to ``file`` (``sys.stderr`` by default)."""
    print_exception(_handled(), limit=limit, file=file, chain=chain)


def print_last(limit=None, file=None, chain=True):
    """Monty keeps no ``sys.last_value``: the same error as CPython without one."""
    raise ValueError('no last exception')


class TracebackException:
    """An exception ready for formatting (holds the exception itself, no frames)."""

    def __init__(self, exc_type, exc_value, exc_traceback, *, limit=None, lookup_lines=True,
                 capture_locals=False, compact=False, max_group_width=15,
                 max_group_depth=10):
        self.exc_type = exc_type
        self._exc = exc_value
        self._limit = limit

    @classmethod
    def from_exception(cls, exc, *args, **kwargs):
        return cls(type(exc), exc, None, *args, **kwargs)

    def format(self, *, chain=True):
        yield from format_exception(self._exc, limit=self._limit, chain=chain)

    def format_exception_only(self):
        yield from format_exception_only(self._exc)

    def print(self, *, file=None, chain=True):
        print_exception(self._exc, limit=self._limit, file=file, chain=chain)

    def __eq__(self, other):
        if isinstance(other, TracebackException):
            return self._exc is other._exc
        return NotImplemented

    def __str__(self):
        return str(self._exc)
'''


def _exception(value) -> ExcInstance:
    if not isinstance(value, ExcInstance):
        from .. import types as T
        raise AttributeError(f"'{T.type_name(value)}' object has no attribute "
                             "'__suppress_context__'")
    return value


def _limit(limit):
    if limit is not None and type(limit) is not int:
        from .. import types as T
        raise TypeError(f"'<' not supported between instances of '{T.type_name(limit)}' "
                        "and 'int'")
    return limit


def natives(vm) -> dict:
    """The host half: the shared formatter and the exception being handled."""
    return {
        '_chunks': NativeFunction(
            '_chunks', lambda e, limit, chain: TB.chunks(_exception(e), _limit(limit),
                                                        bool(chain)), module='traceback'),
        '_only': NativeFunction('_only', lambda e: TB.only_chunks(_exception(e)),
                                module='traceback'),
        '_handled': NativeFunction('_handled', lambda: vm.handled_exception(vm.frame),
                                   module='traceback'),
    }
