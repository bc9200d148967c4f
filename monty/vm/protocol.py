"""Python's data model for Monty values: attributes, operators, comparisons and conversions.

Host values take host fast paths.  Where Monty code must run (a user dunder, a property), the
functions here return a ``CallReq`` that the caller either turns into a frame (opcodes) or runs
at once with ``sync`` (host contexts such as a dict hashing a key).
"""
from __future__ import annotations

import operator

from ..builtins import types as T
from ..objects.model import (UNBOUND, BoundMethod, BoundNative, ClassMethod, ExcInstance, MontyObject,
                             Function, HOST_SUBCLASS_KINDS, Instance, MClass, Module, NativeAttr,
                             NativeFunction, Property, SlotMember, StaticMethod, Super)
from ..builtins.slots import slot_delete, slot_get, slot_set
from .signals import CallReq, MontyRaise

current = [None]   # the VM running on this thread (set by VM.run)

HOST_VALUE_TYPES = frozenset({int, float, bool, str, bytes, tuple, list, dict, set, frozenset,
                              type(None), complex, range, bytearray, type({}.keys()),
                              type({}.values()), type({}.items())})
INSTANCE_TYPES = (Instance,) + HOST_SUBCLASS_KINDS
ITEMS_VIEW = type({}.items())
SET_VIEWS = frozenset({ITEMS_VIEW, type({}.keys())})
BLOCKED_ATTRS = frozenset({'__globals__', '__code__', '__closure__', '__builtins__',
                           '__subclasses__', '__reduce__',
                           '__reduce_ex__', 'gi_frame',
                           'gi_code', 'cr_frame', 'f_back', 'f_globals', 'f_locals', 'tb_frame',
                           '__self_class__', '__getstate__', '__setstate__',
                           '__weakref__', '__sizeof__'})


def sync(r):
    """Resolve a possible CallReq by running it to completion (host recursion)."""
    if type(r) is CallReq:
        return current[0].run_request(r)
    return r


def call_sync(func, *args, **kwargs):
    """Call any Monty callable from host code and return its result."""
    return current[0].call_sync(func, args, kwargs)


# -- attribute access --------------------------------------------------------------------
def attr_or_missing(obj, name: str):
    """``obj.name`` run to completion, or UNBOUND where it raises AttributeError (host or
    Monty, subclasses included): what ``getattr(obj, name, default)`` and ``hasattr`` test."""
    try:
        return sync(get_attr(obj, name))
    except AttributeError:
        return UNBOUND
    except MontyRaise as e:
        if T.EXC_BY_NAME['AttributeError'] in e.exc.mcls.mro:
            return UNBOUND
        raise


def get_attr(obj, name: str):
    """``obj.name``: a value, or a CallReq when a property or __getattr__ must run."""
    t = type(obj)
    if t is Instance or t is ExcInstance or isinstance(obj, INSTANCE_TYPES):
        return instance_getattr(obj, name)
    if t is MClass:
        return class_getattr(obj, name)
    if t is Module:
        try:
            return obj.dict[name]
        except KeyError:
            raise AttributeError(f"module '{obj.name}' has no attribute '{name}'") from None
    if t is Super:
        return super_getattr(obj, name)
    cls = T.HOST_TYPE_MAP.get(t) or T.type_of(obj)
    attr = cls.lookup(name)
    if attr is not UNBOUND:
        return bind_native_attr(attr, obj, cls)
    getter = OBJECT_ATTRS.get(t)
    if getter is not None:
        r = getter(obj, name)
        if r is not UNBOUND:
            return r
    if name == '__class__':
        return cls
    raise AttributeError(f"'{T.error_name(cls)}' object has no attribute '{name}'")


def bind_native_attr(attr, obj, cls):
    ta = type(attr)
    if ta is NativeFunction:
        return BoundNative(obj, attr) if attr.name != '__new__' else attr
    if ta is NativeAttr:
        return attr.getter(obj)
    if ta is SlotMember:
        return slot_get(attr, obj)
    if ta is Function:
        return BoundMethod(obj, attr)
    if ta is ClassMethod:
        return BoundMethod(cls, attr.func)
    if ta is StaticMethod:
        return attr.func
    return attr


