"""Code objects in the payload: a table of records, each validated fully on load.

Instruction closures (``Code.instrs``) are never written; derived layout is recomputed by
``Code.finish``.  Every opcode must be known and its argument well formed (jump targets and
slot numbers in range), and the handlers are built once to prove the code is runnable.
"""
from __future__ import annotations

import msgpack

from ..compiler import opcodes as O
from ..compiler.code import Code, SourceText
from .tags import EXT_BIGINT, EXT_CODE, EXT_COMPLEX, EXT_CONST_SET, EXT_SPECIAL

JUMPS = {O.JUMP, O.POP_JUMP_IF_FALSE, O.POP_JUMP_IF_TRUE, O.JUMP_IF_FALSE_OR_POP,
         O.JUMP_IF_TRUE_OR_POP, O.POP_JUMP_IF_NONE, O.POP_JUMP_IF_NOT_NONE, O.FOR_ITER,
         O.SETUP_FINALLY, O.YIELD_FROM}
SLOTS = {O.LOAD_FAST, O.STORE_FAST, O.DELETE_FAST, O.LOAD_FAST_CHECKED, O.LOAD_DEREF,
         O.STORE_DEREF, O.DELETE_DEREF}
NAMES = {O.LOAD_GLOBAL, O.STORE_GLOBAL, O.DELETE_GLOBAL, O.LOAD_NAME, O.STORE_NAME,
         O.DELETE_NAME, O.LOAD_ATTR, O.STORE_ATTR, O.DELETE_ATTR, O.LOAD_METHOD,
         O.IMPORT_FROM, O.STORE_ANNOTATION}
RANGES = {O.BINARY_OP: 13, O.INPLACE_OP: 13, O.COMPARE_OP: 6, O.UNARY_OP: 3, O.IS_OP: 2,
          O.CONTAINS_OP: 2, O.RAISE_VARARGS: 3}
COUNTS = {O.BUILD_TUPLE, O.BUILD_LIST, O.BUILD_SET, O.BUILD_MAP, O.BUILD_STRING,
          O.BUILD_SLICE, O.CALL, O.CALL_EX, O.COPY, O.SWAP, O.UNPACK_SEQUENCE, O.LIST_APPEND,
          O.SET_ADD, O.MAP_ADD, O.LIST_EXTEND, O.SET_UPDATE, O.DICT_UPDATE, O.DICT_MERGE}
MAX_COUNT = 1 << 24
CONST_TYPES = (type(None), bool, int, float, str, bytes, complex)
ATOMS = frozenset(CONST_TYPES)
INTS = frozenset({int})


class CodeWriter:
    """Assigns table indexes to Code objects and writes their records."""

    def __init__(self):
        self.index: dict = {}
        self.codes: list = []
        self.sources: dict = {}

    def ref(self, code: Code) -> msgpack.ExtType:
        i = self.index.get(id(code))
        if i is None:
            i = self.index[id(code)] = len(self.codes)
            self.codes.append(code)
        return msgpack.ExtType(EXT_CODE, i.to_bytes(4, 'big'))

    def records(self) -> tuple[list, list]:
        out = []
        i = 0
        while i < len(self.codes):   # codes found while writing add to the list
            out.append(self._record(self.codes[i]))
            i += 1
        srcs = sorted(self.sources.values(), key=lambda e: e[0])
        return out, [[s.filename, s.text] for _, s in srcs]

    def _source(self, src: SourceText) -> int:
        entry = self.sources.get(id(src))
        if entry is None:
            entry = self.sources[id(src)] = (len(self.sources), src)
        return entry[0]

    def _record(self, c: Code) -> list:
        ops = []
        for opcode, arg in c.ops:
            ops.append(opcode)
            ops.append(self.const(arg))
        pos = []
        prev_line, prev = c.firstlineno, None
        for p in c.positions:
            if p == prev:
                pos.append(None)     # same position as the instruction before
                continue
            line, col, end_line, end_col = p
            pos += (line - prev_line, col, end_line - line, end_col)
            prev_line, prev = line, p
        qualname = None if c.qualname == c.name else c.qualname
        return [c.name, qualname, self._source(c.source), c.firstlineno, c.doc, c.argcount,
                c.posonlycount, c.kwonlycount, c.flags, list(c.varnames), list(c.cellvars),
                list(c.freevars), ops, pos]

    def const(self, v):
        """A constant or instruction operand (atoms, tuples, frozensets, Codes)."""
        t = type(v)
        if t is int and not -(1 << 63) <= v < (1 << 64):
            return big_int(v)
        if t is complex:
            return complex_ext(v)
        if t in CONST_TYPES:
            return v
        if t is tuple:
            return [self.const(x) for x in v]
        if t is frozenset:
            items = sorted(msgpack.packb(self.const(x), unicode_errors='surrogatepass')
                           for x in v)
            return msgpack.ExtType(EXT_CONST_SET, b''.join(items))
        if t is Code:
            return self.ref(v)
        if v is ...:
            return msgpack.ExtType(EXT_SPECIAL, b'\x02')
        raise ValueError(f'cannot serialize a constant of type {t.__name__}')


def big_int(v: int) -> msgpack.ExtType:
    n = (v.bit_length() + 8) // 8
    return msgpack.ExtType(EXT_BIGINT, v.to_bytes(n, 'big', signed=True))


def complex_ext(v: complex) -> msgpack.ExtType:
    import struct
    return msgpack.ExtType(EXT_COMPLEX, struct.pack('>dd', v.real, v.imag))


# -- reading ---------------------------------------------------------------------------------
def _is_str_list(v) -> bool:
    return isinstance(v, tuple) and all(type(x) is str for x in v)


