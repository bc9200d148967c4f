"""Python's data model for Monty values: attributes, operators, comparisons and conversions.

Host values take host fast paths.  Where Monty code must run (a user dunder, a property), the
functions here return a ``CallReq`` that the caller either turns into a frame (opcodes) or runs
at once with ``sync`` (host contexts such as a dict hashing a key).
"""
from __future__ import annotations

import operator

from ..builtins import types as T
from ..objects.model import (UNBOUND, BoundMethod, BoundNative, ClassMethod, ExcInstance,
                             Function, HOST_SUBCLASS_KINDS, Instance, MClass, Module, NativeAttr,
                             NativeFunction, Property, StaticMethod, Super)
from .signals import CallReq

current = [None]   # the VM running on this thread (set by VM.run)

HOST_VALUE_TYPES = frozenset({int, float, bool, str, bytes, tuple, list, dict, set, frozenset,
                              type(None), complex, range, bytearray, type({}.keys()),
                              type({}.values()), type({}.items())})
INSTANCE_TYPES = (Instance,) + HOST_SUBCLASS_KINDS
BLOCKED_ATTRS = frozenset({'__globals__', '__code__', '__closure__', '__builtins__',
                           '__subclasses__', '__reduce__',
                           '__reduce_ex__', '__getattribute__', '__dict__', 'gi_frame',
                           'gi_code', 'cr_frame', 'f_back', 'f_globals', 'f_locals', 'tb_frame',
                           '__self_class__', '__init_subclass__', '__new__',
                           '__setattr__', '__delattr__', '__getstate__', '__setstate__',
                           '__weakref__', '__sizeof__', '__class_getitem__', 'mro'})


def sync(r):
    """Resolve a possible CallReq by running it to completion (host recursion)."""
    if type(r) is CallReq:
        return current[0].run_request(r)
    return r


def call_sync(func, *args, **kwargs):
    """Call any Monty callable from host code and return its result."""
    return current[0].call_sync(func, args, kwargs)


# -- attribute access --------------------------------------------------------------------
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
    raise AttributeError(f"'{cls.name}' object has no attribute '{name}'")


def bind_native_attr(attr, obj, cls):
    ta = type(attr)
    if ta is NativeFunction:
        return BoundNative(obj, attr)
    if ta is NativeAttr:
        return attr.getter(obj)
    if ta is Function:
        return BoundMethod(obj, attr)
    if ta is ClassMethod:
        return BoundMethod(cls, attr.func)
    if ta is StaticMethod:
        return attr.func
    return attr


def instance_getattr(obj, name: str):
    cls = obj.mcls if not isinstance(obj, HOST_SUBCLASS_KINDS) else T.type_of(obj)
    attr = cls.lookup(name)
    ta = type(attr)
    if ta is Property:
        if attr.fget is None:
            raise AttributeError(f"property '{attr.name or name}' of '{cls.name}' object has no getter")
        return CallReq(attr.fget, (obj,))
    if ta is NativeAttr:
        return attr.getter(obj)
    attrs = obj.attrs if type(obj) in (Instance, ExcInstance) else _host_sub_attrs(obj)
    if name in attrs:
        return attrs[name]
    if attr is not UNBOUND:
        if ta is Function:
            return BoundMethod(obj, attr)
        if ta is NativeFunction:
            return BoundNative(obj, attr)
        if ta is ClassMethod:
            return BoundMethod(cls, attr.func)
        if ta is StaticMethod:
            return attr.func
        return attr
    if name == '__class__':
        return cls
    if name == '__dict__':
        return attrs
    hook = cls.lookup('__getattr__')
    if hook is not UNBOUND:
        return CallReq(hook, (obj, name))
    raise AttributeError(f"'{cls.name}' object has no attribute '{name}'")


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
        return attr
    special = CLASS_ATTRS.get(name)
    if special is not None:
        return special(cls)
    raise AttributeError(f"type object '{cls.name}' has no attribute '{name}'")


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
}
CLASS_LEVEL_NATIVE = frozenset()


def super_getattr(sup: Super, name: str):
    mro = T.type_of(sup.obj).mro if not isinstance(sup.obj, MClass) else sup.obj.mro
    try:
        start = mro.index(sup.start) + 1
    except ValueError:
        start = len(mro)
    for klass in mro[start:]:
        if name in klass.dict:
            attr = klass.dict[name]
            ta = type(attr)
            if isinstance(sup.obj, MClass):
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
            return attr
    raise AttributeError(f"'super' object has no attribute '{name}'")