def instance_getattr(obj, name: str, fallback: bool = True):
    """Instance attribute lookup; ``fallback`` allows the class's ``__getattribute__`` override
    and ``__getattr__`` (without it, this is ``object.__getattribute__``)."""
    cls = obj.mcls if not isinstance(obj, HOST_SUBCLASS_KINDS) else T.type_of(obj)
    if fallback:
        override = cls.lookup('__getattribute__')
        if type(override) is Function:
            return _user_getattribute(obj, name, cls, override)
    attr = cls.lookup(name)
    ta = type(attr)
    if ta is Property:
        if attr.fget is None:
            raise AttributeError(f"property '{attr.name or name}' of '{cls.name}' object has no getter")
        return CallReq(attr.fget, (obj,))
    if ta is NativeAttr:
        return attr.getter(obj)
    if ta is SlotMember:
        return slot_get(attr, obj)
    if ta is Instance:
        get = descriptor_get(attr, True)
        if get is not UNBOUND:
            return method_req(get, attr, obj, cls)
    attrs = obj.attrs if type(obj) in (Instance, ExcInstance) else _host_sub_attrs(obj)
    if name in attrs:
        return attrs[name]
    if attr is not UNBOUND:
        if ta is Function:
            return BoundMethod(obj, attr)
        if ta is NativeFunction:
            return BoundNative(obj, attr) if name != '__new__' else attr
        if ta is ClassMethod:
            return BoundMethod(cls, attr.func)
        if ta is StaticMethod:
            return attr.func
        if ta is Instance:
            get = descriptor_get(attr, False)
            if get is not UNBOUND:
                return method_req(get, attr, obj, cls)
        return attr
    if name == '__class__':
        return cls
    if name == '__dict__':
        from ..builtins.classes import has_instance_dict
        if has_instance_dict(cls):
            return attrs
    hook = cls.lookup('__getattr__') if fallback else UNBOUND
    if hook is not UNBOUND:
        return method_req(hook, obj, name)
    raise AttributeError(f"'{T.error_name(cls)}' object has no attribute '{name}'")


def _user_getattribute(obj, name: str, cls, override):
    """A class's own ``__getattribute__``, then its ``__getattr__`` when that raised
    AttributeError (as frames; the attribute caches never plan for such classes)."""
    hook = cls.lookup('__getattr__')
    if hook is UNBOUND or hook is None:
        return method_req(override, obj, name)
    from ..builtins.resumable import callback_req
    return callback_req('getattribute_or_getattr', obj, name, override, hook)


def descriptor_get(attr, data_only: bool):
    """``type(attr).__get__`` when ``attr`` (a user object found on a class) is a descriptor;
    with ``data_only`` only for data descriptors (``__set__`` or ``__delete__`` too)."""
    dcls = attr.mcls
    get = dcls.lookup('__get__')
    if get is UNBOUND or not data_only:
        return get
    if dcls.lookup('__set__') is UNBOUND and dcls.lookup('__delete__') is UNBOUND:
        return UNBOUND
    return get


def _host_sub_attrs(obj) -> dict:
    """Attribute dict of an instance of a builtin-type subclass."""
    try:
        return obj.attrs
    except AttributeError:
        obj.attrs = {}
        return obj.attrs


EARLY_CLASS_ATTRS = frozenset(('__name__', '__qualname__', '__mro__', '__bases__', '__base__',
                               '__class__'))


def class_getattr(cls: MClass, name: str):
    if name in EARLY_CLASS_ATTRS:
        if name == '__class__' and cls.meta is not None:
            return cls.meta
        return CLASS_ATTRS[name](cls)
    attr = cls.lookup(name)
    if attr is not UNBOUND:
        ta = type(attr)
        if ta is ClassMethod:
            return BoundMethod(cls, attr.func)
        if ta is StaticMethod:
            return attr.func
        if ta is NativeAttr and name in CLASS_LEVEL_NATIVE:
            return attr.getter(cls)
        if ta is Instance:
            get = descriptor_get(attr, False)
            if get is not UNBOUND:
                return method_req(get, attr, None, cls)
        return attr
    special = CLASS_ATTRS.get(name)
    if special is not None:
        return special(cls)
    if cls.meta is not None:
        return meta_getattr(cls, name)
    raise AttributeError(f"type object '{T.error_name(cls)}' has no attribute '{name}'")


def meta_getattr(cls: MClass, name: str):
    """An attribute of a class found on its metaclass (methods bind to the class)."""
    meta = cls.meta
    attr = meta.lookup(name)
    ta = type(attr)
    if ta is Function:
        return BoundMethod(cls, attr)
    if ta is Property:
        return CallReq(attr.fget, (cls,))
    if ta is ClassMethod:
        return BoundMethod(meta, attr.func)
    if ta is StaticMethod:
        return attr.func
    if ta is Instance:
        get = descriptor_get(attr, False)
        if get is not UNBOUND:
            return method_req(get, attr, cls, meta)
    if ta is NativeFunction:
        return BoundNative(cls, attr)
    if attr is not UNBOUND:
        return attr
    hook = meta.lookup('__getattr__')
    if type(hook) is Function:
        return CallReq(hook, (cls, name))
    raise AttributeError(f"type object '{T.error_name(cls)}' has no attribute '{name}'")


def _class_doc(cls):
    return cls.dict.get('__doc__', cls.doc)


