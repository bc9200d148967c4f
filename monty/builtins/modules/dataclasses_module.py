"""``dataclasses``: the ``@dataclass`` class builder and its helpers, written in Monty.

Generated methods are generic closures over the field list (no source is generated), with
argument errors worded like the ones CPython's generated ``__init__`` raises.
"""
from __future__ import annotations

from .lib_support import helpers


def natives(vm) -> dict:
    """Host helpers the Monty source below relies on."""
    return helpers('dataclasses', '_raw_setattr', '_raw_delattr', '_plural_names', '_class_ns',
                   '_class_mro', '_set_class_attr')


SOURCE = r'''
import typing


class _MISSING_TYPE:
    pass


MISSING = _MISSING_TYPE()


class _KW_ONLY_TYPE:
    pass


KW_ONLY = _KW_ONLY_TYPE


class FrozenInstanceError(AttributeError):
    pass


class InitVar:
    def __init__(self, type):
        self.type = type

    def __repr__(self):
        name = self.type.__name__ if isinstance(self.type, type) else repr(self.type)
        return f'dataclasses.InitVar[{name}]'

    def __class_getitem__(cls, type):
        return InitVar(type)


class _FieldKind:
    def __init__(self, name):
        self.name = name

    def __repr__(self):
        return self.name


_FIELD = _FieldKind('_FIELD')
_FIELD_CLASSVAR = _FieldKind('_FIELD_CLASSVAR')
_FIELD_INITVAR = _FieldKind('_FIELD_INITVAR')


class Field:
    def __init__(self, default, default_factory, init, repr, hash, compare, metadata,
                 kw_only):
        self.name = None
        self.type = None
        self.default = default
        self.default_factory = default_factory
        self.init = init
        self.repr = repr
        self.hash = hash
        self.compare = compare
        self.metadata = {} if metadata is None else metadata
        self.kw_only = kw_only
        self._field_type = None

    def __repr__(self):
        return ('Field('
                f'name={self.name!r},'
                f'type={self.type!r},'
                f'default={self.default!r},'
                f'default_factory={self.default_factory!r},'
                f'init={self.init!r},'
                f'repr={self.repr!r},'
                f'hash={self.hash!r},'
                f'compare={self.compare!r},'
                f'metadata={self.metadata!r},'
                f'kw_only={self.kw_only!r},'
                f'_field_type={self._field_type}'
                ')')


def field(*, default=MISSING, default_factory=MISSING, init=True, repr=True, hash=None,
          compare=True, metadata=None, kw_only=MISSING):
    if default is not MISSING and default_factory is not MISSING:
        raise ValueError('cannot specify both default and default_factory')
    return Field(default, default_factory, init, repr, hash, compare, metadata, kw_only)


def _is_classvar(tp):
    if tp is typing.ClassVar or getattr(tp, '__origin__', None) is typing.ClassVar:
        return True
    return isinstance(tp, str) and (tp.startswith('ClassVar') or
                                    tp.startswith('typing.ClassVar'))


def _make_field(cls, ns, name, tp, kw_only):
    default = ns.get(name, MISSING)
    if isinstance(default, Field):
        f = default
    else:
        f = field(default=default)
    f.name = name
    f.type = tp
    f._field_type = _FIELD
    if _is_classvar(tp):
        f._field_type = _FIELD_CLASSVAR
    elif isinstance(tp, InitVar) or tp is InitVar:
        f._field_type = _FIELD_INITVAR
    if f._field_type is not _FIELD:
        if f.default_factory is not MISSING:
            raise TypeError(f'field {name} cannot have a default factory')
    if f._field_type is _FIELD or f._field_type is _FIELD_INITVAR:
        if f.kw_only is MISSING:
            f.kw_only = kw_only
    else:
        f.kw_only = False
    if f._field_type is _FIELD and type(f.default) in (list, dict, set):
        raise ValueError(f'mutable default {type(f.default)} for field {name} is not '
                         'allowed: use default_factory')
    return f


def _missing_error(fname, names, kind):
    s = '' if len(names) == 1 else 's'
    return TypeError(f'{fname}() missing {len(names)} required {kind} argument{s}: '
                     f'{_plural_names(names)}')


def _bind(fname, pos, kwonly, defaults, args, kwargs):
    """Map arguments onto parameter names the way a generated ``__init__`` would."""
    n = len(pos)
    if len(args) > n:
        required = len([p for p in pos if p not in defaults])
        given = len(args) + 1
        if required < n:
            raise TypeError(f'{fname}() takes from {required + 1} to {n + 1} positional '
                            f'arguments but {given} were given')
        raise TypeError(f'{fname}() takes {n + 1} positional argument'
                        f'{"" if n == 0 else "s"} but {given} were given')
    values = dict(zip(pos, args))
    for key in kwargs:
        if key not in values and key not in defaults and key not in pos and \
                key not in kwonly:
            raise TypeError(f"{fname}() got an unexpected keyword argument '{key}'")
        if key in values:
            raise TypeError(f"{fname}() got multiple values for argument '{key}'")
        values[key] = kwargs[key]
    missing = [p for p in pos if p not in values and p not in defaults]
    if missing:
        raise _missing_error(fname, missing, 'positional')
    missing = [p for p in kwonly if p not in values and p not in defaults]
    if missing:
        raise _missing_error(fname, missing, 'keyword-only')
    return values


def _make_init(cls, all_fields, frozen, has_post_init):
    init_fields = [f for f in all_fields if f.init]
    pos = [f.name for f in init_fields if not f.kw_only]
    kwonly = [f.name for f in init_fields if f.kw_only]
    defaults = {f.name: f for f in init_fields
                if f.default is not MISSING or f.default_factory is not MISSING}
    seen_default = None
    for f in init_fields:
        if f.kw_only:
            continue
        if f.name in defaults:
            seen_default = f
        elif seen_default is not None:
            raise TypeError(f'non-default argument {f.name!r} follows default argument')
    real = [f for f in all_fields if f._field_type is _FIELD]
    initvars = [f.name for f in init_fields if f._field_type is _FIELD_INITVAR]
    fname = f'{cls.__qualname__}.__init__'
    fast = not kwonly and not defaults

    def __init__(self, *args, **kwargs):
        if fast and not kwargs and len(args) == len(pos):
            values = dict(zip(pos, args))
        else:
            values = _bind(fname, pos, kwonly, defaults, args, kwargs)
        for f in real:
            name = f.name
            if f.init and name in values:
                value = values[name]
            elif f.default_factory is not MISSING:
                value = f.default_factory()
            elif f.init and f.default is not MISSING:
                value = f.default
            else:
                continue
            if frozen:
                _raw_setattr(self, name, value)
            else:
                setattr(self, name, value)
        if has_post_init:
            iv = []
            for name in initvars:
                iv.append(values[name] if name in values else defaults[name].default)
            self.__post_init__(*iv)

    __init__.__qualname__ = fname
    return __init__


_REPR_RUNNING = set()


def _make_repr(cls, names):
    def __repr__(self):
        key = id(self)
        if key in _REPR_RUNNING:
            return '...'
        _REPR_RUNNING.add(key)
        try:
            body = ', '.join(f'{name}={getattr(self, name)!r}' for name in names)
        finally:
            _REPR_RUNNING.discard(key)
        return f'{type(self).__qualname__}({body})'
    __repr__.__qualname__ = f'{cls.__qualname__}.__repr__'
    return __repr__


def _values(obj, names):
    return tuple(getattr(obj, name) for name in names)


def _make_eq(names):
    def __eq__(self, other):
        if type(other) is type(self):
            return _values(self, names) == _values(other, names)
        return NotImplemented
    return __eq__


def _make_order(names, op):
    def compare(self, other):
        if type(other) is type(self):
            a, b = _values(self, names), _values(other, names)
            if op == '<':
                return a < b
            if op == '<=':
                return a <= b
            if op == '>':
                return a > b
            return a >= b
        return NotImplemented
    return compare


def _make_hash(names):
    def __hash__(self):
        return hash(_values(self, names))
    return __hash__


# CPython builds these two from source text, so its tracebacks show a frame
# 'File "<string>", line 4, in __setattr__': the same text is run here for the same frame.
_FROZEN_TEXT = """def __create_fn__(cls, names, FrozenInstanceError, raw):
 def {name}(self, name{value}):
  if type(self) is cls or name in names:
   raise FrozenInstanceError(f"cannot {verb} field {{name!r}}")
  raw(self, name{value})
 return {name}
"""


def _frozen_method(cls, names, name, value, verb, raw):
    ns = {}
    exec(_FROZEN_TEXT.format(name=name, value=value, verb=verb), ns)
    fn = ns['__create_fn__'](cls, names, FrozenInstanceError, raw)
    fn.__qualname__ = f'{cls.__qualname__}.{name}'
    return fn


def _make_frozen(cls, names):
    return (_frozen_method(cls, names, '__setattr__', ', value', 'assign to', _raw_setattr),
            _frozen_method(cls, names, '__delattr__', '', 'delete', _raw_delattr))


def _set_new(cls, ns, name, value):
    if name in ns:
        return True
    _set_class_attr(cls, name, value)
    return False


def _hash_action(cls, ns, unsafe_hash, eq, frozen, hash_names):
    class_hash = ns.get('__hash__', MISSING)
    explicit = not (class_hash is MISSING or (class_hash is None and '__eq__' in ns))
    if unsafe_hash:
        if explicit:
            raise TypeError(f'Cannot overwrite attribute __hash__ in class {cls.__name__}')
        cls.__hash__ = _make_hash(hash_names)
    elif eq and not explicit:
        if frozen:
            cls.__hash__ = _make_hash(hash_names)
        else:
            cls.__hash__ = None


def _collect_fields(cls, ns, kw_only):
    all_fields = {}
    any_frozen_base = False
    has_dataclass_bases = False
    for base in _class_mro(cls)[-1:0:-1]:
        base_fields = _class_ns(base).get('__dataclass_fields__')
        if base_fields is not None:
            has_dataclass_bases = True
            for f in base_fields.values():
                all_fields[f.name] = f
            if base.__dataclass_params__['frozen']:
                any_frozen_base = True
    annotations = ns.get('__annotations__', {})
    own = []
    for name, tp in annotations.items():
        if tp is KW_ONLY or (isinstance(tp, str) and tp in ('KW_ONLY', 'dataclasses.KW_ONLY')):
            kw_only = True
            continue
        own.append(_make_field(cls, ns, name, tp, kw_only))
    for f in own:
        all_fields[f.name] = f
        if isinstance(ns.get(f.name), Field):
            if f.default is MISSING:
                delattr(cls, f.name)
            else:
                setattr(cls, f.name, f.default)
    for name, value in ns.items():
        if isinstance(value, Field) and name not in annotations:
            raise TypeError(f'{name!r} is a field but has no type annotation')
    return all_fields, has_dataclass_bases, any_frozen_base


def _process_class(cls, init, repr, eq, order, unsafe_hash, frozen, match_args, kw_only):
    ns = _class_ns(cls)
    fields_map, has_bases, any_frozen_base = _collect_fields(cls, ns, kw_only)
    if has_bases:
        if any_frozen_base and not frozen:
            raise TypeError('cannot inherit non-frozen dataclass from a frozen one')
        if not any_frozen_base and frozen and any(
                '__dataclass_params__' in _class_ns(b) for b in _class_mro(cls)[1:]):
            raise TypeError('cannot inherit frozen dataclass from a non-frozen one')
    cls.__dataclass_fields__ = fields_map
    cls.__dataclass_params__ = {'init': init, 'repr': repr, 'eq': eq, 'order': order,
                                'unsafe_hash': unsafe_hash, 'frozen': frozen}
    all_fields = list(fields_map.values())
    real = [f for f in all_fields if f._field_type is _FIELD]
    if init:
        has_post_init = hasattr(cls, '__post_init__')
        _set_new(cls, ns, '__init__', _make_init(cls, all_fields, frozen, has_post_init))
    if repr:
        _set_new(cls, ns, '__repr__', _make_repr(cls, [f.name for f in real if f.repr]))
    compare_names = [f.name for f in real if f.compare]
    if eq:
        _set_new(cls, ns, '__eq__', _make_eq(compare_names))
    if order:
        if not eq:
            raise ValueError('eq must be true if order is true')
        for name, op in (('__lt__', '<'), ('__le__', '<='), ('__gt__', '>'), ('__ge__', '>=')):
            if _set_new(cls, ns, name, _make_order(compare_names, op)):
                raise TypeError(f'Cannot overwrite attribute {name} in class {cls.__name__}. '
                                'Consider using functools.total_ordering')
    if frozen:
        setter, deleter = _make_frozen(cls, [f.name for f in real])
        for name, fn in (('__setattr__', setter), ('__delattr__', deleter)):
            if _set_new(cls, ns, name, fn):
                raise TypeError(f'Cannot overwrite attribute {name} in class {cls.__name__}')
    hash_names = [f.name for f in real if (f.compare if f.hash is None else f.hash)]
    _hash_action(cls, ns, unsafe_hash, eq, frozen, hash_names)
    if match_args:
        _set_new(cls, ns, '__match_args__',
                 tuple(f.name for f in all_fields if f.init and not f.kw_only))
    return cls


def _add_slots(cls, weakref_slot):
    """The class again, built with ``__slots__`` for its fields (as CPython does)."""
    ns = dict(_class_ns(cls))
    if '__slots__' in ns:
        raise TypeError(f'{cls.__name__} already specifies __slots__')
    names = tuple(f.name for f in fields(cls))
    inherited = set()
    for base in _class_mro(cls)[1:-1]:
        s = _class_ns(base).get('__slots__', ())
        inherited.update((s,) if isinstance(s, str) else s)
    extra = ('__weakref__',) if weakref_slot else ()
    ns['__slots__'] = tuple(n for n in names + extra if n not in inherited)
    for name in names + ('__dict__', '__weakref__'):
        ns.pop(name, None)
    new = type(cls)(cls.__name__, cls.__bases__, ns)
    new.__qualname__ = cls.__qualname__
    return new


def dataclass(cls=None, /, *, init=True, repr=True, eq=True, order=False, unsafe_hash=False,
              frozen=False, match_args=True, kw_only=False, slots=False, weakref_slot=False):
    def wrap(cls):
        cls = _process_class(cls, init, repr, eq, order, unsafe_hash, frozen, match_args,
                             kw_only)
        if slots:
            cls = _add_slots(cls, weakref_slot)
        elif weakref_slot:
            raise TypeError('weakref_slot is True but slots is False')
        return cls
    if cls is None:
        return wrap
    return wrap(cls)


def is_dataclass(obj):
    cls = obj if isinstance(obj, type) else type(obj)
    return hasattr(cls, '__dataclass_fields__')


def _is_dataclass_instance(obj):
    return not isinstance(obj, type) and hasattr(type(obj), '__dataclass_fields__')


def fields(class_or_instance):
    try:
        fields_map = getattr(class_or_instance, '__dataclass_fields__')
    except AttributeError:
        raise TypeError('must be called with a dataclass type or instance') from None
    return tuple(f for f in fields_map.values() if f._field_type is _FIELD)


def _asdict_inner(obj, dict_factory):
    if _is_dataclass_instance(obj):
        return dict_factory([(f.name, _asdict_inner(getattr(obj, f.name), dict_factory))
                             for f in fields(obj)])
    if isinstance(obj, tuple) and hasattr(obj, '_fields'):
        return type(obj)(*[_asdict_inner(v, dict_factory) for v in obj])
    if isinstance(obj, (list, tuple)):
        return type(obj)(_asdict_inner(v, dict_factory) for v in obj)
    if isinstance(obj, dict):
        return type(obj)((_asdict_inner(k, dict_factory), _asdict_inner(v, dict_factory))
                         for k, v in obj.items())
    return obj


def asdict(obj, *, dict_factory=dict):
    if not _is_dataclass_instance(obj):
        raise TypeError('asdict() should be called on dataclass instances')
    return _asdict_inner(obj, dict_factory)


def _astuple_inner(obj, tuple_factory):
    if _is_dataclass_instance(obj):
        return tuple_factory([_astuple_inner(getattr(obj, f.name), tuple_factory)
                              for f in fields(obj)])
    if isinstance(obj, tuple) and hasattr(obj, '_fields'):
        return type(obj)(*[_astuple_inner(v, tuple_factory) for v in obj])
    if isinstance(obj, (list, tuple)):
        return type(obj)(_astuple_inner(v, tuple_factory) for v in obj)
    if isinstance(obj, dict):
        return type(obj)((_astuple_inner(k, tuple_factory), _astuple_inner(v, tuple_factory))
                         for k, v in obj.items())
    return obj


def astuple(obj, *, tuple_factory=tuple):
    if not _is_dataclass_instance(obj):
        raise TypeError('astuple() should be called on dataclass instances')
    return _astuple_inner(obj, tuple_factory)


def replace(obj, /, **changes):
    if not _is_dataclass_instance(obj):
        raise TypeError('replace() should be called on dataclass instances')
    for f in type(obj).__dataclass_fields__.values():
        if f._field_type is _FIELD_CLASSVAR:
            continue
        if not f.init:
            if f.name in changes:
                raise ValueError(f'field {f.name} is declared with init=False, it cannot '
                                 'be specified with replace()')
            continue
        if f.name not in changes:
            if f._field_type is _FIELD_INITVAR and f.default is MISSING:
                raise ValueError(f"InitVar {f.name!r} must be specified with replace()")
            changes[f.name] = getattr(obj, f.name)
    return type(obj)(**changes)


def make_dataclass(cls_name, fields, *, bases=(), namespace=None, init=True, repr=True,
                   eq=True, order=False, unsafe_hash=False, frozen=False, match_args=True,
                   kw_only=False, slots=False, weakref_slot=False):
    ns = dict(namespace or {})
    annotations = {}
    for item in fields:
        if isinstance(item, str):
            annotations[item] = 'typing.Any'
        elif len(item) == 2:
            annotations[item[0]] = item[1]
        else:
            annotations[item[0]] = item[1]
            ns[item[0]] = item[2]
    ns['__annotations__'] = annotations
    cls = type(cls_name, tuple(bases), ns)
    return dataclass(cls, init=init, repr=repr, eq=eq, order=order, unsafe_hash=unsafe_hash,
                     frozen=frozen, match_args=match_args, kw_only=kw_only, slots=slots,
                     weakref_slot=weakref_slot)
'''
