"""``typing``: special forms, generic aliases, ``TypeVar``/``Generic``/``Protocol``,
``NamedTuple``/``TypedDict`` class syntax and the introspection helpers, written in Monty.

Aliases print like CPython's (``typing.Optional[int]``) and subscripting, ``|``, equality,
``get_origin``/``get_args`` and ``get_type_hints`` behave the same; nothing is enforced.
"""
from __future__ import annotations

from ...objects.model import Function, NativeFunction
from ...vm import protocol as P
from ..unions import UnionType, type_repr
from .lib_support import helpers


def _alias_parts(x):
    """``(origin, args)`` of ``list[int]`` or ``int | str``, else None."""
    if type(x) is P.GenericAlias:
        return (x.origin, x.args)
    if type(x) is UnionType:
        return (None, x.args)
    return None


def _hint_globals(obj) -> dict:
    """The namespace string annotations of ``obj`` are evaluated in."""
    if type(obj) is Function:
        return obj.globals
    vm = P.current[0]
    f = vm.frame
    while f.back is not None and f.globals.get('__name__') == 'typing':
        f = f.back
    return f.globals


def natives(vm) -> dict:
    """Host helpers the Monty source below relies on."""
    ns = helpers('typing', '_caller_module', '_class_ns')
    for name, fn in (('_alias_parts', _alias_parts), ('_hint_globals', _hint_globals),
                     ('_type_repr', type_repr)):
        ns[name] = NativeFunction(name, fn, module='typing')
    return ns


