"""The sandboxed standard library: modules implemented here, never the host's."""
from __future__ import annotations

import importlib

from ...objects.model import Module

# module name -> submodule of this package that defines ``build(vm) -> Module``
REGISTRY = {
    'sys': 'sys_module',
    'math': 'math_module',
    'typing': 'typing_module',
}


def import_module(vm, name: str, fromlist=None):
    """``import name``: the cached sandboxed module, or ModuleNotFoundError like CPython."""
    top = name.split('.')[0]
    mod = _load(vm, name)
    if fromlist:
        return mod
    return _load(vm, top) if top != name else mod


def _load(vm, name: str) -> Module:
    mod = vm.modules.get(name)
    if mod is not None:
        return mod
    target = REGISTRY.get(name)
    if target is None:
        raise ModuleNotFoundError(f"No module named '{name}'")
    impl = importlib.import_module(f'{__name__}.{target}')
    mod = impl.build(vm)
    vm.modules[name] = mod
    return mod


def submodule(vm, mod: Module, attr: str):
    full = f'{mod.name}.{attr}'
    if full in REGISTRY:
        return _load(vm, full)
    raise ImportError(f"cannot import name '{attr}' from '{mod.name}' (unknown location)")
