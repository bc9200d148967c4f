"""``str``/``repr``/``format`` of values whose text comes from Monty code, as pausable requests.

A value's text is computed on the host when no Monty method can run (ints, strings, containers of
them: the common case, kept fast).  When an instance with a Monty ``__str__``/``__repr__``/
``__format__`` is involved -- directly or inside a list, dict, set, ... -- these functions return
a ``CallReq`` for that method or for ``repr_of``/``print_to`` in ``modules/callbacks_module``,
so an external call inside the method pauses like any other.
"""
from __future__ import annotations

from ..objects.model import (UNBOUND, BoundMethod, ExcInstance, Function, HOST_SUBCLASS_KINDS,
                             MClass, NativeFunction, method_qualname, obj_id)
from ..vm import protocol as P
from ..vm.posts import POSTS
from ..vm.signals import CallReq
from . import types as T

LEAVES = frozenset({int, float, bool, str, bytes, complex, type(None), range, bytearray})
VIEWS = (type({}.keys()), type({}.values()), type({}.items()))
CONTAINERS = frozenset({list, tuple, set, frozenset, dict}) | frozenset(VIEWS)
ADDRESSED = frozenset(P.HOST_ITER_TYPES) - frozenset(VIEWS)   # host reprs showing an address


def address_repr(x) -> str:
    """``<name object at 0x...>`` of a host iterator, with its Monty id, not its host address."""
    name = 'iterator' if type(x) is P.SeqIter else T.type_name(x)
    return f'<{name} object at {hex(obj_id(x))}>'


def _str_is_repr(m) -> bool:
    """True for a ``__str__`` that returns ``repr(self)`` (object's, and the containers')."""
    if m is UNBOUND:
        return True
    return type(m) is NativeFunction and m.name == '__str__' and \
        m.self_type in ('object', 'list', 'tuple', 'dict', 'set', 'frozenset')


def _monty_method(cls: MClass, name: str) -> bool:
    return type(cls.lookup(name)) is Function


def _own_repr(x) -> int:
    """1 when ``repr(x)`` itself runs Monty code, 0 when it is host text, -1 when it depends
    on the items ``x`` holds."""
    t = type(x)
    if t in LEAVES:
        return 0
    if t in CONTAINERS:
        return -1
    if t in ADDRESSED:
        return 1   # its text is computed by ``address_repr``, not by the host
    if t is MClass:
        return 1 if x.meta is not None and _monty_method(x.meta, '__repr__') else 0
    if t is BoundMethod:
        return -1
    if not isinstance(x, P.INSTANCE_TYPES):
        return 0
    if _monty_method(T.type_of(x), '__repr__'):
        return 1
    if type(x) is ExcInstance or isinstance(x, HOST_SUBCLASS_KINDS):
        return -1
    return 0


def _children(x) -> tuple:
    if type(x) is ExcInstance:
        return x.args
    if type(x) is BoundMethod:
        return (x.self,)
    if isinstance(x, dict):
        return tuple(dict.keys(x)) + tuple(dict.values(x))
    if isinstance(x, (list, tuple, set, frozenset)) or type(x) in VIEWS:
        return tuple(x)
    return ()


def repr_runs_monty(x) -> bool:
    """True when ``repr(x)`` would run a Monty method (of ``x`` or of a value it holds)."""
    kind = _own_repr(x)
    if kind >= 0:
        return kind == 1
    P.check_printable(x)
    seen = {id(x)}
    todo = [x]
    while todo:
        for item in _children(todo.pop()):
            k = _own_repr(item)
            if k == 1:
                return True
            if k < 0 and id(item) not in seen:
                seen.add(id(item))
                todo.append(item)
    return False


def str_runs_monty(x) -> bool:
    """True when ``str(x)`` would run a Monty method."""
    t = type(x)
    if t in LEAVES:
        return False
    if t in CONTAINERS or not isinstance(x, P.INSTANCE_TYPES):
        return repr_runs_monty(x)
    cls = T.type_of(x)
    m = cls.lookup('__str__')
    if type(m) is Function:
        return True
    if _str_is_repr(m):
        return repr_runs_monty(x)
    return False


def repr_req(x):
    """``repr(x)``: the text, or a CallReq when Monty code computes it."""
    if type(x) in LEAVES:
        return repr(x)
    if type(x) in ADDRESSED:
        return address_repr(x)
    m = T.type_of(x).lookup('__repr__')
    if type(m) is Function:
        return CallReq(m, (x,), None, 'check_str', '__repr__ ')
    if repr_runs_monty(x):
        return _callback('repr_of', x)
    return repr(x)


