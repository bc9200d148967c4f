"""``operator``: the operator functions and the itemgetter/attrgetter/methodcaller callables,
all dispatched through Monty's own data model so user dunders run."""
from __future__ import annotations

from ...objects.model import UNBOUND, Instance, MClass, Module, NativeFunction
from ...vm import protocol as P
from .. import types as T
from ..constructors import NATIVE_CTORS

BINARY = ('add', 'sub', 'mul', 'truediv', 'floordiv', 'mod', 'pow', 'lshift', 'rshift', 'and_',
          'or_', 'xor', 'matmul')
COMPARE = ('lt', 'le', 'eq', 'ne', 'gt', 'ge')
UNARY = ('neg', 'pos', 'invert')


def _binary(i: int, inplace: bool):
    return lambda a, b: P.sync(P.binary_op(i, a, b, inplace))


def _compare(i: int):
    return lambda a, b: P.sync(P.compare(i, a, b))


def _unary(i: int):
    return lambda a: P.sync(P.unary_op(i, a))


def index(a):
    """``operator.index``: ``a.__index__()`` with CPython's error."""
    if isinstance(a, int):
        return int(a) if type(a) is not bool else a
    m = T.type_of(a).lookup('__index__')
    if m is UNBOUND:
        raise TypeError(f"'{T.type_name(a)}' object cannot be interpreted as an integer")
    return P.call_method_sync(m, a)


def _has_getitem(x) -> bool:
    return T.type_of(x).lookup('__getitem__') is not UNBOUND


def concat(a, b):
    if not _has_getitem(a):
        raise TypeError(f"'{T.type_name(a)}' object can't be concatenated")
    return P.sync(P.binary_op(0, a, b))


def iconcat(a, b):
    if not _has_getitem(a):
        raise TypeError(f"'{T.type_name(a)}' object can't be concatenated")
    return P.sync(P.binary_op(0, a, b, True))


def count_of(a, b) -> int:
    return sum(1 for x in P.iterate(a) if x is b or P.truthy(P.sync(P.compare(2, x, b))))


def index_of(a, b) -> int:
    for i, x in enumerate(P.iterate(a)):
        if x is b or P.truthy(P.sync(P.compare(2, x, b))):
            return i
    raise ValueError('sequence.index(x): x not in sequence')


def abs_(a):
    from ..functions import abs_ as builtin_abs
    return P.sync(builtin_abs(a))


def length_hint(obj, default=0):
    try:
        from ..functions import len_
        return P.sync(len_(obj))
    except TypeError:
        return default


SIMPLE = {
    'not_': lambda a: not P.truthy(a),
    'truth': lambda a: P.truthy(a),
    'is_': lambda a, b: a is b,
    'is_not': lambda a, b: a is not b,
    'contains': lambda a, b: P.contains(a, b),
    'getitem': lambda a, b: P.sync(P.get_item(a, b)),
    'setitem': lambda a, b, c: P.sync(P.set_item(a, b, c)) and None,
    'delitem': lambda a, b: P.sync(P.del_item(a, b)) and None,
    'index': index,
    'abs': abs_,
    'concat': concat,
    'iconcat': iconcat,
    'countOf': count_of,
    'indexOf': index_of,
    'length_hint': length_hint,
}


# -- callable objects ---------------------------------------------------------------------------
class Callable_(Instance):
    """An itemgetter/attrgetter/methodcaller: a Monty instance carrying host-side state."""
    __slots__ = ('spec',)


def _cls(name: str) -> MClass:
    cls = T.native_class(name, None, (T.OBJECT,), module='operator')
    cls.dict['__module__'] = 'operator'
    cls.final = True
    return cls


ITEMGETTER = _cls('itemgetter')
ATTRGETTER = _cls('attrgetter')
METHODCALLER = _cls('methodcaller')


def _new(cls, spec):
    obj = Callable_(cls)
    obj.spec = spec
    return obj


def _items(kind: str, args: tuple):
    if not args:
        raise TypeError(f'{kind} expected 1 argument, got 0')
    return args


def make_itemgetter(vm, *items):
    return _new(ITEMGETTER, _items('itemgetter', items))


def make_attrgetter(vm, *names):
    for n in _items('attrgetter', names):
        if not isinstance(n, str):
            raise TypeError('attribute name must be a string')
    return _new(ATTRGETTER, names)


def make_methodcaller(vm, *args, **kwargs):
    if not args:
        raise TypeError('methodcaller needs at least one argument, the method name')
    if not isinstance(args[0], str):
        raise TypeError('method name must be a string')
    return _new(METHODCALLER, (args[0], args[1:], kwargs))


def _dotted(obj, name: str):
    for part in name.split('.'):
        obj = P.sync(P.get_attr(obj, part))
    return obj


def call_itemgetter(self, obj):
    items = self.spec
    if len(items) == 1:
        return P.sync(P.get_item(obj, items[0]))
    return tuple(P.sync(P.get_item(obj, i)) for i in items)


def call_attrgetter(self, obj):
    names = self.spec
    if len(names) == 1:
        return _dotted(obj, names[0])
    return tuple(_dotted(obj, n) for n in names)


def call_methodcaller(self, obj):
    name, args, kwargs = self.spec
    return P.call_sync(P.sync(P.get_attr(obj, name)), *args, **kwargs)


def _repr_args(self) -> str:
    if self.mcls is METHODCALLER:
        name, args, kwargs = self.spec
        parts = [repr(name)] + [repr(a) for a in args]
        parts += [f'{k}={v!r}' for k, v in kwargs.items()]
        return ', '.join(parts)
    return ', '.join(repr(a) for a in self.spec)


def callable_repr(self) -> str:
    return f'operator.{self.mcls.name}({_repr_args(self)})'


def _setup() -> None:
    for cls, ctor, call in ((ITEMGETTER, make_itemgetter, call_itemgetter),
                            (ATTRGETTER, make_attrgetter, call_attrgetter),
                            (METHODCALLER, make_methodcaller, call_methodcaller)):
        NATIVE_CTORS[cls] = ctor
        cls.dict['__call__'] = NativeFunction('__call__', call, self_type=cls.name)
        cls.dict['__repr__'] = NativeFunction('__repr__', callable_repr, self_type=cls.name)


_setup()


def _functions() -> dict:
    fns = dict(SIMPLE)
    for i, name in enumerate(BINARY):
        fns[name] = _binary(i, False)
        fns[f"i{name.rstrip('_')}"] = _binary(i, True)
    for i, name in enumerate(COMPARE):
        fns[name] = _compare(i)
    for i, name in enumerate(UNARY):
        fns[name] = _unary(i)
    fns['inv'] = fns['invert']
    return fns


def build(vm) -> Module:
    ns = {name: NativeFunction(name, fn, module='operator') for name, fn in _functions().items()}
    ns.update(itemgetter=ITEMGETTER, attrgetter=ATTRGETTER, methodcaller=METHODCALLER)
    return Module('operator', ns)