CLASS_ATTRS = {
    '__name__': lambda c: c.name,
    '__qualname__': lambda c: c.qualname,
    '__module__': lambda c: c.dict.get('__module__', c.module),
    '__doc__': _class_doc,
    '__class__': lambda c: T.TYPE,
    '__annotations__': lambda c: c.dict.setdefault('__annotations__', {}),
    '__mro__': lambda c: c.mro,
    '__bases__': lambda c: c.bases if c is not T.OBJECT else (),
    '__base__': lambda c: c.bases[0] if c.bases else None,
    '__dict__': lambda c: dict(c.dict),
    'mro': lambda c: BoundNative(c, TYPE_MRO),
}
CLASS_LEVEL_NATIVE = frozenset()


def _type_mro(cls):
    """``type.mro(cls)``: the linearisation as a fresh list (``__mro__`` is its tuple)."""
    if type(cls) is not MClass:
        raise TypeError(f"descriptor 'mro' for 'type' objects doesn't apply to a "
                        f"'{T.type_name(cls)}' object")
    return list(cls.mro)


TYPE_MRO = NativeFunction('mro', _type_mro, self_type='type')
T.TYPE.dict['mro'] = TYPE_MRO


def super_getattr(sup: Super, name: str):
    on_class = type(sup.obj) is MClass and sup.start in sup.obj.mro
    mro = sup.obj.mro if on_class else T.type_of(sup.obj).mro
    try:
        start = mro.index(sup.start) + 1
    except ValueError:
        start = len(mro)
    for klass in mro[start:]:
        if name in klass.dict:
            attr = klass.dict[name]
            ta = type(attr)
            if ta is Instance:
                get = descriptor_get(attr, False)
                if get is not UNBOUND:
                    return method_req(get, attr, None if on_class else sup.obj,
                                      sup.obj if on_class else T.type_of(sup.obj))
                return attr
            if on_class:
                if ta is ClassMethod:
                    return BoundMethod(sup.obj, attr.func)
                if ta is StaticMethod:
                    return attr.func
                if ta is NativeFunction and name == '__new__':
                    return attr
                return attr
            if ta is Function:
                return BoundMethod(sup.obj, attr)
            if ta is NativeFunction:
                return BoundNative(sup.obj, attr)
            if ta is ClassMethod:
                return BoundMethod(T.type_of(sup.obj), attr.func)
            if ta is StaticMethod:
                return attr.func
            if ta is Property:
                return CallReq(attr.fget, (sup.obj,))
            if ta is NativeAttr:
                return attr.getter(sup.obj)
            if ta is SlotMember:
                return slot_get(attr, sup.obj)
            return attr
    raise AttributeError(f"'super' object has no attribute '{name}'")


def set_attr(obj, name: str, value):
    """``obj.name = value``: None, or a CallReq for a property setter / __setattr__."""
    t = type(obj)
    if t is Instance or t is ExcInstance or isinstance(obj, INSTANCE_TYPES):
        cls = T.type_of(obj)
        hook = cls.lookup('__setattr__')
        if type(hook) is Function:
            return CallReq(hook, (obj, name, value), post='discard')
        return generic_setattr(obj, name, value, cls)
    if t is MClass:
        meta = obj.meta
        if meta is not None:
            hook = meta.lookup('__setattr__')
            if type(hook) is Function:
                return CallReq(hook, (obj, name, value), post='discard')
        return class_setattr(obj, name, value)
    if t is Function:
        return _set_function_attr(obj, name, value)
    if t is Module:
        obj.dict[name] = value
        return None
    cls = T.type_of(obj)
    if cls.lookup(name) is not UNBOUND:
        if type(cls.lookup(name)) is NativeAttr:
            raise AttributeError(f"attribute '{name}' of '{T.error_name(cls)}' objects is not writable")
        raise AttributeError(f"'{T.error_name(cls)}' object attribute '{name}' is read-only")
    raise AttributeError(f"'{T.error_name(cls)}' object has no attribute '{name}'")


def class_setattr(obj: MClass, name: str, value):
    """``type.__setattr__``: store in the class namespace (builtin types are immutable)."""
    if obj.native:
        raise TypeError(f"cannot set '{name}' attribute of immutable type '{T.error_name(obj)}'")
    if name == '__name__':
        obj.name = value
    elif name == '__qualname__':
        obj.qualname = value
    elif name == '__doc__':
        obj.doc = value
        obj.dict['__doc__'] = value
    else:
        obj.dict[name] = value
    return None


def class_delattr(obj: MClass, name: str):
    """``type.__delattr__``."""
    if obj.native:
        raise TypeError(f"cannot delete '{name}' attribute of immutable type '{T.error_name(obj)}'")
    if name not in obj.dict:
        raise AttributeError(f"type object '{T.error_name(obj)}' has no attribute '{name}'")
    del obj.dict[name]
    return None


