"""What front ends show about a live ``MontyRepl``: variables, completions and inspection.

Names and attributes are resolved through Monty's own tables without running Monty code
(properties and ``__getattr__`` are never called); only reprs run user ``__repr__`` methods,
under a short time limit.
"""
from __future__ import annotations

import keyword
import re

from .builtins import types as T
from .compiler.code import VARARGS, VARKW
from .objects.model import (UNBOUND, BoundMethod, BoundNative, ClassMethod, Function, Instance,
                            MClass, Module, NativeFunction, Property, StaticMethod)
from .vm.generators import Generator
from .vm.protocol import BLOCKED_ATTRS, HOST_SUBCLASS_KINDS

REPR_SECONDS = 0.5
SHORT_REPR = 80
_DOTTED_TAIL = re.compile(r'((?:[A-Za-z_]\w*\s*\.\s*)*)([A-Za-z_]\w*)?$')
_DOTTED = re.compile(r'\s*[A-Za-z_]\w*(\s*\.\s*[A-Za-z_]\w*)*\s*$')
_SOFT_KEYWORDS = ('match', 'case', '_')


def short_repr(value, limit: int = SHORT_REPR) -> str:
    """``repr(value)`` cut to ``limit`` characters; a failing repr gives a placeholder."""
    try:
        text = repr(value)
    except BaseException:  # noqa: BLE001 - a broken or slow __repr__ must not break listings
        text = f'<{T.type_of(value).name} object>'
    return text if len(text) <= limit else text[:limit - 3] + '...'


def is_user_name(name: str) -> bool:
    """Variables a listing shows: everything but dunder names like ``__name__``."""
    return not (name.startswith('__') and name.endswith('__'))


def variables(namespace: dict) -> list[tuple[str, str, str]]:
    """Sorted ``(name, type name, short repr)`` rows of the user's globals.

    ``_`` is shown only when the user assigned a global of that name: the last value lives
    among the builtins, as in Python's interactive interpreter, and is not a variable.
    """
    rows = {name: value for name, value in namespace.items() if is_user_name(name)}
    return [(name, T.type_of(value).name, short_repr(value)) for name, value in sorted(rows.items())]


# -- resolving without running code ---------------------------------------------------------
def lookup_name(name: str, namespace: dict, vm):
    """A global or builtin by name, or UNBOUND."""
    if name in namespace:
        return namespace[name]
    return vm.builtins.get(name, UNBOUND)


def peek_attr(obj, name: str):
    """``obj.name`` when it is a stored value (no property, no ``__getattr__``), else UNBOUND."""
    if name in BLOCKED_ATTRS:
        return UNBOUND
    if type(obj) is Module:
        return obj.dict.get(name, UNBOUND)
    attrs = instance_attrs(obj)
    if name in attrs:
        return attrs[name]
    cls = obj if type(obj) is MClass else T.type_of(obj)
    attr = cls.lookup(name)
    if type(attr) is Function and type(obj) is not MClass:
        return BoundMethod(obj, attr)
    if type(attr) in (ClassMethod, StaticMethod):
        return attr.func
    return attr


def instance_attrs(obj) -> dict:
    """The attribute dict of a user instance, or an empty dict."""
    if isinstance(obj, Instance):
        return obj.attrs
    if isinstance(obj, HOST_SUBCLASS_KINDS):
        return getattr(obj, 'attrs', None) or {}
    return {}


def resolve(expr: str, namespace: dict, vm):
    """The value of a dotted name like ``a.b.c``, or UNBOUND."""
    if not _DOTTED.match(expr or ''):
        return UNBOUND
    parts = [p.strip() for p in expr.split('.')]
    value = lookup_name(parts[0], namespace, vm)
    for part in parts[1:]:
        if value is UNBOUND:
            break
        value = peek_attr(value, part)
    return value


# -- completion -----------------------------------------------------------------------------
def attribute_names(obj) -> set[str]:
    """Every attribute name our tables know for ``obj``."""
    if type(obj) is Module:
        return set(obj.dict)
    names = set(instance_attrs(obj))
    cls = obj if type(obj) is MClass else T.type_of(obj)
    for klass in cls.mro:
        names.update(klass.dict)
    if type(obj) is MClass:
        names.update(('__name__', '__qualname__', '__module__', '__doc__', '__mro__',
                      '__bases__'))
    return {n for n in names if isinstance(n, str) and n.isidentifier()} - BLOCKED_ATTRS


def _visible(name: str, prefix: str) -> bool:
    if not name.startswith(prefix):
        return False
    return prefix.startswith('_') or not (name.startswith('__') and name.endswith('__'))


