"""The builtin functions (``print``, ``len``, ``sorted``, ``isinstance``, ...)."""
from __future__ import annotations

import math
from sys import getrefcount

from ..objects.model import (UNBOUND, BoundMethod, Function, HOST_SUBCLASS_KINDS, MClass,
                             MontyObject, NativeFunction, obj_id)
from ..vm import protocol as P
from ..vm.generators import Generator
from ..vm.hashing import guard
from ..vm.signals import PUSHED, CallReq, MontyRaise
from . import resumable as R
from . import textconv as TC
from . import types as T
from .constructors import to_repr, to_str
from .formatting import mstr

BUILTIN_FUNCTIONS: dict[str, NativeFunction] = {}


def builtin(name: str | None = None, needs_vm: bool = False):
    def deco(fn):
        n = name or fn.__name__.rstrip('_')
        BUILTIN_FUNCTIONS[n] = NativeFunction(n, fn, needs_vm=needs_vm)
        return fn
    return deco


_MISSING = UNBOUND


@builtin('print', needs_vm=True)
def print_(vm, *args, sep=' ', end='\n', file=None, flush=False):
    if sep is None:
        sep = ' '
    if end is None:
        end = '\n'
    if not isinstance(sep, str):
        raise TypeError(f'sep must be None or a string, not {T.type_name(sep)}')
    if not isinstance(end, str):
        raise TypeError(f'end must be None or a string, not {T.type_name(end)}')
    stream = 'stdout'
    if file is None:
        file = _sys_stdout(vm)
        if file is _NO_OUTPUT:
            return None
    if file is not None:
        stream = getattr(file, 'stream_name', None)
        if stream is None:
            return _print_to_object(file, args, sep, end)
    parts = []
    for a in args:
        t = type(a)
        if t is str:
            parts.append(a)
        elif t in TC.LEAVES:
            parts.append(str(a))
        elif TC.str_runs_monty(a):
            return R.callback_req('print_to', args, sep, end, stream)
        else:
            parts.append(mstr(a))
    vm.write(stream, sep.join(parts) + end)
    return None


def _sys_stdout(vm):
    """What ``sys.stdout`` was rebound to (None when ``sys`` is untouched or stdout is None)."""
    mod = vm.modules.get('sys')
    if mod is None:
        return None
    out = mod.dict.get('stdout')
    if out is None:
        return _NO_OUTPUT
    return out


_NO_OUTPUT = object()     # ``sys.stdout is None``: print writes nothing, as in CPython


def _print_to_object(file, args, sep: str, end: str) -> None:
    """``print(..., file=obj)``: each piece goes to ``obj.write`` in turn, as in CPython."""
    write = P.sync(P.get_attr(file, 'write'))
    for i, a in enumerate(args):
        if i:
            P.call_sync(write, sep)
        P.call_sync(write, a if type(a) is str else mstr(a))
    P.call_sync(write, end)
    return None


@builtin('len')
def len_(obj):
    t = type(obj)
    if t in P.HOST_VALUE_TYPES:
        return len(obj)
    cls = T.type_of(obj)
    m = cls.lookup('__len__')
    if m is UNBOUND:
        raise TypeError(f"object of type '{T.error_name(cls)}' has no len()")
    return P.method_req(m, obj, post='check_int', state='len')


@builtin('repr', needs_vm=True)
def repr_(vm, obj):
    return to_repr(vm, obj)


@builtin('ascii')
def ascii_(obj):
    return ascii(obj)


@builtin('abs')
def abs_(x):
    if type(x) in (int, float, bool, complex):
        return abs(x)
    m = T.type_of(x).lookup('__abs__')
    if m is UNBOUND:
        raise TypeError(f"bad operand type for abs(): '{T.type_name(x)}'")
    return P.method_req(m, x)


@builtin('all')
def all_(iterable):
    if not R.plain_iterable(iterable):
        return R.callback_req('all_of', iterable)
    return _first_truth(iterable, False, 'all_rest')


