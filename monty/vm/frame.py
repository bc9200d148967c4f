"""The frame: one activation of a Code, laid out so its whole state is plain data.

``locals`` is a list indexed by slot (parameters, then other locals, then cells, then free
variables); ``stack`` is the value stack; ``blocks`` holds the active ``try`` handlers as
``(handler_pc, stack_depth, handling_depth)``; ``handling`` is the stack of exceptions being
handled by ``except``/``finally`` clauses of this frame.  ``drops`` marks a frame that may hold
a generator in a local: its return takes the slow path, which releases them (``finalize``).
"""
from __future__ import annotations


class Frame:
    __slots__ = ('code', 'pc', 'locals', 'stack', 'globals', 'ns', 'back', 'blocks', 'handling',
                 'post', 'post_state', 'gen', 'vm', 'entry', 'resume_mode', 'func', 'drops')

    def __init__(self, vm, code, locals_: list, globals_: dict, ns: dict | None = None,
                 func=None, back: Frame | None = None):
        self.vm = vm
        self.code = code
        self.pc = 0
        self.locals = locals_
        self.stack = []
        self.globals = globals_
        self.ns = ns
        self.back = back
        self.blocks = []
        self.handling = []
        self.post = None
        self.post_state = None
        self.gen = None
        self.entry = False
        self.resume_mode = None
        self.func = func
        self.drops = False

    @property
    def lineno(self) -> int:
        return self.code.line_for(self.pc)

    def __repr__(self) -> str:
        return f'<frame {self.code.qualname} pc={self.pc}>'
