"""``copy``: shallow and deep copies of Monty values, honouring ``__copy__``/``__deepcopy__``,
``__getstate__``/``__setstate__``, with a memo (keyed by Monty ``id``) for shared parts and
cycles."""
from __future__ import annotations

import threading

from ...objects.model import (UNBOUND, BoundMethod, BoundNative, ClassMethod, ExcInstance,
                              Function, HOST_SUBCLASS_KINDS, Instance, MClass, Module,
                              NativeFunction, Property, StaticMethod, obj_id)
from ...vm import protocol as P
from ...vm.signals import MontyRaise
from .. import types as T

ATOMIC = frozenset({type(None), int, float, bool, complex, str, bytes, range, type(...),
                    type(NotImplemented), Function, MClass, NativeFunction, BoundNative, Module,
                    Property, ClassMethod, StaticMethod, slice})
SHALLOW = {list: list.copy, dict: dict.copy, set: set.copy, bytearray: bytearray.copy,
           tuple: lambda x: x, frozenset: lambda x: x}
# copy functions for the host types behind native classes (datetime, random, ...)
NATIVE_COPIERS: dict = {}
ERROR = T.native_class('Error', None, (T.EXC_BY_NAME['Exception'],), module='copy')
ERROR.dict['__module__'] = 'copy'


def _user_method(x, name: str):
    m = T.type_of(x).lookup(name)
    return None if m is UNBOUND or m is None else m


def _cannot(x):
    return TypeError(f"cannot pickle '{T.type_name(x)}' object")


# -- shallow --------------------------------------------------------------------------------
def copy(x):
    """``copy.copy``."""
    t = type(x)
    if t in ATOMIC:
        return x
    fn = SHALLOW.get(t)
    if fn is not None:
        return fn(x)
    if isinstance(x, P.INSTANCE_TYPES):
        m = _user_method(x, '__copy__')
        if m is not None:
            return P.call_method_sync(m, x)
        return reconstruct(x, None)
    fn = NATIVE_COPIERS.get(t)
    if fn is not None:
        return fn(x, None)
    raise _cannot(x)


# -- instances --------------------------------------------------------------------------------
def blank(x, memo):
    """A new, uninitialised object of x's class (container content already copied)."""
    cls = T.type_of(x)
    if isinstance(x, ExcInstance):
        args = x.args if memo is None else deepcopy(x.args, memo)
        return ExcInstance(cls, args)
    if type(x) is Instance:
        return Instance(cls)
    kind = type(x)
    base = kind.__mro__[1]
    if base in (list, dict, set):
        new = kind()
    else:
        value = base(x)
        if memo is not None and base is tuple:
            value = tuple(deepcopy(v, memo) for v in value)
        new = kind(value)
    new.mcls = cls
    new.attrs = {}
    new.mid = 0
    return new


def fill_items(new, x, memo) -> None:
    """Copy the list/dict/set content of a builtin-container subclass instance."""
    dup = (lambda v: v) if memo is None else (lambda v: deepcopy(v, memo))
    if isinstance(x, list):
        list.extend(new, [dup(v) for v in list.__iter__(x)])
    elif isinstance(x, dict):
        for k, v in dict.items(x):
            dict.__setitem__(new, dup(k), dup(v))
    elif isinstance(x, set):
        set.update(new, [dup(v) for v in set.__iter__(x)])


def reconstruct(x, memo):
    """Copy an instance: a blank of its class plus its state (deep when ``memo`` is given)."""
    new = blank(x, memo)
    if memo is not None:
        memo[obj_id(x)] = new
    fill_items(new, x, memo)
    getstate = _user_method(x, '__getstate__')
    state = P.call_method_sync(getstate, x) if type(getstate) is Function else \
        dict(_attrs(x))
    if type(getstate) is not Function:
        _copy_slots(new, x, memo)
    if memo is not None:
        state = deepcopy(state, memo)
    setstate = _user_method(x, '__setstate__')
    if type(setstate) is Function:
        P.call_method_sync(setstate, new, state)
    elif state:
        if not isinstance(state, dict):
            raise TypeError('state is not a dictionary')
        _attrs(new).update(state)
    return new


