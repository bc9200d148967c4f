"""Method tables of the builtin types, built once from explicit name lists.

Most methods are the host's own (identical behaviour on host values); the overrides below
accept Monty iterables and callbacks, and check sizes before allocating.
"""
from __future__ import annotations

from ..objects.model import (UNBOUND, ExcInstance, Function, HOST_SUBCLASS_KINDS, Instance,
                             MClass, NativeAttr, NativeFunction, StaticMethod)
from ..vm import protocol as P
from . import types as T
from .formatting import format_map, str_format_req

HOST_METHODS = {
    T.STR: ('capitalize casefold count encode endswith find index isalnum isalpha isascii '
            'isdecimal isdigit isidentifier islower isnumeric isprintable isspace istitle '
            'isupper lower lstrip partition removeprefix removesuffix rfind rindex rpartition '
            'rsplit rstrip split splitlines startswith strip swapcase title translate upper'),
    T.LIST: 'append clear copy count index insert pop remove reverse',
    T.DICT: 'clear copy get items keys pop popitem setdefault values',
    T.SET: ('add clear copy discard isdisjoint issubset issuperset pop remove'),
    T.FROZENSET: 'copy isdisjoint issubset issuperset',
    T.TUPLE: 'count index',
    T.BYTES: ('capitalize count decode endswith find hex index isalnum isalpha isascii isdigit '
              'islower isspace istitle isupper lower lstrip partition removeprefix '
              'removesuffix rfind rindex rpartition rsplit rstrip split splitlines startswith '
              'strip swapcase title translate upper'),
    T.BYTEARRAY: ('append capitalize clear copy count decode endswith extend find hex index insert '
                  'isalnum isalpha isascii isdigit islower isspace istitle isupper lower lstrip '
                  'partition pop removeprefix removesuffix reverse remove rfind rindex rpartition '
                  'rsplit rstrip split splitlines startswith strip swapcase title translate upper'),
    T.INT: 'bit_length bit_count conjugate as_integer_ratio',
    T.BOOL: 'bit_length bit_count conjugate as_integer_ratio',
    T.FLOAT: 'is_integer as_integer_ratio hex conjugate',
    T.COMPLEX: 'conjugate',
    T.RANGE: 'count index',
    T.SLICE: 'indices',
}

HOST_ATTRS = {
    T.INT: 'real imag numerator denominator',
    T.BOOL: 'real imag numerator denominator',
    T.FLOAT: 'real imag',
    T.COMPLEX: 'real imag',
    T.RANGE: 'start stop step',
    T.SLICE: 'start stop step',
}

DUNDERS = ('__getitem__ __setitem__ __delitem__ __contains__ __len__ __iter__ __eq__ __ne__ '
           '__lt__ __le__ __gt__ __ge__ __add__ __sub__ __mul__ __truediv__ __floordiv__ '
           '__mod__ __pow__ __and__ __or__ __xor__ __lshift__ __rshift__ __neg__ __pos__ '
           '__abs__ __invert__ __radd__ __rsub__ __rmul__ __rtruediv__ __rfloordiv__ __rmod__ '
           '__rpow__ __rand__ __ror__ __rxor__ __bool__ __int__ __float__ __index__ __round__ '
           '__iadd__ __imul__ __ior__ __isub__ __iand__ __reversed__ __hash__').split()


def add_method(cls: MClass, name: str, fn, needs_vm: bool = False) -> None:
    cls.dict[name] = NativeFunction(name, fn, needs_vm=needs_vm, self_type=cls.name)


def _host_methods() -> None:
    for cls, names in HOST_METHODS.items():
        host = cls.host_type
        for name in names.split():
            add_method(cls, name, getattr(host, name))
    for cls, names in HOST_ATTRS.items():
        host = cls.host_type
        for name in names.split():
            getter = getattr(host, name).__get__
            cls.dict[name] = NativeAttr(name, lambda obj, g=getter: g(obj))
    for cls in (T.INT, T.FLOAT, T.STR, T.BYTES, T.LIST, T.TUPLE, T.DICT, T.SET, T.FROZENSET,
                T.BOOL, T.COMPLEX, T.RANGE):
        host = cls.host_type
        for name in DUNDERS:
            fn = host.__dict__.get(name)
            if fn is not None and name not in cls.dict:
                add_method(cls, name, fn)
        add_method(cls, '__repr__', host.__repr__)
        add_method(cls, '__str__', host.__str__)
        add_method(cls, '__format__', host.__format__)
        if host in (list, dict, set):
            add_method(cls, '__init__', host.__init__)
        cls.dict['__new__'] = NativeFunction('__new__', _builtin_new(cls), self_type=cls.name)