def read_codes(records, sources) -> list:
    """Rebuild the code table (all records, then operands that refer to other codes)."""
    if not isinstance(records, tuple) or not isinstance(sources, tuple):
        raise ValueError('malformed code table')
    srcs = []
    for s in sources:
        if not (isinstance(s, tuple) and len(s) == 2 and type(s[0]) is str and type(s[1]) is str):
            raise ValueError('malformed source record')
        srcs.append(SourceText(s[0], s[1]))
    codes = [_shell(r, srcs) for r in records]
    for code, r in zip(codes, records):
        _fill_ops(code, r, codes)
    return codes


def _shell(r, srcs) -> Code:
    if not isinstance(r, tuple) or len(r) != 14:
        raise ValueError('malformed code record')
    (name, qualname, src, first, doc, argc, posonly, kwonly, flags, varnames, cellvars,
     freevars, _ops, _pos) = r
    qualname = name if qualname is None else qualname
    if type(name) is not str or type(qualname) is not str or not _index_ok(src, len(srcs)):
        raise ValueError('malformed code record')
    for n in (first, argc, posonly, kwonly, flags):
        if type(n) is not int or not 0 <= n < MAX_COUNT:
            raise ValueError('malformed code record: bad count')
    if doc is not None and type(doc) is not str:
        raise ValueError('malformed code record: bad docstring')
    if not (_is_str_list(varnames) and _is_str_list(cellvars) and _is_str_list(freevars)):
        raise ValueError('malformed code record: bad variable names')
    if argc + kwonly > len(varnames) or posonly > argc:
        raise ValueError('malformed code record: parameter counts do not match names')
    code = Code(name, qualname, srcs[src], first)
    code.doc, code.argcount, code.posonlycount, code.kwonlycount = doc, argc, posonly, kwonly
    code.flags = flags
    code.varnames, code.cellvars, code.freevars = list(varnames), list(cellvars), list(freevars)
    if code.total_params() > len(varnames):
        raise ValueError('malformed code record: parameter counts do not match names')
    code.finish()
    return code


def _index_ok(i, n) -> bool:
    return type(i) is int and 0 <= i < n


def _fill_ops(code: Code, r, codes: list) -> None:
    ops, pos = r[12], r[13]
    if not isinstance(ops, tuple) or len(ops) % 2 or not isinstance(pos, tuple) or not ops:
        raise ValueError('malformed code record: bad instructions')
    n = len(ops) // 2
    it = iter(ops)
    code.ops = [(op, arg if type(arg) in ATOMS else _operand(arg, codes))
                for op, arg in zip(it, it)]
    known = _factories()
    for opcode, arg in code.ops:
        check_op(code, opcode, arg, n, known)
    code.positions = _read_positions(pos, code.firstlineno, n)
    _build(code)


def _read_positions(pos: tuple, line: int, n: int) -> list:
    out = []
    i = 0
    prev = None
    size = len(pos)
    while len(out) < n:
        if i < size and pos[i] is None and prev is not None:
            out.append(prev)
            i += 1
            continue
        p = pos[i:i + 4]
        if len(p) != 4 or not INTS.issuperset(map(type, p)):
            raise ValueError('malformed code record: bad positions')
        line += p[0]
        prev = (line, p[1], line + p[2], p[3])
        out.append(prev)
        i += 4
    if i != len(pos):
        raise ValueError('malformed code record: bad positions')
    return out


def _operand(v, codes):
    if isinstance(v, CodeIndex):
        if not 0 <= v.i < len(codes):
            raise ValueError('code reference out of range')
        return codes[v.i]
    if type(v) is tuple:
        return tuple(_operand(x, codes) for x in v)
    if type(v) is frozenset:
        return frozenset(_operand(x, codes) for x in v)
    if type(v) in CONST_TYPES or v is ...:
        return v
    raise ValueError(f'malformed instruction operand of type {type(v).__name__}')


class CodeIndex:
    """A code-table reference seen while unpacking (resolved once all codes exist)."""
    __slots__ = ('i',)

    def __init__(self, i: int):
        self.i = i


def _factories() -> dict:
    from ..vm.ops import FACTORIES
    return FACTORIES


def check_op(code: Code, opcode, arg, n: int, known=None) -> None:
    """Reject unknown opcodes and malformed operands."""
    if type(opcode) is not int or opcode not in (known or _factories()):
        raise ValueError(f'unknown opcode {opcode!r}')
    if opcode in JUMPS:
        ok = type(arg) is int and 0 <= arg < n
    elif opcode in SLOTS:
        ok = type(arg) is int and 0 <= arg < code.nslots
    elif opcode in NAMES:
        ok = type(arg) is str
    elif opcode in RANGES:
        ok = type(arg) is int and 0 <= arg < RANGES[opcode]
    elif opcode in COUNTS:
        ok = type(arg) is int and 0 <= arg < MAX_COUNT
    elif opcode == O.MAKE_FUNCTION:
        ok = type(arg) is tuple and len(arg) == 2 and type(arg[0]) is Code and \
            type(arg[1]) is int and 0 <= arg[1] < 16
    elif opcode in (O.CALL_KW, O.CALL_METHOD):
        ok = type(arg) is tuple and len(arg) == 2 and type(arg[0]) is int and \
            0 <= arg[0] < MAX_COUNT and (arg[1] is None or _is_str_list(arg[1])) and \
            len(arg[1] or ()) <= arg[0]
    else:
        ok = True
    if not ok:
        raise ValueError(f'malformed operand for {O.OPNAMES[opcode]}: {arg!r:.60}')


def _build(code: Code) -> None:
    from ..vm.ops import compile_instrs
    try:
        compile_instrs(code)
    except Exception as e:  # noqa: BLE001 - any failure means the operands were malformed
        raise ValueError(f'malformed instructions in {code.qualname}: {e}') from None
    code.instrs = None
