"""``__slots__``: member descriptors, their storage and whether instances get a ``__dict__``.

A slot's value lives in the instance's ``slotvals`` dict under its ``SlotMember`` (never in
``attrs``, which is the instance ``__dict__``), so a subclass with a ``__dict__`` shows only
its other attributes there, and two classes slotting the same name keep separate values.
"""
from __future__ import annotations

from ..objects.model import MClass, NativeAttr, NativeFunction, SlotMember, UNBOUND
from . import types as T

MEMBER = T.native_class('member_descriptor', SlotMember, (T.OBJECT,))
SPECIAL = ('__dict__', '__weakref__')
# builtin bases whose instances cannot hold slot values (CPython: variable-size layouts)
NO_SLOTS = ('int', 'bool', 'tuple', 'bytes')
SPECIAL_ERRORS = {'__dict__': 'we already got one',
                  '__weakref__': 'either we already got one, or __itemsize__ != 0'}


def install_slots(cls: MClass, slots) -> None:
    """Check ``cls.__slots__`` and put one member descriptor per name in the namespace."""
    from ..vm.protocol import iterate
    names = [slots] if isinstance(slots, str) else list(iterate(slots))
    for n in names:
        if not isinstance(n, str):
            raise TypeError(f"__slots__ items must be strings, not '{T.type_name(n)}'")
        if not n.isidentifier():
            raise TypeError('__slots__ must be identifiers')
    _check_special(cls, names)
    real = [_mangle(cls.name, n) for n in names if n not in SPECIAL]
    if real:
        _check_base(cls)
    for n in sorted(set(real)):
        if n in cls.dict:
            raise ValueError(f"'{n}' in __slots__ conflicts with class variable")
    for n in real:
        cls.dict[n] = SlotMember(n, cls)


def _check_special(cls: MClass, names: list) -> None:
    for special, why in SPECIAL_ERRORS.items():
        count = names.count(special)
        if count and (count > 1 or _inherits(cls, special)):
            raise TypeError(f'{special} slot disallowed: {why}')


def _inherits(cls: MClass, special: str) -> bool:
    """Whether a base already gives instances a ``__dict__`` (or ``__weakref__``)."""
    for base in cls.mro[1:]:
        if base.native:
            if base.is_exc and special == '__dict__':
                return True
            continue
        s = base.dict.get('__slots__', UNBOUND)
        if s is UNBOUND or special in _names(s):
            return True
    return False


def _check_base(cls: MClass) -> None:
    for base in cls.mro[1:]:
        if base.native and base.name in NO_SLOTS:
            raise TypeError(f"nonempty __slots__ not supported for subtype of '{T.error_name(base)}'")


def _names(s) -> tuple:
    if isinstance(s, str):
        return (s,)
    return tuple(s) if type(s) in (tuple, list) else ()


def _mangle(cls_name: str, name: str) -> str:
    """``__x`` in the slots of class ``C`` is stored as ``_C__x`` (private name mangling)."""
    if not name.startswith('__') or name.endswith('__'):
        return name
    stripped = cls_name.lstrip('_')
    return f'_{stripped}{name}' if stripped else name


def has_instance_dict(cls: MClass) -> bool:
    """False when every class in the MRO declares ``__slots__`` without ``__dict__``."""
    for k in cls.mro:
        if k.native:
            if k.is_exc:
                return True
            continue
        s = k.dict.get('__slots__', UNBOUND)
        if s is UNBOUND or '__dict__' in _names(s):
            return True
    return False


# -- the descriptor protocol of a member ----------------------------------------------------
def _check_applies(member: SlotMember, obj) -> None:
    if member.owner not in T.type_of(obj).mro:
        raise TypeError(f"descriptor '{member.name}' for '{member.owner.name}' objects "
                        f"doesn't apply to a '{T.type_name(obj)}' object")


def slot_get(member: SlotMember, obj):
    """``obj.name`` for a slot: its value, or AttributeError while unset."""
    values = getattr(obj, 'slotvals', None)
    if values is not None and member in values:
        return values[member]
    _check_applies(member, obj)
    raise AttributeError(f"'{T.type_name(obj)}' object has no attribute '{member.name}'")


def slot_set(member: SlotMember, obj, value) -> None:
    """``obj.name = value`` for a slot."""
    values = getattr(obj, 'slotvals', None)
    if values is None:
        _check_applies(member, obj)
        values = obj.slotvals = {}
    elif member not in values:
        _check_applies(member, obj)
    values[member] = value


def slot_delete(member: SlotMember, obj) -> None:
    """``del obj.name`` for a slot (CPython's message is just the name while unset)."""
    values = getattr(obj, 'slotvals', None)
    if values is None or member not in values:
        _check_applies(member, obj)
        raise AttributeError(member.name)
    del values[member]


def slot_state(obj) -> dict:
    """The slot values of ``obj`` by attribute name (what ``copy`` carries over)."""
    values = getattr(obj, 'slotvals', None)
    return {m.name: v for m, v in values.items()} if values else {}


# -- member_descriptor's namespace -----------------------------------------------------------
def _get(member, obj, owner=None):
    if obj is None:
        return member
    return slot_get(member, obj)


def _self_check(name: str, fn):
    def method(member, *args):
        if type(member) is not SlotMember:
            raise TypeError(f"descriptor '{name}' requires a 'member_descriptor' object "
                            f"but received a '{T.type_name(member)}'")
        return fn(member, *args)
    return method


def _install() -> None:
    d = MEMBER.dict
    for name, fn in (('__get__', _get), ('__set__', slot_set), ('__delete__', slot_delete)):
        d[name] = NativeFunction(name, _self_check(name, fn),
                                 self_type='member_descriptor')
    d['__name__'] = NativeAttr('__name__', lambda m: m.name)
    d['__qualname__'] = NativeAttr('__qualname__', lambda m: f'{m.owner.qualname}.{m.name}')
    d['__objclass__'] = NativeAttr('__objclass__', lambda m: m.owner)
    d['__doc__'] = None


_install()