def _builtin_new(cls):
    def new(subcls, *args, **kwargs):
        from .constructors import NATIVE_CTORS, create_instance
        if type(subcls) is not MClass:
            raise TypeError(f'{T.error_name(cls)}.__new__(X): X is not a type object '
                            f'({T.type_name(subcls)})')
        _check_new_target(subcls, cls)
        if subcls is cls:
            return P.sync(NATIVE_CTORS[cls](P.current[0], *args, **kwargs))
        return create_instance(subcls, args, kwargs)
    return new


# -- str overrides ---------------------------------------------------------------------------
def _width_check(n):
    vm = P.current[0]
    if vm is not None and vm.tracker is not None and isinstance(n, int):
        vm.tracker.check_alloc(n)


def _padder(host_type: type, name: str):
    """The host's padding method behind an allocation check of the requested width."""
    host = getattr(host_type, name)

    def fn(s, *args, **kwargs):
        if args:
            _width_check(args[0])
        return host(s, *args, **kwargs)
    return fn


def _join_items(iterable) -> list:
    if type(iterable) in (list, tuple):
        return iterable
    try:
        it = P.iterate(iterable)
    except TypeError:
        raise TypeError('can only join an iterable') from None
    return list(it)


TEXT_TYPES = (str, bytes, bytearray)


def str_join(sep, iterable):
    """``sep.join(items)`` for str, bytes and bytearray, size-checked before joining."""
    from .resumable import callback_req, plain_iterable
    if not plain_iterable(iterable):
        cls = T.type_of(iterable)
        if cls.lookup('__iter__') is UNBOUND and cls.lookup('__getitem__') is UNBOUND:
            raise TypeError('can only join an iterable')
        return callback_req('join', sep, iterable)
    items = _join_items(iterable)
    vm = P.current[0]
    if vm is not None and vm.tracker is not None:
        total = sum(len(x) for x in items if isinstance(x, TEXT_TYPES)) + len(sep) * len(items)
        vm.tracker.check_alloc(total)
    return sep.join(items)


def str_replace(s, old, new, count=-1):
    vm = P.current[0]
    if vm is not None and vm.tracker is not None and isinstance(new, TEXT_TYPES) and \
            isinstance(old, TEXT_TYPES) and len(new) > len(old):
        n = s.count(old) if old else len(s) + 1
        if count >= 0:
            n = min(n, count)
        vm.tracker.check_alloc(len(s) + n * (len(new) - len(old)))
    return s.replace(old, new, count)


def str_expandtabs(s, *args, **kwargs):
    tabsize = args[0] if args else kwargs.get('tabsize', 8)
    if isinstance(tabsize, int):
        _width_check(len(s) * max(tabsize, 1))
    return s.expandtabs(*args, **kwargs)


def _static(name: str, fn, host) -> StaticMethod:
    """A class-level builtin (callable on instances too) taking its arguments like ``host``."""
    from ..vm.argerrors import same_signature
    native = NativeFunction(name, fn)
    same_signature(native, host)
    return StaticMethod(native)


def _str_overrides() -> None:
    for name in ('center', 'ljust', 'rjust', 'zfill'):
        add_method(T.STR, name, _padder(str, name))
    add_method(T.STR, 'join', str_join)
    add_method(T.STR, 'replace', str_replace)
    add_method(T.STR, 'expandtabs', str_expandtabs)
    add_method(T.STR, 'format', lambda s, *a, **k: str_format_req(s, a, k))
    add_method(T.STR, 'format_map', format_map)
    T.STR.dict['maketrans'] = _static('maketrans', str.maketrans, str.maketrans)
    for cls in (T.BYTES, T.BYTEARRAY):
        host = cls.host_type
        for name in ('center', 'ljust', 'rjust', 'zfill'):
            add_method(cls, name, _padder(host, name))
        add_method(cls, 'join', str_join)
        add_method(cls, 'replace', str_replace)
        add_method(cls, 'expandtabs', str_expandtabs)
        cls.dict['fromhex'] = _static('fromhex', host.fromhex, host.fromhex)
        cls.dict['maketrans'] = _static('maketrans', host.maketrans, host.maketrans)
    T.INT.dict['from_bytes'] = _static('from_bytes', int.from_bytes, int.from_bytes)
    add_method(T.INT, 'to_bytes', _int_to_bytes)
    add_method(T.INT, '__round__', int_round)
    add_method(T.BOOL, '__round__', int_round)
    T.FLOAT.dict['fromhex'] = _static('fromhex', float.fromhex, float.fromhex)


