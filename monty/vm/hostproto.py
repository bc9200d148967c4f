"""Host-level dunders for Monty instances, so host containers and builtins treat them right.

When a host list compares, a dict hashes, or ``repr`` walks a container holding a Monty instance,
the host calls these methods, which run the instance's Monty dunder (nested) or fall back to the
default object behaviour.
"""
from __future__ import annotations

from ..builtins import types as T
from ..objects.model import (UNBOUND, ExcInstance, Function, HOST_SUBCLASS_KINDS, Instance,
                             MClass, NativeFunction, obj_id)
from . import protocol as P
from .hashing import PRECOMPUTED
from .signals import MontyRaise


def _user_method(obj, name):
    """The Monty-defined (non-native) method ``name`` of obj's class, or None."""
    m = T.type_of(obj).lookup(name)
    if m is UNBOUND or type(m) is NativeFunction:
        return None if m is UNBOUND or type(m) is NativeFunction else m
    return m


def meta_dunder(cls: MClass, name: str):
    """A class's ``repr``/``str`` from its metaclass's Monty method, or None."""
    m = cls.meta.lookup(name)
    if type(m) is not Function:
        return None
    r = P.call_method_sync(m, cls)
    if not isinstance(r, str):
        raise TypeError(f'{name} returned non-string (type {T.type_name(r)})')
    return r


def default_repr(obj) -> str:
    cls = T.type_of(obj)
    module = cls.dict.get('__module__', cls.module)
    name = cls.qualname if module == 'builtins' else f'{module}.{cls.qualname}'
    return f'<{name} object at {hex(obj_id(obj))}>'


def inst_repr(self) -> str:
    m = _user_method(self, '__repr__')
    if m is None:
        native = T.type_of(self).lookup('__repr__')
        if type(native) is NativeFunction:
            return native.fn(self)
        return default_repr(self)
    r = P.call_method_sync(m, self)
    if type(r) is not str and not isinstance(r, str):
        raise TypeError(f'__repr__ returned non-string (type {T.type_name(r)})')
    return r


def inst_str(self) -> str:
    m = _user_method(self, '__str__')
    if m is None:
        native = T.type_of(self).lookup('__str__')
        if type(native) is NativeFunction:
            return native.fn(self)
        return inst_repr(self)
    r = P.call_method_sync(m, self)
    if not isinstance(r, str):
        raise TypeError(f'__str__ returned non-string (type {T.type_name(r)})')
    return r


def _cmp(op_index):
    def method(self, other):
        return P.monty_compare(op_index, self, other)
    return method


def inst_eq(self, other):
    m = _user_method(self, '__eq__')
    if m is None:
        mo = _user_method(other, '__eq__') if isinstance(other, P.INSTANCE_TYPES) else None
        if mo is not None:
            r = P.call_method_sync(mo, other, self)
            return False if r is NotImplemented else r
        return self is other
    r = P.call_method_sync(m, self, other)
    if r is NotImplemented:
        return self is other
    return r


def inst_ne(self, other):
    r = inst_eq(self, other)
    return not P.truthy(r)


def inst_hash(self):
    h = PRECOMPUTED.get(id(self))
    if h is not None:
        return h
    cls = T.type_of(self)
    m = cls.lookup('__hash__')
    if m is None:
        raise TypeError(f"unhashable type: '{T.error_name(cls)}'")
    if m is UNBOUND or type(m) is NativeFunction:
        if isinstance(self, HOST_SUBCLASS_KINDS):
            for base in type(self).__mro__[1:]:
                if base in (int, str, float, tuple, bytes, frozenset):
                    return base.__hash__(self)
                if base in (list, dict, set):
                    raise TypeError(f"unhashable type: '{T.error_name(cls)}'")
        return object.__hash__(self)
    r = P.call_method_sync(m, self)
    if not isinstance(r, int):
        raise TypeError('__hash__ method should return an integer')
    return int(r)   # the host folds it into a hash exactly like CPython


