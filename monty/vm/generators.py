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


def yield_through(vm, back, v) -> None:
    """Hand ``v``, yielded by the inner generator of ``back``'s ``yield from``, to ``back``.

    While ``back`` is itself a generator resumed by a Monty frame, the YIELD_VALUE it would run
    next (the one after its YIELD_FROM) is done here: ``back`` is suspended just as that
    instruction would leave it, and the value goes on up, so a chain of ``yield from`` costs
    one frame switch per value.
    """
    while True:
        gen = back.gen
        if gen is None or back.entry:
            break
        back.pc += 1
        vm.depth -= 1
        gen.state = SUSPENDED
        up = back.back
        back.back = None
        mode = back.resume_mode
        back.resume_mode = None
        back = up
        if mode is None or mode[0] != 'yf':
            break
    vm.frame = back
    back.stack.append(v)