@builtin('any')
def any_(iterable):
    if not R.plain_iterable(iterable):
        return R.callback_req('any_of', iterable)
    return _first_truth(iterable, True, 'any_rest')


def _first_truth(iterable, stop: bool, rest: str):
    """``any``/``all`` over a host iterable on the host, until an item's truth needs Monty code
    (then the rest runs as ``rest`` in Monty, from that item on)."""
    it = iter(iterable)
    for x in it:
        if type(x) not in P.HOST_VALUE_TYPES and R.monty_truth(x):
            return R.callback_req(rest, x, it)
        if bool(x) is stop:
            return stop
    return not stop


def _index(x):
    if type(x) is int or type(x) is bool:
        return x
    if isinstance(x, int):
        return int(x)
    m = T.type_of(x).lookup('__index__')
    if m is UNBOUND:
        raise TypeError(f"'{T.type_name(x)}' object cannot be interpreted as an integer")
    return P.call_method_sync(m, x)


def _index_then(x, name: str):
    """``name(operator.index(x))``, after a Monty ``__index__`` has run as a frame."""
    m = T.type_of(x).lookup('__index__') if type(x) not in (int, bool) else UNBOUND
    if type(m) is Function:
        return CallReq(m, (x,), None, 'index_then', name)
    return INDEX_USERS[name](_index(x))


INDEX_USERS = {'bin': bin, 'oct': oct, 'hex': hex}


@builtin('bin')
def bin_(x):
    return _index_then(x, 'bin')


@builtin('oct')
def oct_(x):
    return _index_then(x, 'oct')


@builtin('hex')
def hex_(x):
    return _index_then(x, 'hex')


@builtin('chr')
def chr_(x):
    return chr(x)


@builtin('ord')
def ord_(x):
    return ord(x)


@builtin('divmod')
def divmod_(a, b):
    if type(a) in (int, float, bool) and type(b) in (int, float, bool):
        return divmod(a, b)
    return P.sync(P.monty_binary_named('divmod', a, b))


@builtin('pow')
def pow_(base, exp, mod=None):
    if mod is None:
        return P.binary_op(6, base, exp)
    m = T.type_of(base).lookup('__pow__')
    if type(m) is Function:
        r = P.call_method_sync(m, base, exp, mod)
        if r is not NotImplemented:
            return r
    try:
        return pow(base, exp, mod)
    except TypeError:
        if not any(isinstance(x, MontyObject) for x in (base, exp, mod)):
            raise
    names = "', '".join(T.type_name(x) for x in (base, exp, mod))
    raise TypeError(f"unsupported operand type(s) for ** or pow(): '{names}'")


@builtin('round')
def round_(number, ndigits=None):
    if type(number) in (int, bool):
        from .methods import int_round
        return int_round(number, ndigits)
    if type(number) is float:
        return round(number) if ndigits is None else round(number, ndigits)
    m = T.type_of(number).lookup('__round__')
    if m is UNBOUND:
        raise TypeError(f"type {T.type_name(number)} doesn't define __round__ method")
    args = () if ndigits is None else (ndigits,)
    return P.method_req(m, number, *args)


@builtin('hash')
def hash_(obj):
    return hash(guard(obj))


@builtin('id')
def id_(obj):
    return obj_id(obj)


@builtin('callable')
def callable_(obj):
    return P.is_callable(obj)


@builtin('format')
def format_(value, spec=''):
    if type(spec) is not str:
        raise TypeError(f'format() argument 2 must be str, not {T.type_name(spec)}')
    return TC.format_req(value, spec)