def inst_bool(self):
    cls = T.type_of(self)
    m = cls.lookup('__bool__')
    if m is not UNBOUND and type(m) is Function:
        r = P.call_method_sync(m, self)
        if type(r) is not bool:
            raise TypeError(f'__bool__ should return bool, returned {T.type_name(r)}')
        return r
    m = cls.lookup('__len__')
    if m is not UNBOUND and type(m) is Function:
        return inst_len(self) != 0
    if isinstance(self, HOST_SUBCLASS_KINDS):
        for base in type(self).__mro__[1:]:
            if base in (int, str, float, tuple, bytes, list, dict, set):
                return base.__bool__(self) if hasattr(base, '__bool__') else base.__len__(self) != 0
    return True


def inst_len(self):
    cls = T.type_of(self)
    m = cls.lookup('__len__')
    if m is UNBOUND:
        raise TypeError(f"object of type '{T.error_name(cls)}' has no len()")
    if type(m) is NativeFunction:
        return m.fn(self)
    r = P.call_method_sync(m, self)
    if not isinstance(r, int):
        raise TypeError(f"'{T.type_name(r)}' object cannot be interpreted as an integer")
    if r < 0:
        raise ValueError('__len__() should return >= 0')
    return r


def inst_iter(self):
    return P.iterate(self)


def inst_contains(self, item):
    return P.contains(self, item)


def inst_index(self):
    m = T.type_of(self).lookup('__index__')
    if m is UNBOUND:
        raise TypeError(f"'{T.type_name(self)}' object cannot be interpreted as an integer")
    return P.call_method_sync(m, self)


def inst_getitem(self, key):
    return P.sync(P.get_item(self, key))


def _numeric(name, conv):
    def method(self):
        m = T.type_of(self).lookup(name)
        if m is UNBOUND:
            raise TypeError(f"{conv}() argument must be a string or a real number, not "
                            f"'{T.type_name(self)}'")
        return P.call_method_sync(m, self)
    return method


def exc_repr(self) -> str:
    m = _user_method(self, '__repr__')
    if m is not None:
        return inst_repr(self)
    name = self.mcls.name
    if len(self.args) == 1:
        return f'{name}({self.args[0]!r})'
    return f'{name}{self.args!r}'


def exc_str(self) -> str:
    m = _user_method(self, '__str__')
    if m is not None:
        return inst_str(self)
    native = self.mcls.lookup('__str__')
    if type(native) is NativeFunction:
        return native.fn(self)
    return exc_base_str(self)


def exc_base_str(self) -> str:
    args = self.args
    if T.EXC_BY_NAME['KeyError'] in self.mcls.mro and len(args) == 1:
        return repr(args[0])
    if not args:
        return ''
    if len(args) == 1:
        return str(args[0])
    return str(args)


def install() -> None:
    """Attach the host dunders to the instance classes."""
    for cls in (Instance,) + HOST_SUBCLASS_KINDS:
        cls.__repr__ = inst_repr
        cls.__str__ = inst_str
        cls.__eq__ = inst_eq
        cls.__ne__ = inst_ne
        cls.__hash__ = inst_hash
        cls.__lt__ = _cmp(0)
        cls.__le__ = _cmp(1)
        cls.__gt__ = _cmp(4)
        cls.__ge__ = _cmp(5)
    Instance.__bool__ = inst_bool
    Instance.__len__ = inst_len
    Instance.__iter__ = inst_iter
    Instance.__contains__ = inst_contains
    Instance.__index__ = inst_index
    Instance.__getitem__ = inst_getitem
    Instance.__int__ = _numeric('__int__', 'int')
    Instance.__float__ = _numeric('__float__', 'float')
    ExcInstance.__repr__ = exc_repr
    ExcInstance.__str__ = exc_str
    ExcInstance.__bool__ = lambda self: True
    ExcInstance.__len__ = None
    ExcInstance.__iter__ = None


install()
_unused = (MClass, MontyRaise)