def int_round(number, ndigits=None):
    """``int.__round__`` answering at once where the host would first build ``10 ** -ndigits``."""
    if type(ndigits) is int and ndigits < -number.bit_length() - 1:
        return 0   # 10 ** -ndigits > 2 * abs(number)
    return int.__round__(number) if ndigits is None else int.__round__(number, ndigits)


def _int_to_bytes(n, length=1, byteorder='big', *, signed=False):
    _width_check(length)
    return n.to_bytes(length, byteorder, signed=signed)


# -- list / dict / set overrides -----------------------------------------------------------------
def _plain_iter(x):
    P.check_range(x)
    return x if type(x) in P.HOST_VALUE_TYPES else list(P.iterate(x))


def list_extend(lst, iterable):
    from .resumable import callback_req, plain_iterable
    if not plain_iterable(iterable):
        return callback_req('extend', lst, iterable)
    lst.extend(_plain_iter(iterable))


def list_sort(lst, *, key=None, reverse=False):
    from .resumable import callback_req, native_callable
    if not native_callable(key):
        return callback_req('sort_in_place', lst, key, reverse)
    from .list_sort import sort_list
    return sort_list(lst, key, reverse)


def dict_update(d, *args, **kwargs):
    from .constructors import dict_from
    from .resumable import callback_req, monty_hashed, plain_iterable
    if len(args) > 1:
        raise TypeError(f'update expected at most 1 argument, got {len(args)}')
    if args:
        source = args[0]
        if not isinstance(source, dict) and not plain_iterable(source):
            return callback_req('dict_update', d, source, post='dict_kwargs_none', state=kwargs)
        pairs = dict_from(source)
        if monty_hashed([p[0] for p in pairs]):
            return callback_req('dict_update', d, pairs, post='dict_kwargs_none', state=kwargs)
        for k, v in pairs:
            d[k] = v
    d.update(kwargs)


def dict_fromkeys(iterable, value=None):
    return dict.fromkeys(_hashed_iter(iterable), value)


def _hashed_iter(x):
    """``x`` as a host iterable whose items the host may hash without recursing too deep."""
    from ..vm.hashing import guard_items
    return guard_items(_plain_iter(x))


def _set_op(name, host_type=set):
    host = getattr(host_type, name)

    def fn(s, *others):
        return host(s, *[_hashed_iter(o) for o in others])
    return fn


def _frozen_op(name):
    return _set_op(name, frozenset)


# Host methods hashing their first argument, or every item of their arguments.
KEY_METHODS = {T.DICT: 'get pop setdefault __getitem__ __setitem__ __delitem__ __contains__',
               T.SET: 'add discard remove __contains__', T.FROZENSET: '__contains__'}
ITEMS_METHODS = {T.SET: 'isdisjoint issubset issuperset',
                 T.FROZENSET: 'isdisjoint issubset issuperset'}


def _key_checked(host):
    from ..vm.hashing import guard

    def fn(receiver, *args, **kwargs):
        if args:
            guard(args[0])
        return host(receiver, *args, **kwargs)
    return fn


def _dict_getitem(receiver, key):
    """``d[key]``; a missing key of a dict subclass asks the class's ``__missing__``."""
    from ..vm.hashing import guard
    guard(key)
    try:
        return dict.__getitem__(receiver, key)
    except KeyError:
        if type(receiver) is dict:
            raise
        missing = T.type_of(receiver).lookup('__missing__')
        if missing is UNBOUND:
            raise
    return P.method_req(missing, receiver, key)


def _hash_guards() -> None:
    """Route the host methods that hash Monty values through the nesting-depth check."""
    for cls, names in KEY_METHODS.items():
        for name in names.split():
            add_method(cls, name, _key_checked(getattr(cls.host_type, name)))
    for cls, names in ITEMS_METHODS.items():
        for name in names.split():
            add_method(cls, name, _set_op(name, cls.host_type))
    for view in (type({}.keys()), type({}.items())):   # set-like dict views
        add_method(T.host_type_class(view), 'isdisjoint', _set_op('isdisjoint', view))
    add_method(T.DICT, '__getitem__', _dict_getitem)
    add_method(T.TUPLE, '__hash__', object_hash)
    add_method(T.SET, '__init__', _set_op('__init__'))
    add_method(T.DICT, '__init__', _dict_init)


