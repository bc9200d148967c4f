"""Generator and coroutine objects: a suspended frame plus its lifecycle state."""
from __future__ import annotations

from ..objects.model import MontyObject, obj_id

CREATED, SUSPENDED, RUNNING, CLOSED = 0, 1, 2, 3


class Generator(MontyObject):
    """A generator, coroutine or async generator; ``kind`` says which."""
    __slots__ = ('frame', 'state', 'name', 'qualname', 'kind', 'mid', 'awaited_by')

    def __init__(self, frame, kind: str = 'generator'):
        self.frame = frame
        self.state = CREATED
        self.name = frame.code.name
        self.qualname = frame.code.qualname
        self.kind = kind
        self.mid = 0
        self.awaited_by = None
        frame.gen = self

    def __repr__(self) -> str:
        word = {'generator': 'generator', 'coroutine': 'coroutine',
                'async_generator': 'async_generator'}[self.kind]
        return f'<{word} object {self.qualname} at {hex(obj_id(self))}>'
