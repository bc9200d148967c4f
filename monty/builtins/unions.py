"""``int | str`` (``types.UnionType``) and the attributes of ``list[int]`` (``types.GenericAlias``).

Both are inert descriptions of types: printable, comparable, hashable and usable with
``isinstance`` (unions only), holding nothing but Monty-visible values.
"""
from __future__ import annotations

from ..objects.model import MClass, MontyObject, NativeAttr, NativeFunction
from ..vm import protocol as P
from . import types as T

NONE_TYPE = T.NONETYPE


class UnionType(MontyObject):
    """``X | Y``: the union of its member types, in first-seen order."""
    __slots__ = ('args', 'mid')

    def __init__(self, args: tuple):
        self.args = args
        self.mid = 0

    def __repr__(self) -> str:
        return ' | '.join(type_repr(a) for a in self.args)

    def __eq__(self, other) -> bool:
        return type(other) is UnionType and set(self.args) == set(other.args)

    def __hash__(self) -> int:
        return hash(frozenset(self.args))


def type_repr(t) -> str:
    """How a type prints inside a union or a generic alias (``int``, ``None``, ``m.C``)."""
    if t is NONE_TYPE or t is None:
        return 'None'
    if type(t) is MClass:
        return t.qualname if t.module == 'builtins' else f'{t.module}.{t.qualname}'
    if t is Ellipsis:
        return '...'
    return P.sync(__import__('monty.builtins.constructors', fromlist=['x']).to_repr(
        P.current[0], t))


def _is_union_arg(x) -> bool:
    return x is None or type(x) in (MClass, UnionType, P.GenericAlias)


def make_union(a, b):
    """``a | b`` for types, ``None``, unions and generic aliases; NotImplemented otherwise."""
    if not (_is_union_arg(a) and _is_union_arg(b)):
        return NotImplemented
    out = []
    for x in (a, b):
        for y in (x.args if type(x) is UnionType else (x,)):
            y = NONE_TYPE if y is None else y
            if y not in out:
                out.append(y)
    if len(out) == 1:
        return out[0]
    return UnionType(tuple(out))


def _or(a, b):
    return make_union(a, b)


def _ror(a, b):
    return make_union(b, a)


def _eq(a, b):
    if type(b) is not type(a):
        return NotImplemented
    return a == b if type(a) is UnionType else (a.origin is b.origin and a.args == b.args)


def _instancecheck(cls, obj):
    if type(cls) is not MClass:
        raise TypeError("descriptor '__instancecheck__' requires a 'type' object")
    return cls in T.type_of(obj).mro


def _subclasscheck(cls, sub):
    if type(cls) is not MClass or type(sub) is not MClass:
        raise TypeError('issubclass() arg 1 must be a class')
    return cls in sub.mro


def install() -> MClass:
    """Register ``types.UnionType`` and give ``type`` and ``GenericAlias`` their operators."""
    cls = T.native_class('UnionType', UnionType, (T.OBJECT,), module='types')
    alias = T.host_type_class(P.GenericAlias)
    alias.module = 'types'
    for klass in (cls, alias, T.TYPE):
        klass.dict['__or__'] = NativeFunction('__or__', _or, self_type=klass.name)
        klass.dict['__ror__'] = NativeFunction('__ror__', _ror, self_type=klass.name)
    for klass in (cls, alias):
        klass.dict['__eq__'] = NativeFunction('__eq__', _eq, self_type=klass.name)
    cls.dict['__args__'] = NativeAttr('__args__', lambda u: u.args)
    alias.dict['__args__'] = NativeAttr('__args__', lambda g: g.args)
    alias.dict['__origin__'] = NativeAttr('__origin__', lambda g: g.origin)
    T.TYPE.dict['__instancecheck__'] = NativeFunction('__instancecheck__', _instancecheck,
                                                      self_type='type')
    T.TYPE.dict['__subclasscheck__'] = NativeFunction('__subclasscheck__', _subclasscheck,
                                                      self_type='type')
    return cls


UNION_TYPE = install()
