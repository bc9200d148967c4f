"""``pprint``: pretty-printing of nested data, written in Monty.

The layout rules are CPython 3.11's: an object whose one-line repr does not fit in what is
left of the line is split by the formatter of its type (chosen by the type's ``__repr__``, so
subclasses that keep the builtin repr split too), dict keys and set items are sorted with a
fallback for unorderable mixes, long strings break after whitespace and bytes every 4 bytes.
"""
from __future__ import annotations

SOURCE = r'''
import sys as _sys
import re as _re
import collections as _collections

__all__ = ['pprint', 'pformat', 'isreadable', 'isrecursive', 'saferepr', 'PrettyPrinter', 'pp']


def pprint(object, stream=None, indent=1, width=80, depth=None, *, compact=False,
           sort_dicts=True, underscore_numbers=False):
    """Pretty-print a Python object to a stream [default is sys.stdout]."""
    printer = PrettyPrinter(stream=stream, indent=indent, width=width, depth=depth,
                            compact=compact, sort_dicts=sort_dicts,
                            underscore_numbers=underscore_numbers)
    printer.pprint(object)


def pformat(object, indent=1, width=80, depth=None, *, compact=False, sort_dicts=True,
            underscore_numbers=False):
    """Format a Python object into a pretty-printed representation."""
    return PrettyPrinter(indent=indent, width=width, depth=depth, compact=compact,
                         sort_dicts=sort_dicts,
                         underscore_numbers=underscore_numbers).pformat(object)


def pp(object, *args, sort_dicts=False, **kwargs):
    """Pretty-print a Python object (dicts keep their insertion order)."""
    pprint(object, *args, sort_dicts=sort_dicts, **kwargs)


def saferepr(object):
    """Version of repr() which can handle recursive data structures."""
    return PrettyPrinter()._safe_repr(object, {}, None, 0)[0]


def isreadable(object):
    """Determine if saferepr(object) is readable by eval()."""
    return PrettyPrinter()._safe_repr(object, {}, None, 0)[1]


def isrecursive(object):
    """Determine if object requires a recursive representation."""
    return PrettyPrinter()._safe_repr(object, {}, None, 0)[2]


class _safe_key:
    """Orders values that may not be comparable with each other (then by type name and id)."""
    __slots__ = ['obj']

    def __init__(self, obj):
        self.obj = obj

    def __lt__(self, other):
        try:
            return self.obj < other.obj
        except TypeError:
            return ((str(type(self.obj)), id(self.obj)) <
                    (str(type(other.obj)), id(other.obj)))


def _safe_tuple(t):
    return _safe_key(t[0]), _safe_key(t[1])


def _recursion(object):
    return f'<Recursion on {type(object).__name__} with id={id(object)}>'


_builtin_scalars = (str, bytes, bytearray, float, complex, bool, type(None))


class PrettyPrinter:
    def __init__(self, indent=1, width=80, depth=None, stream=None, *, compact=False,
                 sort_dicts=True, underscore_numbers=False):
        indent = int(indent)
        width = int(width)
        if indent < 0:
            raise ValueError('indent must be >= 0')
        if depth is not None and depth <= 0:
            raise ValueError('depth must be > 0')
        if not width:
            raise ValueError('width must be != 0')
        self._depth = depth
        self._indent_per_level = indent
        self._width = width
        self._stream = stream if stream is not None else _sys.stdout
        self._compact = bool(compact)
        self._sort_dicts = sort_dicts
        self._underscore_numbers = underscore_numbers

    def pprint(self, object):
        if self._stream is not None:
            out = []
            self._format(object, out, 0, 0, {}, 0)
            self._stream.write(''.join(out))
            self._stream.write('\n')

    def pformat(self, object):
        out = []
        self._format(object, out, 0, 0, {}, 0)
        return ''.join(out)

    def isrecursive(self, object):
        return self.format(object, {}, 0, 0)[2]

    def isreadable(self, object):
        s, readable, recursive = self.format(object, {}, 0, 0)
        return readable and not recursive

    def _format(self, object, out, indent, allowance, context, level):
        objid = id(object)
        if objid in context:
            out.append(_recursion(object))
            self._recursive = True
            self._readable = False
            return
        rep = self._repr(object, context, level)
        max_width = self._width - indent - allowance
        if len(rep) > max_width:
            p = _dispatch_for(type(object))
            if p is not None:
                context[objid] = 1
                p(self, object, out, indent, allowance, context, level + 1)
                del context[objid]
                return
        out.append(rep)

    def _pprint_dict(self, object, out, indent, allowance, context, level):
        out.append('{')
        if self._indent_per_level > 1:
            out.append((self._indent_per_level - 1) * ' ')
        if len(object):
            if self._sort_dicts:
                items = sorted(object.items(), key=_safe_tuple)
            else:
                items = list(object.items())
            self._format_dict_items(items, out, indent, allowance + 1, context, level)
        out.append('}')

    def _pprint_ordered_dict(self, object, out, indent, allowance, context, level):
        if not len(object):
            out.append(repr(object))
            return
        name = object.__class__.__name__
        out.append(name + '(')
        self._format(list(object.items()), out, indent + len(name) + 1, allowance + 1,
                     context, level)
        out.append(')')

    def _pprint_list(self, object, out, indent, allowance, context, level):
        out.append('[')
        self._format_items(object, out, indent, allowance + 1, context, level)
        out.append(']')

    def _pprint_tuple(self, object, out, indent, allowance, context, level):
        out.append('(')
        endchar = ',)' if len(object) == 1 else ')'
        self._format_items(object, out, indent, allowance + len(endchar), context, level)
        out.append(endchar)

    def _pprint_set(self, object, out, indent, allowance, context, level):
        if not len(object):
            out.append(repr(object))
            return
        typ = object.__class__
        if typ is set:
            out.append('{')
            endchar = '}'
        else:
            out.append(typ.__name__ + '({')
            endchar = '})'
            indent += len(typ.__name__) + 1
        object = sorted(object, key=_safe_key)
        self._format_items(object, out, indent, allowance + len(endchar), context, level)
        out.append(endchar)

    def _pprint_str(self, object, out, indent, allowance, context, level):
        if not len(object):
            out.append(repr(object))
            return
        chunks = []
        lines = object.splitlines(True)
        if level == 1:
            indent += 1
            allowance += 1
        max_width1 = max_width = self._width - indent
        for i, line in enumerate(lines):
            rep = repr(line)
            if i == len(lines) - 1:
                max_width1 -= allowance
            if len(rep) <= max_width1:
                chunks.append(rep)
            else:
                parts = _re.findall(r'\S*\s*', line)
                parts.pop()
                max_width2 = max_width
                current = ''
                for j, part in enumerate(parts):
                    candidate = current + part
                    if j == len(parts) - 1 and i == len(lines) - 1:
                        max_width2 -= allowance
                    if len(repr(candidate)) > max_width2:
                        if current:
                            chunks.append(repr(current))
                        current = part
                    else:
                        current = candidate
                if current:
                    chunks.append(repr(current))
        if len(chunks) == 1:
            out.append(rep)
            return
        if level == 1:
            out.append('(')
        for i, rep in enumerate(chunks):
            if i > 0:
                out.append('\n' + ' ' * indent)
            out.append(rep)
        if level == 1:
            out.append(')')

    def _pprint_bytes(self, object, out, indent, allowance, context, level):
        if len(object) <= 4:
            out.append(repr(object))
            return
        parens = level == 1
        if parens:
            indent += 1
            allowance += 1
            out.append('(')
        delim = ''
        for rep in _wrap_bytes_repr(object, self._width - indent, allowance):
            out.append(delim)
            out.append(rep)
            if not delim:
                delim = '\n' + ' ' * indent
        if parens:
            out.append(')')

    def _pprint_bytearray(self, object, out, indent, allowance, context, level):
        out.append('bytearray(')
        self._pprint_bytes(bytes(object), out, indent + 10, allowance + 1, context, level + 1)
        out.append(')')

    def _pprint_default_dict(self, object, out, indent, allowance, context, level):
        if not len(object):
            out.append(repr(object))
            return
        rdf = self._repr(object.default_factory, context, level)
        name = object.__class__.__name__
        indent += len(name) + 1
        out.append(f'{name}({rdf},\n' + ' ' * indent)
        self._pprint_dict(object, out, indent, allowance + 1, context, level)
        out.append(')')

    def _pprint_counter(self, object, out, indent, allowance, context, level):
        if not len(object):
            out.append(repr(object))
            return
        name = object.__class__.__name__
        out.append(name + '({')
        if self._indent_per_level > 1:
            out.append((self._indent_per_level - 1) * ' ')
        items = object.most_common()
        self._format_dict_items(items, out, indent + len(name) + 1, allowance + 2, context,
                                level)
        out.append('})')

    def _pprint_deque(self, object, out, indent, allowance, context, level):
        if not len(object):
            out.append(repr(object))
            return
        name = object.__class__.__name__
        out.append(name + '(')
        indent += len(name) + 1
        out.append('[')
        if object.maxlen is None:
            self._format_items(object, out, indent, allowance + 2, context, level)
            out.append('])')
        else:
            self._format_items(object, out, indent, 2, context, level)
            rml = self._repr(object.maxlen, context, level)
            out.append('],\n' + ' ' * indent + 'maxlen=' + rml + ')')

    def _format_dict_items(self, items, out, indent, allowance, context, level):
        indent += self._indent_per_level
        delimnl = ',\n' + ' ' * indent
        last_index = len(items) - 1
        for i, (key, ent) in enumerate(items):
            last = i == last_index
            rep = self._repr(key, context, level)
            out.append(rep)
            out.append(': ')
            self._format(ent, out, indent + len(rep) + 2, allowance if last else 1, context,
                         level)
            if not last:
                out.append(delimnl)

    def _format_items(self, items, out, indent, allowance, context, level):
        indent += self._indent_per_level
        if self._indent_per_level > 1:
            out.append((self._indent_per_level - 1) * ' ')
        delimnl = ',\n' + ' ' * indent
        delim = ''
        width = max_width = self._width - indent + 1
        it = iter(items)
        try:
            next_ent = next(it)
        except StopIteration:
            return
        last = False
        while not last:
            ent = next_ent
            try:
                next_ent = next(it)
            except StopIteration:
                last = True
                max_width -= allowance
                width -= allowance
            if self._compact:
                rep = self._repr(ent, context, level)
                w = len(rep) + 2
                if width < w:
                    width = max_width
                    if delim:
                        delim = delimnl
                if width >= w:
                    width -= w
                    out.append(delim)
                    delim = ', '
                    out.append(rep)
                    continue
            out.append(delim)
            delim = delimnl
            self._format(ent, out, indent, allowance if last else 1, context, level)

    def _repr(self, object, context, level):
        rep, readable, recursive = self.format(object, dict(context), self._depth, level)
        if not readable:
            self._readable = False
        if recursive:
            self._recursive = True
        return rep

    def format(self, object, context, maxlevels, level):
        """(repr, readable, recursive) of ``object``; subclasses may override."""
        return self._safe_repr(object, context, maxlevels, level)

    def _safe_repr(self, object, context, maxlevels, level):
        typ = type(object)
        if typ in _builtin_scalars:
            return repr(object), True, False
        r = typ.__repr__
        if issubclass(typ, int) and r is int.__repr__:
            if self._underscore_numbers:
                return f'{object:_d}', True, False
            return repr(object), True, False
        if issubclass(typ, dict) and r is dict.__repr__:
            if not object:
                return '{}', True, False
            objid = id(object)
            if maxlevels and level >= maxlevels:
                return '{...}', False, objid in context
            if objid in context:
                return _recursion(object), False, True
            context[objid] = 1
            readable = True
            recursive = False
            components = []
            level += 1
            if self._sort_dicts:
                items = sorted(object.items(), key=_safe_tuple)
            else:
                items = object.items()
            for k, v in items:
                krepr, kreadable, krecur = self.format(k, context, maxlevels, level)
                vrepr, vreadable, vrecur = self.format(v, context, maxlevels, level)
                components.append(f'{krepr}: {vrepr}')
                readable = readable and kreadable and vreadable
                if krecur or vrecur:
                    recursive = True
            del context[objid]
            return '{' + ', '.join(components) + '}', readable, recursive
        if ((issubclass(typ, list) and r is list.__repr__) or
                (issubclass(typ, tuple) and r is tuple.__repr__)):
            if issubclass(typ, list):
                if not object:
                    return '[]', True, False
                head, tail = '[', ']'
            elif len(object) == 1:
                head, tail = '(', ',)'
            else:
                if not object:
                    return '()', True, False
                head, tail = '(', ')'
            objid = id(object)
            if maxlevels and level >= maxlevels:
                return head + '...' + tail, False, objid in context
            if objid in context:
                return _recursion(object), False, True
            context[objid] = 1
            readable = True
            recursive = False
            components = []
            level += 1
            for o in object:
                orepr, oreadable, orecur = self.format(o, context, maxlevels, level)
                components.append(orepr)
                if not oreadable:
                    readable = False
                if orecur:
                    recursive = True
            del context[objid]
            return head + ', '.join(components) + tail, readable, recursive
        rep = repr(object)
        return rep, bool(rep and not rep.startswith('<')), False


def _wrap_bytes_repr(object, width, allowance):
    chunks = []
    current = b''
    last = len(object) // 4 * 4
    for i in range(0, len(object), 4):
        part = object[i: i + 4]
        candidate = current + part
        if i == last:
            width -= allowance
        if len(repr(candidate)) > width:
            if current:
                chunks.append(repr(current))
            current = part
        else:
            current = candidate
    if current:
        chunks.append(repr(current))
    return chunks


_dispatch = {
    dict.__repr__: PrettyPrinter._pprint_dict,
    list.__repr__: PrettyPrinter._pprint_list,
    tuple.__repr__: PrettyPrinter._pprint_tuple,
    set.__repr__: PrettyPrinter._pprint_set,
    frozenset.__repr__: PrettyPrinter._pprint_set,
    str.__repr__: PrettyPrinter._pprint_str,
    bytes.__repr__: PrettyPrinter._pprint_bytes,
    bytearray.__repr__: PrettyPrinter._pprint_bytearray,
    _collections.OrderedDict.__repr__: PrettyPrinter._pprint_ordered_dict,
    _collections.defaultdict.__repr__: PrettyPrinter._pprint_default_dict,
    _collections.Counter.__repr__: PrettyPrinter._pprint_counter,
    _collections.deque.__repr__: PrettyPrinter._pprint_deque,
}


def _dispatch_for(typ):
    """The splitting formatter for ``typ`` (by its ``__repr__``, as CPython chooses)."""
    r = typ.__repr__
    if r is object.__repr__:
        return PrettyPrinter._pprint_bytearray if issubclass(typ, bytearray) else None
    for known, fn in _dispatch.items():
        if known is r:
            return fn
    return None
'''
