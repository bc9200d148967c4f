"""String formatting: ``format()``, f-string conversions, ``str.format`` and ``%``.

Host values are formatted by the host (identical output); widths and precisions are checked
first so a huge field cannot exhaust memory.  ``str.format`` field names are resolved here,
through Monty's own attribute and item rules, never by the host's formatter.
"""
from __future__ import annotations

import _string
import re

from ..objects.model import UNBOUND, Function, NativeFunction
from ..vm import protocol as P
from ..vm.signals import CallReq
from . import types as T
from .textconv import LEAVES, format_field, repr_runs_monty, str_runs_monty

_SPEC_NUMBERS = re.compile(r'(\d+)')


def check_spec(spec: str) -> None:
    for m in _SPEC_NUMBERS.finditer(spec):
        if len(m.group(1)) > 3:
            vm = P.current[0]
            if vm is not None and vm.tracker is not None:
                vm.tracker.check_alloc(int(m.group(1)) if len(m.group(1)) < 30 else 1 << 60)
            if len(m.group(1)) > 8 and int(m.group(1)) > 1 << 31:
                raise ValueError('Too many decimal digits in format string')


def mstr(v) -> str:
    """Monty ``str(v)`` evaluated now (instances run their ``__str__`` nested)."""
    if type(v) is str:
        return v
    return str(v)


def mrepr(v) -> str:
    return repr(v)


def convert_value(v, conversion: int):
    if conversion == 115:  # !s
        return mstr(v)
    if conversion == 114:  # !r
        return mrepr(v)
    if conversion == 97:   # !a
        return ascii(v)
    return v


def format_value(v, spec: str) -> str:
    """Monty ``format(v, spec)``."""
    t = type(v)
    if spec:
        check_spec(spec)
    if t in P.HOST_VALUE_TYPES:
        P.check_printable(v)
        return format(v, spec)
    cls = T.type_of(v)
    m = cls.lookup('__format__')
    if type(m) is Function:
        r = P.call_method_sync(m, v, spec)
        if not isinstance(r, str):
            raise TypeError(f'__format__ must return a str, not {T.type_name(r)}')
        return r
    if isinstance(v, (int, float, str)) and not isinstance(v, bool):
        return format(v, spec)
    if type(m) is NativeFunction and m is not T.OBJECT.dict.get('__format__') and \
            not isinstance(v, P.INSTANCE_TYPES):
        return m.fn(v, spec)   # a native type's own __format__ (e.g. datetime)
    if spec:
        raise TypeError(f"unsupported format string passed to {cls.name}.__format__")
    return mstr(v)


# -- str.format --------------------------------------------------------------------------
def str_format_req(fmt: str, args: tuple, kwargs: dict):
    """``fmt.format(*args, **kwargs)``: the text, or a CallReq when a field's value is formatted
    by Monty code (the fields are resolved and the plain ones formatted here first)."""
    if all(type(v) in LEAVES for v in args) and all(type(v) in LEAVES for v in kwargs.values()):
        return str_format(fmt, args, kwargs)
    pieces = str_format(fmt, args, kwargs, plan=True)
    if all(type(p) is str for p in pieces):
        return ''.join(pieces)
    from .resumable import callback_req
    return callback_req('format_pieces', pieces)


def str_format(fmt: str, args: tuple, kwargs: dict, depth: int = 0, plan: bool = False,
               numbering=None):
    """``str.format`` on the host; with ``plan``, a list of texts and ``(value, conversion,
    spec)`` fields whose text needs Monty code. ``numbering`` (auto, manual) is shared with the
    fields nested in specs, which CPython numbers after their outer field."""
    if depth > 2:
        raise ValueError('Max string recursion exceeded')
    out = []
    auto, manual = numbering or ([0], [False])
    for literal, field, spec, conv in _string.formatter_parser(fmt):
        out.append(literal)
        if field is None:
            continue
        value = _resolve_field(field, args, kwargs, auto, manual)
        if conv and conv not in 'rsa':
            raise ValueError(f"Unknown conversion specifier {conv}")
        if spec and '{' in spec:
            spec = str_format(spec, args, kwargs, depth + 1, numbering=(auto, manual))
        if plan:
            out.append(_planned(value, ord(conv) if conv else -1, spec or ''))
            continue
        if conv:
            value = convert_value(value, ord(conv))
        out.append(format_value(value, spec or ''))
    return out if plan else ''.join(out)


