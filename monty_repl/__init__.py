"""The `monty-repl` terminal front end; handler modules import `handler` from here."""
from .handlers import handler

__all__ = ['handler']