def _dict_init(d, *args, **kwargs):
    """``dict.__init__``, checking the keys of a sequence of pairs before the host hashes them."""
    from ..vm.hashing import guard
    from .constructors import has_keys
    if len(args) == 1 and not isinstance(args[0], dict) and not has_keys(args[0]):
        pairs = _plain_iter(args[0])
        for p in pairs:
            if type(p) in (tuple, list) and len(p) == 2:
                guard(p[0])
        args = (pairs,)
    return dict.__init__(d, *args, **kwargs)


def _container_overrides() -> None:
    add_method(T.LIST, 'extend', list_extend)
    add_method(T.LIST, 'sort', list_sort)
    add_method(T.DICT, 'update', dict_update)
    from ..vm import finalize    # clearing may leave generators to close, as in CPython
    add_method(T.LIST, 'clear', finalize.list_clear, needs_vm=True)
    add_method(T.DICT, 'clear', finalize.dict_clear, needs_vm=True)
    T.DICT.dict['fromkeys'] = _static('fromkeys', dict_fromkeys, dict.fromkeys)
    for name in ('union intersection difference symmetric_difference update '
                 'intersection_update difference_update symmetric_difference_update').split():
        add_method(T.SET, name, _set_op(name))
    for name in 'union intersection difference symmetric_difference'.split():
        add_method(T.FROZENSET, name, _frozen_op(name))
    _hash_guards()


# -- object ---------------------------------------------------------------------------------
def object_init(self, *args, **kwargs):
    """``object.__init__``: extra arguments are an error unless ``__new__`` was overridden."""
    if args or kwargs:
        cls = T.type_of(self)
        if cls.lookup('__init__') is not T.OBJECT.dict['__init__']:
            raise TypeError('object.__init__() takes exactly one argument '
                            '(the instance to initialize)')
        if cls.lookup('__new__') is T.OBJECT.dict['__new__']:
            raise TypeError(f'{T.error_name(cls)}.__init__() takes exactly one argument '
                            '(the instance to initialize)')
    return None


def _attr_name(name) -> str:
    if not isinstance(name, str):
        raise TypeError(f"attribute name must be string, not '{T.type_name(name)}'")
    return name


def object_setattr(self, name, value):
    """``object.__setattr__``: descriptors and instance attributes, past any override."""
    _attr_name(name)
    if type(self) is MClass:
        raise TypeError("can't apply this __setattr__ to type object")
    if isinstance(self, (Instance,) + HOST_SUBCLASS_KINDS) and name not in P.BLOCKED_ATTRS:
        return P.as_call_result(P.generic_setattr(self, name, value, T.type_of(self)))
    raise AttributeError(f"'{T.type_name(self)}' object has no attribute '{name}'")


def object_delattr(self, name):
    """``object.__delattr__``."""
    _attr_name(name)
    if isinstance(self, (Instance,) + HOST_SUBCLASS_KINDS):
        return P.as_call_result(P.generic_delattr(self, name, T.type_of(self)))
    raise AttributeError(f"'{T.type_name(self)}' object has no attribute '{name}'")


def object_getattribute(self, name):
    """``object.__getattribute__``: normal lookup without the ``__getattr__`` fallback."""
    _attr_name(name)
    if name in P.BLOCKED_ATTRS:
        raise AttributeError(f"'{T.type_name(self)}' object has no attribute '{name}'")
    if isinstance(self, (Instance,) + HOST_SUBCLASS_KINDS):
        return P.instance_getattr(self, name, False)
    return P.get_attr(self, name)


def type_setattr(cls, name, value):
    """``type.__setattr__``."""
    _attr_name(name)
    if type(cls) is not MClass:
        raise TypeError("descriptor '__setattr__' requires a 'type' object")
    return P.as_call_result(P.class_setattr(cls, name, value))


def type_delattr(cls, name):
    """``type.__delattr__``."""
    _attr_name(name)
    if type(cls) is not MClass:
        raise TypeError("descriptor '__delattr__' requires a 'type' object")
    return P.class_delattr(cls, name)


def object_eq(self, other):
    return True if self is other else NotImplemented


def object_ne(self, other):
    return False if self is other else NotImplemented


def object_new(cls, *args, **kwargs):
    from .constructors import create_instance
    if type(cls) is not MClass:
        raise TypeError(f'object.__new__(X): X is not a type object ({T.type_name(cls)})')
    _check_new_target(cls, T.OBJECT if not cls.is_exc else T.BASE_EXCEPTION)
    return create_instance(cls, (), None) if not cls.is_exc else create_instance(cls, args)


