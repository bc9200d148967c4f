"""Monty: a sandboxed interpreter for a large subset of Python, written in pure Python."""
from .errors import Frame, MontyError, MontyRuntimeError, MontySyntaxError
from .host.convert import MontyObjectRepr
from .limits import ResourceLimits
from .runner import Monty

__all__ = ['Monty', 'MontyError', 'MontySyntaxError', 'MontyRuntimeError', 'Frame',
           'ResourceLimits', 'MontyObjectRepr']
__version__ = '0.1.0'
