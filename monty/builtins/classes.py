"""Class creation: metaclass choice, ``__prepare__``, the class body frame, ``type.__new__``
with ``__set_name__`` and ``__init_subclass__``, and ``__slots__`` members."""
from __future__ import annotations

from ..objects.model import (UNBOUND, Cell, ClassMethod, Function, Instance, MClass,
                             NativeFunction, Property, StaticMethod)
from ..vm.signals import DISCARD, PUSHED, CallReq
from . import types as T
from .slots import has_instance_dict, install_slots  # noqa: F401 - re-exported

IMPLICIT_CLASSMETHODS = ('__init_subclass__', '__class_getitem__')


def prepare_class(vm, f, body: Function, name: str, bases: tuple, kwargs: dict):
    """Push the class body frame; ``build_class`` finishes when it returns."""
    orig_bases = bases
    bases = resolve_bases(bases)
    meta = kwargs.pop('metaclass', UNBOUND)
    meta = calculate_meta(T.TYPE if meta is UNBOUND else meta, bases)
    state = (body, name, bases, kwargs, meta, orig_bases)
    req = _prepare_req(meta, name, bases, kwargs)
    if req is not None:
        return CallReq(req[0], req[1], kwargs or None, 'prepared', state)
    return enter_body(vm, f, _prepare(meta, name, bases, kwargs), state)


def _prepare_req(meta, name: str, bases: tuple, kwargs: dict):
    """``(function, args)`` when the metaclass's ``__prepare__`` is Monty code, else None."""
    if type(meta) is not MClass or meta is T.TYPE:
        return None
    hook = meta.lookup('__prepare__')
    if type(hook) is ClassMethod and type(hook.func) is Function:
        return hook.func, (meta, name, bases)
    if type(hook) is StaticMethod and type(hook.func) is Function:
        return hook.func, (name, bases)
    if type(hook) is Function:
        return hook, (name, bases)
    return None


def post_prepared(vm, ns, state):
    """The namespace a Monty ``__prepare__`` returned: check it and push the class body."""
    meta = state[4]
    if not isinstance(ns, dict):
        raise TypeError(f'{meta.name}.__prepare__() must return a mapping, not {T.type_name(ns)}')
    enter_body(vm, vm.frame, ns, state)
    return DISCARD


def enter_body(vm, f, ns, state):
    """Push the class body frame running in ``ns``; ``build_class`` finishes when it returns."""
    body, name, bases, kwargs, meta, orig_bases = state
    frame = vm.make_frame(body, (), None)
    _ns_set(ns, '__module__', f.globals.get('__name__', '__main__'))
    _ns_set(ns, '__qualname__', body.code.qualname)
    frame.ns = ns
    vm.push(frame)
    frame.post = 'class_body'
    frame.post_state = (name, bases, kwargs, ns, meta,
                        orig_bases if orig_bases is not bases else None)
    return PUSHED


def resolve_bases(bases: tuple) -> tuple:
    """Replace non-class bases by their ``__mro_entries__`` (PEP 560)."""
    if all(type(b) is MClass for b in bases):
        return bases
    from ..vm.protocol import attr_or_missing, call_sync
    out = []
    for b in bases:
        if type(b) is MClass:
            out.append(b)
            continue
        hook = attr_or_missing(b, '__mro_entries__')
        if hook is UNBOUND:
            raise TypeError('bases must be types')
        entries = call_sync(hook, bases)
        if type(entries) is not tuple:
            raise TypeError('__mro_entries__ must return a tuple')
        out.extend(entries)
    return tuple(out)


def calculate_meta(meta, bases: tuple):
    """The most derived metaclass among ``meta`` and the bases' metaclasses."""
    if type(meta) is not MClass or meta.instance_kind is not MClass and meta is not T.TYPE:
        return meta
    winner = meta
    for b in bases:
        bm = T.type_of(b)
        if winner.is_subclass(bm):
            continue
        if bm.is_subclass(winner):
            winner = bm
            continue
        raise TypeError('metaclass conflict: the metaclass of a derived class must be a '
                        '(non-strict) subclass of the metaclasses of all its bases')
    return winner