def as_call_result(r):
    """A set/delete effect (None or a 'discard' request) as a call's value: None."""
    if type(r) is CallReq and r.post == 'discard':
        return CallReq(r.func, r.args, r.kwargs, 'none')
    return r


def generic_setattr(obj, name: str, value, cls: MClass):
    """``object.__setattr__``: data descriptors, then the instance's attributes."""
    attr = cls.lookup(name)
    ta = type(attr)
    if ta is Property:
        if attr.fset is None:
            raise AttributeError(f"property '{attr.name or name}' of '{cls.name}' object "
                                 f"has no setter")
        return CallReq(attr.fset, (obj, value), post='discard')
    if ta is NativeAttr and attr.setter is not None:
        attr.setter(obj, value)
        return None
    if ta is SlotMember:
        return slot_set(attr, obj, value)
    if ta is Instance:
        setter = attr.mcls.lookup('__set__')
        if setter is not UNBOUND:
            return method_req(setter, attr, obj, value, post='discard')
    attrs = obj.attrs if type(obj) in (Instance, ExcInstance) else _host_sub_attrs(obj)
    if name not in attrs:
        from ..builtins.classes import has_instance_dict
        if not has_instance_dict(cls):
            raise _no_dict_error(cls, name, attr)
        if name == '__dict__':
            return _replace_dict(obj, value)
    attrs[name] = value
    return None


def _no_dict_error(cls: MClass, name: str, attr) -> AttributeError:
    """Storing or deleting a name that is no slot on an instance without ``__dict__``."""
    if attr is UNBOUND:
        return AttributeError(f"'{T.error_name(cls)}' object has no attribute '{name}'")
    return AttributeError(f"'{T.error_name(cls)}' object attribute '{name}' is read-only")


def _replace_dict(obj, value):
    if type(value) is not dict:
        raise TypeError(f"__dict__ must be set to a dictionary, not a '{T.type_name(value)}'")
    obj.attrs = value
    return None


def generic_delattr(obj, name: str, cls: MClass):
    """``object.__delattr__``: data descriptors, then the instance's attributes."""
    attr = cls.lookup(name)
    ta = type(attr)
    if ta is Property:
        if attr.fdel is None:
            raise AttributeError(f"property '{attr.name or name}' of '{cls.name}' object "
                                 f"has no deleter")
        return CallReq(attr.fdel, (obj,), post='discard')
    if ta is SlotMember:
        return slot_delete(attr, obj)
    if ta is Instance:
        deleter = attr.mcls.lookup('__delete__')
        if deleter is not UNBOUND:
            return method_req(deleter, attr, obj, post='discard')
    attrs = obj.attrs if type(obj) in (Instance, ExcInstance) else _host_sub_attrs(obj)
    if name not in attrs:
        if attr is not UNBOUND:
            from ..builtins.classes import has_instance_dict
            if not has_instance_dict(cls):
                raise _no_dict_error(cls, name, attr)
        raise AttributeError(f"'{T.error_name(cls)}' object has no attribute '{name}'")
    del attrs[name]
    return None


def _set_function_attr(fn: Function, name: str, value):
    if name == '__name__':
        fn.name = value
    elif name == '__qualname__':
        fn.qualname = value
    elif name == '__doc__':
        fn.doc = value
    elif name == '__module__':
        fn.module = value
    elif name in BLOCKED_ATTRS:
        raise AttributeError(f"'function' object attribute '{name}' is read-only")
    else:
        if fn.attrs is None:
            fn.attrs = {}
        fn.attrs[name] = value
    return None


def del_attr(obj, name: str):
    t = type(obj)
    if t is Instance or t is ExcInstance or isinstance(obj, INSTANCE_TYPES):
        cls = T.type_of(obj)
        hook = cls.lookup('__delattr__')
        if type(hook) is Function:
            return CallReq(hook, (obj, name), post='discard')
        return generic_delattr(obj, name, cls)
    if t is MClass and not obj.native:
        meta = obj.meta
        if meta is not None:
            hook = meta.lookup('__delattr__')
            if type(hook) is Function:
                return CallReq(hook, (obj, name), post='discard')
        return class_delattr(obj, name)
    if t is Function and fn_has_attr(obj, name):
        del obj.attrs[name]
        return None
    raise AttributeError(f"'{T.type_name(obj)}' object has no attribute '{name}'")


def fn_has_attr(fn: Function, name: str) -> bool:
    return fn.attrs is not None and name in fn.attrs


def _function_attr(fn: Function, name: str):
    if fn.attrs is not None and name in fn.attrs:
        return fn.attrs[name]
    getter = FUNCTION_ATTRS.get(name)
    if getter is not None:
        return getter(fn)
    return UNBOUND


