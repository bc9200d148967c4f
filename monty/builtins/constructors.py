"""Calling the builtin types: ``int(x)``, ``str(x)``, ``list(it)``, ``dict(...)``, ... and
creating instances of user classes (including subclasses of builtin types)."""
from __future__ import annotations

from ..objects.model import (UNBOUND, ClassMethod, ExcInstance, Function, HOST_SUBCLASS_KINDS,
                             Instance, MClass, Property, StaticMethod, Super)
from ..vm import protocol as P
from ..vm.signals import CallReq
from . import classes, types as T
from .resumable import callback_req, plain_iterable
from .textconv import repr_req, str_req

NATIVE_CTORS: dict = {}


def ctor(cls: MClass):
    def deco(fn):
        NATIVE_CTORS[cls] = fn
        return fn
    return deco


def create_instance(cls: MClass, args=(), kwargs=None):
    """A fresh, uninitialised instance of ``cls`` (the work of ``object.__new__``)."""
    kind = cls.instance_kind
    if kind is Instance:
        return Instance(cls)
    if kind is ExcInstance:
        if T.EXC_BY_NAME['OSError'] in cls.mro:
            from .os_errors import new_os_error
            return new_os_error(cls, tuple(args))
        if T.EXC_BY_NAME['BaseExceptionGroup'] in cls.mro:
            from .exception_groups import group_new
            return group_new(cls, *args)
        return ExcInstance(cls, tuple(args))
    if kind in (T.INT.instance_kind, ) or kind.__name__ in ('IntInstance', 'FloatInstance',
                                                          'StrInstance', 'TupleInstance',
                                                          'BytesInstance'):
        base = kind.__mro__[1]
        value = NATIVE_CTORS[T.HOST_TYPE_MAP[base]](P.current[0], *args, **(kwargs or {}))
        value = P.sync(value)
        inst = kind(value)
        inst.mcls = cls
        inst.attrs = {}
        inst.mid = 0
        return inst
    inst = kind()
    inst.mcls = cls
    inst.attrs = {}
    inst.mid = 0
    return inst


def _iterable_items(vm, x) -> list:
    t = type(x)
    if t in (list, tuple, str, range, dict, set, frozenset, bytes):
        P.check_range(x)
        return x
    return list(P.iterate(x))


@ctor(T.INT)
def make_int(vm, x=0, base=UNBOUND):
    if base is not UNBOUND:
        if not isinstance(x, (str, bytes, bytearray)):
            raise TypeError("int() can't convert non-string with explicit base")
        return int(x, base)
    t = type(x)
    if t is int:
        return x
    if t in (float, str, bool, bytes, bytearray):
        return int(x)
    if isinstance(x, HOST_SUBCLASS_KINDS) and isinstance(x, (int, float, str)):
        cls = T.type_of(x)
        m = cls.lookup('__int__')
        if type(m) is Function:
            return CallReq(m, (x,))
        return int(x)
    cls = T.type_of(x)
    for name in ('__int__', '__index__', '__trunc__'):
        m = cls.lookup(name)
        if m is not UNBOUND:
            return P.method_req(m, x, post='conversion', state=name)
    raise TypeError(f"int() argument must be a string, a bytes-like object or a real number, "
                    f"not '{T.error_name(cls)}'")


@ctor(T.FLOAT)
def make_float(vm, x=0.0):
    t = type(x)
    if t in (float, int, str, bool, bytes, bytearray):
        return float(x)
    cls = T.type_of(x)
    m = cls.lookup('__float__')
    if m is not UNBOUND:
        return P.method_req(m, x, post='conversion', state=f'{T.error_name(cls)}.__float__')
    m = cls.lookup('__index__')
    if m is not UNBOUND:
        return float(P.call_method_sync(m, x))
    if isinstance(x, (int, float, str)):
        return float(x)
    raise TypeError(f"float() argument must be a string or a real number, not '{T.error_name(cls)}'")


_COMPLEX_ARGS = ('first argument must be a string or a number', 'second argument must be a number')