def _check_new_target(cls: MClass, owner: MClass) -> None:
    """``owner.__new__(cls)`` is only safe for user subclasses of ``owner``."""
    new, target = T.error_name(owner), T.error_name(cls)
    if owner not in cls.mro:
        raise TypeError(f'{new}.__new__({target}): {target} is not a subtype of {new}')
    if cls.instance_kind is MClass:
        raise TypeError(f'{new}.__new__({target}) is not safe, use type.__new__()')
    if cls is not owner:
        for k in cls.mro:
            if k.native:
                if k is not owner and not (k.is_exc and owner.is_exc):
                    raise TypeError(f'{new}.__new__({target}) is not safe, use '
                                    f'{T.error_name(k)}.__new__()')
                break


def object_repr(self):
    from ..vm.hostproto import default_repr
    if isinstance(self, ExcInstance):
        from ..vm.hostproto import exc_repr
        return exc_repr(self)
    return default_repr(self)


def object_str(self):
    return P.call_sync(P.sync(P.get_attr(self, '__repr__')))


def object_hash(self):
    from ..vm.hashing import guard
    return object.__hash__(self) if not isinstance(self, (int, str, tuple, float)) \
        else hash(guard(self))


def object_format(self, spec):
    if spec:
        raise TypeError(f'unsupported format string passed to {T.type_name(self)}.__format__')
    return P.call_sync(P.sync(P.get_attr(self, '__str__')))


def _object_methods() -> None:
    add_method(T.OBJECT, '__init__', object_init)
    add_method(T.OBJECT, '__setattr__', object_setattr)
    add_method(T.OBJECT, '__delattr__', object_delattr)
    add_method(T.OBJECT, '__eq__', object_eq)
    add_method(T.OBJECT, '__ne__', object_ne)
    add_method(T.OBJECT, '__repr__', object_repr)
    add_method(T.OBJECT, '__str__', object_str)
    add_method(T.OBJECT, '__hash__', object_hash)
    add_method(T.OBJECT, '__format__', object_format)
    add_method(T.OBJECT, '__getattribute__', object_getattribute)
    add_method(T.TYPE, '__setattr__', type_setattr)
    add_method(T.TYPE, '__delattr__', type_delattr)
    T.OBJECT.dict['__new__'] = NativeFunction('__new__', object_new, self_type='object')
    T.OBJECT.dict['__init__'].self_type = 'object'
    P.OBJECT_EQ = T.OBJECT.dict['__eq__']


# -- exceptions ---------------------------------------------------------------------------------
def exc_init(self, *args, **kwargs):
    if kwargs:
        if not _is_import_error(self):
            raise TypeError(f'{T.type_name(self)}() takes no keyword arguments')
        for key, value in kwargs.items():
            if key not in IMPORT_ERROR_FIELDS:
                raise TypeError(f"'{key}' is an invalid keyword argument for ImportError()")
            self.attrs[key] = value
    if isinstance(self, ExcInstance):
        self.args = tuple(args)
    return None


IMPORT_ERROR_FIELDS = ('name', 'path')


def _is_import_error(exc) -> bool:
    return isinstance(exc, ExcInstance) and T.EXC_BY_NAME['ImportError'] in exc.mcls.mro


def _import_error_attrs(cls) -> None:
    """``name``/``path`` (keyword arguments, or the module an import failed on) and ``msg``."""
    def field(key, default):
        def get(e):
            return e.attrs.get(key, default(e)) if e.attrs is not None else default(e)

        def set_(e, value):
            if e.attrs is None:
                e.attrs = {}
            e.attrs[key] = value
        cls.dict[key] = NativeAttr(key, get, set_)
    field('name', lambda e: None)
    field('path', lambda e: None)
    field('msg', lambda e: e.args[0] if len(e.args) == 1 else None)


def _set_args(self, value):
    self.args = tuple(P.iterate(value))


def _set_cause(self, value):
    self.cause = value
    self.suppress = True


def _set_context(self, value):
    self.context = value


def _set_suppress(self, value):
    self.suppress = bool(value)


def exc_with_traceback(self, tb):
    return self


def exc_add_note(self, note):
    if not isinstance(note, str):
        raise TypeError(f'note must be a str, not \'{T.type_name(note)}\'')
    if self.notes is None:
        self.notes = []
    elif type(self.notes) is not list:
        raise TypeError('Cannot add note: __notes__ is not a list')
    self.notes.append(note)