FUNCTION_ATTRS = {
    '__name__': lambda f: f.name,
    '__qualname__': lambda f: f.qualname,
    '__doc__': lambda f: f.doc,
    '__module__': lambda f: f.module,
    '__defaults__': lambda f: f.defaults or None,
    '__kwdefaults__': lambda f: dict(f.kwdefaults) if f.kwdefaults else None,
    '__annotations__': lambda f: _function_annotations(f),
    '__dict__': lambda f: f.attrs if f.attrs is not None else {},
    '__class__': lambda f: T.FUNCTION,
}


def _function_annotations(fn: Function) -> dict:
    if fn.annotations is None:
        fn.annotations = {}
    return fn.annotations


def _bound_method_attr(m: BoundMethod, name: str):
    if name == '__self__':
        return m.self
    if name == '__func__':
        return m.func
    if name == '__class__':
        return T.METHOD
    if name in BLOCKED_ATTRS:
        return UNBOUND
    return get_attr(m.func, name)


def _native_attr(fn: NativeFunction, name: str):
    if name in ('__name__', '__qualname__'):
        return fn.name
    if name == '__doc__':
        return fn.doc
    if name == '__module__':
        return fn.module or ('builtins' if fn.self_type is None else None)
    return UNBOUND


def _bound_native_attr(m: BoundNative, name: str):
    if name == '__self__':
        return m.self
    if name in ('__name__', '__qualname__'):
        return m.func.name
    return UNBOUND


def _property_attr(p: Property, name: str):
    if name == 'fget':
        return p.fget
    if name == 'fset':
        return p.fset
    if name == 'fdel':
        return p.fdel
    if name == '__doc__':
        return p.doc
    if name == '__isabstractmethod__':
        return any(_is_abstract(f) for f in (p.fget, p.fset, p.fdel))
    if name in ('getter', 'setter', 'deleter'):
        return BoundNative(p, PROPERTY_METHODS[name])
    return UNBOUND


def _wrapper_attr(w, name: str):
    if name == '__func__':
        return w.func
    if name == '__isabstractmethod__':
        return _is_abstract(w.func)
    if name in ('__name__', '__qualname__', '__doc__', '__wrapped__'):
        return get_attr(w.func, name) if name != '__wrapped__' else w.func
    return UNBOUND


def _is_abstract(f) -> bool:
    """Whether ``f`` is marked by ``abc.abstractmethod`` (looked through wrappers, as CPython)."""
    if f is None:
        return False
    t = type(f)
    if t is Property:
        return any(_is_abstract(g) for g in (f.fget, f.fset, f.fdel))
    if t is ClassMethod or t is StaticMethod:
        return _is_abstract(f.func)
    attrs = getattr(f, 'attrs', None)
    return type(attrs) is dict and truthy(attrs.get('__isabstractmethod__', False))


def _prop_copy(p: Property, **changes) -> Property:
    q = Property(p.fget, p.fset, p.fdel, p.doc)
    q.name = p.name
    for k, v in changes.items():
        setattr(q, k, v)
    return q


PROPERTY_METHODS = {
    'getter': NativeFunction('getter', lambda p, f: _prop_copy(p, fget=f), self_type='property'),
    'setter': NativeFunction('setter', lambda p, f: _prop_copy(p, fset=f), self_type='property'),
    'deleter': NativeFunction('deleter', lambda p, f: _prop_copy(p, fdel=f),
                              self_type='property'),
}

OBJECT_ATTRS = {
    Function: _function_attr,
    BoundMethod: _bound_method_attr,
    NativeFunction: _native_attr,
    BoundNative: _bound_native_attr,
    Property: _property_attr,
    ClassMethod: _wrapper_attr,
    StaticMethod: _wrapper_attr,
}


def has_attr_type(obj, name):
    """Attribute lookup that resolves CallReqs synchronously (for hasattr/getattr)."""
    return sync(get_attr(obj, name))


# -- operators -------------------------------------------------------------------------------
BINOP_FUNCS = [operator.add, operator.sub, operator.mul, operator.truediv, operator.floordiv,
               operator.mod, operator.pow, operator.lshift, operator.rshift, operator.and_,
               operator.or_, operator.xor, operator.matmul]
BINOP_SYMBOLS = ['+', '-', '*', '/', '//', '%', '** or pow()', '<<', '>>', '&', '|', '^', '@']
BINOP_DUNDERS = ['add', 'sub', 'mul', 'truediv', 'floordiv', 'mod', 'pow', 'lshift', 'rshift',
                 'and', 'or', 'xor', 'matmul']
INPLACE_FUNCS = [operator.iadd, operator.isub, operator.imul, operator.itruediv,
                 operator.ifloordiv, operator.imod, operator.ipow, operator.ilshift,
                 operator.irshift, operator.iand, operator.ior, operator.ixor, operator.imatmul]