def set_attr(obj, name: str, value):
    """``obj.name = value``: None, or a CallReq for a property setter / __setattr__."""
    t = type(obj)
    if t is Instance or t is ExcInstance or isinstance(obj, INSTANCE_TYPES):
        cls = T.type_of(obj)
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
        hook = cls.lookup('__setattr__')
        if hook is not UNBOUND and type(hook) is Function:
            return CallReq(hook, (obj, name, value), post='discard')
        if cls.lookup('__slots_frozen__') is not UNBOUND:
            pass
        attrs = obj.attrs if t in (Instance, ExcInstance) else _host_sub_attrs(obj)
        attrs[name] = value
        return None
    if t is MClass:
        if obj.native:
            raise TypeError(f"cannot set '{name}' attribute of immutable type '{obj.name}'")
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
    if t is Function:
        return _set_function_attr(obj, name, value)
    if t is Module:
        obj.dict[name] = value
        return None
    cls = T.type_of(obj)
    if cls.lookup(name) is not UNBOUND:
        if type(cls.lookup(name)) is NativeAttr:
            raise AttributeError(f"attribute '{name}' of '{cls.name}' objects is not writable")
        raise AttributeError(f"'{cls.name}' object attribute '{name}' is read-only")
    raise AttributeError(f"'{cls.name}' object has no attribute '{name}'")


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
        attr = cls.lookup(name)
        if type(attr) is Property:
            if attr.fdel is None:
                raise AttributeError(f"property '{attr.name or name}' of '{cls.name}' object "
                                     f"has no deleter")
            return CallReq(attr.fdel, (obj,), post='discard')
        hook = cls.lookup('__delattr__')
        if hook is not UNBOUND and type(hook) is Function:
            return CallReq(hook, (obj, name), post='discard')
        attrs = obj.attrs if t in (Instance, ExcInstance) else _host_sub_attrs(obj)
        if name not in attrs:
            raise AttributeError(f"'{cls.name}' object has no attribute '{name}'")
        del attrs[name]
        return None
    if t is MClass and not obj.native:
        if name not in obj.dict:
            raise AttributeError(f"type object '{obj.name}' has no attribute '{name}'")
        del obj.dict[name]
        return None
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
    '__annotations__': lambda f: f.annotations if f.annotations is not None else {},
    '__dict__': lambda f: f.attrs if f.attrs is not None else {},
    '__class__': lambda f: T.FUNCTION,
}


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
    if name in ('getter', 'setter', 'deleter'):
        return BoundNative(p, PROPERTY_METHODS[name])
    return UNBOUND


def _wrapper_attr(w, name: str):
    if name == '__func__':
        return w.func
    if name in ('__name__', '__qualname__', '__doc__', '__wrapped__'):
        return get_attr(w.func, name) if name != '__wrapped__' else w.func
    return UNBOUND


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
        if inplace:
            return INPLACE_FUNCS[op](a, b)
        return BINOP_FUNCS[op](a, b)
    return monty_binary(op, a, b, inplace)


def check_size(op: int, a, b) -> None:
    vm = current[0]
    if vm is not None and vm.tracker is not None:
        vm.tracker.check_binop(op, a, b)