def complete(before: str, namespace: dict, vm) -> list[str]:
    """Candidates for the identifier ending ``before``: names, or attributes after a dot."""
    m = _DOTTED_TAIL.search(before)
    owner, prefix = (m.group(1), m.group(2) or '') if m else ('', '')
    if owner:
        target = resolve(owner.rstrip().rstrip('.'), namespace, vm)
        pool = attribute_names(target) if target is not UNBOUND else set()
    else:
        if not prefix:
            return []
        pool = set(namespace) | set(vm.builtins) | set(keyword.kwlist) | set(_SOFT_KEYWORDS)
    return sorted(n for n in pool if _visible(n, prefix))


# -- inspection -----------------------------------------------------------------------------
def describe(expr: str, namespace: dict, vm) -> str | None:
    """A short help text for the value ``expr`` names, or None when it names nothing."""
    value = resolve(expr, namespace, vm)
    if value is UNBOUND:
        return None
    lines = [f'Type: {T.type_of(value).name}']
    sig = signature(value)
    if sig is not None:
        lines.append(f'Signature: {expr.strip().rsplit(".", 1)[-1]}{sig}')
    if not callable_kind(value):
        lines.append(f'Value: {short_repr(value, 400)}')
    doc = docstring(value)
    if doc:
        lines.append('Docstring:\n' + doc)
    return '\n'.join(lines)


def callable_kind(value) -> bool:
    return type(value) in (Function, BoundMethod, NativeFunction, BoundNative, MClass)


def docstring(value) -> str | None:
    """The docstring Monty's ``__doc__`` would give (instances fall back to their class's)."""
    t = type(value)
    if t is BoundMethod:
        return docstring(value.func)
    if t is BoundNative:
        return value.func.doc
    if t in (Function, NativeFunction, Property):
        return value.doc
    if t is Module:
        doc = value.dict.get('__doc__')
        return doc if isinstance(doc, str) else None
    if t is Generator:
        return None
    cls = value if t is MClass else T.type_of(value)
    doc = cls.dict.get('__doc__', cls.doc)
    return doc if isinstance(doc, str) else None


def signature(value) -> str | None:
    """``(a, b=1, *args, c, **kw)`` for Monty functions, methods and classes; else None."""
    t = type(value)
    if t is Function:
        return format_params(value)
    if t is BoundMethod and type(value.func) is Function:
        return format_params(value.func, skip=1)
    if t is MClass and not value.native:
        for hook in ('__init__', '__new__'):
            fn = value.lookup(hook)
            if type(fn) is StaticMethod:
                fn = fn.func
            if type(fn) is Function:
                return format_params(fn, skip=1)
        return '()'
    return None


def format_params(func: Function, skip: int = 0) -> str:
    """Render a function's parameter list from its Code, defaults and annotations."""
    code = func.code
    names = code.varnames
    npos, nkw = code.argcount, code.kwonlycount
    defaults = tuple(func.defaults or ())
    kwdefaults = func.kwdefaults or {}
    notes = func.annotations if isinstance(func.annotations, dict) else {}
    first_default = npos - len(defaults)
    parts = []
    for i in range(npos):
        default = defaults[i - first_default] if i >= first_default else UNBOUND
        parts.append(_param(names[i], notes, default))
        if code.posonlycount and i == code.posonlycount - 1:
            parts.append('/')
    star = npos + nkw
    if code.flags & VARARGS:
        parts.append('*' + _param(names[star], notes, UNBOUND))
    elif nkw:
        parts.append('*')
    for i in range(npos, npos + nkw):
        parts.append(_param(names[i], notes, kwdefaults.get(names[i], UNBOUND)))
    if code.flags & VARKW:
        parts.append('**' + _param(names[star + bool(code.flags & VARARGS)], notes, UNBOUND))
    parts = parts[skip:]
    if parts[:1] == ['/']:
        parts = parts[1:]
    text = '(' + ', '.join(parts) + ')'
    if 'return' in notes:
        text += ' -> ' + _annotation(notes['return'])
    return text


def _param(name: str, notes: dict, default) -> str:
    text = name
    if name in notes:
        text += ': ' + _annotation(notes[name])
        if default is not UNBOUND:
            return f'{text} = {short_repr(default)}'
    if default is not UNBOUND:
        text += '=' + short_repr(default)
    return text


def _annotation(note) -> str:
    if type(note) is MClass:
        module = note.dict.get('__module__', note.module)
        return note.qualname if module == 'builtins' else f'{module}.{note.qualname}'
    return short_repr(note)
