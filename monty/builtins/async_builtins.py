"""The ``aiter`` and ``anext`` builtins."""
from __future__ import annotations

from ..objects.model import UNBOUND
from ..vm import protocol as P
from ..vm.signals import CallReq
from . import types as T
from .functions import builtin


@builtin('aiter')
def aiter_(obj):
    """``type(obj).__aiter__(obj)``, or TypeError for objects that are not async iterable."""
    cls = T.type_of(obj)
    m = cls.lookup('__aiter__')
    if m is UNBOUND:
        raise TypeError(f"'{T.error_name(cls)}' object is not an async iterable")
    return P.method_req(m, obj)


@builtin('anext', needs_vm=True)
def anext_(vm, *args):
    """The awaitable of ``__anext__``; with a default, one that returns it at the end."""
    if not 1 <= len(args) <= 2:
        raise TypeError(f'anext expected at least 1 argument, got {len(args)}'
                        if not args else f'anext expected at most 2 arguments, got {len(args)}')
    it = args[0]
    cls = T.type_of(it)
    m = cls.lookup('__anext__')
    if m is UNBOUND:
        raise TypeError(f"'{T.error_name(cls)}' object is not an async iterator")
    if len(args) == 1:
        return P.method_req(m, it)
    from .modules.asyncgen_module import NAME
    from .modules import _load
    mod = vm.modules.get(NAME) or _load(vm, NAME)
    return CallReq(mod.dict['anext_awaitable'], (it, args[1]), None, None, None)
