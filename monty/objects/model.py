"""Monty's own object kinds: classes, instances, functions, methods, cells and modules.

Immutable primitives (int, float, bool, None, str, bytes, tuple) and the mutable containers
(list, dict, set) are host values; everything else Monty code can see is one of these classes,
whose attributes are reached only through the VM's explicit lookup rules.
"""
from __future__ import annotations

import itertools
import secrets


class _Unbound:
    """Marker for an unassigned local, cell or slot."""
    __slots__ = ()

    def __repr__(self) -> str:
        return '<unbound>'


UNBOUND = _Unbound()
_ids = itertools.count(1)


def next_object_id() -> int:
    """A stable, per-process fake address for default reprs (never a host address)."""
    return 0x7F0000000000 + 16 * next(_ids)


_ID_BITS = 45
_ID_MASK = (1 << _ID_BITS) - 1
# per-process keys of the permutation hiding host addresses (multipliers are odd)
_ID_KEYS = tuple(secrets.randbits(_ID_BITS) | (i & 1) for i in range(4))


def host_value_id(obj) -> int:
    """Monty's id() of a host value: its host address through a keyed permutation, so ids stay
    unique among live objects without revealing the host's memory layout.  An aligned
    address gives 8 more than a multiple of 16, any other an odd number: never a counter id."""
    h = id(obj)
    x = h >> 3
    if h & 7 or x > _ID_MASK:
        return ((h ^ _ID_KEYS[0]) << 1) | 1
    k0, k1, k2, k3 = _ID_KEYS
    x = ((x ^ k0) * k1) & _ID_MASK
    x ^= x >> 23
    x = ((x ^ k2) * k3) & _ID_MASK
    return (x << 4) | 8


class MontyObject:
    """Base of every Monty-specific object kind."""
    __slots__ = ()


# Bumped by every change to any class namespace or class object: attribute caches compare it.
CLASS_VERSION = [0]


class ClassDict(dict):
    """A class namespace: reads are plain dict reads, every mutation bumps ``CLASS_VERSION``."""
    __slots__ = ()

    def __setitem__(self, key, value):
        CLASS_VERSION[0] += 1
        dict.__setitem__(self, key, value)

    def __delitem__(self, key):
        CLASS_VERSION[0] += 1
        dict.__delitem__(self, key)

    def __ior__(self, other):
        CLASS_VERSION[0] += 1
        return dict.__ior__(self, other)

    def pop(self, *args):
        CLASS_VERSION[0] += 1
        return dict.pop(self, *args)

    def popitem(self):
        CLASS_VERSION[0] += 1
        return dict.popitem(self)

    def setdefault(self, key, default=None):
        CLASS_VERSION[0] += 1
        return dict.setdefault(self, key, default)

    def update(self, *args, **kwargs):
        CLASS_VERSION[0] += 1
        dict.update(self, *args, **kwargs)

    def clear(self):
        CLASS_VERSION[0] += 1
        dict.clear(self)


class MClass(MontyObject):
    """A Monty type object: user classes and the builtin types alike."""
    __slots__ = ('name', 'qualname', 'module', 'bases', 'mro', 'dict', 'host_type',
                 'instance_kind', 'is_exc', 'native', 'mid', 'doc', 'final', 'meta', 'tp_name')

    def __init__(self, name: str, bases: tuple = (), ns: dict | None = None, *,
                 module: str = 'builtins', host_type: type | None = None, native: bool = False):
        self.name = name
        self.qualname = name
        self.module = module
        self.bases = bases
        self.dict = ClassDict(ns) if ns is not None else ClassDict()
        self.host_type = host_type
        self.native = native
        self.mid = 0
        self.doc = None
        self.final = False
        self.meta = None          # the metaclass when it is not ``type``
        self.tp_name = None       # the name error messages show, when not ``name`` (C types)
        self.mro = compute_mro(self)
        self.is_exc = any(c.name == 'BaseException' and c.native for c in self.mro)
        self.instance_kind = _instance_kind(self)

    def __setattr__(self, name: str, value) -> None:
        # any change to a class (its MRO, bases, namespace) invalidates attribute caches
        if name == 'dict' and type(value) is not ClassDict:
            value = ClassDict(value)
        CLASS_VERSION[0] += 1
        object.__setattr__(self, name, value)

    def lookup(self, name: str):
        """Find ``name`` along the MRO, or UNBOUND."""
        for klass in self.mro:
            d = klass.dict
            if name in d:
                return d[name]
        return UNBOUND

    def is_subclass(self, other: 'MClass') -> bool:
        return other in self.mro

    def __repr__(self) -> str:
        if self.meta is not None:
            from ..vm.hostproto import meta_dunder
            r = meta_dunder(self, '__repr__')
            if r is not None:
                return r
        if self.module == 'builtins':
            return f"<class '{self.qualname}'>"
        return f"<class '{self.module}.{self.qualname}'>"

    def __str__(self) -> str:
        if self.meta is not None:
            from ..vm.hostproto import meta_dunder
            r = meta_dunder(self, '__str__')
            if r is not None:
                return r
        return self.__repr__()

    __hash__ = object.__hash__      # the C slot: classes key many hot dicts

    def __eq__(self, other) -> bool:
        return self is other

    def __lt__(self, other):
        return NotImplemented