@builtin('isinstance')
def isinstance_(obj, classinfo):
    if type(classinfo) is MClass:
        if classinfo.meta is not None:
            return _meta_check(classinfo, '__instancecheck__', obj, T.type_of(obj))
        return classinfo in T.type_of(obj).mro
    if type(classinfo) is tuple:
        return any(isinstance_(obj, c) for c in classinfo)
    if type(classinfo).__name__ == 'UnionType':
        return any(isinstance_(obj, c) for c in classinfo.args)
    hook = T.type_of(classinfo).lookup('__instancecheck__')
    if type(hook) is Function:
        return P.truthy(P.call_method_sync(hook, classinfo, obj))
    raise TypeError('isinstance() arg 2 must be a type, a tuple of types, or a union')


@builtin('issubclass')
def issubclass_(cls, classinfo):
    if type(cls) is not MClass:
        raise TypeError('issubclass() arg 1 must be a class')
    if type(classinfo) is MClass:
        if classinfo.meta is not None:
            return _meta_check(classinfo, '__subclasscheck__', cls, cls)
        return classinfo in cls.mro
    if type(classinfo) is tuple:
        return any(issubclass_(cls, c) for c in classinfo)
    raise TypeError('issubclass() arg 2 must be a class, a tuple of classes, or a union')


def _meta_check(classinfo: MClass, hook_name: str, arg, arg_cls: MClass) -> bool:
    """isinstance/issubclass through the metaclass's ``__instancecheck__``-style hook."""
    hook = classinfo.meta.lookup(hook_name)
    if arg_cls is classinfo or type(hook) is not Function:
        return classinfo in arg_cls.mro
    return P.truthy(P.call_method_sync(hook, classinfo, arg))


def _check_attr_name(name):
    if not isinstance(name, str):
        raise TypeError(f"attribute name must be string, not '{T.type_name(name)}'")
    if name in P.BLOCKED_ATTRS:
        return False
    return True


@builtin('getattr')
def getattr_(obj, name, default=_MISSING):
    ok = _check_attr_name(name)
    if default is _MISSING:
        if not ok:
            raise AttributeError(f"'{T.type_name(obj)}' object has no attribute '{name}'")
        return P.sync(P.get_attr(obj, name))
    value = P.attr_or_missing(obj, name) if ok else _MISSING
    return default if value is _MISSING else value


@builtin('hasattr')
def hasattr_(obj, name):
    return _check_attr_name(name) and P.attr_or_missing(obj, name) is not _MISSING


@builtin('setattr')
def setattr_(obj, name, value):
    if not _check_attr_name(name):
        raise AttributeError(f"'{T.type_name(obj)}' object attribute '{name}' is read-only")
    return P.as_call_result(P.set_attr(obj, name, value))


@builtin('delattr')
def delattr_(obj, name):
    _check_attr_name(name)
    return P.as_call_result(P.del_attr(obj, name))


@builtin('iter')
def iter_(obj, sentinel=_MISSING):
    if sentinel is not _MISSING:
        return CallableIter(obj, sentinel)
    return P.get_iter(obj)


class CallableIter(MontyObject):
    """``iter(callable, sentinel)``: a step runs a Monty callable as a frame."""
    __slots__ = ('func', 'sentinel', 'done')

    def __init__(self, func, sentinel):
        self.func = func
        self.sentinel = sentinel
        self.done = False

    def __iter__(self):
        return self

    def __next__(self):
        if self.done:
            raise StopIteration
        v = P.call_sync(self.func)
        if v is self.sentinel or v == self.sentinel:
            self.done = True
            raise StopIteration
        return v

    def __repr__(self) -> str:
        return f'<callable_iterator object at {hex(obj_id(self))}>'

    def step(self):
        """One item, as a CallReq when the callable is Monty code."""
        if self.done or R.native_callable(self.func):
            return self.__next__()
        return R.callback_req('callable_next', self, self.func, self.sentinel)


CALLABLE_ITER_CLASS = T.native_class('callable_iterator', CallableIter, (T.OBJECT,))


TEMP_REFS = 6   # references ``next_impl`` sees to a generator that only the call's arguments hold


@builtin('next', needs_vm=True)
def next_(vm, it, default=_MISSING):
    return next_impl(vm, it, default, True)


