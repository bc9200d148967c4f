"""Find the host functions that answer a kernel's external calls."""
from __future__ import annotations

import importlib
import importlib.metadata
import importlib.util
import os
import types
from pathlib import Path
from typing import Callable, Iterable

ENV_VAR = 'MONTY_HANDLERS'
ENTRY_POINT_GROUP = 'monty.handlers'
# A module may name its handlers explicitly with a dict under one of these names.
_TABLE_NAMES = ('MONTY_HANDLERS', 'HANDLERS')

Handlers = dict[str, Callable]


class HandlerError(Exception):
    """A handler module that cannot be found or loaded."""


def load_spec(spec: str) -> Handlers:
    """Load the handlers of one module name (``pkg.tools``) or ``.py`` path."""
    spec = spec.strip()
    if not spec:
        return {}
    module = _import_path(spec) if _looks_like_path(spec) else _import_name(spec)
    return handlers_of(module)


def load_specs(specs: Iterable[str]) -> Handlers:
    """Load several specs; later ones override earlier names."""
    found: Handlers = {}
    for spec in specs:
        found.update(load_spec(spec))
    return found


def specs_from_env(environ=None) -> list[str]:
    """The comma-separated specs in ``MONTY_HANDLERS``."""
    value = (os.environ if environ is None else environ).get(ENV_VAR, '')
    return [part.strip() for part in value.split(',') if part.strip()]


def load_entry_points() -> Handlers:
    """Handlers advertised by installed distributions under the ``monty.handlers`` group."""
    found: Handlers = {}
    for point in importlib.metadata.entry_points(group=ENTRY_POINT_GROUP):
        found.update(_from_object(point.name, point.load()))
    return found


def handlers_of(module: types.ModuleType) -> Handlers:
    """A module's handler table, or else its public functions defined in the module itself."""
    for name in _TABLE_NAMES:
        table = getattr(module, name, None)
        if isinstance(table, dict):
            return _checked(table, module.__name__)
    return {name: value for name, value in vars(module).items()
            if not name.startswith('_') and isinstance(value, types.FunctionType)
            and value.__module__ == module.__name__}


def _from_object(name: str, obj) -> Handlers:
    """Handlers from what an entry point loads: a module, a dict or one callable."""
    if isinstance(obj, types.ModuleType):
        return handlers_of(obj)
    if isinstance(obj, dict):
        return _checked(obj, name)
    if callable(obj):
        return {name: obj}
    raise HandlerError(f'entry point {name!r} is not a module, dict or callable')


def _checked(table: dict, origin: str) -> Handlers:
    """Validate a name -> callable table."""
    for key, value in table.items():
        if not isinstance(key, str) or not key.isidentifier() or not callable(value):
            raise HandlerError(f'{origin}: handler {key!r} must map an identifier to a callable')
    return dict(table)


def _looks_like_path(spec: str) -> bool:
    return spec.endswith('.py') or os.sep in spec or '/' in spec


def _import_name(name: str) -> types.ModuleType:
    try:
        return importlib.import_module(name)
    except ImportError as exc:
        raise HandlerError(f'cannot import handler module {name!r}: {exc}') from None


def _import_path(path: str) -> types.ModuleType:
    file = Path(path).expanduser().resolve()
    if not file.is_file():
        raise HandlerError(f'handler file not found: {path}')
    spec = importlib.util.spec_from_file_location(f'monty_handlers_{file.stem}', file)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module