def _instance_kind(cls: MClass):
    """The host class used for instances: a plain Instance or a builtin-subclass variant."""
    for klass in cls.mro:
        if klass.native and klass.host_type is not None:
            if klass.host_type in INSTANCE_KINDS:
                return INSTANCE_KINDS[klass.host_type]
            if klass.host_type is MClass:
                return MClass     # a metaclass: its instances are classes
    if cls.is_exc:
        return ExcInstance
    return Instance


def compute_mro(cls: MClass) -> tuple:
    """C3 linearisation, raising TypeError like CPython when it is inconsistent."""
    if not cls.bases:
        return (cls,)
    seqs = [list(b.mro) for b in cls.bases] + [list(cls.bases)]
    result = [cls]
    while True:
        seqs = [s for s in seqs if s]
        if not seqs:
            return tuple(result)
        for seq in seqs:
            head = seq[0]
            if not any(head in s[1:] for s in seqs):
                break
        else:
            names = ', '.join(b.name for b in _first_heads(seqs))
            raise TypeError('Cannot create a consistent method resolution\n'
                            f'order (MRO) for bases {names}')
        result.append(head)
        for s in seqs:
            if s[0] is head:
                del s[0]


def _first_heads(seqs):
    seen = []
    for s in seqs:
        if s[0] not in seen:
            seen.append(s[0])
    return seen


class Instance(MontyObject):
    """An instance of a user-defined class (attributes live in ``attrs``; ``__slots__`` values
    in ``slotvals``, a dict keyed by their ``SlotMember``, absent until the first one is set)."""
    __slots__ = ('mcls', 'attrs', 'mid', 'slotvals', '__weakref__')

    def __init__(self, mcls: MClass):
        self.mcls = mcls
        self.attrs = {}
        self.mid = 0


class ExcInstance(Instance):
    """An exception instance: args plus the chaining and traceback state."""
    __slots__ = ('args', 'cause', 'context', 'suppress', 'tb', 'notes')

    def __init__(self, mcls: MClass, args: tuple = ()):
        Instance.__init__(self, mcls)
        self.args = args
        self.cause = None
        self.context = None
        self.suppress = False
        self.tb = []
        self.notes = None


class ListInstance(list):
    """Instance of a user class deriving from list."""
    __slots__ = ('mcls', 'attrs', 'mid', 'slotvals')


class DictInstance(dict):
    """Instance of a user class deriving from dict."""
    __slots__ = ('mcls', 'attrs', 'mid', 'slotvals')


class SetInstance(set):
    """Instance of a user class deriving from set."""
    __slots__ = ('mcls', 'attrs', 'mid', 'slotvals')


class IntInstance(int):
    """Instance of a user class deriving from int (attributes in the host __dict__)."""


class FloatInstance(float):
    """Instance of a user class deriving from float."""


class StrInstance(str):
    """Instance of a user class deriving from str."""


class TupleInstance(tuple):
    """Instance of a user class deriving from tuple (e.g. namedtuple)."""


class BytesInstance(bytes):
    """Instance of a user class deriving from bytes."""


INSTANCE_KINDS = {list: ListInstance, dict: DictInstance, set: SetInstance, int: IntInstance,
                  float: FloatInstance, str: StrInstance, tuple: TupleInstance,
                  bytes: BytesInstance}
HOST_SUBCLASS_KINDS = tuple(INSTANCE_KINDS.values())


class Cell(MontyObject):
    """A closure cell."""
    __slots__ = ('v',)

    def __init__(self, v=UNBOUND):
        self.v = v


class Function(MontyObject):
    """A function defined in Monty code."""
    __slots__ = ('code', 'globals', 'defaults', 'kwdefaults', 'closure', 'name', 'qualname',
                 'doc', 'module', 'attrs', 'annotations', 'mid')

    def __init__(self, code, globals_: dict, defaults: tuple = (), kwdefaults=None,
                 closure: tuple = (), qualname: str | None = None):
        self.code = code
        self.globals = globals_
        self.defaults = defaults
        self.kwdefaults = kwdefaults
        self.closure = closure
        self.name = code.name
        self.qualname = qualname or code.qualname
        self.doc = code.doc
        self.module = globals_.get('__name__', '__main__')
        self.attrs = None
        self.annotations = None
        self.mid = 0

    def __repr__(self) -> str:
        return f'<function {self.qualname} at {hex(obj_id(self))}>'


class BoundMethod(MontyObject):
    """A function bound to an instance (or a class, for classmethods)."""
    __slots__ = ('self', 'func', 'mid')

    def __init__(self, self_, func):
        self.self = self_
        self.func = func
        self.mid = 0

    def __eq__(self, other):
        return (isinstance(other, BoundMethod) and other.self is self.self
                and other.func is self.func)

    def __hash__(self):
        return hash((id(self.self), id(self.func)))

    def __repr__(self) -> str:
        return f'<bound method {method_qualname(self.func)} of {self.self!r}>'