SOURCE = r'''
import collections

TYPE_CHECKING = False
_NoneType = type(None)


def _tuple(params):
    return params if isinstance(params, tuple) else (params,)


def _type_check(arg):
    if arg is None:
        return _NoneType
    if isinstance(arg, str):
        return ForwardRef(arg)
    return arg


def _type_repr_typing(obj):
    if obj is _NoneType:
        return 'NoneType'
    if isinstance(obj, type) or obj is ...:
        return _type_repr(obj)
    if isinstance(obj, list):
        return '[' + ', '.join(_type_repr_typing(a) for a in obj) + ']'
    return repr(obj)


def _collect_parameters(args):
    params = []
    for a in args:
        if isinstance(a, TypeVar):
            if a not in params:
                params.append(a)
        else:
            for p in getattr(a, '__parameters__', ()) if isinstance(a, _BaseAlias) else ():
                if p not in params:
                    params.append(p)
    return tuple(params)


class ForwardRef:
    def __init__(self, arg):
        if not isinstance(arg, str):
            raise TypeError(f"Forward reference must be a string -- got {arg!r}")
        self.__forward_arg__ = arg

    def __repr__(self):
        return f'ForwardRef({self.__forward_arg__!r})'

    def __eq__(self, other):
        if not isinstance(other, ForwardRef):
            return NotImplemented
        return self.__forward_arg__ == other.__forward_arg__

    def __hash__(self):
        return hash(self.__forward_arg__)


class _BaseAlias:
    def __or__(self, other):
        return Union[self, other]

    def __ror__(self, other):
        return Union[other, self]


class _GenericAlias(_BaseAlias):
    def __init__(self, origin, args, name=None, check=True):
        args = _tuple(args)
        self.__origin__ = origin
        self.__args__ = tuple(_type_check(a) for a in args) if check else args
        self.__parameters__ = _collect_parameters(self.__args__)
        self._name = name

    def __repr__(self):
        if self._name is not None:
            head = 'typing.' + self._name
        else:
            head = _type_repr_typing(self.__origin__)
        if not self.__args__:
            return head + '[()]'
        return head + '[' + ', '.join(_type_repr_typing(a) for a in self.__args__) + ']'

    def __eq__(self, other):
        if not isinstance(other, _GenericAlias):
            return NotImplemented
        return self.__origin__ == other.__origin__ and self.__args__ == other.__args__

    def __hash__(self):
        return hash((self.__origin__, self.__args__))

    def __call__(self, *args, **kwargs):
        if self._name is not None and isinstance(self.__origin__, type):
            raise TypeError(f"Type {self._name} cannot be instantiated; "
                            f"use {self.__origin__.__name__}() instead")
        if not callable(self.__origin__) or isinstance(self.__origin__, _SpecialForm):
            raise TypeError(f"Cannot instantiate {self!r}")
        return self.__origin__(*args, **kwargs)

    def __getitem__(self, params):
        params = _tuple(params)
        if len(params) != len(self.__parameters__):
            raise TypeError(f"Too {'many' if len(params) > len(self.__parameters__) else 'few'}"
                            f" arguments for {self!r}")
        subst = dict(zip(self.__parameters__, params))
        args = tuple(_substitute(a, subst) for a in self.__args__)
        return self._copy_with(args)

    def _copy_with(self, args):
        return type(self)(self.__origin__, args, self._name)

    def __mro_entries__(self, bases):
        if isinstance(self.__origin__, _SpecialForm):
            raise TypeError(f"Cannot subclass {self!r}")
        if self.__origin__ is Generic and Protocol in bases:
            return ()
        return (self.__origin__,)

    def __getattr__(self, name):
        if name.startswith('__') and name.endswith('__'):
            raise AttributeError(name)
        return getattr(self.__origin__, name)

    def __instancecheck__(self, obj):
        raise TypeError('Subscripted generics cannot be used with class and instance checks')


def _substitute(arg, subst):
    if isinstance(arg, TypeVar):
        return subst.get(arg, arg)
    if isinstance(arg, _GenericAlias) and arg.__parameters__:
        return arg[tuple(subst.get(p, p) for p in arg.__parameters__)]
    return arg


class _UnionAlias(_GenericAlias):
    def __repr__(self):
        args = self.__args__
        if len(args) == 2 and _NoneType in args:
            other = args[1] if args[0] is _NoneType else args[0]
            return f'typing.Optional[{_type_repr_typing(other)}]'
        return 'typing.Union[' + ', '.join(_type_repr_typing(a) for a in args) + ']'

    def __eq__(self, other):
        if not isinstance(other, _UnionAlias):
            return NotImplemented
        return set(self.__args__) == set(other.__args__)

    def __hash__(self):
        return hash(frozenset(self.__args__))

    def _copy_with(self, args):
        return Union[args]

    def __instancecheck__(self, obj):
        return isinstance(obj, tuple(a for a in self.__args__ if isinstance(a, type)))


class _LiteralAlias(_GenericAlias):
    def __repr__(self):
        return 'typing.Literal[' + ', '.join(repr(a) for a in self.__args__) + ']'

    def __eq__(self, other):
        if not isinstance(other, _LiteralAlias):
            return NotImplemented
        return set(self.__args__) == set(other.__args__)

    def __hash__(self):
        return hash(frozenset(self.__args__))


class _CallableAlias(_GenericAlias):
    def __repr__(self):
        args = self.__args__
        if len(args) == 2 and args[0] is ...:
            return f'typing.Callable[..., {_type_repr_typing(args[1])}]'
        params = ', '.join(_type_repr_typing(a) for a in args[:-1])
        return f'typing.Callable[[{params}], {_type_repr_typing(args[-1])}]'

    def _copy_with(self, args):
        return _CallableAlias(self.__origin__, args, 'Callable')


class _AnnotatedAlias(_GenericAlias):
    def __init__(self, origin, metadata):
        _GenericAlias.__init__(self, origin, (origin,))
        self.__metadata__ = metadata

    def __repr__(self):
        meta = ', '.join(repr(m) for m in self.__metadata__)
        return f'typing.Annotated[{_type_repr_typing(self.__origin__)}, {meta}]'


class _SpecialForm(_BaseAlias):
    def __init__(self, name, getitem):
        self._name = name
        self._getitem = getitem

    def __repr__(self):
        return 'typing.' + self._name

    def __getitem__(self, params):
        return self._getitem(self, params)

    def __call__(self, *args, **kwargs):
        raise TypeError(f'Cannot instantiate {self!r}')

    def __instancecheck__(self, obj):
        raise TypeError(f'{self!r} cannot be used with isinstance()')


def _union_item(form, params):
    if params == ():
        raise TypeError('Cannot take a Union of no types.')
    flat = []
    for p in _tuple(params):
        p = _type_check(p)
        if isinstance(p, _UnionAlias):
            items = p.__args__
        else:
            parts = _alias_parts(p)
            items = parts[1] if parts is not None and parts[0] is None else (p,)
        for x in items:
            if x not in flat:
                flat.append(x)
    if len(flat) == 1:
        return flat[0]
    return _UnionAlias(form, tuple(flat), check=False)


def _optional_item(form, param):
    return Union[param, None]


def _literal_item(form, params):
    return _LiteralAlias(form, _tuple(params), 'Literal', check=False)


def _wrapper_item(form, param):
    if isinstance(param, tuple) and len(param) != 1:
        raise TypeError(f'{form._name} accepts only single type.')
    return _GenericAlias(form, _tuple(param), form._name)


def _annotated_item(form, params):
    params = _tuple(params)
    if len(params) < 2:
        raise TypeError('Annotated[...] should be used with at least two arguments '
                        '(a type and an annotation).')
    return _AnnotatedAlias(_type_check(params[0]), params[1:])


def _not_subscriptable(form, params):
    raise TypeError(f'{form!r} is not subscriptable')


Union = _SpecialForm('Union', _union_item)
Optional = _SpecialForm('Optional', _optional_item)
Literal = _SpecialForm('Literal', _literal_item)
Final = _SpecialForm('Final', _wrapper_item)
ClassVar = _SpecialForm('ClassVar', _wrapper_item)
TypeGuard = _SpecialForm('TypeGuard', _wrapper_item)
Required = _SpecialForm('Required', _wrapper_item)
NotRequired = _SpecialForm('NotRequired', _wrapper_item)
Concatenate = _SpecialForm('Concatenate', _GenericAlias)
Unpack = _SpecialForm('Unpack', _wrapper_item)


class Annotated:
    def __new__(cls, *args, **kwargs):
        raise TypeError('Type Annotated cannot be instantiated.')

    def __class_getitem__(cls, params):
        return _annotated_item(cls, params)


NoReturn = _SpecialForm('NoReturn', _not_subscriptable)
Never = _SpecialForm('Never', _not_subscriptable)
Self = _SpecialForm('Self', _not_subscriptable)
LiteralString = _SpecialForm('LiteralString', _not_subscriptable)
TypeAlias = _SpecialForm('TypeAlias', _not_subscriptable)


def _has(obj, *names):
    cls = type(obj)
    return all(hasattr(cls, n) for n in names)


class _SpecialGenericAlias(_BaseAlias):
    def __init__(self, origin, name, check=None, callable_form=False):
        self.__origin__ = origin
        self._name = name
        self._check = check
        self._callable = callable_form

    def __repr__(self):
        return 'typing.' + self._name

    def __getitem__(self, params):
        if self._callable:
            return _callable_item(self, params)
        params = _tuple(params)
        if self._name == 'Tuple' and params == ((),):
            params = ()
        return _GenericAlias(self.__origin__, params, self._name)

    def __call__(self, *args, **kwargs):
        if isinstance(self.__origin__, type):
            raise TypeError(f"Type {self._name} cannot be instantiated; "
                            f"use {self.__origin__.__name__}() instead")
        raise TypeError(f'Cannot instantiate {self!r}')

    def __mro_entries__(self, bases):
        return (self.__origin__,)

    def __instancecheck__(self, obj):
        if self._check is not None:
            return self._check(obj)
        if isinstance(self.__origin__, type):
            return isinstance(obj, self.__origin__)
        raise TypeError(f'{self!r} cannot be used with isinstance()')

    def __eq__(self, other):
        return self is other

    def __hash__(self):
        return hash(self._name)


def _callable_item(alias, params):
    if not isinstance(params, tuple) or len(params) != 2:
        raise TypeError('Callable must be used as Callable[[arg, ...], result].')
    args, result = params
    if args is ...:
        items = (..., _type_check(result))
    elif isinstance(args, list):
        items = tuple(_type_check(a) for a in args) + (_type_check(result),)
    else:
        raise TypeError(f'Callable[args, result]: args must be a list. Got {args!r}')
    return _CallableAlias(alias.__origin__, items, 'Callable', check=False)


def _is_sequence(x):
    return isinstance(x, (list, tuple, str, range, bytes, bytearray))


List = _SpecialGenericAlias(list, 'List')
Dict = _SpecialGenericAlias(dict, 'Dict')
Set = _SpecialGenericAlias(set, 'Set')
FrozenSet = _SpecialGenericAlias(frozenset, 'FrozenSet')
Tuple = _SpecialGenericAlias(tuple, 'Tuple')
Type = _SpecialGenericAlias(type, 'Type')
Deque = _SpecialGenericAlias(collections.deque, 'Deque')
DefaultDict = _SpecialGenericAlias(collections.defaultdict, 'DefaultDict')
OrderedDict = _SpecialGenericAlias(collections.OrderedDict, 'OrderedDict')
Counter = _SpecialGenericAlias(collections.Counter, 'Counter')
ChainMap = _SpecialGenericAlias(getattr(collections, 'ChainMap', dict), 'ChainMap')
Callable = _SpecialGenericAlias(None, 'Callable', callable, True)
Iterable = _SpecialGenericAlias(None, 'Iterable', lambda x: _has(x, '__iter__'))
Iterator = _SpecialGenericAlias(None, 'Iterator', lambda x: _has(x, '__iter__', '__next__'))
Generator = _SpecialGenericAlias(None, 'Generator', lambda x: _has(x, 'send', 'throw'))
Reversible = _SpecialGenericAlias(None, 'Reversible', lambda x: _has(x, '__reversed__'))
Container = _SpecialGenericAlias(None, 'Container', lambda x: _has(x, '__contains__'))
Collection = _SpecialGenericAlias(
    None, 'Collection', lambda x: _has(x, '__len__', '__iter__', '__contains__'))
Sized = _SpecialGenericAlias(None, 'Sized', lambda x: _has(x, '__len__'))
Hashable = _SpecialGenericAlias(None, 'Hashable', lambda x: type(x).__hash__ is not None)
Sequence = _SpecialGenericAlias(None, 'Sequence', _is_sequence)
MutableSequence = _SpecialGenericAlias(None, 'MutableSequence', lambda x: isinstance(x, list))
Mapping = _SpecialGenericAlias(None, 'Mapping', lambda x: isinstance(x, dict))
MutableMapping = _SpecialGenericAlias(None, 'MutableMapping', lambda x: isinstance(x, dict))
AbstractSet = _SpecialGenericAlias(None, 'AbstractSet', lambda x: isinstance(x, (set, frozenset)))
MutableSet = _SpecialGenericAlias(None, 'MutableSet', lambda x: isinstance(x, set))
KeysView = _SpecialGenericAlias(None, 'KeysView')
ValuesView = _SpecialGenericAlias(None, 'ValuesView')
ItemsView = _SpecialGenericAlias(None, 'ItemsView')
MappingView = _SpecialGenericAlias(None, 'MappingView')
Awaitable = _SpecialGenericAlias(None, 'Awaitable', lambda x: _has(x, '__await__'))
Coroutine = _SpecialGenericAlias(None, 'Coroutine')
AsyncIterable = _SpecialGenericAlias(None, 'AsyncIterable', lambda x: _has(x, '__aiter__'))
AsyncIterator = _SpecialGenericAlias(None, 'AsyncIterator', lambda x: _has(x, '__anext__'))
AsyncGenerator = _SpecialGenericAlias(None, 'AsyncGenerator')
ContextManager = _SpecialGenericAlias(None, 'ContextManager',
                                      lambda x: _has(x, '__enter__', '__exit__'))
AsyncContextManager = _SpecialGenericAlias(None, 'AsyncContextManager')
Pattern = _SpecialGenericAlias(None, 'Pattern')
Match = _SpecialGenericAlias(None, 'Match')
Text = str


class TypeVar(_BaseAlias):
    def __init__(self, name, *constraints, bound=None, covariant=False, contravariant=False):
        if covariant and contravariant:
            raise ValueError('Bivariant types are not supported.')
        if len(constraints) == 1:
            raise TypeError('A single constraint is not allowed')
        self.__name__ = name
        self.__constraints__ = tuple(_type_check(c) for c in constraints)
        self.__bound__ = _type_check(bound) if bound is not None else None
        self.__covariant__ = bool(covariant)
        self.__contravariant__ = bool(contravariant)
        self.__module__ = _caller_module()

    def __repr__(self):
        prefix = '+' if self.__covariant__ else '-' if self.__contravariant__ else '~'
        return prefix + self.__name__


class ParamSpec(_BaseAlias):
    def __init__(self, name, *, bound=None, covariant=False, contravariant=False):
        self.__name__ = name
        self.__bound__ = bound

    def __repr__(self):
        return '~' + self.__name__


AnyStr = TypeVar('AnyStr', bytes, str)


class _AnyMeta(type):
    def __instancecheck__(self, obj):
        if self is Any:
            raise TypeError('typing.Any cannot be used with isinstance()')
        return super().__instancecheck__(obj)

    def __repr__(self):
        if self is Any:
            return 'typing.Any'
        return super().__repr__()


class Any(metaclass=_AnyMeta):
    pass


class Generic:
    __slots__ = ()

    def __class_getitem__(cls, params):
        params = _tuple(params)
        if not params:
            raise TypeError(f'Parameter list to {cls.__qualname__}[...] cannot be empty')
        if cls is Generic or cls is Protocol:
            for p in params:
                if not isinstance(p, (TypeVar, ParamSpec)):
                    raise TypeError(f'Parameters to {cls.__name__}[...] must all be type '
                                    'variables or parameter specification variables.')
            if len(set(params)) != len(params):
                raise TypeError(f'Parameters to {cls.__name__}[...] must all be unique')
            return _GenericAlias(cls, params)
        own = cls.__dict__.get('__parameters__', ())
        if len(params) != len(own):
            raise TypeError(f"Too {'many' if len(params) > len(own) else 'few'} arguments "
                            f"for {cls!r}; actual {len(params)}, expected {len(own)}")
        return _GenericAlias(cls, params)

    def __init_subclass__(cls, *args, **kwargs):
        super().__init_subclass__(*args, **kwargs)
        tvars = []
        for base in cls.__dict__.get('__orig_bases__', ()):
            if isinstance(base, _GenericAlias):
                for p in base.__parameters__:
                    if p not in tvars:
                        tvars.append(p)
        cls.__parameters__ = tuple(tvars)


_PROTO_SKIP = frozenset(['__module__', '__qualname__', '__doc__', '__dict__', '__weakref__',
                         '__annotations__', '__parameters__', '__orig_bases__', '__slots__',
                         '__init__', '__new__', '__init_subclass__', '__class_getitem__',
                         '_is_protocol', '_is_runtime_protocol', '__abstractmethods__',
                         '__protocol_attrs__', '__classcell__', '__hash__'])


class _ProtocolMeta(type):
    def __instancecheck__(cls, instance):
        if not cls.__dict__.get('_is_protocol', False):
            return super().__instancecheck__(instance)
        if not getattr(cls, '_is_runtime_protocol', False):
            raise TypeError('Instance and class checks can only be used with '
                            '@runtime_checkable protocols')
        if super().__instancecheck__(instance):
            return True
        for attr in cls.__protocol_attrs__:
            if not hasattr(instance, attr):
                return False
        return True


class Protocol(Generic, metaclass=_ProtocolMeta):
    __slots__ = ()
    _is_protocol = True
    _is_runtime_protocol = False

    def __new__(cls, *args, **kwargs):
        if cls.__dict__.get('_is_protocol', False):
            raise TypeError('Protocols cannot be instantiated')
        return super().__new__(cls)

    def __init_subclass__(cls, *args, **kwargs):
        super().__init_subclass__(*args, **kwargs)
        if '_is_protocol' not in cls.__dict__:
            cls._is_protocol = any(b is Protocol for b in cls.__bases__)
        attrs = set()
        for base in cls.__mro__[:-1]:
            if base.__name__ in ('Protocol', 'Generic'):
                continue
            for name in _class_ns(base):
                if name not in _PROTO_SKIP:
                    attrs.add(name)
            for name in _class_ns(base).get('__annotations__', {}):
                attrs.add(name)
        cls.__protocol_attrs__ = attrs


def runtime_checkable(cls):
    if not isinstance(cls, type) or not cls.__dict__.get('_is_protocol', False):
        raise TypeError('@runtime_checkable can be only applied to protocol classes, '
                        f'got {cls!r}')
    cls._is_runtime_protocol = True
    return cls


def cast(typ, val):
    return val


def overload(func):
    return func


def final(f):
    return f


def no_type_check(arg):
    return arg


def assert_type(val, typ):
    return val


def reveal_type(obj):
    return obj


def assert_never(arg):
    raise AssertionError(f'Expected code to be unreachable, but got: {arg!r}')


class NewType:
    def __init__(self, name, tp):
        self.__qualname__ = name
        self.__name__ = name.rpartition('.')[2]
        self.__supertype__ = tp
        self.__module__ = _caller_module()

    def __repr__(self):
        return f'{self.__module__}.{self.__qualname__}'

    def __call__(self, x):
        return x

    def __or__(self, other):
        return Union[self, other]

    def __ror__(self, other):
        return Union[other, self]


def get_origin(tp):
    if isinstance(tp, _AnnotatedAlias):
        return Annotated
    if isinstance(tp, _GenericAlias):
        return tp.__origin__
    if tp is Generic:
        return Generic
    parts = _alias_parts(tp)
    if parts is not None:
        return parts[0] if parts[0] is not None else _union_type_class
    return None


def get_args(tp):
    if isinstance(tp, _AnnotatedAlias):
        return (tp.__origin__,) + tp.__metadata__
    if isinstance(tp, _CallableAlias):
        args = tp.__args__
        if args[0] is ...:
            return args
        return (list(args[:-1]), args[-1])
    if isinstance(tp, _GenericAlias):
        return tp.__args__
    parts = _alias_parts(tp)
    if parts is not None:
        return parts[1]
    return ()


def _eval_hint(value, globalns, localns):
    if value is None:
        return _NoneType
    if isinstance(value, str):
        value = ForwardRef(value)
    if isinstance(value, ForwardRef):
        return _eval_hint(eval(value.__forward_arg__, globalns, localns), globalns, localns)
    if isinstance(value, _GenericAlias) and not isinstance(value, _AnnotatedAlias):
        args = tuple(_eval_hint(a, globalns, localns) if a is not ... else a
                     for a in value.__args__)
        if args != value.__args__:
            if isinstance(value, _UnionAlias):
                return Union[args]
            new = type(value)(value.__origin__, args, value._name, check=False)
            return new
    return value


def get_type_hints(obj, globalns=None, localns=None, include_extras=False):
    if isinstance(obj, type):
        hints = {}
        for base in reversed(obj.__mro__):
            ann = _class_ns(base).get('__annotations__', {})
            g = globalns if globalns is not None else _hint_globals(base)
            for name, value in ann.items():
                hints[name] = _eval_hint(value, g, localns)
        return hints
    ann = getattr(obj, '__annotations__', None)
    if ann is None:
        raise TypeError(f'{obj!r} is not a module, class, method, or function.')
    g = globalns if globalns is not None else _hint_globals(obj)
    return {name: _eval_hint(value, g, localns) for name, value in ann.items()}


_union_type_class = type(int | str)

# -- NamedTuple ---------------------------------------------------------------------------
_PROHIBITED = frozenset(['__new__', '__init__', '__slots__', '__getnewargs__', '_fields',
                         '_field_defaults', '_make', '_replace', '_asdict', '_source'])
_SPECIAL = frozenset(['__module__', '__name__', '__annotations__', '__qualname__',
                      '__orig_bases__', '__classcell__'])


def _make_nmtuple(name, types, module, defaults=()):
    fields = [n for n, t in types]
    nm_tpl = collections.namedtuple(name, fields, defaults=defaults, module=module)
    nm_tpl.__annotations__ = {n: _type_check(t) for n, t in types}
    return nm_tpl


class NamedTupleMeta(type):
    def __new__(cls, typename, bases, ns):
        types = ns.get('__annotations__', {})
        default_names = []
        for field_name in types:
            if field_name in ns:
                default_names.append(field_name)
            elif default_names:
                s = 's' if len(default_names) > 1 else ''
                raise TypeError(f'Non-default namedtuple field {field_name} cannot follow '
                                f"default field{s} {', '.join(default_names)}")
        nm_tpl = _make_nmtuple(typename, list(types.items()), ns['__module__'],
                               [ns[n] for n in default_names])
        for key in ns:
            if key in _PROHIBITED:
                raise AttributeError('Cannot overwrite NamedTuple attribute ' + key)
            if key not in _SPECIAL and key not in nm_tpl._fields:
                setattr(nm_tpl, key, ns[key])
        return nm_tpl


_NamedTuple = type.__new__(NamedTupleMeta, 'NamedTuple', (), {'__module__': 'typing'})


def NamedTuple(typename, fields=None, /, **kwargs):
    if fields is None:
        fields = list(kwargs.items())
    return _make_nmtuple(typename, list(fields), _caller_module())


def _namedtuple_mro_entries(bases):
    return (_NamedTuple,)


NamedTuple.__mro_entries__ = _namedtuple_mro_entries


# -- TypedDict ----------------------------------------------------------------------------
class _TypedDictMeta(type):
    def __new__(cls, name, bases, ns, total=True):
        tp_dict = type.__new__(_TypedDictMeta, name, (dict,), ns)
        annotations = {}
        required = set()
        optional = set()
        for base in bases:
            annotations.update(_class_ns(base).get('__annotations__', {}))
            required.update(_class_ns(base).get('__required_keys__', ()))
            optional.update(_class_ns(base).get('__optional_keys__', ()))
        own = {k: _type_check(v) for k, v in ns.get('__annotations__', {}).items()}
        annotations.update(own)
        for key in own:
            (required if total else optional).add(key)
        tp_dict.__annotations__ = annotations
        tp_dict.__required_keys__ = frozenset(required)
        tp_dict.__optional_keys__ = frozenset(optional)
        tp_dict.__total__ = total
        return tp_dict

    def __call__(cls, *args, **kwargs):
        return dict(*args, **kwargs)

    def __instancecheck__(cls, other):
        raise TypeError('TypedDict does not support instance and class checks')


_TypedDict = type.__new__(_TypedDictMeta, 'TypedDict', (), {'__module__': 'typing'})


def TypedDict(typename, fields=None, /, *, total=True, **kwargs):
    if fields is None:
        fields = kwargs
    ns = {'__annotations__': dict(fields), '__module__': _caller_module()}
    return _TypedDictMeta(typename, (), ns, total=total)


def _typeddict_mro_entries(bases):
    return (_TypedDict,)


TypedDict.__mro_entries__ = _typeddict_mro_entries


class IO(Generic):
    pass


class TextIO(IO):
    pass


class BinaryIO(IO):
    pass


class SupportsInt(Protocol):
    pass


class SupportsFloat(Protocol):
    pass


class SupportsIndex(Protocol):
    pass


class SupportsAbs(Protocol):
    pass
'''
