"""Host helpers shared by the standard-library modules written in Monty.

They do the few things Monty code may not spell itself (``object.__new__``, raw attribute
writes past a ``__setattr__``, reading a class's own namespace); each takes and returns only
values Monty code can already hold.
"""
from __future__ import annotations

from ...objects.model import MClass, NativeFunction, SlotMember
from ...vm import protocol as P
from ...vm.args import quoted_names
from .. import types as T
from ..slots import has_instance_dict, slot_delete, slot_set


def _check_class(cls) -> MClass:
    if type(cls) is not MClass:
        raise TypeError(f'expected a class, not {T.type_name(cls)}')
    return cls


def new_instance(cls):
    """``object.__new__(cls)``."""
    from ..constructors import create_instance
    return create_instance(_check_class(cls), (), None)


def tuple_new(cls, iterable=()):
    """``tuple.__new__(cls, iterable)`` for a tuple subclass."""
    from ..constructors import create_instance
    items = iterable if type(iterable) is tuple else tuple(P.iterate(iterable))
    return create_instance(_check_class(cls), (items,), None)


def _slot_member(obj, name):
    """The ``__slots__`` member ``name`` resolves to on ``obj``'s class, or None; a name that
    is neither a slot nor allowed in a slotted instance's absent ``__dict__`` raises."""
    if not isinstance(obj, P.INSTANCE_TYPES):
        return None
    cls = T.type_of(obj)
    member = cls.lookup(name)
    if type(member) is SlotMember:
        return member
    if not has_instance_dict(cls):
        raise AttributeError(f"'{T.error_name(cls)}' object has no attribute '{name}'")
    return None


def instance_attrs(obj) -> dict:
    """The attribute dict of an instance (what ``vars(obj)`` would give)."""
    attrs = getattr(obj, 'attrs', None) if isinstance(obj, P.INSTANCE_TYPES) else None
    if attrs is None:
        if isinstance(obj, P.INSTANCE_TYPES):
            obj.attrs = attrs = {}
        else:
            raise TypeError(f"'{T.type_name(obj)}' object has no instance attributes")
    return attrs


def raw_setattr(obj, name, value):
    """``object.__setattr__(obj, name, value)``: bypasses a class ``__setattr__``."""
    member = _slot_member(obj, name)
    if member is not None:
        return slot_set(member, obj, value)
    instance_attrs(obj)[name] = value


def raw_delattr(obj, name):
    """``object.__delattr__(obj, name)``."""
    member = _slot_member(obj, name)
    if member is not None:
        return slot_delete(member, obj)
    attrs = instance_attrs(obj)
    if name not in attrs:
        raise AttributeError(name)
    del attrs[name]


def class_ns(cls) -> dict:
    """A copy of a class's own namespace (``dict(cls.__dict__)``)."""
    return dict(_check_class(cls).dict)


def set_class_attr(cls, name, value):
    """``type.__setattr__(cls, name, value)``, also for dunders Monty code may not assign."""
    cls = _check_class(cls)
    if cls.native:
        raise TypeError(f"cannot set '{name}' attribute of immutable type '{T.error_name(cls)}'")
    cls.dict[name] = value


def class_mro(cls) -> tuple:
    """``cls.__mro__``."""
    return _check_class(cls).mro


def caller_module(depth: int = 1) -> str:
    """``__name__`` of the module whose code called the current function."""
    f = P.current[0].frame
    for _ in range(depth):
        if f.back is not None:
            f = f.back
    return f.globals.get('__name__', '__main__')


HELPERS = {
    '_new_instance': new_instance,
    '_tuple_new': tuple_new,
    '_instance_attrs': instance_attrs,
    '_raw_setattr': raw_setattr,
    '_raw_delattr': raw_delattr,
    '_class_ns': class_ns,
    '_class_mro': class_mro,
    '_set_class_attr': set_class_attr,
    '_caller_module': caller_module,
    '_plural_names': quoted_names,
}


def helpers(module: str, *names: str) -> dict:
    """NativeFunctions for the named helpers, to be placed in a Monty module's globals."""
    return {n: NativeFunction(n, HELPERS[n], module=module) for n in names}
