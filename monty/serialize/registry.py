"""Stable names for the objects a snapshot refers to but never contains.

Builtin classes, their methods, builtin functions, the host classes behind Monty values and
module members are written as names and looked up again on load in a fixed table: loading
never imports, evaluates or resolves anything outside it.
"""
from __future__ import annotations

from ..builtins import types as T
from ..builtins.namespace import builtins_namespace
from ..host.external import PENDING_CODE
from ..objects import model as M
from ..vm import protocol as P

_WRAPPER_FIELDS = ('func', 'fget', 'fset', 'fdel')
_cache: dict = {}


class Registry:
    """A two-way table ``name <-> object`` (first name wins for an object)."""

    def __init__(self):
        self.by_name: dict = {}
        self.by_id: dict = {}
        self.containers = False      # names a list, dict, set or tuple

    def add(self, name: str, obj) -> None:
        if name in self.by_name:
            return
        self.by_name[name] = obj
        if type(obj) in (list, tuple, dict, set, frozenset):
            self.containers = True
        self.by_id.setdefault(id(obj), name)

    def add_class(self, prefix: str, cls) -> None:
        """A native class and every member of its namespace."""
        self.add(prefix, cls)
        for attr, value in cls.dict.items():
            if _is_atom(value):
                continue
            self.add(f'{prefix}.{attr}', value)
            for field in _WRAPPER_FIELDS:
                inner = getattr(value, field, None) if type(value) in _WRAPPERS else None
                if inner is not None and not _is_atom(inner):
                    self.add(f'{prefix}.{attr}#{field}', inner)

    def name_of(self, obj):
        return self.by_id.get(id(obj))


_WRAPPERS = (M.ClassMethod, M.StaticMethod, M.Property)


def _is_atom(v) -> bool:
    return v is None or type(v) in (bool, int, float, str, bytes, complex, tuple)


def _signature() -> tuple:
    return (len(T.HOST_TYPE_MAP), len(T.EXC_BY_NAME), len(T.GENERATOR_CLASSES),
            len(T._EXTRA_HOST_TYPES), len(P.HOST_ITER_TYPES))


def host_classes() -> dict:
    """Host classes a decoded object may name (as a class, type or instance kind); the
    returned table is shared: never change it."""
    key = (len(T.HOST_TYPE_MAP), len(M.INSTANCE_KINDS))
    out = _hosts_cache.get(key)
    if out is None:
        out = {}
        for cls in list(T.HOST_TYPE_MAP) + list(M.INSTANCE_KINDS.values()) + \
                [M.Instance, M.ExcInstance]:
            if cls is not None:
                out.setdefault(f'{cls.__module__}.{cls.__qualname__}', cls)
        _hosts_cache.clear()
        _hosts_cache[key] = out
    return out


_hosts_cache: dict = {}


def builtin_registry() -> Registry:
    """The process-wide part: builtin names, types, exceptions, host classes."""
    sig = _signature()
    reg = _cache.get(sig)
    if reg is not None:
        return reg
    reg = Registry()
    reg.add('x:pending', PENDING_CODE)
    for name, value in sorted(vars(T).items()):
        if type(value) is M.MClass:
            reg.add_class(f'T:{name}', value)
    for name, cls in T.EXC_BY_NAME.items():
        reg.add_class(f'exc:{name}', cls)
    for name, cls in T.GENERATOR_CLASSES.items():
        reg.add_class(f'gen:{name}', cls)
    for host, cls in list(T.HOST_TYPE_MAP.items()):
        reg.add_class(f'ht:{host.__module__}.{host.__qualname__}', cls)
    for host, cls in list(T._EXTRA_HOST_TYPES.items()):
        reg.add_class(f'xt:{host.__qualname__}', cls)
    for name, value in builtins_namespace().items():
        if not _is_atom(value) and value is not NotImplemented and value is not ...:
            if type(value) is M.MClass:
                reg.add_class(f'b:{name}', value)
            else:
                reg.add(f'b:{name}', value)
    for name, cls in host_classes().items():
        reg.add(f'H:{name}', cls)
    _cache.clear()
    _cache[sig] = reg
    return reg


def extra_type_class(name: str):
    """The lazily created MClass of a host iterator type, by its name (``xt:``)."""
    for t in P.HOST_ITER_TYPES:
        if t.__qualname__ == name:
            return T.host_type_class(t)
    return None


def module_members(reg: Registry, mod, name: str | None = None) -> None:
    """Add a sandboxed module's members (``m:<name>:<attr>``, ``name`` as imported) to ``reg``."""
    prefix = f'm:{name or mod.name}'
    reg.add(prefix, mod)
    for attr, value in mod.dict.items():
        if _is_atom(value):
            continue
        if type(value) is M.MClass and value.native:
            reg.add_class(f'{prefix}:{attr}', value)
        elif type(value) is M.Module:
            continue
        else:
            reg.add(f'{prefix}:{attr}', value)


class VMRegistry:
    """The registry seen by one VM: builtins plus that VM's imported modules."""

    def __init__(self, vm):
        self.vm = vm
        self.base = builtin_registry()
        self.local = Registry()
        self.done: set = set()
        for name in sorted(vm.modules):
            self._add_module(name)

    def _add_module(self, name: str) -> None:
        if name in self.done:
            return
        self.done.add(name)
        mod = self.vm.modules.get(name)
        if mod is not None:
            module_members(self.local, mod, name)

    def name_of(self, obj):
        return self.base.name_of(obj) or self.local.name_of(obj)

    def id_tables(self) -> tuple:
        """``id -> name`` for builtins and for this VM's modules, and whether any names a
        container (for the encoder's lookups)."""
        return self.base.by_id, self.local.by_id, self.base.containers or self.local.containers

    def lookup(self, name: str):
        """The object named ``name``; ValueError for a name outside the table."""
        obj = self.base.by_name.get(name, _MISSING)
        if obj is not _MISSING:
            return obj
        if name.startswith('m:'):
            modname = name[2:].split(':', 1)[0]
            self.import_module(modname)
        elif name.startswith('xt:'):
            cls = extra_type_class(name.split('.', 1)[0][3:])
            if cls is not None:
                self.base = builtin_registry()
                obj = self.base.by_name.get(name, _MISSING)
                if obj is not _MISSING:
                    return obj
        obj = self.local.by_name.get(name, _MISSING)
        if obj is _MISSING:
            raise ValueError(f'snapshot refers to an unknown builtin object {name!r}')
        return obj

    def import_module(self, modname: str):
        from ..builtins.modules import REGISTRY, import_module
        if modname not in REGISTRY:
            raise ValueError(f'snapshot refers to an unknown module {modname!r}')
        mod = import_module(self.vm, modname, ('*',))
        self._add_module(modname)
        return mod


_MISSING = object()
