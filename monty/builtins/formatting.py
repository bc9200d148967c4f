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
from . import types as T

MAX_WIDTH = 10_000_000
_SPEC_NUMBERS = re.compile(r'(\d+)')


def check_spec(spec: str) -> None:
    for m in _SPEC_NUMBERS.finditer(spec):
        if len(m.group(1)) > 8 or int(m.group(1)) > MAX_WIDTH:
            vm = P.current[0]
            if vm is not None and vm.tracker is not None:
                vm.tracker.check_alloc(int(m.group(1)) if len(m.group(1)) < 30 else 1 << 60)
            if int(m.group(1)) > 1 << 31:
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
def str_format(fmt: str, args: tuple, kwargs: dict, depth: int = 0) -> str:
    if depth > 2:
        raise ValueError('Max string recursion exceeded')
    out = []
    auto = [0]
    manual = [False]
    for literal, field, spec, conv in _string.formatter_parser(fmt):
        out.append(literal)
        if field is None:
            continue
        value = _resolve_field(field, args, kwargs, auto, manual)
        if conv:
            if conv not in 'rsa':
                raise ValueError(f"Unknown conversion specifier {conv}")
            value = convert_value(value, ord(conv))
        if spec and '{' in spec:
            spec = str_format(spec, args, kwargs, depth + 1)
        out.append(format_value(value, spec or ''))
    return ''.join(out)


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
        if first >= len(args):
            raise IndexError(f'Replacement index {first} out of range for positional args '
                             f'tuple')
        value = args[first]
    else:
        if first not in kwargs:
            raise KeyError(first)
        value = kwargs[first]
    for is_attr, key in rest:
        if is_attr:
            if key.startswith('_'):
                raise AttributeError(f"'{T.type_name(value)}' object has no attribute '{key}'")
            value = P.sync(P.get_attr(value, key))
        else:
            value = P.sync(P.get_item(value, key))
    return value


def format_map(fmt: str, mapping) -> str:
    class _Lookup(dict):
        pass
    return str_format(fmt, (), _MappingView(mapping))


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
def percent_format(fmt, values):
    """``fmt % values`` for str/bytes; instances are converted first so the host sees only
    plain values (``%s``/``%r`` of an instance run its Monty dunders)."""
    check_spec(fmt if isinstance(fmt, str) else fmt.decode('latin-1'))
    if isinstance(values, tuple):
        values = tuple(_plain(v) for v in values)
    elif isinstance(values, dict) or not isinstance(values, P.INSTANCE_TYPES):
        pass
    else:
        values = _plain(values)
    return fmt % values


def _plain(v):
    if type(v) in P.HOST_VALUE_TYPES:
        return v
    return _Formattable(v)


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
        return int(self.v)

    def __index__(self):
        return int(self.v)

    def __float__(self):
        return float(self.v)


_unused = (UNBOUND, NativeFunction)
