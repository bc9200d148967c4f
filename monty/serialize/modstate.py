"""State that sandboxed modules keep out of sight of the heap (the ``random`` module's global
generator, ``os.environ`` changes), saved beside it and put back on load.

A module implementation (a submodule of ``builtins.modules``) takes part by defining
``save_state(module) -> value or None`` (None: nothing to keep) and
``restore_state(vm, module, value)``, which checks the decoded value and raises ValueError for
anything malformed.  The payload holds ``[name, state, name, state, ...]`` in name order; only
names in the fixed module registry are ever imported on load.
"""
from __future__ import annotations

import importlib


def _impl(name: str):
    from ..builtins.modules import REGISTRY
    target = REGISTRY.get(name)
    if target is None:
        return None
    return importlib.import_module(f'monty.builtins.modules.{target}')


def module_states(vm) -> list:
    """``[name, state, ...]`` for every imported module that has state worth keeping."""
    out: list = []
    seen: set = set()
    for name in sorted(vm.modules):
        mod = vm.modules[name]
        impl = _impl(name)
        save = getattr(impl, 'save_state', None)
        if save is None or id(mod) in seen:       # a module imported under two names
            continue
        seen.add(id(mod))
        state = save(mod)
        if state is not None:
            out += [name, state]
    return out


def restore_module_states(vm, registry, states) -> None:
    """Import each named module into ``vm`` and give it back its state."""
    if type(states) is not list or len(states) % 2:
        raise ValueError('malformed module states')
    if states and vm is None:
        raise ValueError('snapshot holds module state but has no interpreter')
    for name, state in zip(states[::2], states[1::2]):
        impl = _impl(name) if type(name) is str else None
        restore = getattr(impl, 'restore_state', None)
        if restore is None:
            raise ValueError(f'snapshot holds state for an unknown module {name!r}')
        restore(vm, registry.import_module(name), state)