def _prepare(meta, name: str, bases: tuple, kwargs: dict):
    if meta is T.TYPE or type(meta) is not MClass:
        from ..vm.protocol import attr_or_missing
        hook = UNBOUND if type(meta) is MClass else attr_or_missing(meta, '__prepare__')
    else:
        hook = meta.lookup('__prepare__')
    if hook is UNBOUND:
        return {}
    from ..vm.protocol import call_sync, current
    if type(hook) is ClassMethod:
        ns = call_sync(hook.func, meta, name, bases, **kwargs)
    elif type(hook) is StaticMethod:
        ns = call_sync(hook.func, name, bases, **kwargs)
    else:
        ns = current[0].call_sync(hook, (name, bases), kwargs or None)
    if not isinstance(ns, dict):
        mname = meta.name if type(meta) is MClass else '<metaclass>'
        raise TypeError(f'{mname}.__prepare__() must return a mapping, not {T.type_name(ns)}')
    return ns


def _ns_set(ns, key, value) -> None:
    if type(ns) is dict:
        ns[key] = value
    else:
        from ..vm.protocol import set_item, sync
        sync(set_item(ns, key, value))


def build_class(vm, cell, state):
    """The class body returned: call the metaclass (``type.__new__`` directly for ``type``)."""
    name, bases, kwargs, ns, meta, orig_bases = state
    if isinstance(cell, Cell):
        _ns_set(ns, '__classcell__', cell)
    if orig_bases is not None:
        _ns_set(ns, '__orig_bases__', orig_bases)
    if meta is T.TYPE:
        return type_new(vm, T.TYPE, name, bases, ns, kwargs)
    return CallReq(meta, (name, bases, ns), kwargs or None)


def type_new(vm, mcls: MClass, name, bases, ns, kwargs: dict | None = None):
    """``type.__new__(mcls, name, bases, ns, **kwargs)``: the class, or a request that
    finishes it (``__set_name__`` and ``__init_subclass__`` run as frames)."""
    if not isinstance(name, str):
        raise TypeError(f"type.__new__() argument 1 must be str, not {T.type_name(name)}")
    if type(bases) is not tuple:
        raise TypeError(f"type.__new__() argument 2 must be tuple, not {T.type_name(bases)}")
    if not isinstance(ns, dict):
        raise TypeError(f"type.__new__() argument 3 must be dict, not {T.type_name(ns)}")
    for b in bases:
        if type(b) is not MClass:
            raise TypeError('bases must be types')
        if b.final:
            raise TypeError(f"type '{T.error_name(b)}' is not an acceptable base type")
    winner = calculate_meta(mcls, bases)
    if winner is not mcls and type(winner) is MClass:
        mcls = winner
    ns = dict(ns)
    cell = ns.pop('__classcell__', None)
    cls = new_class(name, bases, ns)
    if mcls is not T.TYPE:
        cls.meta = mcls
    if type(cell) is Cell:
        cell.v = cls
    todo = [(value, key) for key, value in ns.items() if _has_set_name(value)]
    return class_steps(vm, cls, todo, dict(kwargs or {}))


def _has_set_name(value) -> bool:
    t = type(value)
    if t is Instance:
        return value.mcls.lookup('__set_name__') is not UNBOUND
    return False


def class_steps(vm, cls: MClass, todo: list, kwargs: dict):
    """Run the pending ``__set_name__`` calls, then the parent's ``__init_subclass__``."""
    from ..vm.protocol import method_req
    while todo:
        value, key = todo.pop(0)
        hook = T.type_of(value).lookup('__set_name__')
        if hook is UNBOUND:
            continue
        r = method_req(hook, value, cls, key, post='class_step', state=(cls, todo, kwargs))
        if type(r) is CallReq:
            return r
    return init_subclass(cls, kwargs)


def init_subclass(cls: MClass, kwargs: dict):
    """``super(cls, cls).__init_subclass__(**kwargs)``."""
    for base in cls.mro[1:]:
        hook = base.dict.get('__init_subclass__', UNBOUND)
        if hook is UNBOUND:
            continue
        func = hook.func if type(hook) is ClassMethod else hook
        if type(func) is NativeFunction:
            func.fn(cls, **kwargs)
            return cls
        return CallReq(func, (cls,), kwargs or None, 'class_ready', cls)
    return cls