def _exception_methods() -> None:
    base = T.BASE_EXCEPTION
    add_method(base, '__init__', exc_init)
    add_method(base, '__str__', lambda self: __import__(
        'monty.vm.hostproto', fromlist=['x']).exc_base_str(self))
    add_method(base, '__repr__', object_repr)
    add_method(base, 'with_traceback', exc_with_traceback)
    add_method(base, 'add_note', exc_add_note)
    base.dict['__new__'] = NativeFunction('__new__', object_new, self_type='BaseException')
    base.dict['args'] = NativeAttr('args', lambda e: e.args, _set_args)
    base.dict['__cause__'] = NativeAttr('__cause__', lambda e: e.cause, _set_cause)
    base.dict['__context__'] = NativeAttr('__context__', lambda e: e.context, _set_context)
    base.dict['__suppress_context__'] = NativeAttr('__suppress_context__',
                                                   lambda e: e.suppress, _set_suppress)
    base.dict['__traceback__'] = NativeAttr('__traceback__', lambda e: None)
    base.dict['__notes__'] = NativeAttr('__notes__', _notes, _set_notes)
    T.EXC_BY_NAME['SystemExit'].dict['code'] = NativeAttr(
        'code', lambda e: e.args[0] if len(e.args) == 1 else (e.args or None))
    stop = T.EXC_BY_NAME['StopIteration']
    stop.dict['value'] = NativeAttr('value', lambda e: e.args[0] if e.args else None)
    for name in ('KeyError', 'IndexError', 'AttributeError', 'NameError'):
        T.EXC_BY_NAME[name].dict.setdefault('__module__', 'builtins')
    T.EXC_BY_NAME['AttributeError'].dict['name'] = NativeAttr('name', lambda e: None)
    T.EXC_BY_NAME['NameError'].dict['name'] = NativeAttr('name', lambda e: None)
    _import_error_attrs(T.EXC_BY_NAME['ImportError'])
    os_error = T.EXC_BY_NAME['OSError']
    os_error.dict['errno'] = NativeAttr('errno', lambda e: e.args[0] if len(e.args) > 1 else None)
    os_error.dict['strerror'] = NativeAttr('strerror',
                                           lambda e: e.args[1] if len(e.args) > 1 else None)
    os_error.dict['filename'] = NativeAttr('filename',
                                           lambda e: e.args[2] if len(e.args) > 2 else None)


def _exception_group_attrs() -> None:
    """``message``, ``exceptions`` and the ``msg (N sub-exceptions)`` text of exception groups."""
    group = T.EXC_BY_NAME['BaseExceptionGroup']
    group.dict['message'] = NativeAttr('message', lambda e: e.args[0] if e.args else '')
    group.dict['exceptions'] = NativeAttr(
        'exceptions', lambda e: tuple(e.args[1]) if len(e.args) > 1 else ())

    def group_str(e) -> str:
        n = len(e.args[1]) if len(e.args) > 1 else 0
        return f"{e.args[0] if e.args else ''} ({n} sub-exception{'s' if n != 1 else ''})"
    add_method(group, '__str__', group_str)
    from .exception_groups import install as install_group_methods
    install_group_methods(add_method)


def _notes(e):
    if e.notes is None:
        raise AttributeError("'%s' object has no attribute '__notes__'" % e.mcls.name)
    return e.notes


def _set_notes(e, value):
    """``e.__notes__ = value`` stores any object, as CPython's instance dict does."""
    e.notes = value


def _function_methods() -> None:
    from ..objects.model import Function as F
    del F


def _same_binding(a, b):
    """``==`` of bound methods: the same ``__self__`` (identity) and ``__func__``, as CPython."""
    if type(a) is not type(b):
        return NotImplemented
    if not hasattr(type(a), 'self'):   # a builtin function: identity
        return a is b
    return a.self is b.self and a.func is b.func


def _method_equality() -> None:
    for cls in (T.METHOD, T.BUILTIN_METHOD):
        add_method(cls, '__eq__', _same_binding)
        add_method(cls, '__ne__', lambda a, b: NotImplemented if type(a) is not type(b)
                   else not _same_binding(a, b))
        add_method(cls, '__hash__', lambda m: hash(m))


def install() -> None:
    _host_methods()
    _method_equality()
    _str_overrides()
    _container_overrides()
    _object_methods()
    _exception_methods()
    _exception_group_attrs()


install()
_unused = (UNBOUND, Function)
