"""Converting values across the host boundary: always by copy, never by reference.

Into Monty: None, bool, int, float, str, bytes, list, tuple, dict, set, frozenset (recursively,
subclasses flattened to the plain type).  Out of Monty: the same plain types; any other Monty
value comes out as ``MontyObjectRepr`` holding its type name and repr text.
"""
from __future__ import annotations

import os
from dataclasses import dataclass

PLAIN_SCALARS = (type(None), bool, int, float, str, bytes, complex)
MAX_DEPTH = 200
HOST_COPIES: dict = {}   # Monty value type -> fn(value) giving a plain host copy


@dataclass(frozen=True)
class MontyObjectRepr:
    """A Monty value with no plain host equivalent (an instance, a function, ...)."""
    type_name: str
    repr: str

    def __str__(self) -> str:
        return self.repr


def to_monty(value, _depth: int = 0):
    """Copy a host value into Monty's value space; TypeError for anything else."""
    if _depth > MAX_DEPTH:
        raise ValueError('value nested too deeply to pass into Monty')
    t = type(value)
    if t in PLAIN_SCALARS:
        return value
    for plain in (bool, int, float, str, bytes):
        if isinstance(value, plain):
            return plain(value)
    d = _depth + 1
    if isinstance(value, (list, tuple)):
        items = [to_monty(v, d) for v in value]
        return items if isinstance(value, list) else tuple(items)
    if isinstance(value, dict):
        return {to_monty(k, d): to_monty(v, d) for k, v in value.items()}
    if isinstance(value, frozenset):
        return frozenset(to_monty(v, d) for v in value)
    if isinstance(value, set):
        return {to_monty(v, d) for v in value}
    if isinstance(value, MontyObjectRepr):
        return value.repr
    raise TypeError(f'cannot pass a {t.__name__} value into Monty')


def exception_to_monty(exc: BaseException) -> BaseException:
    """A host exception rebuilt as its nearest builtin type with args copied into Monty.

    The host's own exception object (and anything in its args) never reaches Monty code: an
    arg with no plain equivalent becomes its repr text.
    """
    args = tuple(_arg_to_monty(a) for a in exc.args)
    if isinstance(exc, OSError) and len(args) == 2 and exc.filename is not None:
        args += (_arg_to_monty(exc.filename), None, _arg_to_monty(exc.filename2))
    cls = next(k for k in type(exc).__mro__ if k.__module__ == 'builtins')
    try:
        return cls(*args)
    except Exception:  # noqa: BLE001 - a builtin type with a fixed signature (UnicodeError)
        return Exception(*args)


def _arg_to_monty(value):
    if isinstance(value, os.PathLike):
        return os.fspath(value)
    try:
        return to_monty(value)
    except (TypeError, ValueError):
        return repr(value)


def to_host(value, _depth: int = 0, _seen=None):
    """Copy a Monty value out to plain host values."""
    t = type(value)
    if t in PLAIN_SCALARS:
        return value
    seen = _seen if _seen is not None else {}
    if id(value) in seen:
        return seen[id(value)]
    if _depth > MAX_DEPTH:
        return MontyObjectRepr(type(value).__name__, '...')
    d = _depth + 1
    if t is list:
        out = []
        seen[id(value)] = out
        out.extend(to_host(v, d, seen) for v in value)
        return out
    if t is tuple:
        return tuple(to_host(v, d, seen) for v in value)
    if t is dict:
        out = {}
        seen[id(value)] = out
        for k, v in value.items():
            out[to_host(k, d, seen)] = to_host(v, d, seen)
        return out
    if t is set:
        return {to_host(v, d, seen) for v in value}
    if t is frozenset:
        return frozenset(to_host(v, d, seen) for v in value)
    copy = HOST_COPIES.get(t)
    if copy is not None:
        return copy(value)
    from ..builtins import types as T
    try:
        text = repr(value)
    except Exception:  # noqa: BLE001 - a broken __repr__ still gives a value out
        text = f'<{T.type_name(value)} object>'
    for plain in (bool, int, float, str, bytes):
        if isinstance(value, plain):
            return plain(value)
    return MontyObjectRepr(T.type_of(value).name, text)
