"""``types``: ``SimpleNamespace``, ``MappingProxyType`` and the names of builtin types.

Written in Monty; the type names are the types of sample values, so they are exactly the
classes Monty code already sees (``type(f) is types.FunctionType``).
"""
from __future__ import annotations

SOURCE = r'''
__all__ = ['SimpleNamespace', 'MappingProxyType', 'FunctionType', 'LambdaType',
           'GeneratorType', 'CoroutineType', 'AsyncGeneratorType', 'MethodType',
           'BuiltinFunctionType', 'BuiltinMethodType', 'ModuleType', 'NoneType',
           'EllipsisType', 'NotImplementedType', 'GenericAlias', 'UnionType', 'new_class']


class SimpleNamespace:
    """A simple attribute-based namespace."""

    def __init__(self, *args, **kwargs):
        if args:
            raise TypeError('no positional arguments expected')
        for name, value in kwargs.items():
            setattr(self, name, value)

    def __repr__(self):
        name = 'namespace' if type(self) is SimpleNamespace else type(self).__name__
        key = id(self)
        if key in _active:
            return name + '(...)'
        _active.add(key)
        try:
            fields = ', '.join(f'{k}={v!r}' for k, v in vars(self).items())
        finally:
            _active.discard(key)
        return f'{name}({fields})'

    def __eq__(self, other):
        if isinstance(self, SimpleNamespace) and isinstance(other, SimpleNamespace):
            return vars(self) == vars(other)
        return NotImplemented

    __hash__ = None


_active = set()


class mappingproxy:
    """A read-only view of a mapping."""
    __module__ = 'builtins'

    def __init__(self, mapping):
        if isinstance(mapping, (list, tuple)) or not hasattr(type(mapping), '__getitem__') \
                or not hasattr(type(mapping), 'keys'):
            raise TypeError(f'mappingproxy() argument must be a mapping, not '
                            f'{type(mapping).__name__}')
        _set(self, '_mapping', mapping)

    def __getitem__(self, key):
        return self._mapping[key]

    def get(self, key, default=None):
        return self._mapping.get(key, default)

    def keys(self):
        return self._mapping.keys()

    def values(self):
        return self._mapping.values()

    def items(self):
        return self._mapping.items()

    def copy(self):
        return self._mapping.copy()

    def __len__(self):
        return len(self._mapping)

    def __iter__(self):
        return iter(self._mapping)

    def __reversed__(self):
        return reversed(self._mapping)

    def __contains__(self, key):
        return key in self._mapping

    def __eq__(self, other):
        return self._mapping == other

    def __or__(self, other):
        return self._mapping | other

    def __ror__(self, other):
        return other | self._mapping

    def __ior__(self, other):
        raise TypeError(f"'|=' is not supported by mappingproxy; use '|' instead")

    def __str__(self):
        return str(self._mapping)

    def __repr__(self):
        return f'mappingproxy({self._mapping!r})'

    def __delitem__(self, key):
        raise TypeError("'mappingproxy' object does not support item deletion")

    def __setattr__(self, name, value):
        raise AttributeError(f"'mappingproxy' object has no attribute '{name}'")

    __hash__ = None


MappingProxyType = mappingproxy


def _f():
    pass


async def _c():
    pass


async def _ag():
    yield


def _g():
    yield


class _C:
    def m(self):
        pass


FunctionType = LambdaType = type(_f)
GeneratorType = type(_g())
_coro = _c()
CoroutineType = type(_coro)
_coro.close()
del _coro
AsyncGeneratorType = type(_ag())
MethodType = type(_C().m)
BuiltinFunctionType = BuiltinMethodType = type(len)
import sys as _sys
ModuleType = type(_sys)
NoneType = type(None)
EllipsisType = type(...)
NotImplementedType = type(NotImplemented)
GenericAlias = type(list[int])
UnionType = type(int | str)


def new_class(name, bases=(), kwds=None, exec_body=None):
    """Create a class object dynamically using the appropriate metaclass."""
    ns = {}
    if exec_body is not None:
        exec_body(ns)
    meta = (kwds or {}).get('metaclass', type)
    return meta(name, tuple(bases), ns)
'''


def natives(vm) -> dict:
    """``object.__setattr__`` for the read-only proxy's single field."""
    from .lib_support import helpers
    return {'_set': helpers('types', '_raw_setattr')['_raw_setattr']}