INPLACE_SYMBOLS = ['+=', '-=', '*=', '/=', '//=', '%=', '**=', '<<=', '>>=', '&=', '|=', '^=',
                   '@=']


def is_plain(v) -> bool:
    return type(v) in HOST_VALUE_TYPES


def binary_op(op: int, a, b, inplace: bool = False):
    """``a <op> b`` with CPython's dispatch; host values use host operators."""
    ta, tb = type(a), type(b)
    if ta in HOST_VALUE_TYPES and tb in HOST_VALUE_TYPES:
        check_size(op, a, b)
        if ta in SET_VIEWS or tb in SET_VIEWS:
            from .hashing import guard_view_operands
            guard_view_operands(a, b)
        if op == 5 and (ta is str or ta is bytes or ta is bytearray):
            return percent_format(a, b)
        if inplace:
            return INPLACE_FUNCS[op](a, b)
        return BINOP_FUNCS[op](a, b)
    return monty_binary(op, a, b, inplace)


percent_format = operator.mod   # ``str % values``; set by builtins.formatting


def check_size(op: int, a, b) -> None:
    vm = current[0]
    if vm is not None and vm.tracker is not None:
        vm.tracker.check_binop(op, a, b)


def check_printable(x) -> None:
    """Before the host prints a container: its expansion must fit the run's limits."""
    vm = current[0]
    if vm is not None and vm.tracker is not None and type(x) in PRINTABLE_CONTAINERS:
        vm.tracker.check_printable(x)


PRINTABLE_CONTAINERS = frozenset({list, tuple, dict, set, frozenset})


def check_range(x) -> None:
    """Before a range is materialised (``list(range(n))``, ``bytes(range(n))``): its size."""
    vm = current[0]
    if type(x) is range and vm is not None and vm.tracker is not None:
        try:
            n = len(x)
        except OverflowError:
            n = 1 << 64
        if n > 512:
            vm.tracker.check_alloc(n * 8)


def monty_binary(op: int, a, b, inplace: bool):
    """Dunder dispatch for ``a <op> b``: a value, or a CallReq when a Monty dunder runs."""
    from .dispatch import binary
    return binary(op, a, b, inplace)


def call_method_sync(meth, self_, *args):
    """Call a method found on a class with an explicit receiver."""
    tm = type(meth)
    if tm is NativeFunction:
        if meth.needs_vm:
            return sync(meth.fn(current[0], self_, *args))
        return sync(meth.fn(self_, *args))
    if tm is Function:
        return current[0].call_sync(meth, (self_,) + args, None)
    if tm is StaticMethod:
        return call_sync(meth.func, *args)
    if tm is ClassMethod:
        return call_sync(meth.func, T.type_of(self_), *args)
    return call_sync(meth, self_, *args)


def method_req(meth, self_, *args, post=None, state=None):
    """A CallReq for ``meth(self_, *args)``, or the result at once for natives."""
    tm = type(meth)
    if tm is NativeFunction:
        r = meth.fn(current[0], self_, *args) if meth.needs_vm else meth.fn(self_, *args)
        if post is not None and type(r) is not CallReq:
            from .posts import POSTS
            return POSTS[post](current[0], r, state)
        return r
    if tm is StaticMethod:
        return CallReq(meth.func, args, None, post, state)
    if tm is ClassMethod:
        return CallReq(meth.func, (T.type_of(self_),) + args, None, post, state)
    return CallReq(meth, (self_,) + args, None, post, state)


UNARY_DUNDERS = ['__neg__', '__pos__', '__invert__']
UNARY_FUNCS = [operator.neg, operator.pos, operator.invert]
UNARY_SYMBOLS = ['unary -', 'unary +', 'unary ~']


def unary_op(op: int, a):
    if type(a) in HOST_VALUE_TYPES:
        return UNARY_FUNCS[op](a)
    cls = T.type_of(a)
    m = cls.lookup(UNARY_DUNDERS[op])
    if m is UNBOUND or m is None:
        raise TypeError(f"bad operand type for {UNARY_SYMBOLS[op]}: '{T.error_name(cls)}'")
    return method_req(m, a)


CMP_FUNCS = [operator.lt, operator.le, operator.eq, operator.ne, operator.gt, operator.ge]
CMP_DUNDERS = ['__lt__', '__le__', '__eq__', '__ne__', '__gt__', '__ge__']
CMP_REFLECT = [4, 5, 2, 3, 0, 1]
CMP_SYMBOLS = ['<', '<=', '==', '!=', '>', '>=']


def compare(op: int, a, b):
    ta, tb = type(a), type(b)
    if ta in HOST_VALUE_TYPES and tb in HOST_VALUE_TYPES:
        return CMP_FUNCS[op](a, b)
    return monty_compare(op, a, b)