def monty_binary(op: int, a, b, inplace: bool):
    name = BINOP_DUNDERS[op]
    ca, cb = T.type_of(a), T.type_of(b)
    if inplace:
        im = ca.lookup(f'__i{name}__')
        if im is not UNBOUND and im is not None:
            r = call_method_sync(im, a, b)
            if r is not NotImplemented:
                return r
    lm = ca.lookup(f'__{name}__')
    rm = cb.lookup(f'__r{name}__') if cb is not ca else UNBOUND
    if rm is not UNBOUND and cb is not ca and ca in cb.mro and rm is not ca.lookup(f'__r{name}__'):
        r = call_method_sync(rm, b, a)
        if r is not NotImplemented:
            return r
        rm = UNBOUND
    if type(lm) is NativeFunction and type(a) in HOST_VALUE_TYPES:
        lm = UNBOUND
    if lm is not UNBOUND and lm is not None:
        r = call_method_sync(lm, a, b)
        if r is not NotImplemented:
            return r
    if rm is not UNBOUND and rm is not None:
        r = call_method_sync(rm, b, a)
        if r is not NotImplemented:
            return r
    sym = INPLACE_SYMBOLS[op] if inplace else BINOP_SYMBOLS[op]
    ta = type(a)
    if op == 2 and ta in (list, tuple, str, bytes):
        raise TypeError(f"can't multiply sequence by non-int of type '{cb.name}'")
    if op == 0 and ta in (list, tuple, str, bytes):
        raise TypeError(f'can only concatenate {ca.name} (not "{cb.name}") to {ca.name}')
    raise TypeError(f"unsupported operand type(s) for {sym}: '{ca.name}' and '{cb.name}'")


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
        raise TypeError(f"bad operand type for {UNARY_SYMBOLS[op]}: '{cls.name}'")
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
    ca, cb = T.type_of(a), T.type_of(b)
    rop = CMP_REFLECT[op]
    tried_reflected = False
    if cb is not ca and ca in cb.mro:
        rm = cb.lookup(CMP_DUNDERS[rop])
        if rm is not UNBOUND and rm is not None and rm is not ca.lookup(CMP_DUNDERS[rop]):
            r = call_method_sync(rm, b, a)
            tried_reflected = True
            if r is not NotImplemented:
                return r
    lm = ca.lookup(CMP_DUNDERS[op])
    if lm is not UNBOUND and lm is not None:
        r = call_method_sync(lm, a, b)
        if r is not NotImplemented:
            return r
    if not tried_reflected:
        rm = cb.lookup(CMP_DUNDERS[rop])
        if rm is not UNBOUND and rm is not None:
            r = call_method_sync(rm, b, a)
            if r is not NotImplemented:
                return r
    if op == 2:
        return a is b
    if op == 3:
        if lm is not UNBOUND:
            eq = ca.lookup('__eq__')
            if eq is not UNBOUND and eq is not OBJECT_EQ:
                r = call_method_sync(eq, a, b)
                if r is not NotImplemented:
                    return not truthy(r)
        return a is not b
    raise TypeError(f"'{CMP_SYMBOLS[op]}' not supported between instances of "
                    f"'{ca.name}' and '{cb.name}'")


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
        raise TypeError(f"argument of type '{cls.name}' is not iterable")
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
    raise TypeError(f"'{cls.name}' object is not iterable")


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
        return it
    if t.__name__ == 'Generator':
        return _gen_iter(it)
    return _monty_iter(it)


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
        raise TypeError(f"iter() returned non-iterator of type '{cls.name}'")
    from .signals import MontyRaise
    while True:
        try:
            v = call_method_sync(m, it)
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
        raise TypeError(f"'{cls.name}' object is not an iterator")
    from .signals import MontyRaise
    try:
        return call_method_sync(m, it)
    except MontyRaise as e:
        if T.EXC_BY_NAME['StopIteration'] in e.exc.mcls.mro:
            raise StopIteration(*e.exc.args) from None
        raise


# -- subscripts ------------------------------------------------------------------------------
def get_item(obj, key):
    t = type(obj)
    if t in HOST_VALUE_TYPES:
        return obj[key]
    cls = T.type_of(obj)
    if t is MClass:
        m = cls.lookup('__class_getitem__') if False else obj.lookup('__class_getitem__')
        if m is not UNBOUND:
            return method_req(m.func if type(m) is ClassMethod else m, obj, key)
        return GenericAlias(obj, key)
    m = cls.lookup('__getitem__')
    if m is UNBOUND or m is None:
        raise TypeError(f"'{cls.name}' object is not subscriptable")
    return method_req(m, obj, key)


class GenericAlias:
    """``list[int]`` and friends: inert, printable, callable like the origin."""
    __slots__ = ('origin', 'args')

    def __init__(self, origin, args):
        self.origin = origin
        self.args = args if isinstance(args, tuple) else (args,)

    def __repr__(self):
        def name(a):
            if isinstance(a, MClass):
                return a.name if a.module == 'builtins' else f'{a.module}.{a.qualname}'
            return repr(a)
        return f"{name(self.origin)}[{', '.join(name(a) for a in self.args)}]"


def set_item(obj, key, value):
    t = type(obj)
    if t in HOST_VALUE_TYPES:
        obj[key] = value
        return None
    cls = T.type_of(obj)
    m = cls.lookup('__setitem__')
    if m is UNBOUND or m is None:
        raise TypeError(f"'{cls.name}' object does not support item assignment")
    return method_req(m, obj, key, value, post='discard')


def del_item(obj, key):
    t = type(obj)
    if t in HOST_VALUE_TYPES:
        del obj[key]
        return None
    cls = T.type_of(obj)
    m = cls.lookup('__delitem__')
    if m is UNBOUND or m is None:
        raise TypeError(f"'{cls.name}' object doesn't support item deletion")
    return method_req(m, obj, key, post='discard')


def is_callable(obj) -> bool:
    t = type(obj)
    if t in (Function, NativeFunction, BoundMethod, BoundNative, MClass):
        return True
    if isinstance(obj, INSTANCE_TYPES):
        return T.type_of(obj).lookup('__call__') is not UNBOUND
    return False