def method_qualname(func) -> str:
    """The name a bound method's repr shows: its function's qualified name, else its name."""
    for attr in ('qualname', 'name'):
        name = getattr(func, attr, None)
        if type(name) is str:
            return name
    return '?'


class NativeFunction(MontyObject):
    """A builtin function or method implemented on the host.

    ``fn`` is called with plain positional/keyword arguments, preceded by the VM when
    ``needs_vm`` is set.  ``self_name`` names the type for builtin methods.
    """
    __slots__ = ('name', 'fn', 'needs_vm', 'self_type', 'mid', 'doc', 'module')

    def __init__(self, name: str, fn, needs_vm: bool = False, self_type=None, doc=None,
                 module: str | None = None):
        self.name = name
        self.fn = fn
        self.needs_vm = needs_vm
        self.self_type = self_type
        self.mid = 0
        self.doc = doc
        self.module = module

    def __repr__(self) -> str:
        if self.self_type is not None:
            return f"<method '{self.name}' of '{self.self_type}' objects>"
        return f'<built-in function {self.name}>'


class BoundNative(MontyObject):
    """A builtin method bound to its receiver."""
    __slots__ = ('self', 'func', 'mid')

    def __init__(self, self_, func: NativeFunction):
        self.self = self_
        self.func = func
        self.mid = 0

    def __repr__(self) -> str:
        from ..builtins.types import type_name
        return (f'<built-in method {self.func.name} of {type_name(self.self)} object '
                f'at {hex(obj_id(self.self))}>')

    def __eq__(self, other):
        return (isinstance(other, BoundNative) and other.self is self.self
                and other.func is self.func)

    def __hash__(self):
        return hash((id(self.self), id(self.func)))


class Property(MontyObject):
    """The ``property`` descriptor."""
    __slots__ = ('fget', 'fset', 'fdel', 'doc', 'mid', 'name')

    def __init__(self, fget=None, fset=None, fdel=None, doc=None):
        self.fget = fget
        self.fset = fset
        self.fdel = fdel
        self.doc = doc
        self.mid = 0
        self.name = None


class ClassMethod(MontyObject):
    """The ``classmethod`` wrapper."""
    __slots__ = ('func', 'mid')

    def __init__(self, func):
        self.func = func
        self.mid = 0


class StaticMethod(MontyObject):
    """The ``staticmethod`` wrapper."""
    __slots__ = ('func', 'mid')

    def __init__(self, func):
        self.func = func
        self.mid = 0


class Super(MontyObject):
    """The object returned by ``super()``."""
    __slots__ = ('start', 'obj', 'mid')

    def __init__(self, start: MClass, obj):
        self.start = start
        self.obj = obj
        self.mid = 0


class Module(MontyObject):
    """A sandboxed module: a name and a namespace."""
    __slots__ = ('name', 'dict', 'mid')

    def __init__(self, name: str, ns: dict | None = None):
        self.name = name
        self.dict = ns if ns is not None else {}
        self.dict.setdefault('__name__', name)
        self.mid = 0

    def __repr__(self) -> str:
        return f"<module '{self.name}' (built-in)>"


class NotImplementedType(MontyObject):
    """Singleton type whose only value is host NotImplemented (kept for typing tables)."""
    __slots__ = ()


def obj_id(obj) -> int:
    """Monty's id(): a stable counter for our objects, the host id for host values."""
    mid = getattr(obj, 'mid', None) if isinstance(obj, MontyObject) else None
    if mid is None:
        if isinstance(obj, HOST_SUBCLASS_KINDS):
            d = obj.__dict__ if hasattr(obj, '__dict__') else None
            if d is not None:
                if 'mid' not in d or not d['mid']:
                    d['mid'] = next_object_id()
                return d['mid']
            if not getattr(obj, 'mid', 0):
                obj.mid = next_object_id()
            return obj.mid
        return host_value_id(obj)
    if not mid:
        mid = next_object_id()
        obj.mid = mid
    return mid


class SlotMember(MontyObject):
    """The descriptor of one ``__slots__`` name of a user class (a ``member_descriptor``)."""
    __slots__ = ('name', 'owner', 'mid')

    def __init__(self, name: str, owner: MClass):
        self.name = name
        self.owner = owner
        self.mid = 0

    def __repr__(self) -> str:
        return f"<member '{self.name}' of '{self.owner.name}' objects>"

    # A snapshot of an instance of a library class (rebuilt by name on load) brings its own
    # copy of the member: it must find the slot values the class's member keys.
    def __eq__(self, other) -> bool:
        return self is other or (type(other) is SlotMember and other.owner is self.owner
                                 and other.name == self.name)

    def __hash__(self) -> int:
        return hash((id(self.owner), self.name))


class NativeAttr(MontyObject):
    """A computed attribute of a builtin type (like ``int.real`` or ``BaseException.args``)."""
    __slots__ = ('name', 'getter', 'setter', 'mid')

    def __init__(self, name: str, getter, setter=None):
        self.name = name
        self.getter = getter
        self.setter = setter
        self.mid = 0

    def __repr__(self) -> str:
        return f"<attribute '{self.name}'>"