def object_init_subclass(cls, **kwargs):
    """``object.__init_subclass__``: accepts no keyword arguments."""
    if kwargs:
        name = cls.name if type(cls) is MClass else 'object'
        raise TypeError(f'{name}.__init_subclass__() takes no keyword arguments')
    return None


def new_class(name: str, bases: tuple, ns: dict) -> MClass:
    """The ``MClass`` for a finished namespace (no hooks run here)."""
    if not bases:
        bases = (T.OBJECT,)
    qualname = ns.pop('__qualname__', name)
    if '__eq__' in ns and '__hash__' not in ns:
        ns['__hash__'] = None
    for key, value in ns.items():
        if type(value) is Property and value.name is None:
            value.name = key
    _implicit_wrappers(ns)
    cls = MClass(name, bases, ns, module=ns.get('__module__', '__main__'))
    cls.qualname = qualname
    cls.doc = ns.get('__doc__')
    if '__slots__' in ns:
        install_slots(cls, ns['__slots__'])
    return cls


def _implicit_wrappers(ns: dict) -> None:
    """``__new__`` is a staticmethod and ``__init_subclass__`` a classmethod by default."""
    if type(ns.get('__new__')) is Function:
        ns['__new__'] = StaticMethod(ns['__new__'])
    for key in IMPLICIT_CLASSMETHODS:
        if type(ns.get(key)) is Function:
            ns[key] = ClassMethod(ns[key])


# -- natives of ``type`` ------------------------------------------------------------------
def type_new_native(vm, mcls, *args, **kwargs):
    """``type.__new__``."""
    if type(mcls) is not MClass:
        raise TypeError(f'type.__new__(X): X is not a type object ({T.type_name(mcls)})')
    if mcls.instance_kind is not MClass and mcls is not T.TYPE:
        raise TypeError(f'type.__new__({mcls.name}): {mcls.name} is not a subtype of type')
    if len(args) == 1 and mcls is T.TYPE and not kwargs:
        return T.type_of(args[0])
    if len(args) != 3:
        raise TypeError('type.__new__() takes exactly 3 arguments (%d given)' % len(args))
    return type_new(vm, mcls, *args, kwargs)


def type_init(cls, *args, **kwargs):
    """``type.__init__``: checks the argument count only."""
    if len(args) not in (1, 3):
        raise TypeError('type.__init__() takes 1 or 3 arguments')
    return None


def type_call(vm, cls, *args, **kwargs):
    """``type.__call__``: create and initialise an instance (no metaclass ``__call__``)."""
    if type(cls) is not MClass:
        raise TypeError("descriptor '__call__' requires a 'type' object but received "
                        f"a '{T.type_name(cls)}'")
    return vm.construct(vm.frame, cls, args, kwargs or None)


def type_repr(cls) -> str:
    """``type.__repr__``: ``<class 'module.Name'>``."""
    if type(cls) is not MClass:
        raise TypeError("descriptor '__repr__' requires a 'type' object")
    return MClass.__repr__(cls)


def make_type(vm, *args, **kwargs):
    """``type(x)`` or ``type(name, bases, ns, **kw)`` (through the bases' metaclass)."""
    if len(args) == 1 and not kwargs:
        return T.type_of(args[0])
    if len(args) != 3:
        raise TypeError('type() takes 1 or 3 arguments')
    name, bases, ns = args
    if type(bases) is tuple:
        meta = calculate_meta(T.TYPE, bases)
        if meta is not T.TYPE:
            return CallReq(meta, args, kwargs or None)
    return type_new(vm, T.TYPE, name, bases, ns, kwargs)


def install() -> None:
    """Put the natives of ``type`` and ``object.__init_subclass__`` in place."""
    d = T.TYPE.dict
    d['__new__'] = NativeFunction('__new__', type_new_native, needs_vm=True, self_type='type')
    d['__init__'] = NativeFunction('__init__', type_init, self_type='type')
    d['__call__'] = NativeFunction('__call__', type_call, needs_vm=True, self_type='type')
    d['__repr__'] = NativeFunction('__repr__', type_repr, self_type='type')
    T.OBJECT.dict['__init_subclass__'] = ClassMethod(
        NativeFunction('__init_subclass__', object_init_subclass, self_type='object'))


install()
from . import unions  # noqa: E402,F401 - ``type.__or__`` and ``types.UnionType``