def next_impl(vm, it, default, temp: bool):
    """``next(it[, default])``; ``temp``: a generator possibly held only by the arguments
    goes through a frame that releases it after, so its ``finally`` runs as in CPython."""
    t = type(it)
    try:
        if t in P.HOST_ITER_TYPES:
            return next(it)
        if t is Generator:
            if it.state == 3 and it.kind == 'generator':
                raise StopIteration
            if temp and getrefcount(it) <= TEMP_REFS:   # maybe ``next(x for x in ...)``
                from .modules.finalize_module import next_temp
                return next_temp(vm, it, default, _MISSING)
            vm.resume_gen(vm.frame, it, None, ('next',) if default is _MISSING
                          else ('default', default))
            return PUSHED
        cls = T.type_of(it)
        m = cls.lookup('__next__')
        if m is UNBOUND:
            raise TypeError(f"'{T.error_name(cls)}' object is not an iterator")
        if default is _MISSING:
            return P.method_req(m, it)
        return R.callback_req('next_or', it, default)
    except StopIteration:
        if default is _MISSING:
            raise
        return default
    except MontyRaise as e:
        if default is not _MISSING and T.EXC_BY_NAME['StopIteration'] in e.exc.mcls.mro:
            return default
        raise


@builtin('sum')
def sum_(iterable, start=0):
    if type(iterable) is range and type(start) in (int, float):
        return sum(P.iterate(iterable), start)
    if type(iterable) in (list, tuple, range) and type(start) in (int, float):
        if all(type(x) in (int, float, bool) for x in iterable):
            return sum(iterable, start)
    if isinstance(start, str):
        raise TypeError("sum() can't sum strings [use ''.join(seq) instead]")
    if not R.plain_iterable(iterable):
        return R.callback_req('total', iterable, start)
    items = list(P.iterate(iterable))  # a host iterator can be read once only
    if not R.plain_values(items) or type(start) not in R.PLAIN_SCALARS:
        return R.callback_req('total', items, start)
    total = start
    for x in items:
        total = P.sync(P.binary_op(0, total, x))
    return total


def _key_of(key):
    if key is None:
        return None
    return lambda x: P.call_sync(key, x)


@builtin('sorted')
def sorted_(iterable, *, key=None, reverse=False):
    if not R.plain_iterable(iterable) or not R.native_callable(key):
        return R.callback_req('sorted_by', iterable, key, reverse)
    items = list(P.iterate(iterable))
    from .list_sort import sort_list
    r = sort_list(items, key, reverse)
    if type(r) is CallReq:
        return CallReq(r.func, r.args, r.kwargs, 'state', items)   # the list, once sorted
    return items


def _minmax(name, args, key, default, pick_max):
    if len(args) == 1:
        items = None
        empty_msg = f'{name}() arg is an empty sequence'
    elif not args:
        raise TypeError(f'{name} expected at least 1 argument, got 0')
    else:
        if default is not _MISSING:
            raise TypeError(f'Cannot specify a default for {name}() with multiple positional '
                            f'arguments')
        items = iter(args)
        empty_msg = ''
    source = args[0] if len(args) == 1 else args
    if R.plain_iterable(source) and R.native_callable(key):
        items = list(P.iterate(source) if items is None else items)
        if key is None and not R.plain_ordered(items):
            source = items   # comparing the items runs Monty code: do it as frames
    if not R.plain_iterable(source) or not R.native_callable(key) or source is items:
        return R.callback_req('best', source, key, R.missing() if default is _MISSING
                              else default, pick_max, empty_msg)
    best = _MISSING
    best_key = None
    op = 4 if pick_max else 0
    for x in items:
        k = P.call_sync(key, x) if key is not None else x
        if best is _MISSING:
            best, best_key = x, k
            continue
        if P.truthy(P.sync(P.compare(op, k, best_key))):
            best, best_key = x, k
    if best is _MISSING:
        if default is not _MISSING:
            return default
        raise ValueError(empty_msg)
    return best