def monty_compare(op: int, a, b):
    """Rich comparison through dunders, evaluated now (see ``dispatch.compare`` for frames)."""
    from .dispatch import compare
    return sync(compare(op, a, b))


OBJECT_EQ = UNBOUND   # filled by the object type table


def contains(container, item) -> bool:
    t = type(container)
    if t in HOST_VALUE_TYPES:
        return item in container
    cls = T.type_of(container)
    m = cls.lookup('__contains__')
    if m is not UNBOUND:
        return truthy(call_method_sync(m, container, item))
    if cls.lookup('__iter__') is UNBOUND and cls.lookup('__getitem__') is UNBOUND:
        raise TypeError(f"argument of type '{T.error_name(cls)}' is not iterable")
    for x in iterate(container):
        if x is item or x == item:
            return True
    return False


def truthy(v) -> bool:
    t = type(v)
    if t is bool:
        return v
    if t in HOST_VALUE_TYPES:
        return bool(v)
    return bool(v)


# -- iteration ------------------------------------------------------------------------------
def get_iter(obj):
    """``iter(obj)``: a host iterator, a Monty generator, or a CallReq for ``__iter__``."""
    t = type(obj)
    if t in HOST_VALUE_TYPES or t in HOST_ITER_TYPES:
        return iter(obj)
    from .generators import Generator
    if t is Generator:
        return obj
    cls = T.type_of(obj)
    m = cls.lookup('__iter__')
    if m is not UNBOUND and m is not None:
        return method_req(m, obj, post='check_iter')
    g = cls.lookup('__getitem__')
    if g is not UNBOUND and g is not None:
        return SeqIter(obj)
    if isinstance(obj, HOST_SUBCLASS_KINDS):
        return iter(obj)
    raise TypeError(f"'{T.error_name(cls)}' object is not iterable")


class SeqIter:
    """The old-style iterator over an object with only ``__getitem__``."""
    __slots__ = ('obj', 'i')

    def __init__(self, obj):
        self.obj = obj
        self.i = 0

    def __iter__(self):
        return self

    def __next__(self):
        from .signals import MontyRaise
        cls = T.type_of(self.obj)
        try:
            v = call_method_sync(cls.lookup('__getitem__'), self.obj, self.i)
        except MontyRaise as e:
            if e.exc.mcls.is_subclass(T.EXC_BY_NAME['IndexError']) or \
                    e.exc.mcls.is_subclass(T.EXC_BY_NAME['StopIteration']):
                raise StopIteration from None
            raise
        self.i += 1
        return v


HOST_ITER_TYPES = set()
for _it in (iter([]), iter(()), iter(''), iter({}), iter(set()), iter(range(0)), iter(b''),
            iter({}.values()), iter({}.items()), reversed([]), reversed(range(0)),
            reversed({}), iter(range(1 << 70)), zip(), enumerate([]), map(abs, []),
            filter(None, []), {}.keys(), {}.values(), {}.items(), iter(bytearray()),
            reversed(()), iter(frozenset()), reversed({}.items()), reversed({}.values()),
            reversed({}.keys()), iter({}.keys()), iter(bytes()), iter(set())):
    HOST_ITER_TYPES.add(type(_it))
HOST_ITER_TYPES.add(SeqIter)


def iterate(obj):
    """A host iterator over any Monty iterable (Monty code runs nested where needed)."""
    it = sync(get_iter(obj))
    t = type(it)
    if t in HOST_ITER_TYPES:
        vm = current[0]
        if vm is not None and vm.tracker is not None:
            return _ticking(it, vm.tracker)
        return it
    if t.__name__ == 'Generator':
        return _gen_iter(it)
    return _monty_iter(it)


def _ticking(it, tracker):
    """Items of a host iterator, counted by the tracker so a long builtin loop stays bounded."""
    tick = tracker.tick
    for v in it:
        tick()
        yield v


def _gen_iter(gen):
    vm = current[0]
    while True:
        try:
            yield vm.gen_next_sync(gen)
        except StopIteration:
            return


def _monty_iter(it):
    cls = T.type_of(it)
    m = cls.lookup('__next__')
    if m is UNBOUND:
        raise TypeError(f"iter() returned non-iterator of type '{T.error_name(cls)}'")
    from .signals import MontyRaise
    while True:
        try:
            v = call_method_sync(m, it)
        except StopIteration:     # a native iterator's __next__ (map, filter, ...) is done
            return
        except MontyRaise as e:
            if e.exc.mcls.is_subclass(T.EXC_BY_NAME['StopIteration']):
                return
            raise
        yield v