@ctor(T.COMPLEX)
def make_complex(vm, *args, **kwargs):
    for value, what in zip(args, _COMPLEX_ARGS):
        if type(value) not in P.HOST_VALUE_TYPES and not isinstance(value, (int, float, str)):
            cls = T.type_of(value)
            if all(cls.lookup(m) is UNBOUND for m in ('__complex__', '__float__', '__index__')):
                raise TypeError(f"complex() {what}, not '{T.error_name(cls)}'")
    return complex(*args, **kwargs)


@ctor(T.BOOL)
def make_bool(vm, x=False):
    return P.truthy(x)


def to_str(vm, x):
    """``str(x)``: host str for host values, a CallReq when Monty code computes the text."""
    from .textconv import str_req
    return str_req(x)


def to_repr(vm, x):
    """``repr(x)``: host repr for host values, a CallReq when Monty code computes the text."""
    from .textconv import repr_req
    return repr_req(x)


@ctor(T.STR)
def make_str(vm, x=UNBOUND, encoding=UNBOUND, errors=UNBOUND):
    if x is UNBOUND:
        return ''
    if encoding is not UNBOUND or errors is not UNBOUND:
        kw = {}
        if encoding is not UNBOUND:
            kw['encoding'] = encoding
        if errors is not UNBOUND:
            kw['errors'] = errors
        return str(x, **kw)
    return to_str(vm, x)


@ctor(T.BYTES)
def make_bytes(vm, x=b'', encoding=UNBOUND, errors=UNBOUND):
    if isinstance(x, str):
        if encoding is UNBOUND:
            raise TypeError('string argument without an encoding')
        return bytes(x, encoding, *(() if errors is UNBOUND else (errors,)))
    if isinstance(x, int):
        if vm.tracker is not None:
            vm.tracker.check_alloc(x)
        return bytes(x)
    if type(x) in (bytes, bytearray, list, tuple, range):
        P.check_range(x)
        return bytes(x)
    return bytes(list(P.iterate(x)))


@ctor(T.BYTEARRAY)
def make_bytearray(vm, *args):
    if args and type(args[0]) is int and vm.tracker is not None:
        vm.tracker.check_alloc(args[0])
    if args:
        P.check_range(args[0])
    return bytearray(*args)


def _resumable(x, name: str):
    """A CallReq for the Monty implementation when iterating ``x`` may run Monty code."""
    if plain_iterable(x):
        return None
    return callback_req(name, x)


@ctor(T.LIST)
def make_list(vm, x=UNBOUND):
    if x is UNBOUND:
        return []
    return _resumable(x, 'list_of') or list(_iterable_items(vm, x))


@ctor(T.TUPLE)
def make_tuple(vm, x=UNBOUND):
    if x is UNBOUND:
        return ()
    if type(x) is tuple:
        return x
    return _resumable(x, 'tuple_of') or tuple(_iterable_items(vm, x))


@ctor(T.SET)
def make_set(vm, x=UNBOUND):
    if x is UNBOUND:
        return set()
    return _resumable(x, 'set_of') or _hashed_set(vm, set, 'set_of', x)


@ctor(T.FROZENSET)
def make_frozenset(vm, x=UNBOUND):
    if x is UNBOUND:
        return frozenset()
    return _resumable(x, 'frozenset_of') or _hashed_set(vm, frozenset, 'frozenset_of', x)


def _hashed_set(vm, host: type, name: str, x):
    """``host(x)``, or the Monty ``name`` when an item's ``__hash__`` is Monty code (a set or
    dict source keeps its stored hashes, as in CPython)."""
    if isinstance(x, (set, frozenset)) or type(x) is dict:
        return host(x)
    from .resumable import callback_req, monty_hashed
    items = list(_iterable_items(vm, x))
    if monty_hashed(items):
        return callback_req(name, items)
    return host(items)


def mapping_items(x):
    """(key, value) pairs of a mapping-like Monty value (``keys()`` + ``__getitem__``)."""
    if isinstance(x, dict):
        return list(x.items())
    cls = T.type_of(x)
    keys = cls.lookup('keys')
    if keys is UNBOUND:
        raise TypeError(f"'{T.error_name(cls)}' object is not a mapping")
    ks = P.call_method_sync(keys, x)
    return [(k, P.sync(P.get_item(x, k))) for k in P.iterate(ks)]