@builtin('max')
def max_(*args, key=None, default=_MISSING):
    return _minmax('max', args, key, default, True)


@builtin('min')
def min_(*args, key=None, default=_MISSING):
    return _minmax('min', args, key, default, False)


class LazyIter(MontyObject):
    """Base of the lazy builtin iterators (``map``, ``filter``, ``zip``, ``enumerate``)."""
    __slots__ = ()

    def __repr__(self) -> str:
        return f'<{T.type_name(self)} object at {hex(obj_id(self))}>'


class MapIter(LazyIter):
    """``map(func, *iterables)``: lazy."""
    __slots__ = ('func', 'its')

    def __init__(self, func, its):
        self.func = func
        self.its = its

    def __iter__(self):
        return self

    def __next__(self):
        args = [P.next_value(it) for it in self.its]
        return P.call_sync(self.func, *args)

    def step(self):
        """One item, as a CallReq when the function or an iterator is Monty code."""
        if R.native_callable(self.func) and all(map(R.plain_iterable, self.its)):
            return self.func.fn(*[next(it) for it in self.its]) if \
                type(self.func) is NativeFunction and not self.func.needs_vm else \
                P.call_sync(self.func, *[next(it) for it in self.its])
        return R.callback_req('map_next', self.func, self.its)


class FilterIter(LazyIter):
    """``filter(func, iterable)``: lazy."""
    __slots__ = ('func', 'it')

    def __init__(self, func, it):
        self.func = func
        self.it = it

    def __iter__(self):
        return self

    def __next__(self):
        while True:
            x = P.next_value(self.it)
            if self.func is None:
                if P.truthy(x):
                    return x
            elif P.truthy(P.call_sync(self.func, x)):
                return x

    def step(self):
        """One item, as a CallReq when the predicate or the iterator is Monty code."""
        if R.native_callable(self.func) and R.plain_iterable(self.it) and \
                (self.func is not None or True):
            return self.__next__()
        return R.callback_req('filter_next', self.func, self.it)


MAP_CLASS = T.native_class('map', MapIter, (T.OBJECT,))
FILTER_CLASS = T.native_class('filter', FilterIter, (T.OBJECT,))


def _iter_arg(x, fname, pos):
    try:
        return P.sync(P.get_iter(x))
    except TypeError:
        raise TypeError(f"'{T.type_name(x)}' object is not iterable") from None


@builtin('map')
def map_(func, *iterables):
    if not iterables:
        raise TypeError('map() must have at least two arguments.')
    its = [_iter_arg(x, 'map', i) for i, x in enumerate(iterables)]
    if type(func) is NativeFunction and not func.needs_vm and all(
            type(it) in P.HOST_ITER_TYPES for it in its) and func.name in _PURE_NATIVES:
        return map(func.fn, *its)
    return MapIter(func, its)


_PURE_NATIVES = {'abs', 'len', 'chr', 'ord', 'round', 'hex', 'bin', 'oct'}


@builtin('filter')
def filter_(func, iterable):
    return FilterIter(func, _iter_arg(iterable, 'filter', 1))


class ZipIter(LazyIter):
    """``zip`` over any mix of host and Monty iterators."""
    __slots__ = ('its', 'strict')

    def __init__(self, its, strict):
        self.its = its
        self.strict = strict

    def __iter__(self):
        return self

    def step(self):
        """One tuple, as a CallReq when an iterator is Monty code."""
        if not self.its or all(map(R.plain_iterable, self.its)):
            return self.__next__()
        return R.callback_req('zip_strict_next' if self.strict else 'zip_next', self.its)

    def __next__(self):
        if not self.its:
            raise StopIteration
        out = []
        for i, it in enumerate(self.its):
            try:
                out.append(P.next_value(it))
            except StopIteration:
                if self.strict:
                    self._strict_fail(i)
                raise
        return tuple(out)

    def _strict_fail(self, i):
        if i:
            raise ValueError(zip_message(i, 'shorter'))
        for j, it in enumerate(self.its[1:], 1):
            try:
                P.next_value(it)
            except StopIteration:
                continue
            raise ValueError(zip_message(j, 'longer'))


