"""Inline attribute caches: what an attribute access on an instance of a class resolves to.

An instruction remembers the plan for the last class it saw together with
``model.CLASS_VERSION[0]``; every change to any class namespace or class object bumps that
counter, so a remembered plan is never stale.  The plans mirror ``protocol.instance_getattr``
and ``protocol.generic_setattr``: whatever they do not cover is ``SLOW`` and takes the general
path, so a cache can only skip work, never change a result.
"""
from __future__ import annotations

from ..objects.model import UNBOUND, Function, MClass, NativeFunction, Property

# load plans: how ``obj.name`` resolves for instances of one class
ATTRS = 0     # no class attribute: the instance's attrs, else the general path
METHOD = 1    # a plain function: the instance's attrs, else a bound method
VALUE = 2     # a plain class value: the instance's attrs, else that value
PROPERTY = 3  # a property whose getter is a Monty function: call it
SLOW = 4      # anything else (descriptors, native attributes, ...)

# class attribute types that are never descriptors: returned as they are
PLAIN_VALUES = frozenset({int, float, complex, str, bytes, bool, type(None), tuple, frozenset,
                          list, dict, set, MClass})


def load_plan(cls: MClass, name: str) -> tuple:
    """``(plan, class attribute)`` for reading ``name`` from an instance of ``cls``."""
    if type(cls.lookup('__getattribute__')) is Function:
        return SLOW, None   # every read runs the class's own __getattribute__
    attr = cls.lookup(name)
    ta = type(attr)
    if attr is UNBOUND:
        return ATTRS, None
    if ta is Function:
        return METHOD, attr
    if ta in PLAIN_VALUES:
        return VALUE, attr
    if ta is Property and type(attr.fget) is Function:
        return PROPERTY, attr.fget
    return SLOW, None


def store_direct(cls: MClass, name: str) -> bool:
    """Whether ``obj.name = v`` on an instance of ``cls`` is just ``obj.attrs[name] = v``."""
    from ..builtins.classes import has_instance_dict
    if name == '__dict__' or type(cls.lookup('__setattr__')) is Function:
        return False
    attr = cls.lookup(name)
    if attr is not UNBOUND and type(attr) is not Function and type(attr) not in PLAIN_VALUES:
        return False
    return has_instance_dict(cls)


def method_plan(cls: MClass, name: str):
    """The plain function ``name`` resolves to on ``cls`` (for ``obj.name(...)``), or None."""
    if type(cls.lookup('__getattribute__')) is Function:
        return None
    attr = cls.lookup(name)
    return attr if type(attr) is Function else None


def native_method(cls: MClass, name: str):
    """The builtin method ``name`` of a builtin type, or None."""
    attr = cls.lookup(name)
    return attr if type(attr) is NativeFunction else None