def next_value(it):
    """``next(it)`` for any iterator; raises host StopIteration when exhausted."""
    t = type(it)
    if t in HOST_ITER_TYPES:
        return next(it)
    if t.__name__ == 'Generator':
        return current[0].gen_next_sync(it)
    cls = T.type_of(it)
    m = cls.lookup('__next__')
    if m is UNBOUND:
        raise TypeError(f"'{T.error_name(cls)}' object is not an iterator")
    from .signals import MontyRaise
    try:
        return call_method_sync(m, it)
    except MontyRaise as e:
        if T.EXC_BY_NAME['StopIteration'] in e.exc.mcls.mro:
            raise StopIteration(*e.exc.args) from None
        raise


# -- subscripts ------------------------------------------------------------------------------
SEQ_INDEX_MESSAGES = {list: 'list indices must be integers or slices, not {}',
                      tuple: 'tuple indices must be integers or slices, not {}',
                      str: "string indices must be integers, not '{}'",
                      bytes: 'byte indices must be integers or slices, not {}',
                      bytearray: 'bytearray indices must be integers or slices, not {}',
                      range: 'range indices must be integers or slices, not {}'}


def index_error(obj, key, err: TypeError) -> TypeError:
    """CPython's message for a host sequence indexed by an object without ``__index__`` (our
    instances all carry a host ``__index__``, which words the error for ``int()`` instead)."""
    fmt = SEQ_INDEX_MESSAGES.get(type(obj))
    if fmt is None:
        return err
    if type(key) is slice:
        parts = (key.start, key.stop, key.step)
        if any(isinstance(p, MontyObject) and T.type_of(p).lookup('__index__') is UNBOUND
               for p in parts):
            return TypeError('slice indices must be integers or None or have an __index__ '
                             'method')
        return err
    if isinstance(key, MontyObject) and T.type_of(key).lookup('__index__') is UNBOUND:
        return TypeError(fmt.format(T.type_name(key)))
    return err


def get_item(obj, key):
    t = type(obj)
    if t in HOST_VALUE_TYPES:
        try:
            return obj[key]
        except TypeError as e:
            raise index_error(obj, key, e) from None
    cls = T.type_of(obj)
    if t is MClass:
        return class_getitem(obj, key)
    m = cls.lookup('__getitem__')
    if m is UNBOUND or m is None:
        raise TypeError(f"'{T.error_name(cls)}' object is not subscriptable")
    return method_req(m, obj, key)


def class_getitem(cls: MClass, key):
    """``cls[key]``: the metaclass's ``__getitem__``, else ``__class_getitem__``."""
    if cls.meta is not None:
        m = cls.meta.lookup('__getitem__')
        if m is not UNBOUND and m is not None:
            return method_req(m, cls, key)
    m = cls.lookup('__class_getitem__')
    if m is not UNBOUND:
        if type(m) is ClassMethod:
            return call_req_or_value(m.func, cls, key)
        return method_req(m, cls, key)
    if cls.native or cls.module != '__main__':
        return GenericAlias(cls, key)
    raise TypeError(f"type '{T.error_name(cls)}' is not subscriptable")


def call_req_or_value(func, *args):
    """Call ``func`` (a Monty function or a native) as a request."""
    if type(func) is NativeFunction:
        return func.fn(current[0], *args) if func.needs_vm else func.fn(*args)
    return CallReq(func, args)


class GenericAlias:
    """``list[int]`` and friends: inert, printable, callable like the origin."""
    __slots__ = ('origin', 'args')

    def __init__(self, origin, args):
        self.origin = origin
        self.args = args if isinstance(args, tuple) else (args,)

    def __repr__(self):
        from ..builtins.unions import type_repr
        args = ', '.join(type_repr(a) for a in self.args) if self.args else '()'
        return f"{type_repr(self.origin)}[{args}]"


def set_item(obj, key, value):
    t = type(obj)
    if t in HOST_VALUE_TYPES:
        obj[key] = value
        return None
    cls = T.type_of(obj)
    m = cls.lookup('__setitem__')
    if m is UNBOUND or m is None:
        raise TypeError(f"'{T.error_name(cls)}' object does not support item assignment")
    return method_req(m, obj, key, value, post='discard')


def del_item(obj, key):
    t = type(obj)
    if t in HOST_VALUE_TYPES:
        del obj[key]
        return None
    cls = T.type_of(obj)
    m = cls.lookup('__delitem__')
    if m is UNBOUND or m is None:
        raise TypeError(f"'{T.error_name(cls)}' object doesn't support item deletion")
    return method_req(m, obj, key, post='discard')


def is_callable(obj) -> bool:
    t = type(obj)
    if t in (Function, NativeFunction, BoundMethod, BoundNative, MClass):
        return True
    if isinstance(obj, INSTANCE_TYPES):
        return T.type_of(obj).lookup('__call__') is not UNBOUND
    return False
