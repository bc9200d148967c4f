"""The host classes whose instances a snapshot may contain, with their slot layouts.

Only these are ever instantiated on load (by ``__new__``, never by calling their code).
Other parts of the engine add theirs with ``register_class``.
"""
from __future__ import annotations

from ..host.external import ExternalFunction, ExternalFuture
from ..objects import model as M
from ..vm import protocol as P
from ..vm.frame import Frame
from ..vm.generators import Generator

NEVER = (M.NativeFunction, M.NativeAttr, M.Module, M.NotImplementedType, M.MClass)
_extra: list = []
_cache: dict = {}


def register_class(cls: type) -> None:
    """Allow instances of ``cls`` (a ``__slots__`` class of the engine) in snapshots."""
    if cls not in _extra:
        _extra.append(cls)
        _cache.clear()


def class_name(cls: type) -> str:
    return f'C:{cls.__module__}.{cls.__qualname__}'


# fields added after format version 1: written last, so older records (without them) still
# line up; a record may leave out the trailing ones its class has
LATE_FIELDS = ('slotvals', 'tp_name', 'drops')


def slots_of(cls: type) -> tuple:
    """Every slot of ``cls`` along its MRO, base classes first, ``LATE_FIELDS`` at the end."""
    out = []
    for klass in reversed(cls.__mro__):
        s = klass.__dict__.get('__slots__', ())
        for name in ((s,) if isinstance(s, str) else s):
            if name not in ('__weakref__', '__dict__') and name not in out:
                out.append(name)
    late = [n for n in LATE_FIELDS if n in out]
    return tuple(n for n in out if n not in late) + tuple(late)


def field_counts(slots: tuple) -> range:
    """How many fields a record of a class with these slots may hold."""
    late = sum(1 for n in slots if n in LATE_FIELDS)
    return range(len(slots) - late, len(slots) + 1)


def _discover() -> list:
    found = [M.MClass, M.Instance, M.ExcInstance, M.Cell, M.Function, M.BoundMethod,
             M.BoundNative, M.Property, M.ClassMethod, M.StaticMethod, M.Super, Frame,
             Generator, ExternalFunction, ExternalFuture, P.SeqIter, P.GenericAlias]
    todo = list(M.MontyObject.__subclasses__())
    while todo:
        cls = todo.pop(0)
        todo.extend(cls.__subclasses__())
        if cls.__module__.startswith('monty.') and '__slots__' in cls.__dict__ and \
                not issubclass(cls, NEVER):
            found.append(cls)
    for cls in sorted(P.HOST_ITER_TYPES, key=lambda c: c.__qualname__):
        if cls.__module__.startswith('monty.') and '__slots__' in cls.__dict__:
            found.append(cls)
    return found + _extra


def object_classes() -> dict:
    """``name -> (class, slots)`` for every allowed class."""
    key = (len(P.HOST_ITER_TYPES), len(_extra))
    table = _cache.get(key)
    if table is None:
        table = {}
        for cls in _discover():
            table.setdefault(class_name(cls), (cls, slots_of(cls)))
        _cache.clear()
        _cache[key] = table
    return table


def layout_of(cls: type):
    """``(name, slots)`` for an allowed class, else None."""
    name = class_name(cls)
    entry = object_classes().get(name)
    if entry is None and cls.__module__.startswith('monty.'):
        _cache.clear()          # a module imported since the table was built may define it
        entry = object_classes().get(name)
    if entry is None or entry[0] is not cls:
        return None
    return name, entry[1]


def import_stdlib_classes() -> dict:
    """The table after importing every sandboxed module's implementation (a fixed list)."""
    import importlib
    from ..builtins.modules import REGISTRY
    for impl in REGISTRY.values():
        importlib.import_module(f'monty.builtins.modules.{impl}')
    _cache.clear()
    return object_classes()
