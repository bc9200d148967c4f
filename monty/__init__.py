"""Monty: a sandboxed interpreter for a large subset of Python, written in pure Python."""
from .errors import Frame, MontyError, MontyRuntimeError, MontySyntaxError
from .host.convert import MontyObjectRepr
from .limits import ResourceLimits
from .runner import Monty, run_monty_async
from .snapshots import (FunctionSnapshot, FutureSnapshot, MontyComplete, NameLookupSnapshot,
                        OsSnapshot, load_snapshot)
from .host import futures as _futures  # noqa: F401 - awaiting external futures
from .continuation import ContinuationMode, detect_continuation_mode
from .repl import MontyRepl

__all__ = ['Monty', 'MontyError', 'MontySyntaxError', 'MontyRuntimeError', 'Frame',
           'ResourceLimits', 'MontyObjectRepr', 'MontyRepl', 'ContinuationMode',
           'detect_continuation_mode', 'FunctionSnapshot', 'OsSnapshot', 'NameLookupSnapshot',
           'FutureSnapshot', 'MontyComplete', 'load_snapshot', 'run_monty_async']
__version__ = '0.1.0'
