"""The ``builtins`` namespace Monty code sees."""
from __future__ import annotations

from . import async_builtins, generator_methods, methods  # noqa: F401 - install tables
from . import types as T
from .functions import BUILTIN_FUNCTIONS, FILTER_CLASS, MAP_CLASS

_NAMESPACE: dict | None = None


def builtins_namespace() -> dict:
    """A fresh copy of the builtin names (cheap: the values are shared)."""
    global _NAMESPACE
    if _NAMESPACE is None:
        ns = dict(BUILTIN_FUNCTIONS)
        ns.update(T.ALL_BUILTIN_TYPES)
        ns['map'] = MAP_CLASS
        ns['filter'] = FILTER_CLASS
        for name, cls in T.EXC_BY_NAME.items():
            ns[name] = cls
        ns['NotImplemented'] = NotImplemented
        ns['Ellipsis'] = ...
        ns['__name__'] = 'builtins'
        ns['__debug__'] = True
        _NAMESPACE = ns
    return dict(_NAMESPACE)