def dict_from(x) -> list:
    if isinstance(x, dict):
        return list(x.items())
    cls = T.type_of(x)
    if cls.lookup('keys') is not UNBOUND:
        return mapping_items(x)
    out = []
    for i, item in enumerate(P.iterate(x)):
        out.append(dict_pair(item, i))
    return out


def dict_pair(item, i: int):
    """Element ``i`` of a ``dict()`` argument as a key/value list, checked like CPython."""
    try:
        pair = list(item) if type(item) in (tuple, list) else list(P.iterate(item))
    except TypeError:
        raise TypeError(f"cannot convert dictionary update sequence element #{i} to a "
                        f"sequence") from None
    if len(pair) != 2:
        raise ValueError(f'dictionary update sequence element #{i} has length {len(pair)}; '
                         f'2 is required')
    return pair


def has_keys(x) -> bool:
    """Whether ``dict(x)`` treats ``x`` as a mapping."""
    return T.type_of(x).lookup('keys') is not UNBOUND


@ctor(T.DICT)
def make_dict(vm, *args, **kwargs):
    if len(args) > 1:
        raise TypeError(f'dict expected at most 1 argument, got {len(args)}')
    d = {}
    if args and not isinstance(args[0], dict):
        from .resumable import callback_req, plain_iterable
        if not plain_iterable(args[0]):
            if kwargs:
                return callback_req('dict_update', d, args[0], post='dict_kwargs', state=kwargs)
            return callback_req('dict_update', d, args[0])
    if args:
        pairs = dict_from(args[0])
        from .resumable import callback_req, monty_hashed
        if monty_hashed([p[0] for p in pairs]):
            return callback_req('dict_update', d, pairs, post='dict_kwargs', state=kwargs)
        for k, v in pairs:
            d[k] = v
    d.update(kwargs)
    return d


@ctor(T.RANGE)
def make_range(vm, *args):
    if not args:
        raise TypeError('range expected at least 1 argument, got 0')
    if len(args) > 3:
        raise TypeError(f'range expected at most 3 arguments, got {len(args)}')
    return range(*[_index(a) for a in args])


def _index(a):
    if type(a) is int or type(a) is bool:
        return a
    if isinstance(a, int):
        return int(a)
    cls = T.type_of(a)
    m = cls.lookup('__index__')
    if m is UNBOUND:
        raise TypeError(f"'{T.error_name(cls)}' object cannot be interpreted as an integer")
    return P.call_method_sync(m, a)


@ctor(T.SLICE)
def make_slice(vm, *args):
    return slice(*args)


@ctor(T.OBJECT)
def make_object(vm, *args, **kwargs):
    if args or kwargs:
        raise TypeError('object() takes no arguments')
    return Instance(T.OBJECT)


NATIVE_CTORS[T.TYPE] = classes.make_type


@ctor(T.PROPERTY)
def make_property(vm, fget=None, fset=None, fdel=None, doc=None):
    p = Property(fget, fset, fdel, doc)
    if doc is None and fget is not None:
        p.doc = getattr(fget, 'doc', None)
    return p


@ctor(T.CLASSMETHOD)
def make_classmethod(vm, func):
    return ClassMethod(func)


@ctor(T.STATICMETHOD)
def make_staticmethod(vm, func):
    return StaticMethod(func)


@ctor(T.SUPER)
def make_super(vm, *args):
    if len(args) == 2:
        return Super(args[0], args[1])
    if args:
        raise TypeError('super() takes 0 or 2 arguments in this implementation')
    f = vm.frame
    code = f.code
    if '__class__' not in code.freevars or code.argcount == 0 and not code.flags & 1:
        raise RuntimeError('super(): no arguments')
    slot = len(code.varnames) + len(code.cellvars) + code.freevars.index('__class__')
    cls = f.locals[slot].v
    if code.argcount:
        first = f.locals[0]
    else:
        first = f.locals[code.argcount + code.kwonlycount][0]
    if type(first).__name__ == 'Cell':
        first = first.v
    if cls is UNBOUND:
        raise RuntimeError('super(): empty __class__ cell')
    return Super(cls, first)
