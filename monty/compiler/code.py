"""The compiled form of one function, class body, comprehension or module: ``Code``.

Instructions are ``(opcode, arg)`` pairs whose argument is the operand itself (a constant, a name,
a slot index, a jump target or a nested ``Code``), so a Code is plain data that serializes as is.
The VM turns the pairs into bound handler closures once, on first execution (``Code.instrs``).
"""
from __future__ import annotations

# flags
VARARGS = 1
VARKW = 2
GENERATOR = 4
COROUTINE = 8
ASYNC_GENERATOR = 16
NAME_SCOPE = 32      # class bodies: names go through a namespace dict
MODULE = 64
PROGRAM_EXIT = 128   # a program's module: its suspended generators are closed when it ends
# a call of a code with none of these (and no keyword-only parameters or cells) binds its
# arguments by position alone: ``fastcall`` is then the number of positional arguments it takes
SLOW_CALL_FLAGS = VARARGS | VARKW | GENERATOR | COROUTINE | ASYNC_GENERATOR | NAME_SCOPE


class SourceText:
    """The source of one compiled unit, shared by all of its Code objects (for tracebacks)."""
    __slots__ = ('filename', 'text', '_lines')

    def __init__(self, filename: str, text: str):
        self.filename = filename
        self.text = text
        self._lines = None

    def line(self, lineno: int) -> str:
        if self._lines is None:
            self._lines = self.text.splitlines()
        if 1 <= lineno <= len(self._lines):
            return self._lines[lineno - 1]
        return ''


class Code:
    """A compiled body: instructions, positions, and the facts needed to build a frame."""
    __slots__ = ('name', 'qualname', 'source', 'firstlineno', 'doc', 'argcount', 'posonlycount',
                 'kwonlycount', 'flags', 'varnames', 'cellvars', 'freevars', 'cell_params',
                 'ops', 'positions', 'nslots', 'instrs', 'param_names', 'param_index',
                 'fastcall', 'nlocals')

    def __init__(self, name: str, qualname: str, source: SourceText, firstlineno: int):
        self.name = name
        self.qualname = qualname
        self.source = source
        self.firstlineno = firstlineno
        self.doc = None
        self.argcount = 0
        self.posonlycount = 0
        self.kwonlycount = 0
        self.flags = 0
        self.varnames: list[str] = []
        self.cellvars: list[str] = []
        self.freevars: list[str] = []
        self.cell_params: list[tuple[int, int]] = []   # (param slot, cell slot)
        self.ops: list[tuple[int, object]] = []
        self.positions: list[tuple[int, int, int, int]] = []
        self.nslots = 0
        self.instrs = None
        self.param_names: tuple = ()
        self.param_index: dict = {}
        self.fastcall = -1
        self.nlocals = 0

    @property
    def filename(self) -> str:
        return self.source.filename

    def finish(self) -> None:
        """Compute derived layout once all names are known."""
        self.nslots = len(self.varnames) + len(self.cellvars) + len(self.freevars)
        nparams = self.argcount + self.kwonlycount
        self.param_names = tuple(self.varnames[:nparams])
        self.param_index = {n: i for i, n in enumerate(self.param_names)}
        base = len(self.varnames)
        self.cell_params = [(self.varnames.index(c), base + i) for i, c in enumerate(self.cellvars)
                            if c in self.varnames[:self.total_params()]]
        self.nlocals = base
        plain = not (self.flags & SLOW_CALL_FLAGS or self.kwonlycount or self.cellvars)
        self.fastcall = self.argcount if plain else -1

    def total_params(self) -> int:
        n = self.argcount + self.kwonlycount
        if self.flags & VARARGS:
            n += 1
        if self.flags & VARKW:
            n += 1
        return n

    def position(self, pc: int) -> tuple[int, int, int, int]:
        if 0 <= pc < len(self.positions):
            return self.positions[pc]
        return (self.firstlineno, 0, self.firstlineno, 0)

    def line_for(self, pc: int) -> int:
        return self.position(pc)[0]

    def __repr__(self) -> str:
        return f'<code object {self.name}>'