def _planned(value, conversion: int, spec: str):
    r = format_field(value, conversion, spec)
    return (value, conversion, spec) if type(r) is CallReq else r


def _resolve_field(field: str, args, kwargs, auto, manual):
    first, rest = _string.formatter_field_name_split(field)
    if first == '':
        if manual[0]:
            raise ValueError('cannot switch from manual field specification to automatic '
                             'field numbering')
        first = auto[0]
        auto[0] += 1
        auto.append(True)
    elif isinstance(first, int):
        if len(auto) > 1:
            raise ValueError('cannot switch from automatic field numbering to manual field '
                             'specification')
        manual[0] = True
    if isinstance(first, int):
        if args is None:
            raise ValueError('Format string contains positional fields')
        if first >= len(args):
            raise IndexError(f'Replacement index {first} out of range for positional args '
                             f'tuple')
        value = args[first]
    else:
        if first not in kwargs:
            raise KeyError(first)
        value = kwargs[first]
    for is_attr, key in rest:
        value = field_step(value, is_attr, key)
    return value


def field_step(value, is_attr: bool, key):
    """One ``.name`` or ``[key]`` of a replacement field; names starting with ``_`` are
    refused, so field traversal never reaches a dunder."""
    if is_attr:
        if key.startswith('_'):
            raise AttributeError(f"'{T.type_name(value)}' object has no attribute '{key}'")
        return P.sync(P.get_attr(value, key))
    return P.sync(P.get_item(value, key))


def format_map(fmt: str, mapping) -> str:
    """``str.format_map``: names only; ``args`` None marks positional fields as an error."""
    return str_format(fmt, None, _MappingView(mapping))


class _MappingView(dict):
    """Lets ``format_map`` look names up lazily in any Monty mapping."""

    def __init__(self, mapping):
        super().__init__()
        self.mapping = mapping

    def __contains__(self, key):
        return True

    def __getitem__(self, key):
        return P.sync(P.get_item(self.mapping, key))


# -- % formatting ------------------------------------------------------------------------------
def percent_req(fmt: str, values):
    """``fmt % values`` for a str ``fmt``: host text, or a CallReq when ``%s``/``%r``/``%a`` of a
    value runs Monty code.  A first host pass with stand-ins records which conversions the host
    asks for, in order (and raises the host's formatting errors); ``percent_of`` then computes
    them as frames and a second host pass uses the texts."""
    check_spec(fmt if type(fmt) is str else fmt.decode('latin-1'))
    t = type(values)
    if t in LEAVES:
        return fmt % values
    if t is tuple:
        for v in values:
            if type(v) not in LEAVES:
                break
        else:
            return fmt % values
    items = values if isinstance(values, tuple) else values.values() if t is dict else (values,)
    if not any(_needs_monty(v) for v in items):
        return _host_percent(fmt, _substitute(values, _Formattable))
    calls = []
    _host_percent(fmt, _substitute(values, lambda v: _Recorder(v, calls)))
    if not calls:
        return _host_percent(fmt, _substitute(values, _Formattable))
    from .resumable import callback_req
    return callback_req('percent_of', fmt, values, calls)


def percent_apply(fmt: str, values, texts: list) -> str:
    """The second pass of ``percent_req``: the recorded conversions answered by ``texts``."""
    answers = iter(texts)
    return _host_percent(fmt, _substitute(values, lambda v: _Replay(v, answers)))


def _needs_monty(v) -> bool:
    return type(v) not in LEAVES and (str_runs_monty(v) or repr_runs_monty(v))


def _substitute(values, make):
    """``values`` with every value whose text may run Monty code replaced by ``make(value)``."""
    def sub(v):
        return make(v) if _needs_monty(v) else v if type(v) in P.HOST_VALUE_TYPES \
            else _Formattable(v)
    if isinstance(values, tuple):
        return tuple(sub(v) for v in values)
    if type(values) is dict:
        return {k: sub(v) for k, v in values.items()}
    if isinstance(values, dict) or type(values) is not list and \
            T.type_of(values).lookup('__getitem__') is not UNBOUND:
        return values   # a mapping: the host looks keys up in it
    return sub(values)


