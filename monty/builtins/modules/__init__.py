"""The sandboxed standard library: modules implemented here, never the host's."""
from __future__ import annotations

import importlib

from ...objects.model import MClass, Module

# module name -> submodule of this package that defines ``build(vm) -> Module``, or ``SOURCE``
# (Monty code run as the module body) plus optional ``natives(vm) -> dict`` of extra globals
REGISTRY = {
    'sys': 'sys_module',
    'asyncio': 'asyncio_module',
    'math': 'math_module',
    'cmath': 'cmath_module',
    'typing': 'typing_module',
    'collections': 'collections_module',
    'collections.abc': 'collections_abc_module',
    'itertools': 'itertools_module',
    'functools': 'functools_module',
    'contextlib': 'contextlib_module',
    'dataclasses': 'dataclasses_module',
    'abc': 'abc_module',
    'json': 'json_module',
    're': 're_module',
    'random': 'random_module',
    'heapq': 'heapq_module',
    'bisect': 'bisect_module',
    'textwrap': 'textwrap_module',
    'statistics': 'statistics_module',
    'operator': 'operator_module',
    'copy': 'copy_module',
    'string': 'string_module',
    'time': 'time_module',
    'datetime': 'datetime_module',
    'enum': 'enum_module',
    'os': 'os_module',
    'os.path': 'posixpath_module',
    'posixpath': 'posixpath_module',
    'pathlib': 'pathlib_module',
    'traceback': 'traceback_module',
    'io': 'io_module',
    'pprint': 'pprint_module',
    'types': 'types_module',
    'graphlib': 'graphlib_module',
    'fractions': 'fractions_module',
    '<callbacks>': 'callbacks_module',   # builtins' Monty half; not importable by name
    '<asyncgen>': 'asyncgen_module',     # async generators' awaitables; not importable
    '<string.Formatter>': 'string_formatter_module',   # string.Formatter's body
    '<finalize>': 'finalize_module',     # close() of abandoned generators; not importable
}


def import_module(vm, name: str, fromlist=None):
    """``import name``: the cached sandboxed module, or ModuleNotFoundError like CPython."""
    top = name.split('.')[0]
    if '.' in name and name not in vm.modules and name not in ALIASES:
        _load_parents(vm, name)
    mod = _load(vm, name)
    if fromlist:
        return mod
    return _load(vm, top) if top != name else mod


# modules that are packages in CPython (a missing submodule of any other says "not a package")
PACKAGES = frozenset({'asyncio', 'collections', 'json', 're', 'concurrent', 'email', 'html',
                      'http', 'importlib', 'logging', 'unittest', 'urllib', 'xml'})


def _load_parents(vm, name: str) -> None:
    """Import ``a`` then ``a.b`` before ``a.b.c``, failing on the first missing one as CPython."""
    parts = name.split('.')
    for i in range(1, len(parts)):
        parent = '.'.join(parts[:i])
        _load(vm, parent)
        child = '.'.join(parts[:i + 1])
        if child not in REGISTRY and child not in vm.modules:
            tail = '' if parent in PACKAGES else f"; '{parent}' is not a package"
            raise ModuleNotFoundError(f"No module named '{child}'{tail}", name=child)


# a name importing the module of another name (CPython's ``os.path is posixpath``)
ALIASES = {'os.path': 'posixpath'}


def _load(vm, name: str) -> Module:
    mod = vm.modules.get(name)
    if mod is not None:
        return mod
    if name in ALIASES:
        mod = vm.modules[name] = _load(vm, ALIASES[name])
        return mod
    target = REGISTRY.get(name)
    if target is None:
        raise ModuleNotFoundError(f"No module named '{name}'", name=name)
    impl = importlib.import_module(f'{__name__}.{target}')
    if hasattr(impl, 'build'):
        mod = impl.build(vm)
        vm.modules[name] = mod
    else:
        mod = _run_source(vm, name, impl)
    _bind_to_parent(vm, name, mod)
    return mod


def _bind_to_parent(vm, name: str, mod: Module) -> None:
    """``import a.b`` leaves ``b`` an attribute of the loaded module ``a``, as CPython does."""
    parent, _, child = name.rpartition('.')
    if parent and parent in vm.modules:
        vm.modules[parent].dict.setdefault(child, mod)


_CODE_CACHE: dict = {}


def _run_source(vm, name: str, impl) -> Module:
    """A module written in Monty (``SOURCE``): compiled once, run in a fresh namespace."""
    from ...compiler.codegen import compile_source
    from ...vm.frame import Frame
    code = _CODE_CACHE.get(name)
    if code is None:
        code = _CODE_CACHE[name] = compile_source(impl.SOURCE, f'<{name}>')
    ns = {'__name__': name}
    if hasattr(impl, 'natives'):
        ns.update(impl.natives(vm))
    mod = vm.modules[name] = Module(name, ns)
    caller = vm.frame
    saved_pc = caller.pc if caller is not None else 0
    try:
        vm.run_frame(Frame(vm, code, [], ns))
    except BaseException:
        del vm.modules[name]
        raise
    finally:
        if caller is not None:
            caller.pc = saved_pc
    _name_c_types(ns)
    return mod


def _name_c_types(ns: dict) -> None:
    """Give the module's classes that CPython writes in C their error-message names."""
    from ..c_types import c_type_name
    for value in ns.values():
        if type(value) is MClass and not value.native:
            tp_name = c_type_name(value.module, value.name)
            if tp_name is not None:
                value.tp_name = tp_name


def public_names(mod: Module) -> list:
    """``(name, value)`` pairs ``from mod import *`` binds: ``__all__`` or no-underscore names."""
    d = mod.dict
    names = d.get('__all__')
    if names is None:
        return [(k, v) for k, v in d.items() if isinstance(k, str) and not k.startswith('_')]
    from ...vm.protocol import iterate
    out = []
    for name in iterate(names):
        if not isinstance(name, str):
            raise TypeError(f'Item in {mod.name}.__all__ must be str, not '
                            f'{type(name).__name__}')
        if name not in d:
            raise AttributeError(f"module '{mod.name}' has no attribute '{name}'")
        out.append((name, d[name]))
    return out


def submodule(vm, mod: Module, attr: str):
    full = f'{mod.name}.{attr}'
    if full in REGISTRY:
        return _load(vm, full)
    raise ImportError(f"cannot import name '{attr}' from '{mod.name}' (unknown location)",
                      name=mod.name)
