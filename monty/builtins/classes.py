"""Class creation: running a class body as a frame, then building the ``MClass``."""
from __future__ import annotations

from ..objects.model import UNBOUND, Cell, Function, MClass, Property
from ..vm.signals import PUSHED, CallReq
from . import types as T


def prepare_class(vm, f, body: Function, name: str, bases: tuple, kwargs: dict):
    """Push the class body frame; ``build_class`` finishes when it returns."""
    for b in bases:
        if type(b) is not MClass:
            raise TypeError('bases must be types' if not isinstance(b, tuple) else
                            'bases must be types')
        if b.final:
            raise TypeError(f"type '{b.name}' is not an acceptable base type")
    frame = vm.make_frame(body, (), None)
    module = f.globals.get('__name__', '__main__')
    frame.ns = {'__module__': module, '__qualname__': body.code.qualname}
    vm.push(frame)
    frame.post = 'class_body'
    frame.post_state = (name, bases, kwargs, frame.ns)
    return PUSHED


def build_class(vm, cell, state):
    name, bases, kwargs, ns = state
    meta = kwargs.pop('metaclass', None)
    cls = new_class(name, bases, ns)
    if isinstance(cell, Cell):
        cell.v = cls
    if meta is not None and type(meta) is MClass and not meta.native:
        cls.meta_kwargs = meta
    hook = None
    for base in cls.mro[1:]:
        h = base.dict.get('__init_subclass__')
        if h is not None:
            hook = h
            break
    for key, value in list(ns.items()):
        sn = T.type_of(value).lookup('__set_name__') if not isinstance(value, (int, str)) else UNBOUND
        if sn is not UNBOUND and type(sn) is Function:
            from ..vm.protocol import call_method_sync
            call_method_sync(sn, value, cls, key)
    if hook is not None:
        func = hook.func if hasattr(hook, 'func') else hook
        if type(func) is Function:
            return CallReq(func, (cls,), kwargs or None, 'class_ready', cls)
    elif kwargs:
        raise TypeError(f'{name}.__init_subclass__() takes no keyword arguments')
    return cls


def new_class(name: str, bases: tuple, ns: dict) -> MClass:
    if not bases:
        bases = (T.OBJECT,)
    qualname = ns.pop('__qualname__', name)
    if '__eq__' in ns and '__hash__' not in ns:
        ns['__hash__'] = None
    for key, value in ns.items():
        if type(value) is Property and value.name is None:
            value.name = key
    cls = MClass(name, bases, ns, module=ns.get('__module__', '__main__'))
    cls.qualname = qualname
    cls.doc = ns.get('__doc__')
    if '__slots__' in ns:
        pass
    return cls


def type_new(vm, name, bases, ns):
    if not isinstance(name, str) or not isinstance(bases, tuple) or not isinstance(ns, dict):
        raise TypeError('type.__new__() argument 1 must be str')
    return new_class(name, bases, dict(ns))
