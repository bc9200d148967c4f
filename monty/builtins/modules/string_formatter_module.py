"""``string.Formatter``, written in Monty on the engine's own field parsing.

Field names are split by the host's format-string parser (it only cuts text), and every
``.name``/``[key]`` step goes through ``formatting.field_step``: the same rule as ``str.format``
(no names starting with ``_``, attributes read by Monty's attribute protocol).
"""
from __future__ import annotations

import _string

from ...objects.model import NativeFunction
from .. import formatting

SOURCE = r'''
class Formatter:
    """A str.format-compatible formatter whose steps can be overridden."""
    __module__ = 'string'

    def format(self, format_string, /, *args, **kwargs):
        return self.vformat(format_string, args, kwargs)

    def vformat(self, format_string, args, kwargs):
        used_args = set()
        result, _ = self._vformat(format_string, args, kwargs, used_args, 2)
        self.check_unused_args(used_args, args, kwargs)
        return result

    def _vformat(self, format_string, args, kwargs, used_args, recursion_depth,
                 auto_arg_index=0):
        if recursion_depth < 0:
            raise ValueError('Max string recursion exceeded')
        result = []
        for literal_text, field_name, format_spec, conversion in self.parse(format_string):
            if literal_text:
                result.append(literal_text)
            if field_name is None:
                continue
            if field_name == '':
                if auto_arg_index is False:
                    raise ValueError('cannot switch from manual field specification to '
                                     'automatic field numbering')
                field_name = str(auto_arg_index)
                auto_arg_index += 1
            elif field_name.isdigit():
                if auto_arg_index:
                    raise ValueError('cannot switch from manual field specification to '
                                     'automatic field numbering')
                auto_arg_index = False
            obj, arg_used = self.get_field(field_name, args, kwargs)
            used_args.add(arg_used)
            obj = self.convert_field(obj, conversion)
            format_spec, auto_arg_index = self._vformat(
                format_spec, args, kwargs, used_args, recursion_depth - 1,
                auto_arg_index=auto_arg_index)
            result.append(self.format_field(obj, format_spec))
        return ''.join(result), auto_arg_index

    def get_value(self, key, args, kwargs):
        if isinstance(key, int):
            return args[key]
        return kwargs[key]

    def check_unused_args(self, used_args, args, kwargs):
        pass

    def format_field(self, value, format_spec):
        return format(value, format_spec)

    def convert_field(self, value, conversion):
        if conversion is None:
            return value
        if conversion == 's':
            return str(value)
        if conversion == 'r':
            return repr(value)
        if conversion == 'a':
            return ascii(value)
        raise ValueError(f'Unknown conversion specifier {conversion!s}')

    def parse(self, format_string):
        return _parse(format_string)

    def get_field(self, field_name, args, kwargs):
        first, rest = _split(field_name)
        obj = self.get_value(first, args, kwargs)
        for is_attr, key in rest:
            obj = _step(obj, is_attr, key)
        return obj, first
'''


def _text(value) -> str:
    if not isinstance(value, str):
        from .. import types as T
        raise TypeError(f"descriptor '_formatter_parser' requires a 'str' object but received "
                        f"a '{T.type_name(value)}'")
    return value


def _parse(fmt) -> list:
    """``(literal, field, spec, conversion)`` tuples of a format string (plain strings)."""
    return list(_string.formatter_parser(_text(fmt)))


def _split(field) -> tuple:
    """``(first, [(is_attr, key), ...])`` of a field name."""
    first, rest = _string.formatter_field_name_split(_text(field))
    return first, list(rest)


def natives(vm) -> dict:
    """The host half: parsing, and field traversal under ``str.format``'s rule."""
    return {name: NativeFunction(name, fn, module='string') for name, fn in (
        ('_parse', _parse), ('_split', _split), ('_step', formatting.field_step))}