def percent_format(fmt, values):
    """``fmt % values`` evaluated now (instances' Monty dunders run nested)."""
    check_spec(fmt if isinstance(fmt, str) else fmt.decode('latin-1'))
    return _host_percent(fmt, _substitute(values, _Formattable))


_FAILED: list = []   # the Monty value whose number conversion the host just saw fail
_STAND_IN_NAME = re.compile(r"\b(_Formattable|_Recorder|_Replay)\b")


def _host_percent(fmt, values):
    """``fmt % values`` on the host; its messages name a failing value's Monty class, not the
    stand-in's (CPython names the value's type)."""
    _FAILED.clear()
    try:
        return fmt % values
    except TypeError as e:
        msg = str(e)
        if not _FAILED or not _STAND_IN_NAME.search(msg):
            raise
        raise TypeError(_STAND_IN_NAME.sub(T.type_name(_FAILED[-1]), msg)) from None
    finally:
        _FAILED.clear()


def _dunder_number(v, names: tuple, check: type, what: str):
    """The first of the Monty dunders ``names`` that ``v``'s class has, called nested and
    checked like CPython; a TypeError (noted for ``_host_percent``) when it has none."""
    cls = T.type_of(v)
    for name in names:
        m = cls.lookup(name)
        if m is not UNBOUND and m is not None:
            r = P.call_method_sync(m, v)
            if not isinstance(r, check):
                _FAILED.append(v)
                raise TypeError(f'{T.error_name(cls)}.{name} returned non-{what} (type '
                                f'{T.type_name(r)})' if name == '__float__' else
                                f'{name} returned non-{what} (type {T.type_name(r)})')
            return r
    _FAILED.append(v)
    raise TypeError(f"'{T.error_name(cls)}' object cannot be interpreted as an integer")


class _Formattable:
    """Host-side stand-in for a Monty value inside ``%`` formatting."""
    __slots__ = ('v',)

    def __init__(self, v):
        self.v = v

    def __str__(self):
        return mstr(self.v)

    def __repr__(self):
        return mrepr(self.v)

    def __int__(self):
        return _dunder_number(self.v, ('__int__', '__index__'), int, 'int')

    def __index__(self):
        return _dunder_number(self.v, ('__index__',), int, 'int')

    def __float__(self):
        cls = T.type_of(self.v)
        if cls.lookup('__float__') is UNBOUND and cls.lookup('__index__') is UNBOUND:
            raise TypeError(f'must be real number, not {T.error_name(cls)}')
        if cls.lookup('__float__') is UNBOUND:
            return float(self.__index__())
        return _dunder_number(self.v, ('__float__',), float, 'float')

    def __bytes__(self):
        cls = T.type_of(self.v)
        m = cls.lookup('__bytes__')
        if m is UNBOUND or m is None:
            raise TypeError('%b requires a bytes-like object, or an object that implements '
                            f"__bytes__, not '{T.error_name(cls)}'")
        r = P.call_method_sync(m, self.v)
        if not isinstance(r, bytes):
            raise TypeError(f'__bytes__ returned non-bytes (type {T.type_name(r)})')
        return r


class _Recorder(_Formattable):
    """First pass: notes each ``str``/``repr`` the host asks for (answering with '')."""
    __slots__ = ('calls',)

    def __init__(self, v, calls: list):
        super().__init__(v)
        self.calls = calls

    def __str__(self):
        self.calls.append((self.v, 0))
        return ''

    def __repr__(self):
        self.calls.append((self.v, 1))
        return ''


class _Replay(_Formattable):
    """Second pass: answers each ``str``/``repr`` with the next computed text."""
    __slots__ = ('answers',)

    def __init__(self, v, answers):
        super().__init__(v)
        self.answers = answers

    def __str__(self):
        return next(self.answers)

    def __repr__(self):
        return next(self.answers)


P.percent_format = percent_req