def zip_message(i: int, word: str) -> str:
    """CPython's ``zip(strict=True)`` error for argument ``i + 1``."""
    plural = 's' if i > 1 else ''
    return f'zip() argument {i + 1} is {word} than argument{plural} 1{"-" + str(i) if i > 1 else ""}'


T.HOST_TYPE_MAP[ZipIter] = T.host_type_class(type(zip()))


@builtin('zip')
def zip_(*iterables, strict=False):
    its = [_iter_arg(x, 'zip', i) for i, x in enumerate(iterables)]
    if all(type(it) in P.HOST_ITER_TYPES and type(it) not in (MapIter, FilterIter, ZipIter)
           for it in its) and not strict:
        return zip(*its)
    return ZipIter(its, strict)


class EnumerateIter(LazyIter):
    """``enumerate`` over a Monty iterator."""
    __slots__ = ('it', 'i')

    def __init__(self, it, start):
        self.it = it
        self.i = start

    def __iter__(self):
        return self

    def __next__(self):
        v = P.next_value(self.it)
        i = self.i
        self.i += 1
        return (i, v)

    def step(self):
        """One pair, as a CallReq when the iterator is Monty code."""
        if R.plain_iterable(self.it):
            return self.__next__()
        i = self.i
        self.i += 1
        return R.callback_req('enumerate_next', self.it, i)


T.HOST_TYPE_MAP[EnumerateIter] = T.host_type_class(type(enumerate([])))


STEPPING_ITERS = (MapIter, FilterIter, ZipIter, EnumerateIter, CallableIter)


def _iter_self(it):
    return it


def _step_next(it):
    """``__next__`` of the lazy builtins: a value, or a CallReq when Monty code must run."""
    return it.step() if type(it) in STEPPING_ITERS else next(it)


def _install_stepping() -> None:
    for host in STEPPING_ITERS:
        cls = T.HOST_TYPE_MAP[host]
        cls.dict['__iter__'] = NativeFunction('__iter__', _iter_self, self_type=cls.name)
        cls.dict['__next__'] = NativeFunction('__next__', _step_next, self_type=cls.name)


_install_stepping()


@builtin('enumerate')
def enumerate_(iterable, start=0):
    it = _iter_arg(iterable, 'enumerate', 0)
    if type(it) in P.HOST_ITER_TYPES and type(it) not in (MapIter, FilterIter, ZipIter,
                                                             EnumerateIter, CallableIter):
        return enumerate(it, start)
    return EnumerateIter(it, start)


@builtin('reversed')
def reversed_(seq):
    t = type(seq)
    if t in (list, tuple, range, str, dict, bytes) or t in (type({}.keys()), type({}.values()),
                                                            type({}.items())):
        return reversed(seq)
    cls = T.type_of(seq)
    m = cls.lookup('__reversed__')
    if m is not UNBOUND:
        return P.method_req(m, seq)
    if cls.lookup('__len__') is not UNBOUND and cls.lookup('__getitem__') is not UNBOUND:
        n = P.sync(len_(seq))
        return iter([P.sync(P.get_item(seq, i)) for i in range(n - 1, -1, -1)])
    raise TypeError(f"'{T.error_name(cls)}' object is not reversible")


@builtin('vars')
def vars_(obj=_MISSING):
    raise NameError("name 'vars' is not defined")


@builtin('input', needs_vm=True)
def input_(vm, prompt=''):
    return vm.read_input(mstr(prompt))


def _blocked(name):
    def fn(*args, **kwargs):
        raise NameError(f"name '{name}' is not defined")
    return fn


