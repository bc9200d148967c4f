"""External functions and futures: the points where Monty code waits for the host.

A call of an ``ExternalFunction`` pushes a *pending frame* (``PENDING_CODE``) whose first
instruction pauses the VM; resuming pushes the host's answer on that frame and lets it return
(or raise) into its caller, so the answer flows through the same path as any Monty return.
``ExternalFuture`` is what Monty code receives when the host answers a call with a future.
"""
from __future__ import annotations

from ..compiler.code import Code, SourceText
from ..compiler.opcodes import RETURN_VALUE
from ..objects.model import MontyObject, obj_id
from ..vm.signals import MontyRaise, Suspend

# pending-frame program counters
PC_PAUSE, PC_RETURN, PC_RAISE = 0, 1, 2


class ExternalFunction(MontyObject):
    """A function the host implements; calling it pauses (or calls the registered callable)."""
    __slots__ = ('name', 'mid')

    def __init__(self, name: str):
        self.name = name
        self.mid = 0

    def __repr__(self) -> str:
        return f'<external function {self.name} at {hex(obj_id(self))}>'


class ExternalFuture(MontyObject):
    """The result of an external call the host resolves later (awaitable in Monty code)."""
    __slots__ = ('call_id', 'done', 'value', 'exc', 'mid')

    def __init__(self, call_id: int):
        self.call_id = call_id
        self.done = False
        self.value = None
        self.exc = None
        self.mid = 0

    def resolve(self, value=None, exc=None) -> None:
        self.done = True
        self.value = value
        self.exc = exc

    def __repr__(self) -> str:
        state = 'finished' if self.done else 'pending'
        return f'<ExternalFuture call_id={self.call_id} {state}>'


def _pause(f):
    """First instruction of a pending frame: hand the call to the host."""
    f.pc = PC_RETURN
    raise Suspend(f.locals[0], f)


def _return(f):
    f.pc = PC_RETURN
    return -2   # EV_RETURN: the answer is on the stack


def _raise(f):
    exc = f.stack.pop()
    f.pc = PC_RAISE
    raise MontyRaise(exc, reraise=True)


def _make_pending_code() -> Code:
    code = Code('<external>', '<external>', SourceText('<external>', ''), 0)
    code.ops = [(RETURN_VALUE, None)] * 3
    code.positions = [(0, 0, 0, 0)] * 3
    code.finish()
    code.instrs = [_pause, _return, _raise]
    return code


PENDING_CODE = _make_pending_code()
