"""Pure-Python regular expressions compatible with CPython 3.11's `re` module."""

from .api import *  # noqa: F401,F403
from .api import __all__  # noqa: F401