@builtin('open', needs_vm=True)
def open_(vm, file, mode='r', *args, **kwargs):
    from .file_objects import open_file
    return open_file(vm, file, mode, *args, **kwargs)


P.monty_binary_named = lambda name, a, b: _divmod_dunder(a, b)


def _divmod_dunder(a, b):
    ca, cb = T.type_of(a), T.type_of(b)
    m = ca.lookup('__divmod__')
    if m is not UNBOUND:
        r = P.call_method_sync(m, a, b)
        if r is not NotImplemented:
            return r
    m = cb.lookup('__rdivmod__')
    if m is not UNBOUND:
        r = P.call_method_sync(m, b, a)
        if r is not NotImplemented:
            return r
    raise TypeError(f"unsupported operand type(s) for divmod(): "
                    f"'{T.error_name(ca)}' and '{T.error_name(cb)}'")


_unused = (math, BoundMethod, Function, HOST_SUBCLASS_KINDS, to_str)


def _register_iter_ctors() -> None:
    from .constructors import NATIVE_CTORS
    NATIVE_CTORS[MAP_CLASS] = lambda vm, *a, **k: map_(*a, **k)
    NATIVE_CTORS[FILTER_CLASS] = lambda vm, *a, **k: filter_(*a, **k)


_register_iter_ctors()


@builtin('vars')
def vars_(*args):
    if not args:
        raise TypeError('vars() without arguments is not supported in the sandbox')
    obj = args[0]
    if isinstance(obj, P.INSTANCE_TYPES):
        from .slots import has_instance_dict
        if not has_instance_dict(T.type_of(obj)):
            raise TypeError('vars() argument must have __dict__ attribute')
        return P.instance_getattr(obj, '__dict__')
    from ..objects.model import Module
    if type(obj) is Module:
        return obj.dict
    if type(obj) is MClass:
        return dict(obj.dict)
    raise TypeError('vars() argument must have __dict__ attribute')


@builtin('globals', needs_vm=True)
def globals_(vm):
    return vm.frame.globals


@builtin('locals', needs_vm=True)
def locals_(vm):
    f = vm.frame
    if f.ns is not None:
        return f.ns
    if f.code.flags & 64:
        return f.globals
    return frame_locals(f)


def frame_locals(f) -> dict:
    """A snapshot of a function frame's variables by name, cells and free variables too."""
    code = f.code
    out = {n: v for n, v in zip(code.varnames, f.locals) if v is not UNBOUND}
    base = len(code.varnames)
    for i, name in enumerate(list(code.cellvars) + list(code.freevars)):
        cell = f.locals[base + i] if base + i < len(f.locals) else None
        v = getattr(cell, 'v', UNBOUND)
        if v is not UNBOUND:
            out[name] = v
        else:
            out.pop(name, None)
    return out


@builtin('dir', needs_vm=True)
def dir_(vm, *args):
    if not args:
        return sorted(locals_(vm))
    obj = args[0]
    names = set()
    if isinstance(obj, P.INSTANCE_TYPES):
        names.update(P._host_sub_attrs(obj) if not hasattr(obj, 'attrs') else obj.attrs)
        classes = T.type_of(obj).mro
    elif type(obj) is MClass:
        classes = obj.mro
    else:
        from ..objects.model import Module
        if type(obj) is Module:
            return sorted(obj.dict)
        classes = T.type_of(obj).mro
    for c in classes:
        names.update(c.dict)
    return sorted(n for n in names if n not in P.BLOCKED_ATTRS)


