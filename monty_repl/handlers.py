"""Host functions that answer Monty's external calls: the decorator and the loaders."""
from __future__ import annotations

import importlib
import importlib.metadata
import importlib.util
import inspect
import os
import sys
from types import ModuleType
from typing import Callable

ENTRY_POINT_GROUP = 'monty.handlers'

# The attribute the decorator sets; its value is the name Monty code calls the function by.
_MARK = '__monty_handler__'


class HandlerError(Exception):
    """A handlers module or entry point could not be loaded."""


def handler(func: Callable | None = None, *, name: str | None = None):
    """Mark a host function as a handler, optionally under another name: `@handler(name='x')`."""
    def mark(target: Callable) -> Callable:
        setattr(target, _MARK, name or target.__name__)
        return target
    return mark(func) if func is not None else mark


def module_handlers(module: ModuleType) -> dict[str, Callable]:
    """The handlers of a module: the marked callables if any are marked, else every public one."""
    marked = {getattr(obj, _MARK): obj for obj in vars(module).values()
              if callable(obj) and isinstance(getattr(obj, _MARK, None), str)}
    if marked:
        return marked
    return {name: obj for name, obj in vars(module).items() if _is_public(module, name, obj)}


def _is_public(module: ModuleType, name: str, obj: object) -> bool:
    """True for a callable the module defines itself (or lists in `__all__`) without a leading _."""
    if not callable(obj) or name.startswith('_'):
        return False
    exported = getattr(module, '__all__', None)
    if exported is not None:
        return name in exported
    return getattr(obj, '__module__', None) == module.__name__


def load_spec(spec: str) -> dict[str, Callable]:
    """Load handlers from a file path (`tools.py`) or an importable module path (`pkg.tools`)."""
    module = _import_file(spec) if _looks_like_path(spec) else _import_module(spec)
    return module_handlers(module)


def _looks_like_path(spec: str) -> bool:
    """A spec is a path when it names a .py file or contains a path separator."""
    return spec.endswith('.py') or os.sep in spec or '/' in spec


def _import_file(path: str) -> ModuleType:
    """Import a Python file as a module named after the file."""
    if not os.path.isfile(path):
        raise HandlerError(f'handlers file not found: {path}')
    name = os.path.splitext(os.path.basename(path))[0]
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    try:
        spec.loader.exec_module(module)
    except Exception as exc:
        sys.modules.pop(name, None)
        raise HandlerError(f'cannot load handlers from {path}: {type(exc).__name__}: {exc}') from exc
    return module


def _import_module(dotted: str) -> ModuleType:
    """Import a module by its dotted name, reporting failures as HandlerError."""
    if '' not in sys.path and os.getcwd() not in sys.path:
        sys.path.insert(0, os.getcwd())
    try:
        return importlib.import_module(dotted)
    except Exception as exc:
        raise HandlerError(f'cannot import handlers module {dotted}: {type(exc).__name__}: {exc}') from exc


def entry_point_handlers(group: str = ENTRY_POINT_GROUP) -> tuple[dict[str, Callable], list[str]]:
    """Handlers from installed entry points, plus one warning per entry point that failed."""
    found: dict[str, Callable] = {}
    warnings: list[str] = []
    for point in importlib.metadata.entry_points(group=group):
        try:
            target = point.load()
        except Exception as exc:
            warnings.append(f'entry point {point.name}: {type(exc).__name__}: {exc}')
            continue
        found.update(_from_target(point.name, target))
    return found, warnings


def _from_target(name: str, target: object) -> dict[str, Callable]:
    """An entry point names either a module of handlers or one callable."""
    if inspect.ismodule(target):
        return module_handlers(target)
    if callable(target):
        return {getattr(target, _MARK, None) or name: target}
    return {}


def describe(name: str, func: Callable) -> str:
    """One line for `:handlers`: the name, its signature and where it comes from."""
    try:
        signature = str(inspect.signature(func))
    except (TypeError, ValueError):
        signature = '(...)'
    origin = getattr(func, '__module__', None) or '?'
    prefix = 'async ' if inspect.iscoroutinefunction(func) else ''
    return f'{prefix}{name}{signature}  [{origin}]'