def _copy_slots(new, x, memo) -> None:
    """Carry over the ``__slots__`` values (deep copies when ``memo`` is given)."""
    values = getattr(x, 'slotvals', None)
    if values:
        new.slotvals = {m: (v if memo is None else deepcopy(v, memo)) for m, v in values.items()}


def _attrs(x) -> dict:
    try:
        return x.attrs
    except AttributeError:
        x.attrs = {}
        return x.attrs


# -- deep -----------------------------------------------------------------------------------
class Guard(threading.local):
    """Per-thread nesting count, so a deep structure raises RecursionError, not a host crash."""
    depth = 0


GUARD = Guard()


def deepcopy(x, memo=None, _nil=None):
    """``copy.deepcopy``."""
    if memo is None:
        memo = {}
    elif not isinstance(memo, dict):
        raise TypeError(f"'{T.type_name(memo)}' object is not a mapping")
    d = obj_id(x)
    if d in memo:
        return memo[d]
    t = type(x)
    if t in ATOMIC:
        return x
    vm = P.current[0]
    if GUARD.depth >= (vm.max_depth - vm.depth) // 3:
        raise MontyRaise(ExcInstance(T.EXC_BY_NAME['RecursionError'],
                                     ('maximum recursion depth exceeded',)))
    GUARD.depth += 1
    try:
        y = _deep_dispatch(x, t, memo)
    finally:
        GUARD.depth -= 1
    if y is not x:
        memo[d] = y
        memo.setdefault(obj_id(memo), []).append(x)
    return y


def _deep_list(x, memo):
    y = []
    memo[obj_id(x)] = y
    y.extend(deepcopy(v, memo) for v in x)
    return y


def _deep_tuple(x, memo):
    y = [deepcopy(v, memo) for v in x]
    d = obj_id(x)
    if d in memo:
        return memo[d]
    if all(a is b for a, b in zip(x, y)):
        return x
    return tuple(y)


def _deep_dict(x, memo):
    y = {}
    memo[obj_id(x)] = y
    for k, v in x.items():
        y[deepcopy(k, memo)] = deepcopy(v, memo)
    return y


def _deep_set(x, memo):
    return type(x)(deepcopy(v, memo) for v in x)


DEEP = {list: _deep_list, tuple: _deep_tuple, dict: _deep_dict, set: _deep_set,
        frozenset: _deep_set, bytearray: lambda x, memo: bytearray(x)}


def _deep_dispatch(x, t, memo):
    fn = DEEP.get(t)
    if fn is not None:
        return fn(x, memo)
    if isinstance(x, P.INSTANCE_TYPES):
        m = _user_method(x, '__deepcopy__')
        if m is not None:
            return P.call_method_sync(m, x, memo)
        return reconstruct(x, memo)
    if t is BoundMethod:
        return BoundMethod(deepcopy(x.self, memo), x.func)
    fn = NATIVE_COPIERS.get(t)
    if fn is not None:
        return fn(x, memo)
    raise _cannot(x)


def _immutable_native(x, memo):
    return x


def register_immutable(*host_types) -> None:
    """Mark host types behind native classes as copied by identity."""
    for t in host_types:
        NATIVE_COPIERS[t] = _immutable_native


def _register_known() -> None:
    import datetime
    register_immutable(datetime.date, datetime.datetime, datetime.time, datetime.timedelta,
                       datetime.timezone)
    from ..regex.match import Match
    from ..regex.pattern import Pattern
    register_immutable(Match, Pattern)
    from .random_module import SandboxRandom

    def copy_random(r, memo):
        new = SandboxRandom(0, entropy=r.entropy)
        new.setstate(r.getstate())
        return new
    NATIVE_COPIERS[SandboxRandom] = copy_random


_register_known()
_unused = HOST_SUBCLASS_KINDS


def build(vm) -> Module:
    ns = {'copy': NativeFunction('copy', copy, module='copy'),
          'deepcopy': NativeFunction('deepcopy', deepcopy, module='copy'),
          'Error': ERROR, 'error': ERROR}
    return Module('copy', ns)