def _run_string(vm, source, globals_, mode: str, locals_=None):
    import ast as _ast
    from ..compiler.codegen import compile_source
    if not isinstance(source, str):
        raise TypeError(f'{mode}() arg 1 must be a string, bytes or code object')
    if globals_ is not None and not isinstance(globals_, dict):
        raise TypeError('globals must be a real dict; try eval(expr, {}, mapping)'
                        if mode == 'eval' else
                        f'exec() globals must be a dict, not {T.type_name(globals_)}')
    if locals_ is not None and not _is_mapping(locals_):
        raise TypeError(f'locals must be a mapping' if mode == 'eval' else
                        f'locals must be a mapping or None, not {T.type_name(locals_)}')
    if mode == 'eval':
        try:
            _ast.parse(source.strip(), mode='eval')
        except SyntaxError as exc:
            raise SyntaxError(exc.msg) from None
    g = globals_ if globals_ is not None else vm.frame.globals
    ns = locals_ if locals_ is not None else \
        _caller_namespace(vm.frame) if globals_ is None else None
    if ns is g:
        ns = None
    code = compile_source(source.strip() if mode == 'eval' else source, '<string>',
                          return_last=(mode == 'eval'), module_names=ns is not None)
    saved = vm.builtins
    if g is globals_ and '__builtins__' in g:
        vm.builtins = _ScopedBuiltins(vm, g, _builtins_from(g['__builtins__']), saved)
    try:
        result = _run_code(vm, code, g, ns)
    finally:
        vm.builtins = saved
    return result if mode == 'eval' else None


def _is_mapping(obj) -> bool:
    return isinstance(obj, dict) or P.attr_or_missing(obj, '__getitem__') is not UNBOUND


def _caller_namespace(f):
    """The locals ``eval``/``exec`` see by default: a class body's namespace, a snapshot of a
    function's variables, or None at module level (where the locals are the globals)."""
    if f.ns is not None:
        return f.ns
    if f.code.flags & 64:
        return None
    return frame_locals(f)


def _run_code(vm, code, g: dict, ns):
    """Run compiled ``<string>`` code with globals ``g`` and the namespace ``ns``."""
    from ..objects.model import Function
    if ns is None:
        return P.call_sync(Function(code, g))
    from ..vm.frame import Frame
    frame = Frame(vm, code, [], g)
    frame.ns = ns
    caller = vm.frame
    saved_pc = caller.pc
    try:
        kind, value = vm.run_frame(frame)
    finally:
        caller.pc = saved_pc
    return value


class _Unsubscriptable(dict):
    """Builtins of a globals dict whose ``__builtins__`` is not a mapping: every builtin lookup
    is CPython's TypeError."""
    __slots__ = ('type_name',)

    def __contains__(self, name) -> bool:
        raise TypeError(f"'{self.type_name}' object is not subscriptable")


class _ScopedBuiltins(dict):
    """The VM's builtins during an ``eval``/``exec`` whose globals name their own: frames
    running with those globals see ``own``, every other frame (library code, functions the
    code calls) the VM's ``usual`` builtins."""
    __slots__ = ('vm', 'globals', 'own', 'usual')

    def __init__(self, vm, globals_: dict, own: dict, usual: dict):
        super().__init__()
        self.vm, self.globals, self.own, self.usual = vm, globals_, own, usual

    def _current(self) -> dict:
        f = self.vm.frame
        return self.own if f is not None and f.globals is self.globals else self.usual

    def __contains__(self, name) -> bool:
        return name in self._current()

    def __getitem__(self, name):
        return self._current()[name]

    def get(self, name, default=None):
        b = self._current()
        return b[name] if name in b else default


def _builtins_from(value) -> dict:
    """The builtins an ``eval``/``exec`` run sees for a globals ``__builtins__`` entry."""
    from ..objects.model import Module
    if isinstance(value, dict):
        return value
    if type(value) is Module:
        return value.dict
    out = _Unsubscriptable()
    out.type_name = T.type_name(value)
    return out


@builtin('eval', needs_vm=True)
def eval_(vm, source, globals=None, locals=None):
    return _run_string(vm, source, globals, 'eval', locals)


@builtin('exec', needs_vm=True)
def exec_(vm, source, globals=None, locals=None):
    return _run_string(vm, source, globals, 'exec', locals)
