"""``enum``: ``Enum``, ``IntEnum``, ``StrEnum``, ``Flag``, ``IntFlag``, ``auto`` and ``unique``,
written in Monty on top of the metaclass machinery (``EnumType`` builds the members)."""
from __future__ import annotations

from .lib_support import helpers


def natives(vm) -> dict:
    """Host helpers the Monty source below relies on."""
    return helpers('enum', '_caller_module')


SOURCE = r'''
_enum_ready = False
_ReprEnum = None
_Flag = None
STRICT, CONFORM, EJECT, KEEP = 'strict', 'conform', 'eject', 'keep'


class _AutoNull:
    def __repr__(self):
        return '_auto_null'


_auto_null = _AutoNull()


class auto:
    def __init__(self, value=_auto_null):
        self.value = value

    def __repr__(self):
        return f'auto({self.value!r})'


def _is_dunder(name):
    return (len(name) > 4 and name[:2] == name[-2:] == '__' and name[2] != '_'
            and name[-3] != '_')


def _is_sunder(name):
    return (len(name) > 2 and name[0] == name[-1] == '_' and name[1] != '_'
            and name[-2] != '_')


_DESCRIPTOR_TYPES = (type(_is_dunder), property, classmethod, staticmethod, type(len))


def _is_descriptor(obj):
    if isinstance(obj, _DESCRIPTOR_TYPES):
        return True
    cls = type(obj)
    return hasattr(cls, '__get__') or hasattr(cls, '__set__') or hasattr(cls, '__delete__')


def _is_single_bit(num):
    return num != 0 and num & (num - 1) == 0


def _bits(num, width):
    digits = format(num, 'b')
    if len(digits) < width:
        digits = '0' * (width - len(digits)) + digits
    return '0b0 ' + digits


def _member_type(bases):
    for base in bases:
        for klass in base.__mro__:
            if klass is object:
                continue
            if isinstance(klass, EnumType):
                if klass._member_type_ is not object:
                    return klass._member_type_
                continue
            return klass
    return object


def _inherited_new(bases):
    for base in bases:
        for klass in base.__mro__:
            if isinstance(klass, EnumType) and klass is not Enum and '__new__' in klass.__dict__:
                return klass.__new__
    return None


def _check_bases(name, bases):
    for base in bases:
        if isinstance(base, EnumType) and base._member_names_:
            raise TypeError(f'<enum {name!r}> cannot extend {base!r}')


class _EnumDict(dict):
    """A class body namespace that resolves ``auto()`` as soon as a member is assigned."""

    def __init__(self, generate):
        super().__init__()
        self._generate = generate
        self._member_names = []
        self._last_values = []

    def __setitem__(self, key, value):
        if key == '_generate_next_value_':
            self._generate = value.__func__ if isinstance(value, staticmethod) else value
        elif not (_is_dunder(key) or _is_sunder(key) or _is_descriptor(value)):
            if key in self._member_names:
                raise TypeError(f'{key!r} already defined as {self[key]!r}')
            if isinstance(value, auto) and self._generate is not None:
                if value.value is _auto_null:
                    value.value = self._generate(key, 1, len(self._member_names),
                                                 self._last_values[:])
                value = value.value
            self._member_names.append(key)
            self._last_values.append(value)
        elif key in self._member_names:
            raise TypeError(f'{key!r} already defined as {self[key]!r}')
        super().__setitem__(key, value)


class EnumType(type):
    """Metaclass of every enumeration: turns the class body's plain values into members."""

    @classmethod
    def __prepare__(metacls, cls, bases, **kwds):
        generate = None
        for base in bases:
            if isinstance(base, EnumType):
                generate = base._generate_next_value_
        return _EnumDict(generate)

    def __new__(metacls, cls, bases, classdict, *, boundary=None, _simple=False, **kwds):
        if not _enum_ready:
            return super().__new__(metacls, cls, bases, classdict, **kwds)
        _check_bases(cls, bases)
        member_type = _member_type(bases)
        members = []
        body = {}
        for key, value in classdict.items():
            if (_is_dunder(key) or _is_sunder(key) or _is_descriptor(value)
                    or key in ('_ignore_',)):
                body[key] = value
            else:
                members.append((key, value))
        custom_new = body.get('__new__')
        if custom_new is None:
            custom_new = _inherited_new(bases)
        body['_member_names_'] = []
        body['_member_map_'] = {}
        body['_value2member_map_'] = {}
        body['_member_type_'] = member_type
        body['_unhashable_values_'] = []
        if boundary is None:
            for base in bases:
                boundary = getattr(base, '_boundary_', None)
                if boundary is not None:
                    break
        body['_boundary_'] = boundary
        enum_class = super().__new__(metacls, cls, bases, body, **kwds)
        _keep_enum_text(enum_class, member_type, body, bases)
        if _ReprEnum is not None and _ReprEnum in bases:
            _use_mixin_text(enum_class, member_type, body)
        if _Flag is not None and issubclass(enum_class, _Flag):
            _use_flag_ops(enum_class, body)
        enum_class._resolve_members(members, custom_new)
        return enum_class

    def _resolve_members(cls, members, custom_new):
        last_values = []
        is_flag = _Flag is not None and issubclass(cls, _Flag)
        for name, value in members:
            if isinstance(value, auto):
                if value.value is _auto_null:
                    value.value = cls._generate_next_value_(name, 1, len(last_values),
                                                            last_values[:])
                value = value.value
            last_values.append(value)
            cls._add_member(name, value, custom_new)
        if is_flag:
            mask = 0
            singles = 0
            for m in cls._member_map_.values():
                mask |= m._value_
                if _is_single_bit(m._value_):
                    singles |= m._value_
            type.__setattr__(cls, '_flag_mask_', mask)
            type.__setattr__(cls, '_singles_mask_', singles)
            canonical = [n for n in cls._member_names_
                         if _is_single_bit(cls._member_map_[n]._value_)]
            type.__setattr__(cls, '_member_names_', canonical)

    def _add_member(cls, name, value, custom_new):
        args = value if isinstance(value, tuple) else (value,)
        member_type = cls._member_type_
        if custom_new is not None:
            member = custom_new(cls, *args)
        elif member_type is object:
            member = object.__new__(cls)
        else:
            member = member_type.__new__(cls, *args)
        if '_value_' not in member.__dict__:
            if member_type is object or custom_new is not None:
                member._value_ = value
            else:
                member._value_ = member_type(*args)
        value = member._value_
        member._name_ = name
        member.__objclass__ = cls
        member.__init__(*args)
        canonical = cls._find_value(value)
        if canonical is not None:
            member = canonical
        else:
            cls._member_names_.append(name)
            try:
                cls._value2member_map_.setdefault(value, member)
            except TypeError:
                cls._unhashable_values_.append(value)
        cls._member_map_[name] = member
        type.__setattr__(cls, name, member)

    def _find_value(cls, value):
        try:
            return cls._value2member_map_.get(value)
        except TypeError:
            for m in cls._member_map_.values():
                if m._value_ == value:
                    return m
        return None

    def __call__(cls, value, names=None, *, module=None, qualname=None, type=None, start=1,
                 boundary=None):
        if names is None:
            return cls._lookup(value)
        return cls._create_(value, names, module=module, qualname=qualname, type=type,
                            start=start, boundary=boundary)

    def _lookup(cls, value):
        if isinstance(value, cls):
            return value
        found = cls._find_value(value)
        if found is not None:
            return found
        exc = None
        try:
            result = cls._missing_(value)
        except Exception as e:
            exc = e
            result = None
        if isinstance(result, cls):
            return result
        ve_exc = ValueError(f'{value!r} is not a valid {cls.__qualname__}')
        if result is None and exc is None:
            raise ve_exc
        if exc is None:
            exc = TypeError(f'error in {cls.__name__}._missing_: returned {result!r} '
                            'instead of None or a valid member')
        raise exc

    def _create_(cls, class_name, names, *, module=None, qualname=None, type=None, start=1,
                 boundary=None):
        bases = (cls,) if type is None else (type, cls)
        if isinstance(names, str):
            names = names.replace(',', ' ').split()
        pairs = []
        if isinstance(names, (tuple, list)) and names and isinstance(names[0], str):
            last_values = []
            for count, name in enumerate(names):
                value = cls._generate_next_value_(name, start, count, last_values[:])
                last_values.append(value)
                pairs.append((name, value))
        elif isinstance(names, dict):
            pairs = list(names.items())
        else:
            pairs = [tuple(item) for item in names]
        ns = {'__module__': module if module is not None else _caller_module(2),
              '__qualname__': qualname if qualname is not None else class_name}
        for name, value in pairs:
            ns[name] = value
        return EnumType(class_name, bases, ns, boundary=boundary)

    def __contains__(cls, member):
        if not isinstance(member, Enum):
            raise TypeError("unsupported operand type(s) for 'in': "
                            f"'{type(member).__qualname__}' and '{type(cls).__qualname__}'")
        return isinstance(member, cls) and member._name_ in cls._member_map_

    def __iter__(cls):
        return (cls._member_map_[name] for name in cls._member_names_)

    def __reversed__(cls):
        return (cls._member_map_[name] for name in reversed(cls._member_names_))

    def __len__(cls):
        return len(cls._member_names_)

    def __getitem__(cls, name):
        return cls._member_map_[name]

    def __bool__(cls):
        return True

    @property
    def __members__(cls):
        return dict(cls._member_map_)

    def __repr__(cls):
        if _Flag is not None and issubclass(cls, _Flag):
            return f'<flag {cls.__name__!r}>'
        return f'<enum {cls.__name__!r}>'

    def __setattr__(cls, name, value):
        if name in cls.__dict__.get('_member_map_', {}):
            raise AttributeError(f'cannot reassign member {name!r}')
        super().__setattr__(name, value)

    def __delattr__(cls, name):
        if name in cls.__dict__.get('_member_map_', {}):
            raise AttributeError(f'{cls.__name__!r} cannot delete member {name!r}.')
        super().__delattr__(name)


EnumMeta = EnumType


def _keep_enum_text(enum_class, member_type, body, bases):
    first_enum = [b for b in bases if isinstance(b, EnumType)][-1]
    for name in ('__repr__', '__str__', '__format__'):
        if name not in body:
            found = getattr(enum_class, name)
            if found is getattr(member_type, name) or found is getattr(object, name):
                type.__setattr__(enum_class, name, getattr(first_enum, name))


_FLAG_OPS = ('__or__', '__and__', '__xor__', '__ror__', '__rand__', '__rxor__', '__invert__')


def _use_flag_ops(enum_class, body):
    for name in _FLAG_OPS:
        if name not in body:
            type.__setattr__(enum_class, name, getattr(_Flag, name))


def _use_mixin_text(enum_class, member_type, body):
    if '__format__' not in body:
        type.__setattr__(enum_class, '__format__', member_type.__format__)
    if '__str__' not in body:
        method = member_type.__str__ if member_type is str else member_type.__repr__
        type.__setattr__(enum_class, '__str__', method)


class Enum(metaclass=EnumType):
    """Generic enumeration: subclass it and assign the members as class attributes."""

    def __init__(self, *args, **kwds):
        pass

    @staticmethod
    def _generate_next_value_(name, start, count, last_values):
        for value in reversed(last_values):
            try:
                return value + 1
            except TypeError:
                pass
        return start

    @classmethod
    def _missing_(cls, value):
        return None

    def __repr__(self):
        return f'<{type(self).__name__}.{self._name_}: {self._value_!r}>'

    def __str__(self):
        return f'{type(self).__name__}.{self._name_}'

    def __format__(self, format_spec):
        return format(str(self), format_spec)

    def __hash__(self):
        return hash(self._name_)

    @property
    def name(self):
        return self._name_

    @property
    def value(self):
        return self._value_


class ReprEnum(Enum):
    """Only changes the repr(); str() and format() are the mixed-in type's."""


class IntEnum(int, ReprEnum):
    """Enum where members are also (and must be) ints."""


class StrEnum(str, ReprEnum):
    """Enum where members are also (and must be) strings."""

    def __new__(cls, *values):
        if len(values) > 3:
            raise TypeError(f'too many arguments for str(): {values!r}')
        if len(values) == 1 and not isinstance(values[0], str):
            raise TypeError(f'{values[0]!r} is not a string')
        value = str(*values)
        member = str.__new__(cls, value)
        member._value_ = value
        return member

    @staticmethod
    def _generate_next_value_(name, start, count, last_values):
        return name.lower()


class Flag(Enum, boundary=STRICT):
    """Support for bit flags: members combine with ``|``, ``&``, ``^`` and ``~``."""

    @staticmethod
    def _generate_next_value_(name, start, count, last_values):
        if not count:
            return start if start is not None else 1
        last = max(last_values)
        if not isinstance(last, int):
            raise TypeError(f'invalid flag value {last!r}')
        return 2 ** last.bit_length()

    @classmethod
    def _missing_(cls, value):
        if not isinstance(value, int):
            raise ValueError(f'{value!r} is not a valid {cls.__qualname__}')
        mask = cls._flag_mask_
        if value < 0:
            value = mask + 1 + value
        unknown = value & ~mask
        if unknown and cls._boundary_ == STRICT:
            width = max(value.bit_length(), mask.bit_length())
            raise ValueError(f'{cls!r} invalid value {value!r}\n    given {_bits(value, width)}'
                             f'\n  allowed {_bits(mask, width)}')
        if unknown and cls._boundary_ == CONFORM:
            value &= mask
            unknown = 0
        member_type = cls._member_type_
        if member_type is object:
            pseudo = object.__new__(cls)
        else:
            pseudo = member_type.__new__(cls, value)
        pseudo._value_ = value
        names = [m._name_ for m in cls._members_in(value)]
        if not names:
            pseudo._name_ = None if not unknown else str(unknown)
        else:
            pseudo._name_ = '|'.join(names) + (f'|{unknown}' if unknown else '')
        cls._value2member_map_[value] = pseudo
        return pseudo

    @classmethod
    def _members_in(cls, value):
        return [cls._member_map_[n] for n in cls._member_names_
                if cls._member_map_[n]._value_ & value == cls._member_map_[n]._value_]

    def __repr__(self):
        cls_name = type(self).__name__
        if self._name_ is None:
            return f'<{cls_name}: {self._value_!r}>'
        return f'<{cls_name}.{self._name_}: {self._value_!r}>'

    def __str__(self):
        cls_name = type(self).__name__
        if self._name_ is None:
            return f'{cls_name}({self._value_!r})'
        return f'{cls_name}.{self._name_}'

    def __contains__(self, other):
        if not isinstance(other, self.__class__):
            raise TypeError("unsupported operand type(s) for 'in': "
                            f"'{type(other).__qualname__}' and '{self.__class__.__qualname__}'")
        return other._value_ & self._value_ == other._value_

    def __iter__(self):
        return iter(type(self)._members_in(self._value_))

    def __len__(self):
        return bin(self._value_).count('1')

    def __bool__(self):
        return bool(self._value_)

    def _other_value(self, other):
        if isinstance(other, self.__class__):
            return other._value_
        if self._member_type_ is not object and isinstance(other, self._member_type_):
            return other
        return NotImplemented

    def __or__(self, other):
        v = self._other_value(other)
        if v is NotImplemented:
            return v
        return self.__class__(self._value_ | v)

    def __and__(self, other):
        v = self._other_value(other)
        if v is NotImplemented:
            return v
        return self.__class__(self._value_ & v)

    def __xor__(self, other):
        v = self._other_value(other)
        if v is NotImplemented:
            return v
        return self.__class__(self._value_ ^ v)

    __ror__ = __or__
    __rand__ = __and__
    __rxor__ = __xor__

    def __invert__(self):
        if self._boundary_ == KEEP:
            return self.__class__(self._flag_mask_ ^ self._value_)
        return self.__class__(self._singles_mask_ & ~self._value_)


class IntFlag(int, ReprEnum, Flag, boundary=KEEP):
    """Support for integer-based flags."""


def unique(enumeration):
    duplicates = []
    for name, member in enumeration.__members__.items():
        if name != member.name:
            duplicates.append((name, member.name))
    if duplicates:
        alias_details = ', '.join([f'{alias} -> {name}' for (alias, name) in duplicates])
        raise ValueError(f'duplicate values found in {enumeration!r}: {alias_details}')
    return enumeration


_enum_ready = True
for _cls in (Enum, ReprEnum, IntEnum, StrEnum, Flag, IntFlag):
    for _key, _default in (('_member_names_', []), ('_member_map_', {}),
                           ('_value2member_map_', {}), ('_member_type_', object),
                           ('_unhashable_values_', []), ('_flag_mask_', 0),
                           ('_singles_mask_', 0)):
        if _key not in _cls.__dict__:
            type.__setattr__(_cls, _key, type(_default)() if _key != '_member_type_'
                             else _default)
type.__setattr__(IntEnum, '_member_type_', int)
type.__setattr__(StrEnum, '_member_type_', str)
type.__setattr__(IntFlag, '_member_type_', int)
for _cls, _b in ((Flag, STRICT), (IntFlag, KEEP)):
    type.__setattr__(_cls, '_boundary_', _b)
for _cls, _base in ((IntEnum, Enum), (StrEnum, Enum), (IntFlag, Flag)):
    type.__setattr__(_cls, '__repr__', _base.__repr__)
_use_mixin_text(IntEnum, int, {})
_use_mixin_text(StrEnum, str, {})
_use_mixin_text(IntFlag, int, {})
_ReprEnum = ReprEnum
_Flag = Flag
_use_flag_ops(IntFlag, {})
del _cls, _key, _default, _b, _base
'''
