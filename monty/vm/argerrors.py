"""CPython's exact wording for a builtin called with the wrong arguments.

Builtins and builtin methods are implemented by Python functions whose own argument errors
read differently from CPython's (``len() missing 1 required positional argument: 'obj'``
instead of ``len() takes exactly one argument (0 given)``).  When such a call fails with a
TypeError, the same call shape (number of positional arguments, keyword names) is replayed
on the host builtin with inert placeholder arguments: if the host rejects the shape, its
message is the one CPython gives.  Only the side-effect-free host callables listed here are
ever replayed, and never with the caller's own values.
"""
from __future__ import annotations

import io
import re
from functools import partial

_ARG_MSG = re.compile(
    r'takes |expected (?:at (?:most|least) )?\d+ arguments?, got |missing (?:\d+ )?required'
    r'|unexpected keyword|invalid keyword argument|keyword arguments|needs an argument'
    r'|multiple values for|positional-only|given by name|keywords must be strings')

# Builtins whose host versions are pure enough to replay with placeholder arguments.
_PURE_BUILTINS = ('abs all any ascii bin callable chr delattr dir divmod enumerate filter format '
                  'getattr hasattr hash hex id isinstance issubclass iter len map max min next '
                  'oct ord pow repr reversed round setattr sorted sum super vars zip').split()
_PURE_MODULES = ('math', 'operator')   # host modules whose functions only compute
_PURE_TYPES = (int, float, complex, bool, str, bytes, bytearray, list, tuple, dict, set,
               frozenset, range, slice, enumerate, zip, map, filter, reversed, object, type,
               super)
_RECEIVERS = {str: '', bytes: b'', int: 0, bool: False, float: 0.0, complex: 0j, tuple: (),
              frozenset: frozenset()}
_FRESH_RECEIVERS = (list, dict, set, bytearray)
_HOST_BY_NAME = {t.__name__: t for t in _PURE_TYPES}
_PLACEHOLDER = ()   # iterable, hashable and inert: no host builtin acts on it
_ABSENT = object()
_SAME_SIGNATURE: dict[int, tuple] = {}   # id(native) -> (native, pure host callable)


def same_signature(func, host) -> None:
    """Declare that native ``func`` takes its arguments exactly like pure host ``host``."""
    _SAME_SIGNATURE[id(func)] = (func, host)


def is_argument_error(msg: str) -> bool:
    """Whether a TypeError message is about how arguments were passed, not their values."""
    return _ARG_MSG.search(msg) is not None


def _replay(host, args: tuple, kwargs) -> str | None:
    try:
        host(*args, **({k: _PLACEHOLDER for k in kwargs} if kwargs else {}))
    except TypeError as e:
        msg = str(e)
        return msg if is_argument_error(msg) else None
    except Exception:  # noqa: BLE001 - any other outcome means the host accepted the shape
        return None
    return None


def _builtin_host(func):
    if func.module in _PURE_MODULES:
        import importlib
        return getattr(importlib.import_module(func.module), func.name, None)
    from ..builtins.functions import BUILTIN_FUNCTIONS
    if func.name not in _PURE_BUILTINS and func.name != 'print':
        return None
    if BUILTIN_FUNCTIONS.get(func.name) is not func:
        return None
    if func.name == 'print':
        return partial(print, file=io.StringIO())
    import builtins
    return getattr(builtins, func.name)


def _receiver(host_type: type, value):
    if not isinstance(value, host_type):
        return _ABSENT
    if host_type in _FRESH_RECEIVERS:
        return host_type()
    if host_type is range:
        return range(0)
    return _RECEIVERS.get(host_type, _ABSENT)


def native_call_message(func, args: tuple, kwargs, receiver=_ABSENT) -> str | None:
    """CPython's message for calling builtin ``func`` with this argument shape, if it rejects it."""
    placeholders = (_PLACEHOLDER,) * len(args)
    declared = _SAME_SIGNATURE.get(id(func))
    if declared is not None and declared[0] is func:
        return _replay(declared[1], placeholders, kwargs)
    if func.self_type is None:
        host = _builtin_host(func)
        return None if host is None else _replay(host, placeholders, kwargs)
    host_type = _HOST_BY_NAME.get(func.self_type)
    method = getattr(host_type, func.name, None) if host_type is not None else None
    if method is None:
        return None
    if receiver is _ABSENT:
        if not args:
            return _replay(method, (), kwargs)
        receiver = args[0]
        placeholders = placeholders[1:]
    stand_in = _receiver(host_type, receiver)
    if stand_in is _ABSENT:
        return None
    return _replay(method, (stand_in,) + placeholders, kwargs)


def constructor_error(error: TypeError, cls, args: tuple, kwargs) -> TypeError | None:
    """CPython's TypeError for calling builtin class ``cls`` with this argument shape, if any."""
    host_type = _HOST_BY_NAME.get(cls.name) if cls.module == 'builtins' else None
    if host_type is None or not is_argument_error(str(error)):
        return None
    msg = _replay(host_type, (_PLACEHOLDER,) * len(args), kwargs)
    return None if msg is None else TypeError(msg)


def function_str(func) -> str:
    """How CPython names a callable in call errors: ``__main__.f()``, ``list.append()``."""
    from ..objects.model import BoundMethod, BoundNative, Function, MClass, NativeFunction
    t = type(func)
    if t is BoundMethod or t is BoundNative:
        return function_str(func.func)
    if t is Function:
        return _qualified(func.module, func.qualname)
    if t is NativeFunction:
        name = f'{func.self_type}.{func.name}' if func.self_type else func.name
        return _qualified(func.module, name)
    if t is MClass:
        return _qualified(func.module, func.qualname)
    from ..builtins.formatting import mstr
    return mstr(func)


def _qualified(module, qualname: str) -> str:
    if module and module != 'builtins':
        return f'{module}.{qualname}()'
    return f'{qualname}()'