def str_req(x):
    """``str(x)``: the text, or a CallReq when Monty code computes it."""
    t = type(x)
    if t is str:
        return x
    if t in LEAVES:
        return str(x)
    if t in CONTAINERS:
        return _callback('repr_of', x) if repr_runs_monty(x) else repr(x)
    if t in ADDRESSED:
        return address_repr(x)
    cls = T.type_of(x)
    m = cls.lookup('__str__')
    if type(m) is Function:
        return CallReq(m, (x,), None, 'check_str', '__str__ ')
    if _str_is_repr(m):
        r = cls.lookup('__repr__')
        if type(r) is Function:
            return CallReq(r, (x,), None, 'check_str', '__str__ ')
        if repr_runs_monty(x):
            return _callback('repr_of', x)
    return str(x)


def format_req(v, spec: str):
    """``format(v, spec)``: the text, or a CallReq for a Monty ``__format__``/``__str__``."""
    from .formatting import check_spec, format_value
    t = type(v)
    if t in LEAVES:
        if spec:
            check_spec(spec)
        return format(v, spec)
    if t in CONTAINERS and not spec:
        return str_req(v)
    m = T.type_of(v).lookup('__format__')
    if type(m) is Function:
        if spec:
            check_spec(spec)
        return CallReq(m, (v, spec), None, 'check_format', None)
    if not spec and (m is UNBOUND or m is T.OBJECT.dict.get('__format__')):
        return str_req(v)
    return format_value(v, spec)


CONVERSIONS = {115: str_req, 114: repr_req}


def format_field(v, conversion: int, spec: str):
    """An f-string field ``{v!conversion:spec}`` as text or a CallReq."""
    if conversion == -1:
        return format_req(v, spec)
    if conversion == 97:
        return then(repr_req(v), 'ascii_text', spec)
    return then(CONVERSIONS[conversion](v), 'format_text', spec)


def then(r, post: str, state):
    """Apply the continuation ``post`` to ``r`` now, or once the request ``r`` has run."""
    if type(r) is not CallReq:
        return POSTS[post](P.current[0], r, state)
    if r.post is None:
        return CallReq(r.func, r.args, r.kwargs, post, state)
    return CallReq(r.func, r.args, r.kwargs, 'chain', (r.post, r.state, post, state))


def _callback(name: str, *args) -> CallReq:
    from .resumable import callback_req
    return callback_req(name, *args)


# -- host helpers of ``repr_of`` -------------------------------------------------------------
def quick_repr(x):
    """The host ``repr(x)`` when no Monty code is involved, else None."""
    if type(x) in LEAVES:
        return repr(x)
    return None if repr_runs_monty(x) else repr(x)


def _set_frame(x, host: type, name: str):
    if type(x) is host:
        return ('{', '}') if host is set else ('frozenset({', '})')
    return (f'{name}({{', '})')


def repr_parts(x) -> tuple:
    """How ``repr_of`` lays out container ``x``: ``(kind, open, close, items, recursive)``
    where kind is 'seq', 'tuple' or 'dict'; or a finished string in ``open`` (kind 'text');
    kind 'own' when ``x`` has a Monty ``__repr__`` of its own."""
    if _own_repr(x) == 1:
        return ('own', '', '', [], None)
    if type(x) is BoundMethod:
        return ('seq', f'<bound method {method_qualname(x.func)} of ', '>', [x.self], None)
    if type(x) is ExcInstance:
        name = x.mcls.name
        if len(x.args) == 1:
            return ('seq', f'{name}(', ')', list(x.args), None)
        return ('tuple', name + '(', ')', list(x.args), None)
    if isinstance(x, dict):
        return ('dict', '{', '}', list(dict.items(x)), '{...}')
    if isinstance(x, list):
        return ('seq', '[', ']', list(x), '[...]')
    if isinstance(x, tuple):
        return ('tuple', '(', ')', list(x), '(...)')
    if isinstance(x, (set, frozenset)):
        host = set if isinstance(x, set) else frozenset
        name = T.type_name(x)
        if not x:
            return ('text', f'{name}()', '', [], None)
        opening, closing = _set_frame(x, host, name)
        return ('seq', opening, closing, list(x), f'{name}(...)')
    name = type(x).__name__
    return ('seq', f'{name}([', '])', list(x), '...')


def active_reprs(vm) -> list:
    """The containers being repr'd by the nearest enclosing ``repr_of`` frame (a new list at
    the outermost one): CPython's guard that prints a container inside itself as ``[...]``,
    kept in the frames so it survives a snapshot."""
    from .modules.callbacks_module import callback
    code = callback(vm, 'repr_of').code
    f = vm.frame
    while f is not None:
        if f.code is code and type(f.locals[1]) is list:
            return f.locals[1]
        f = f.back
    return []
