"""Superinstructions for attribute access on a local (``self.x``, ``self.x = v``, ``self.m()``)
and for ``super().m(...)``, each with its own inline cache (see ``attrcache``).

Like every fused handler they run the whole sequence only when the cache proves nothing in it
can raise or run Monty code, and otherwise run the first instruction's own handler.
"""
from __future__ import annotations

from ..builtins import types as T
from ..compiler import opcodes as O
from ..objects.model import CLASS_VERSION as VERSION
from ..objects.model import BoundMethod, ExcInstance, Function, Instance, MClass
from . import attrcache as AC, protocol as P

METHOD, VALUE, PROPERTY = AC.METHOD, AC.VALUE, AC.PROPERTY
HOST_TYPES = P.HOST_VALUE_TYPES


def _fast_load_attr(code, pc, ops, base):
    """LOAD_FAST x; LOAD_ATTR name on an instance whose attribute needs no Monty code."""
    x, name = ops[pc][1], ops[pc + 1][1]
    if name in P.BLOCKED_ATTRS:
        return None
    first, after = base[pc], pc + 2
    c_cls, c_ver, c_plan, c_attr = None, -1, AC.SLOW, None

    def fn(f):
        nonlocal c_cls, c_ver, c_plan, c_attr
        obj = f.locals[x]
        t = type(obj)
        if t is Instance or t is ExcInstance:
            cls = obj.mcls
            if cls is not c_cls or c_ver != VERSION[0]:
                c_plan, c_attr = AC.load_plan(cls, name)
                c_cls, c_ver = cls, VERSION[0]
            if c_plan < PROPERTY:
                d = obj.attrs
                if name in d:
                    f.stack.append(d[name])
                    return after
                if c_plan == METHOD:
                    f.stack.append(BoundMethod(obj, c_attr))
                    return after
                if c_plan == VALUE:
                    f.stack.append(c_attr)
                    return after
        return first(f)
    return fn


def _fast_store_attr(code, pc, ops, base):
    """LOAD_FAST x; STORE_ATTR name: a plain instance attribute store."""
    x, name = ops[pc][1], ops[pc + 1][1]
    if name in P.BLOCKED_ATTRS:
        return None
    first, after = base[pc], pc + 2
    c_cls, c_ver, c_direct = None, -1, False

    def fn(f):
        nonlocal c_cls, c_ver, c_direct
        obj = f.locals[x]
        t = type(obj)
        if t is Instance or t is ExcInstance:
            cls = obj.mcls
            if cls is not c_cls or c_ver != VERSION[0]:
                c_direct = AC.store_direct(cls, name)
                c_cls, c_ver = cls, VERSION[0]
            if c_direct:
                obj.attrs[name] = f.stack.pop()
                return after
        return first(f)
    return fn


def _swap_store_attr(code, pc, ops, base):
    """SWAP 2; STORE_ATTR name (the write half of ``obj.name op= v``)."""
    name = ops[pc + 1][1]
    if ops[pc][1] != 2 or name in P.BLOCKED_ATTRS:
        return None
    first, after = base[pc], pc + 2
    c_cls, c_ver, c_direct = None, -1, False

    def fn(f):
        nonlocal c_cls, c_ver, c_direct
        s = f.stack
        obj = s[-2]
        t = type(obj)
        if t is Instance or t is ExcInstance:
            cls = obj.mcls
            if cls is not c_cls or c_ver != VERSION[0]:
                c_direct = AC.store_direct(cls, name)
                c_cls, c_ver = cls, VERSION[0]
            if c_direct:
                obj.attrs[name] = s.pop()
                s.pop()
                return after
        return first(f)
    return fn


def _fast_load_method(code, pc, ops, base):
    """LOAD_FAST x; LOAD_METHOD name for a plain function of the instance's class or a
    builtin method of a host value."""
    x, name = ops[pc][1], ops[pc + 1][1]
    if name in P.BLOCKED_ATTRS:
        return None
    first, after = base[pc], pc + 2
    c_cls, c_ver, c_func = None, -1, None

    def fn(f):
        nonlocal c_cls, c_ver, c_func
        obj = f.locals[x]
        t = type(obj)
        if t is Instance:
            if name in obj.attrs:
                return first(f)
            cls = obj.mcls
            if cls is not c_cls or c_ver != VERSION[0]:
                c_func = AC.method_plan(cls, name)
                c_cls, c_ver = cls, VERSION[0]
        elif t in HOST_TYPES:
            if t is not c_cls or c_ver != VERSION[0]:
                c_func = AC.native_method(T.HOST_TYPE_MAP[t], name)
                c_cls, c_ver = t, VERSION[0]
        else:
            return first(f)
        if c_func is None:
            return first(f)
        s = f.stack
        s.append(c_func)
        s.append(obj)
        return after
    return fn


def _super_method(code, pc, ops, base):
    """LOAD_GLOBAL super; CALL 0; LOAD_METHOD name: the function after ``__class__`` in the
    MRO of the first argument's class, pushed with that argument (no super object)."""
    name = ops[pc + 2][1]
    if ops[pc][1] != 'super' or ops[pc + 1][1] != 0 or name in P.BLOCKED_ATTRS or \
            '__class__' not in code.freevars or code.argcount == 0:
        return None
    cell_slot = len(code.varnames) + len(code.cellvars) + code.freevars.index('__class__')
    first, after = base[pc], pc + 3
    c_type, c_start, c_ver, c_func = None, None, -1, None

    def fn(f):
        nonlocal c_type, c_start, c_ver, c_func
        obj = f.locals[0]
        start = f.locals[cell_slot].v
        if type(obj) is not Instance or type(start) is not MClass or 'super' in f.globals or \
                f.vm.builtins.get('super') is not T.SUPER:
            return first(f)
        cls = obj.mcls
        if cls is not c_type or start is not c_start or c_ver != VERSION[0]:
            c_func = _after_in_mro(cls, start, name)
            c_type, c_start, c_ver = cls, start, VERSION[0]
        if c_func is None:
            return first(f)
        s = f.stack
        s.append(c_func)
        s.append(obj)
        return after
    return fn


def _after_in_mro(cls: MClass, start: MClass, name: str):
    """What ``super(start, obj).name`` finds for an instance of ``cls``, if a plain function."""
    mro = cls.mro
    if start not in mro:
        return None
    for klass in mro[mro.index(start) + 1:]:
        if name in klass.dict:
            attr = klass.dict[name]
            return attr if type(attr) is Function else None
    return None


LF = O.LOAD_FAST
PATTERNS = [
    ((O.LOAD_GLOBAL, O.CALL, O.LOAD_METHOD), _super_method),
    ((LF, O.LOAD_ATTR), _fast_load_attr),
    ((LF, O.STORE_ATTR), _fast_store_attr),
    ((LF, O.LOAD_METHOD), _fast_load_method),
    ((O.SWAP, O.STORE_ATTR), _swap_store_attr),
]
