"""The one door from Monty code to the operating system: files, environment, clocks.

A native that needs the OS returns ``os_call(name, args, ...)``, a request the VM runs like any
call.  With a host handler (``run(os=handler)``, kept in ``vm.os_handler``) it is answered at
once; under ``start()`` it pauses as an ``OsSnapshot``; with neither, file operations raise
PermissionError and the others RuntimeError.  The answer then passes through a named
continuation (``THEN``), so a paused frame holds only names and plain data.
"""
from __future__ import annotations

import datetime as _dt
import inspect
import pathlib

from ..objects.model import NativeFunction
from ..vm.posts import POSTS
from ..vm.signals import PUSHED, CallReq
from .convert import exception_to_monty, to_host, to_monty

THEN: dict = {}   # continuation name -> fn(vm, answer, state) -> value or CallReq
DATETIME_TYPES = (_dt.datetime, _dt.date, _dt.time, _dt.timedelta, _dt.timezone)
FILE_PREFIXES = ('Path.', 'open')


def then(name: str):
    """Register a continuation applied to an OS answer."""
    def register(fn):
        THEN[name] = fn
        return fn
    return register


def os_call(name: str, args: tuple = (), kwargs: dict | None = None, then_name: str | None = None,
            state=None) -> CallReq:
    """A request to perform OS operation ``name``; ``then_name`` continues with the answer."""
    return CallReq(DOOR, (name, tuple(args), dict(kwargs or {})), None, 'os_then',
                   (then_name, state))


def _post_os_then(vm, value, state):
    name, data = state
    if name is None:
        return value
    return THEN[name](vm, value, data)


POSTS['os_then'] = _post_os_then


CHECKS = {'bool': ((bool,), 'a bool'), 'str': ((str,), 'a str'), 'bytes': ((bytes,), 'bytes'),
          'number': ((int, float), 'a number'),
          'env': ((str, type(None)), 'a str or None')}


@then('check')
def _check(vm, value, state):
    """Reject an answer of the wrong type (``state`` is ``(operation, kind)``)."""
    name, kind = state
    types, label = CHECKS[kind]
    if not isinstance(value, types) or (kind == 'number' and isinstance(value, bool)):
        raise TypeError(f'the OS handler must answer {name} with {label}, '
                        f'not {type(value).__name__}')
    return value


@then('ignore')
def _ignore(vm, value, state):
    """Operations whose Monty result is None whatever the host answered."""
    return None


def checked_call(name: str, args: tuple, kind: str, kwargs: dict | None = None) -> CallReq:
    """``os_call`` whose answer must be of ``kind`` (a key of ``CHECKS``)."""
    return os_call(name, args, kwargs, 'check', (name, kind))


def _door(vm, name: str, args: tuple, kwargs: dict):
    handler = vm.os_handler
    if handler is not None:
        return ask_handler(handler, name, args, kwargs)
    if not vm.pause_unknown_calls:
        raise refusal(name, args)
    if vm.nesting > 1:
        raise RuntimeError(f'{name}() cannot pause here: it was called from Monty code running '
                           'inside a builtin operation')
    vm.next_call_id += 1
    vm.push_pending('os', [name, args, kwargs, vm.next_call_id, False])
    return PUSHED


DOOR = NativeFunction('os_call', _door, needs_vm=True)


def ask_handler(handler, name: str, args: tuple, kwargs: dict):
    """Call the host's handler now; its exceptions are raised inside Monty."""
    try:
        result = handler(name, args_to_host(args), {k: arg_to_host(v) for k, v in kwargs.items()})
    except Exception as exc:  # the handler's error is raised in Monty as a copy, never itself
        raise exception_to_monty(exc) from None
    if inspect.isawaitable(result):
        if inspect.iscoroutine(result):
            result.close()
        raise RuntimeError('the OS handler must answer synchronously, not with an awaitable')
    return answer_to_monty(result)


def refusal(name: str, args: tuple) -> Exception:
    """What an OS operation raises when the host gave no handler."""
    if name.startswith(FILE_PREFIXES) and args:
        return PermissionError(13, 'Permission denied', str(args[0]))
    return RuntimeError(f'{name}() is not available: the host has not allowed OS access')


# -- values crossing the door ----------------------------------------------------------------
def args_to_host(args: tuple) -> tuple:
    return tuple(arg_to_host(a) for a in args)


def arg_to_host(value):
    """A Monty argument as the host handler sees it (paths as ``PurePosixPath``)."""
    from ..builtins.modules.pathlib_module import PathValue
    if type(value) is PathValue:
        return pathlib.PurePosixPath(value.text)
    if isinstance(value, DATETIME_TYPES):
        return value
    return to_host(value)


def answer_to_monty(value, depth: int = 0):
    """The host's answer as a Monty value: paths, stat results and datetimes converted too."""
    from ..builtins.modules.os_module import stat_from_host
    from ..builtins.modules.pathlib_module import path_from_host
    if isinstance(value, pathlib.PurePath):
        return path_from_host(value)
    if hasattr(value, 'st_mode') and hasattr(value, 'st_size'):
        return stat_from_host(value)
    if isinstance(value, DATETIME_TYPES):
        return _datetime(value)
    if depth < 50 and type(value) in (list, tuple):
        items = [answer_to_monty(v, depth + 1) for v in value]
        return items if type(value) is list else tuple(items)
    return to_monty(value)


def _datetime(value):
    """Datetimes pass as they are; subclasses become the base type, zones fixed offsets."""
    if type(value) not in DATETIME_TYPES:
        value = _exact_datetime(value)
    tz = getattr(value, 'tzinfo', None)
    if tz is None or type(tz) is _dt.timezone:
        return value
    offset = value.utcoffset()
    fixed = _dt.timezone(offset) if offset is not None else None
    return value.replace(tzinfo=fixed)


def _exact_datetime(value):
    if isinstance(value, _dt.datetime):
        return _dt.datetime(value.year, value.month, value.day, value.hour, value.minute,
                            value.second, value.microsecond, value.tzinfo, fold=value.fold)
    if isinstance(value, _dt.date):
        return _dt.date(value.year, value.month, value.day)
    raise TypeError(f'cannot pass a {type(value).__name__} value into Monty')


def _install() -> None:
    """Import the modules whose classes and continuations snapshots may name."""
    from ..builtins import file_objects, os_errors  # noqa: F401
    from ..builtins.modules import datetime_module, os_module, pathlib_module  # noqa: F401
    from ..builtins.modules import time_module  # noqa: F401


_install()
