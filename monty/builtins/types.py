"""The builtin type objects (``int``, ``str``, ``list``, exceptions, ...) and ``type_of``.

Each builtin type is an ``MClass`` marked ``native`` whose ``host_type`` is the host class of its
values.  ``type_of(value)`` maps any value Monty code can hold to its ``MClass``.
"""
from __future__ import annotations

import builtins as _hb
import types as _ht

from .c_types import c_type_name
from ..objects.model import (BoundMethod, BoundNative, Cell, ClassMethod, ExcInstance, Function,
                             HOST_SUBCLASS_KINDS, Instance, MClass, Module, NativeAttr,
                             NativeFunction, Property, StaticMethod, Super)

HOST_TYPE_MAP: dict[type, MClass] = {}


def native_class(name: str, host_type, bases=(), module='builtins') -> MClass:
    cls = MClass(name, tuple(bases), {}, module=module, host_type=host_type, native=True)
    if host_type is not None:
        HOST_TYPE_MAP[host_type] = cls
    return cls


OBJECT = native_class('object', None)
OBJECT.mro = (OBJECT,)
TYPE = native_class('type', MClass, (OBJECT,))
INT = native_class('int', int, (OBJECT,))
BOOL = native_class('bool', bool, (INT,))
FLOAT = native_class('float', float, (OBJECT,))
COMPLEX = native_class('complex', complex, (OBJECT,))
STR = native_class('str', str, (OBJECT,))
BYTES = native_class('bytes', bytes, (OBJECT,))
BYTEARRAY = native_class('bytearray', bytearray, (OBJECT,))
LIST = native_class('list', list, (OBJECT,))
TUPLE = native_class('tuple', tuple, (OBJECT,))
DICT = native_class('dict', dict, (OBJECT,))
SET = native_class('set', set, (OBJECT,))
FROZENSET = native_class('frozenset', frozenset, (OBJECT,))
NONETYPE = native_class('NoneType', type(None), (OBJECT,))
RANGE = native_class('range', range, (OBJECT,))
SLICE = native_class('slice', slice, (OBJECT,))
ELLIPSIS = native_class('ellipsis', type(...), (OBJECT,))
NOTIMPL = native_class('NotImplementedType', type(NotImplemented), (OBJECT,))
FUNCTION = native_class('function', Function, (OBJECT,))
BUILTIN_FUNCTION = native_class('builtin_function_or_method', NativeFunction, (OBJECT,))
BUILTIN_METHOD = native_class('builtin_function_or_method', BoundNative, (OBJECT,))
METHOD = native_class('method', BoundMethod, (OBJECT,))
MODULE = native_class('module', Module, (OBJECT,))
PROPERTY = native_class('property', Property, (OBJECT,))
CLASSMETHOD = native_class('classmethod', ClassMethod, (OBJECT,))
STATICMETHOD = native_class('staticmethod', StaticMethod, (OBJECT,))
SUPER = native_class('super', Super, (OBJECT,))
CELL = native_class('cell', Cell, (OBJECT,))
GETSET = native_class('getset_descriptor', NativeAttr, (OBJECT,))
for _c in list(HOST_TYPE_MAP.values()):
    _c.mro = (_c,) + tuple(b for base in _c.bases for b in base.mro if b is not _c)
    _c.instance_kind = Instance
BOOL.mro = (BOOL, INT, OBJECT)
BOOL.final = True
NONETYPE.final = True

# -- exceptions --------------------------------------------------------------------------
HOST_EXC_MAP: dict[type, MClass] = {}
EXC_BY_NAME: dict[str, MClass] = {}


def _build_exceptions() -> None:
    host = [v for v in vars(_hb).values()
            if isinstance(v, type) and issubclass(v, BaseException)
            and not v.__name__.startswith('_') and v.__name__ != 'EncodingWarning']
    host.sort(key=lambda t: len(t.__mro__))
    for t in host:
        bases = tuple(HOST_EXC_MAP[b] for b in t.__bases__ if b in HOST_EXC_MAP) or (OBJECT,)
        if t is BaseException:
            bases = (OBJECT,)
        cls = MClass(t.__name__, bases, {}, host_type=None, native=True)
        cls.is_exc = True
        cls.instance_kind = ExcInstance
        HOST_EXC_MAP[t] = cls
        EXC_BY_NAME[t.__name__] = cls


_build_exceptions()
BASE_EXCEPTION = EXC_BY_NAME['BaseException']
EXCEPTION = EXC_BY_NAME['Exception']


def exc_class(name: str) -> MClass:
    return EXC_BY_NAME[name]


def monty_class_for_host_exc(t: type) -> MClass:
    """The Monty exception class for a host exception type (nearest mapped base)."""
    for klass in t.__mro__:
        cls = HOST_EXC_MAP.get(klass)
        if cls is not None:
            return cls
    return EXCEPTION


# -- type_of ------------------------------------------------------------------------------
_EXTRA_HOST_TYPES: dict[type, MClass] = {}


def host_type_class(t: type) -> MClass:
    """An MClass for a host value type with no table of its own (iterators, views)."""
    cls = _EXTRA_HOST_TYPES.get(t)
    if cls is None:
        cls = native_class(t.__name__, t, (OBJECT,))
        cls.mro = (cls, OBJECT)
        cls.instance_kind = Instance
        if t.__module__ == 'builtins' and '__next__' in vars(t):   # a builtin iterator
            for name in ('__iter__', '__next__'):
                cls.dict[name] = NativeFunction(name, vars(t)[name], self_type=t.__name__)
        _EXTRA_HOST_TYPES[t] = cls
    return cls


GENERATOR_CLASSES: dict[str, MClass] = {}


def type_of(value) -> MClass:
    """Monty's ``type(value)``."""
    cls = HOST_TYPE_MAP.get(type(value))
    if cls is not None:
        if cls is TYPE:
            return value.meta or TYPE
        return cls
    kind = getattr(value, 'kind', None)
    if kind in GENERATOR_CLASSES and type(value).__name__ == 'Generator':
        return GENERATOR_CLASSES[kind]
    if isinstance(value, (Instance, ) + HOST_SUBCLASS_KINDS):
        return value.mcls
    mcls = getattr(value, 'mcls', None)
    if isinstance(mcls, MClass):
        return mcls
    return host_type_class(type(value))


def error_name(cls: MClass) -> str:
    """The name error messages give a class: CPython's ``tp_name`` (``'datetime.date'``)."""
    if cls.native:
        return c_type_name(cls.module, cls.name) or cls.name
    return getattr(cls, 'tp_name', None) or cls.name


def type_name(value) -> str:
    """The name error messages give ``type(value)`` (see ``error_name``)."""
    return error_name(type_of(value))


def is_instance(value, cls: MClass) -> bool:
    return cls in type_of(value).mro


ALL_BUILTIN_TYPES = {c.name: c for c in (
    OBJECT, TYPE, INT, BOOL, FLOAT, COMPLEX, STR, BYTES, BYTEARRAY, LIST, TUPLE, DICT, SET,
    FROZENSET, RANGE, SLICE, PROPERTY, CLASSMETHOD, STATICMETHOD, SUPER)}

_unused = _ht
