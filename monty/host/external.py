"""External functions: names the host answers, and the conversion of values across the boundary."""
from __future__ import annotations

from ..objects.model import MontyObject, obj_id


class ExternalFunction(MontyObject):
    """A function the host implements; calling it pauses (or calls the registered callable)."""
    __slots__ = ('name', 'mid')

    def __init__(self, name: str):
        self.name = name
        self.mid = 0

    def __repr__(self) -> str:
        return f'<external function {self.name} at {hex(obj_id(self))}>'
