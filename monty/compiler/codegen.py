"""Code generation: a stdlib ``ast`` tree -> ``Code`` objects for the VM.

One ``Unit`` per function/class/comprehension/module body.  Control flow that leaves a block
(``return``/``break``/``continue``) unwinds the enclosing ``FBlock`` records the same way
CPython's compiler does: finally bodies and ``__exit__`` calls are emitted inline.
"""
from __future__ import annotations

import ast

from . import opcodes as O
from .code import (ASYNC_GENERATOR, COROUTINE, GENERATOR, MODULE, NAME_SCOPE, VARARGS, VARKW,
                   Code, SourceText)
from .scopes import CELL, FREE, GLOBAL_EXPLICIT, GLOBAL_IMPLICIT, LOCAL, ScopeError, analyze
from .unsupported import check_supported
from ..errors import MontySyntaxError


class Label:
    """A jump target, resolved to an instruction index when the unit is finished."""
    __slots__ = ('pc',)

    def __init__(self):
        self.pc = -1


class FBlock:
    """An enclosing construct that ``return``/``break``/``continue`` must unwind."""
    __slots__ = ('kind', 'a', 'b')

    def __init__(self, kind: str, a=None, b=None):
        self.kind = kind
        self.a = a
        self.b = b


BINOPS = {ast.Add: 0, ast.Sub: 1, ast.Mult: 2, ast.Div: 3, ast.FloorDiv: 4, ast.Mod: 5,
          ast.Pow: 6, ast.LShift: 7, ast.RShift: 8, ast.BitAnd: 9, ast.BitOr: 10,
          ast.BitXor: 11, ast.MatMult: 12}
UNARYOPS = {ast.USub: 0, ast.UAdd: 1, ast.Invert: 2}
CMPOPS = {ast.Lt: 0, ast.LtE: 1, ast.Eq: 2, ast.NotEq: 3, ast.Gt: 4, ast.GtE: 5}


def mangle(private: str | None, name: str) -> str:
    """Private-name mangling inside class bodies (``__x`` -> ``_Cls__x``)."""
    if private is None or not name.startswith('__') or name.endswith('__') or '.' in name:
        return name
    stripped = private.lstrip('_')
    if not stripped:
        return name
    return f'_{stripped}{name}'


class Unit:
    """The state of one body being compiled."""

    def __init__(self, code: Code, scope, private: str | None):
        self.code = code
        self.scope = scope
        self.private = private
        self.fblocks: list[FBlock] = []
        self.pos = (code.firstlineno, 0, code.firstlineno, 0)
        self.slots: dict[str, int] = {}

    def local_slot(self, name: str) -> int:
        slot = self.slots.get(name)
        if slot is None:
            slot = len(self.code.varnames)
            self.code.varnames.append(name)
            self.slots[name] = slot
        return slot


class Compiler:
    """Compiles one source text."""

    def __init__(self, source: str, filename: str):
        self.source = SourceText(filename, source)
        self.filename = filename
        self.unit: Unit | None = None
        self.scopes = {}
        self.return_last = False
        self.module_names = False   # module-level names through a namespace (exec with locals)

    # -- entry points -----------------------------------------------------------------
    def compile_module(self, tree: ast.Module, return_last: bool = False) -> Code:
        check_supported(tree, self.filename, self.source)
        try:
            self.scopes = analyze(tree)
        except ScopeError as exc:
            raise self.syntax_error(exc.msg, exc.node) from None
        code = Code('<module>', '<module>', self.source, 1)
        code.flags = MODULE
        unit = self.enter(code, self.scopes[id(tree)], None)
        body = tree.body
        last_expr = return_last and body and isinstance(body[-1], ast.Expr)
        self.emit_docstring_module(body)
        if has_annotations(body):
            self.emit(O.SETUP_ANNOTATIONS)
        for stmt in (body[:-1] if last_expr else body):
            self.visit(stmt)
        if last_expr:
            self.set_pos(body[-1])
            self.visit(body[-1].value)
        else:
            self.emit(O.LOAD_CONST, None)
        self.emit(O.RETURN_VALUE)
        return self.leave(unit)

    def emit_docstring_module(self, body):
        if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant) \
                and isinstance(body[0].value.value, str):
            self.unit.code.doc = body[0].value.value

    def syntax_error(self, msg: str, node) -> MontySyntaxError:
        line = getattr(node, 'lineno', 1) or 1
        col = getattr(node, 'col_offset', 0) or 0
        return MontySyntaxError(msg, self.filename, line, col + 1, self.source.line(line))

    # -- unit management --------------------------------------------------------------
    def enter(self, code: Code, scope, private) -> Unit:
        unit = Unit(code, scope, private)
        unit.parent = self.unit
        self.unit = unit
        return unit

    def leave(self, unit: Unit) -> Code:
        code = unit.code
        for name in unit.scope.cells:
            code.cellvars.append(name)
        for name in unit.scope.frees:
            if name not in code.cellvars:
                code.freevars.append(name)
        self.resolve_cells(unit)
        ops = code.ops
        for i, (op, arg) in enumerate(ops):
            if isinstance(arg, Label):
                ops[i] = (op, arg.pc)
            elif isinstance(arg, tuple) and arg and isinstance(arg[0], Label):
                ops[i] = (op, (arg[0].pc,) + arg[1:])
        code.finish()
        self.unit = unit.parent
        return code

    def resolve_cells(self, unit: Unit) -> None:
        """Replace symbolic cell references ('cell', name) by slot numbers."""
        code = unit.code
        base = len(code.varnames)
        index = {n: base + i for i, n in enumerate(code.cellvars)}
        for i, n in enumerate(code.freevars):
            index[n] = base + len(code.cellvars) + i
        for i, (op, arg) in enumerate(code.ops):
            if isinstance(arg, CellRef):
                code.ops[i] = (op, index[arg.name])
            elif op == O.MAKE_FUNCTION:
                fcode, flags, names = arg
                code.ops[i] = (op, (fcode, flags))
            elif op == O.LOAD_CLASSDEREF:
                code.ops[i] = (op, (arg[0], index[arg[1]]))

    def emit(self, op: int, arg=None) -> None:
        self.unit.code.ops.append((op, arg))
        self.unit.code.positions.append(self.unit.pos)

    def label(self, lbl: Label) -> None:
        lbl.pc = len(self.unit.code.ops)

    def set_pos(self, node) -> None:
        if hasattr(node, 'lineno'):
            self.unit.pos = (node.lineno, node.col_offset, node.end_lineno or node.lineno,
                             node.end_col_offset if node.end_col_offset is not None else 0)

    def visit(self, node):
        method = getattr(self, 'visit_' + type(node).__name__, None)
        if method is None:
            raise self.syntax_error(f'{type(node).__name__} is not supported', node)
        saved = self.unit.pos
        self.set_pos(node)
        try:
            return method(node)
        finally:
            self.unit.pos = saved

    # -- names ------------------------------------------------------------------------
    def mangled(self, name: str) -> str:
        return mangle(self.unit.private, name)

    def name_op(self, name: str, ctx: str) -> None:
        name = self.mangled(name)
        unit = self.unit
        scope = unit.scope
        kind = scope.symbols.get(name)
        if scope.kind == 'module':
            if self.module_names and kind != GLOBAL_EXPLICIT:
                op = {'load': O.LOAD_NAME, 'store': O.STORE_NAME, 'del': O.DELETE_NAME}[ctx]
            else:
                op = {'load': O.LOAD_GLOBAL, 'store': O.STORE_GLOBAL,
                      'del': O.DELETE_GLOBAL}[ctx]
            self.emit(op, name)
            return
        if scope.kind == 'class':
            if kind == FREE and name not in scope.bound:
                if ctx == 'load':
                    self.emit(O.LOAD_CLASSDEREF, (name, name))
                    return
            if kind == GLOBAL_EXPLICIT:
                op = {'load': O.LOAD_GLOBAL, 'store': O.STORE_GLOBAL, 'del': O.DELETE_GLOBAL}[ctx]
            else:
                op = {'load': O.LOAD_NAME, 'store': O.STORE_NAME, 'del': O.DELETE_NAME}[ctx]
            self.emit(op, name)
            return
        if kind == LOCAL:
            op = {'load': O.LOAD_FAST, 'store': O.STORE_FAST, 'del': O.DELETE_FAST}[ctx]
            self.emit(op, unit.local_slot(name))
        elif kind in (CELL, FREE):
            op = {'load': O.LOAD_DEREF, 'store': O.STORE_DEREF, 'del': O.DELETE_DEREF}[ctx]
            self.emit(op, CellRef(name))
        else:
            op = {'load': O.LOAD_GLOBAL, 'store': O.STORE_GLOBAL, 'del': O.DELETE_GLOBAL}[ctx]
            self.emit(op, name)

    def visit_Name(self, node):
        ctx = {ast.Load: 'load', ast.Store: 'store', ast.Del: 'del'}[type(node.ctx)]
        self.name_op(node.id, ctx)

    # -- statements -------------------------------------------------------------------
    def visit_body(self, stmts) -> None:
        for s in stmts:
            self.visit(s)

    def visit_Module(self, node):
        self.visit_body(node.body)

    def visit_Expr(self, node):
        self.visit(node.value)
        self.emit(O.POP_TOP)

    def visit_Pass(self, node):
        pass

    def visit_Global(self, node):
        pass

    visit_Nonlocal = visit_Global

    def visit_Assign(self, node):
        self.visit(node.value)
        for i, target in enumerate(node.targets):
            if i < len(node.targets) - 1:
                self.emit(O.COPY, 1)
            self.store_target(target)

    def store_target(self, target) -> None:
        saved = self.unit.pos
        self.set_pos(target)
        try:
            self._store_target(target)
        finally:
            self.unit.pos = saved

    def _store_target(self, target):
        if isinstance(target, ast.Name):
            self.name_op(target.id, 'store')
        elif isinstance(target, ast.Attribute):
            self.visit(target.value)
            self.set_pos(target)
            self.emit(O.STORE_ATTR, self.mangled(target.attr))
        elif isinstance(target, ast.Subscript):
            self.visit(target.value)
            self.visit(target.slice)
            self.set_pos(target)
            self.emit(O.STORE_SUBSCR)
        elif isinstance(target, (ast.Tuple, ast.List)):
            self.unpack_targets(target.elts)
        elif isinstance(target, ast.Starred):
            raise self.syntax_error('starred assignment target must be in a list or tuple',
                                    target)
        else:
            raise self.syntax_error(f'cannot assign to {type(target).__name__}', target)

    def unpack_targets(self, elts) -> None:
        stars = [i for i, e in enumerate(elts) if isinstance(e, ast.Starred)]
        if len(stars) > 1:
            raise self.syntax_error('multiple starred expressions in assignment', elts[stars[1]])
        if stars:
            i = stars[0]
            self.emit(O.UNPACK_EX, (i, len(elts) - i - 1))
        else:
            self.emit(O.UNPACK_SEQUENCE, len(elts))
        for e in elts:
            self.store_target(e.value if isinstance(e, ast.Starred) else e)

    def visit_AugAssign(self, node):
        target = node.target
        op = BINOPS[type(node.op)]
        if isinstance(target, ast.Name):
            self.set_pos(target)
            self.name_op(target.id, 'load')
            self.visit(node.value)
            self.set_pos(node)
            self.emit(O.INPLACE_OP, op)
            self.name_op(target.id, 'store')
        elif isinstance(target, ast.Attribute):
            self.visit(target.value)
            self.emit(O.COPY, 1)
            self.set_pos(target)
            self.emit(O.LOAD_ATTR, self.mangled(target.attr))
            self.visit(node.value)
            self.set_pos(node)
            self.emit(O.INPLACE_OP, op)
            self.emit(O.SWAP, 2)
            self.emit(O.STORE_ATTR, self.mangled(target.attr))
        elif isinstance(target, ast.Subscript):
            self.visit(target.value)
            self.visit(target.slice)
            self.emit(O.COPY, 2)
            self.emit(O.COPY, 2)
            self.set_pos(target)
            self.emit(O.BINARY_SUBSCR)
            self.visit(node.value)
            self.set_pos(node)
            self.emit(O.INPLACE_OP, op)
            # stack: container, key, result -> result, container, key
            self.emit(O.SWAP, 3)
            self.emit(O.SWAP, 2)
            self.emit(O.STORE_SUBSCR)
        else:
            raise self.syntax_error("'expression' is an illegal expression for augmented "
                                    "assignment", target)

    def visit_AnnAssign(self, node):
        target = node.target
        if node.value is not None:
            self.visit(node.value)
            self.store_target(target)
        if isinstance(target, ast.Name) and node.simple and \
                self.unit.scope.kind in ('module', 'class'):
            self.visit(node.annotation)
            self.emit(O.STORE_ANNOTATION, self.mangled(target.id))
        elif node.value is None and isinstance(target, (ast.Attribute, ast.Subscript)):
            self.visit(target.value)
            self.emit(O.POP_TOP)

    def visit_Delete(self, node):
        for target in node.targets:
            self.set_pos(target)
            if isinstance(target, ast.Name):
                self.name_op(target.id, 'del')
            elif isinstance(target, ast.Attribute):
                self.visit(target.value)
                self.set_pos(target)
                self.emit(O.DELETE_ATTR, self.mangled(target.attr))
            elif isinstance(target, ast.Subscript):
                self.visit(target.value)
                self.visit(target.slice)
                self.set_pos(target)
                self.emit(O.DELETE_SUBSCR)
            elif isinstance(target, (ast.Tuple, ast.List)):
                self.visit_Delete(ast.Delete(targets=target.elts))
            else:
                raise self.syntax_error('cannot delete expression', target)

    def visit_If(self, node):
        end = Label()
        orelse = Label() if node.orelse else end
        self.jump_if(node.test, False, orelse)
        self.visit_body(node.body)
        if node.orelse:
            self.emit(O.JUMP, end)
            self.label(orelse)
            self.visit_body(node.orelse)
        self.label(end)

    def jump_if(self, test, cond: bool, target: Label) -> None:
        """Jump to ``target`` when ``test`` is ``cond`` (short-circuiting and/or/not)."""
        if isinstance(test, ast.UnaryOp) and isinstance(test.op, ast.Not):
            self.jump_if(test.operand, not cond, target)
            return
        if isinstance(test, ast.BoolOp):
            is_and = isinstance(test.op, ast.And)
            if is_and != cond:  # and->False or or->True: any operand decides
                for v in test.values:
                    self.jump_if(v, cond, target)
            else:
                skip = Label()
                for v in test.values[:-1]:
                    self.jump_if(v, not cond, skip)
                self.jump_if(test.values[-1], cond, target)
                self.label(skip)
            return
        if isinstance(test, ast.Compare) and len(test.ops) == 1 and \
                isinstance(test.ops[0], (ast.Is, ast.IsNot)) and \
                isinstance(test.comparators[0], ast.Constant) and test.comparators[0].value is None:
            self.visit(test.left)
            is_not = isinstance(test.ops[0], ast.IsNot)
            self.emit(O.POP_JUMP_IF_NONE if cond != is_not else O.POP_JUMP_IF_NOT_NONE, target)
            return
        self.visit(test)   # the jump keeps the enclosing statement's position, as in CPython
        self.emit(O.POP_JUMP_IF_TRUE if cond else O.POP_JUMP_IF_FALSE, target)

    def visit_While(self, node):
        top, end, brk = Label(), Label(), Label()
        self.label(top)
        self.jump_if(node.test, False, end)
        self.unit.fblocks.append(FBlock('while', top, brk))
        self.visit_body(node.body)
        self.unit.fblocks.pop()
        self.emit(O.JUMP, top)
        self.label(end)
        self.visit_body(node.orelse)
        self.label(brk)

    def visit_For(self, node):
        top, end, brk = Label(), Label(), Label()
        folded = constant_set(node.iter)
        if folded is not None:   # CPython iterates a constant set literal as a frozenset
            self.set_pos(node.iter)
            self.emit(O.LOAD_CONST, folded)
        else:
            self.visit(node.iter)
        self.set_pos(node)   # CPython locates the loop's own steps at the whole statement
        self.emit(O.GET_ITER)
        self.label(top)
        self.set_pos(node)
        self.emit(O.FOR_ITER, end)
        self.store_target(node.target)
        self.unit.fblocks.append(FBlock('for', top, brk))
        self.visit_body(node.body)
        self.unit.fblocks.pop()
        self.emit(O.JUMP, top)
        self.label(end)
        self.visit_body(node.orelse)
        self.label(brk)

    def visit_AsyncFor(self, node):
        top, end, brk, handler = Label(), Label(), Label(), Label()
        self.visit(node.iter)
        self.emit(O.GET_AITER)
        self.label(top)
        self.emit(O.SETUP_FINALLY, handler)
        self.emit(O.GET_ANEXT)
        self.emit(O.GET_AWAITABLE)
        self.emit_yield_from()
        self.emit(O.POP_BLOCK)
        self.store_target(node.target)
        self.unit.fblocks.append(FBlock('for', top, brk))
        self.visit_body(node.body)
        self.unit.fblocks.pop()
        self.emit(O.JUMP, top)
        self.label(handler)
        self.emit(O.END_ASYNC_FOR)
        self.visit_body(node.orelse)
        self.label(brk)

    def visit_Break(self, node):
        loop = self.unwind(stop_at_loop=True, node=node, what="'break' outside loop")
        if loop.kind == 'for':
            self.emit(O.POP_ITER)
        self.emit(O.JUMP, loop.b)

    def visit_Continue(self, node):
        loop = self.unwind(stop_at_loop=True, node=node,
                           what="'continue' not properly in loop")
        self.emit(O.JUMP, loop.a)

    def visit_Return(self, node):
        scope = self.unit.scope
        if scope.kind not in ('function',):
            raise self.syntax_error("'return' outside function", node)
        if node.value is not None:
            if scope.is_generator and scope.is_coroutine:
                raise self.syntax_error("'return' with value in async generator", node)
            self.visit(node.value)
        else:
            self.emit(O.LOAD_CONST, None)
        self.unwind(stop_at_loop=False, node=node, preserve_top=True)
        self.set_pos(node)
        self.emit(O.RETURN_VALUE)

    def unwind(self, stop_at_loop: bool, node, what: str = '', preserve_top: bool = False):
        """Emit the cleanup of every enclosing block up to the loop (or all of them)."""
        saved = list(self.unit.fblocks)
        try:
            for block in reversed(saved):
                if block.kind in ('for', 'while') and stop_at_loop:
                    return block
                self.unit.fblocks.pop()
                self.unwind_block(block, preserve_top)
            if stop_at_loop:
                raise self.syntax_error(what, node)
            return None
        finally:
            self.unit.fblocks = saved

    def unwind_block(self, block: FBlock, preserve_top: bool) -> None:
        kind = block.kind
        if kind == 'for':
            if preserve_top:
                self.emit(O.SWAP, 2)
            self.emit(O.POP_ITER)   # a loop left early drops its iterator: maybe a generator
        elif kind == 'try':
            self.emit(O.POP_BLOCK)
        elif kind == 'finally_try':
            self.emit(O.POP_BLOCK)
            self.visit_body(block.a)
        elif kind == 'finally_end':
            self.emit(O.POP_EXCEPT)
            if preserve_top:
                self.emit(O.SWAP, 2)
            self.emit(O.POP_TOP)
        elif kind == 'handler':
            if block.a is not None:
                self.emit(O.POP_BLOCK)
            self.emit(O.POP_EXCEPT)
            if block.a is not None:
                self.emit(O.LOAD_CONST, None)
                self.name_op(block.a, 'store')
                self.name_op(block.a, 'del')
        elif kind in ('with', 'async_with'):
            self.emit(O.POP_BLOCK)
            if preserve_top:
                self.emit(O.SWAP, 2)
            self.emit(O.WITH_EXIT if kind == 'with' else O.ASYNC_WITH_EXIT)
            if kind == 'async_with':
                self.emit(O.GET_AWAITABLE)
                self.emit_yield_from()
                self.emit(O.POP_TOP)

    def visit_Try(self, node):
        if node.finalbody:
            self.try_finally(node)
        else:
            self.try_except(node)

    visit_TryStar = visit_Try

    def try_finally(self, node):
        handler, end = Label(), Label()
        self.emit(O.SETUP_FINALLY, handler)
        self.unit.fblocks.append(FBlock('finally_try', node.finalbody))
        if node.handlers:
            self.try_except(node)
        else:
            self.visit_body(node.body)
        self.unit.fblocks.pop()
        self.emit(O.POP_BLOCK)
        self.visit_body(node.finalbody)
        self.emit(O.JUMP, end)
        self.label(handler)
        self.emit(O.PUSH_EXC_INFO)
        self.unit.fblocks.append(FBlock('finally_end'))
        self.visit_body(node.finalbody)
        self.unit.fblocks.pop()
        self.emit(O.POP_EXCEPT)
        self.emit(O.RERAISE)
        self.label(end)

    def try_except(self, node):
        handler, end, orelse = Label(), Label(), Label()
        self.emit(O.SETUP_FINALLY, handler)
        self.unit.fblocks.append(FBlock('try'))
        self.visit_body(node.body)
        self.unit.fblocks.pop()
        self.emit(O.POP_BLOCK)
        self.visit_body(node.orelse)
        self.emit(O.JUMP, end)
        self.label(handler)
        self.emit(O.PUSH_EXC_INFO)
        for i, h in enumerate(node.handlers):
            if h.type is None and i != len(node.handlers) - 1:
                raise self.syntax_error("default 'except:' must be last", h)
            self.set_pos(h)
            nxt = Label()
            if h.type is not None:
                self.visit(h.type)
                self.set_pos(h.type)
                self.emit(O.CHECK_EXC_MATCH)
                self.emit(O.POP_JUMP_IF_FALSE, nxt)
            if h.name:
                name = h.name
                cleanup = Label()
                self.name_op(name, 'store')
                self.emit(O.SETUP_FINALLY, cleanup)
                self.unit.fblocks.append(FBlock('handler', name))
                self.visit_body(h.body)
                self.unit.fblocks.pop()
                self.emit(O.POP_BLOCK)
                self.emit(O.POP_EXCEPT)
                self.emit(O.LOAD_CONST, None)
                self.name_op(name, 'store')
                self.name_op(name, 'del')
                self.emit(O.JUMP, end)
                self.label(cleanup)
                self.emit(O.LOAD_CONST, None)
                self.name_op(name, 'store')
                self.name_op(name, 'del')
                self.emit(O.RERAISE)
            else:
                self.emit(O.POP_TOP)
                self.unit.fblocks.append(FBlock('handler', None))
                self.visit_body(h.body)
                self.unit.fblocks.pop()
                self.emit(O.POP_EXCEPT)
                self.emit(O.JUMP, end)
            self.label(nxt)
        self.emit(O.RERAISE)
        self.label(end)

    def visit_Raise(self, node):
        if node.exc is None:
            self.emit(O.RAISE_VARARGS, 0)
            return
        self.visit(node.exc)
        if node.cause is not None:
            self.visit(node.cause)
            self.set_pos(node)
            self.emit(O.RAISE_VARARGS, 2)
        else:
            self.set_pos(node)
            self.emit(O.RAISE_VARARGS, 1)

    def visit_Assert(self, node):
        end = Label()
        self.jump_if(node.test, True, end)
        self.set_pos(node.test)   # the failure is shown under the tested expression
        self.emit(O.LOAD_ASSERTION_ERROR)
        if node.msg is not None:
            self.visit(node.msg)
            self.set_pos(node.test)
            self.emit(O.CALL, 1)
        self.set_pos(node.test)
        self.emit(O.RAISE_VARARGS, 1)
        self.label(end)

    def visit_With(self, node, async_=False):
        self._with_items(node, node.items, async_)

    def visit_AsyncWith(self, node):
        self.visit_With(node, async_=True)

    def _with_items(self, node, items, async_):
        item = items[0]
        handler, end, suppress = Label(), Label(), Label()
        self.visit(item.context_expr)
        self.set_pos(item.context_expr)
        if async_:
            self.emit(O.BEFORE_ASYNC_WITH)
            self.emit(O.GET_AWAITABLE)
            self.emit_yield_from()
        else:
            self.emit(O.BEFORE_WITH)
        # the handler's stack depth must not count __enter__'s result: consume it first when
        # that cannot fail (a plain name, or no target)
        target = item.optional_vars
        early = target is None or isinstance(target, ast.Name)
        if target is None:
            self.emit(O.POP_TOP)
        elif early:
            self.store_target(target)
        self.emit(O.SETUP_FINALLY, handler)
        kind = 'async_with' if async_ else 'with'
        self.unit.fblocks.append(FBlock(kind))
        if not early:
            self.store_target(target)
        if len(items) > 1:
            self._with_items(node, items[1:], async_)
        else:
            self.visit_body(node.body)
        self.unit.fblocks.pop()
        self.emit(O.POP_BLOCK)
        self.set_pos(node)
        if async_:
            self.emit(O.ASYNC_WITH_EXIT)
            self.emit(O.GET_AWAITABLE)
            self.emit_yield_from()
            self.emit(O.POP_TOP)
        else:
            self.emit(O.WITH_EXIT)
        self.emit(O.JUMP, end)
        self.label(handler)
        self.emit(O.PUSH_EXC_INFO)
        if async_:
            self.emit(O.ASYNC_WITH_EXCEPT)
            self.emit(O.GET_AWAITABLE)
            self.emit_yield_from()
        else:
            self.emit(O.WITH_EXCEPT)
        self.emit(O.POP_JUMP_IF_TRUE, suppress)
        self.emit(O.RERAISE)
        self.label(suppress)
        self.emit(O.POP_TOP)
        self.emit(O.POP_EXCEPT)
        self.emit(O.POP_TOP)
        self.label(end)

    # -- functions and classes ---------------------------------------------------------
    def visit_FunctionDef(self, node):
        for d in node.decorator_list:
            self.visit(d)
        self.make_function(node, node.name, node.body, node.args)
        for d in reversed(node.decorator_list):
            self.set_pos(d)
            self.emit(O.CALL, 1)
        self.set_pos(node)
        self.name_op(node.name, 'store')

    visit_AsyncFunctionDef = visit_FunctionDef

    def visit_Lambda(self, node):
        self.make_function(node, '<lambda>', node.body, node.args)

    def qualname_for(self, name: str) -> str:
        unit = self.unit
        if unit.scope.kind == 'module':
            return name
        if unit.scope.kind == 'function' or unit.scope.kind == 'comprehension':
            return f'{unit.code.qualname}.<locals>.{name}'
        return f'{unit.code.qualname}.{name}'

    def make_function(self, node, name, body, args: ast.arguments) -> None:
        flags = 0
        if args.defaults:
            for d in args.defaults:
                self.visit(d)
            self.emit(O.BUILD_TUPLE, len(args.defaults))
            flags |= 1
        kw = [(a.arg, d) for a, d in zip(args.kwonlyargs, args.kw_defaults) if d is not None]
        if kw:
            for k, d in kw:
                self.emit(O.LOAD_CONST, self.mangled(k))
                self.visit(d)
            self.emit(O.BUILD_MAP, len(kw))
            flags |= 2
        if self.emit_annotations(args, getattr(node, 'returns', None)):
            flags |= 4
        scope = self.scopes[id(node)]
        code = Code(name, self.qualname_for(name), self.source, node.lineno)
        if isinstance(node, ast.AsyncFunctionDef):
            code.flags |= COROUTINE
        code.argcount = len(args.posonlyargs) + len(args.args)
        code.posonlycount = len(args.posonlyargs)
        code.kwonlycount = len(args.kwonlyargs)
        if args.vararg:
            code.flags |= VARARGS
        if args.kwarg:
            code.flags |= VARKW
        if scope.is_generator:
            code.flags |= ASYNC_GENERATOR if code.flags & COROUTINE else GENERATOR
            code.flags &= ~COROUTINE if code.flags & ASYNC_GENERATOR else ~0
        unit = self.enter(code, scope, self.unit.private)
        names = [a.arg for a in args.posonlyargs + args.args]
        names += [a.arg for a in args.kwonlyargs]
        if args.vararg:
            names.append(args.vararg.arg)
        if args.kwarg:
            names.append(args.kwarg.arg)
        for n in names:
            unit.local_slot(n)
        if isinstance(body, list):
            if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant) \
                    and isinstance(body[0].value.value, str):
                code.doc = body[0].value.value
            if code.flags & (GENERATOR | ASYNC_GENERATOR | COROUTINE):
                self.emit(O.GEN_START)
            self.visit_body(body)
            if not body or not isinstance(body[-1], ast.Return):
                self.unit.pos = (self.unit.pos[0], self.unit.pos[1], self.unit.pos[2],
                                 self.unit.pos[3])
                self.emit(O.LOAD_CONST, None)
                self.emit(O.RETURN_VALUE)
        else:
            if code.flags & (GENERATOR | ASYNC_GENERATOR | COROUTINE):
                self.emit(O.GEN_START)
            self.visit(body)
            self.emit(O.RETURN_VALUE)
        fcode = self.leave(unit)
        self.emit_closure(fcode, flags)

    def emit_annotations(self, args: ast.arguments, returns) -> bool:
        """Build a function's ``__annotations__`` dict (evaluated now, in CPython's order)."""
        params = args.args + args.posonlyargs + [args.vararg] + args.kwonlyargs + [args.kwarg]
        pairs = [(a.arg, a.annotation) for a in params
                 if a is not None and a.annotation is not None]
        if returns is not None:
            pairs.append(('return', returns))
        if not pairs:
            return False
        for name, expr in pairs:
            self.emit(O.LOAD_CONST, self.mangled(name))
            self.visit(expr)
        self.emit(O.BUILD_MAP, len(pairs))
        return True

    def emit_closure(self, fcode: Code, flags: int) -> None:
        if fcode.freevars:
            for name in fcode.freevars:
                self.emit(O.LOAD_FAST, CellRef(self.closure_source(name)))
            self.emit(O.BUILD_TUPLE, len(fcode.freevars))
            flags |= 8
        self.emit(O.MAKE_FUNCTION, (fcode, flags, None))

    def closure_source(self, name: str) -> str:
        """Make sure the current unit has a cell or free slot for ``name``."""
        scope = self.unit.scope
        if name not in scope.cells and name not in scope.frees:
            scope.frees[name] = None
        return name

    def visit_ClassDef(self, node):
        for d in node.decorator_list:
            self.visit(d)
        scope = self.scopes[id(node)]
        qualname = self.qualname_for(node.name)
        code = Code(node.name, qualname, self.source, node.lineno)
        code.flags |= NAME_SCOPE
        unit = self.enter(code, scope, node.name)
        body = node.body
        if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant) \
                and isinstance(body[0].value.value, str):
            code.doc = body[0].value.value
            self.emit(O.LOAD_CONST, code.doc)
            self.emit(O.STORE_NAME, '__doc__')
        if has_annotations(body):
            self.emit(O.SETUP_ANNOTATIONS)
        self.visit_body(body)
        if '__class__' in scope.cells:
            self.emit(O.LOAD_FAST, CellRef('__class__'))
        else:
            self.emit(O.LOAD_CONST, None)
        self.emit(O.RETURN_VALUE)
        fcode = self.leave(unit)
        self.emit_closure(fcode, 0)
        self.emit(O.LOAD_CONST, node.name)
        for b in node.bases:
            self.visit(b)
        kwnames = tuple(k.arg for k in node.keywords)
        if any(n is None for n in kwnames):
            raise self.syntax_error('**kwargs in class definition is not supported', node)
        for k in node.keywords:
            self.visit(k.value)
        self.set_pos(node)
        self.emit(O.BUILD_CLASS, (len(node.bases), kwnames))
        for d in reversed(node.decorator_list):
            self.set_pos(d)
            self.emit(O.CALL, 1)
        self.set_pos(node)
        self.name_op(node.name, 'store')

    # -- imports ----------------------------------------------------------------------
    def visit_Import(self, node):
        for alias in node.names:
            self.emit(O.IMPORT_NAME, (alias.name, None, 0))
            if alias.asname:
                for part in alias.name.split('.')[1:]:
                    self.emit(O.IMPORT_FROM, part)
                    self.emit(O.SWAP, 2)
                    self.emit(O.POP_TOP)
                self.name_op(alias.asname, 'store')
            else:
                self.name_op(alias.name.split('.')[0], 'store')

    def visit_ImportFrom(self, node):
        if node.level:
            raise self.syntax_error('relative imports are not supported', node)
        names = tuple(a.name for a in node.names)
        self.emit(O.IMPORT_NAME, (node.module, names, node.level))
        if names == ('*',):
            self.emit(O.IMPORT_FROM, '*')
            self.emit(O.POP_TOP)
            self.emit(O.POP_TOP)
            return
        for alias in node.names:
            self.emit(O.IMPORT_FROM, alias.name)
            self.name_op(alias.asname or alias.name, 'store')
        self.emit(O.POP_TOP)

    # -- expressions ------------------------------------------------------------------
    def visit_Constant(self, node):
        self.emit(O.LOAD_CONST, node.value)

    def visit_BinOp(self, node):
        self.visit(node.left)
        self.visit(node.right)
        self.set_pos(node)
        self.emit(O.BINARY_OP, BINOPS[type(node.op)])

    def visit_UnaryOp(self, node):
        self.visit(node.operand)
        self.set_pos(node)
        if isinstance(node.op, ast.Not):
            self.emit(O.NOT)
        else:
            self.emit(O.UNARY_OP, UNARYOPS[type(node.op)])

    def visit_BoolOp(self, node):
        end = Label()
        op = O.JUMP_IF_FALSE_OR_POP if isinstance(node.op, ast.And) else O.JUMP_IF_TRUE_OR_POP
        for v in node.values[:-1]:
            self.visit(v)
            self.emit(op, end)
        self.visit(node.values[-1])
        self.label(end)

    def visit_Compare(self, node):
        self.visit(node.left)
        if len(node.ops) == 1:
            self.visit(node.comparators[0])
            self.set_pos(node)
            self.compare_op(node.ops[0])
            return
        cleanup, end = Label(), Label()
        for op, comp in zip(node.ops[:-1], node.comparators[:-1]):
            self.visit(comp)
            self.emit(O.SWAP, 2)
            self.emit(O.COPY, 2)
            self.set_pos(node)
            self.compare_op(op)
            self.emit(O.JUMP_IF_FALSE_OR_POP, cleanup)
        self.visit(node.comparators[-1])
        self.set_pos(node)
        self.compare_op(node.ops[-1])
        self.emit(O.JUMP, end)
        self.label(cleanup)
        self.emit(O.SWAP, 2)
        self.emit(O.POP_TOP)
        self.label(end)

    def compare_op(self, op) -> None:
        t = type(op)
        if t in CMPOPS:
            self.emit(O.COMPARE_OP, CMPOPS[t])
        elif t is ast.Is:
            self.emit(O.IS_OP, 0)
        elif t is ast.IsNot:
            self.emit(O.IS_OP, 1)
        elif t is ast.In:
            self.emit(O.CONTAINS_OP, 0)
        else:
            self.emit(O.CONTAINS_OP, 1)

    def visit_IfExp(self, node):
        end, orelse = Label(), Label()
        self.jump_if(node.test, False, orelse)
        self.visit(node.body)
        self.emit(O.JUMP, end)
        self.label(orelse)
        self.visit(node.orelse)
        self.label(end)

    def visit_NamedExpr(self, node):
        self.visit(node.value)
        self.emit(O.COPY, 1)
        self.store_target(node.target)

    def visit_Attribute(self, node):
        self.visit(node.value)
        self.set_pos(node)
        if isinstance(node.ctx, ast.Load):
            self.emit(O.LOAD_ATTR, self.mangled(node.attr))
        else:  # pragma: no cover - stores go through store_target
            raise self.syntax_error('unexpected attribute context', node)

    def visit_Subscript(self, node):
        self.visit(node.value)
        self.visit(node.slice)
        self.set_pos(node)
        self.emit(O.BINARY_SUBSCR)

    def visit_Slice(self, node):
        for part in (node.lower, node.upper):
            if part is None:
                self.emit(O.LOAD_CONST, None)
            else:
                self.visit(part)
        if node.step is not None:
            self.visit(node.step)
            self.emit(O.BUILD_SLICE, 3)
        else:
            self.emit(O.BUILD_SLICE, 2)

    def visit_Starred(self, node):
        raise self.syntax_error("can't use starred expression here", node)

    def build_seq(self, elts, build_op, extend_op, tuple_result=False) -> None:
        if not any(isinstance(e, ast.Starred) for e in elts):
            for e in elts:
                self.visit(e)
            self.emit(build_op, len(elts))
            return
        collect = O.BUILD_SET if build_op == O.BUILD_SET else O.BUILD_LIST
        self.emit(collect, 0)
        add = O.SET_ADD if build_op == O.BUILD_SET else O.LIST_APPEND
        for e in elts:
            if isinstance(e, ast.Starred):
                self.visit(e.value)
                self.emit(extend_op, 1)
            else:
                self.visit(e)
                self.emit(add, 1)
        if tuple_result:
            self.emit(O.LIST_TO_TUPLE)

    def visit_Tuple(self, node):
        if isinstance(node.ctx, ast.Load):
            if node.elts and all(isinstance(e, ast.Constant) for e in node.elts):
                self.emit(O.LOAD_CONST, tuple(e.value for e in node.elts))
                return
            self.build_seq(node.elts, O.BUILD_TUPLE, O.LIST_EXTEND, tuple_result=True)

    def visit_List(self, node):
        self.build_seq(node.elts, O.BUILD_LIST, O.LIST_EXTEND)

    def visit_Set(self, node):
        folded = constant_set(node)
        if folded is not None:   # CPython updates an empty set from a folded frozenset
            self.emit(O.BUILD_SET, 0)
            self.emit(O.LOAD_CONST, folded)
            self.emit(O.SET_UPDATE, 1)
            return
        self.build_seq(node.elts, O.BUILD_SET, O.SET_UPDATE)

    def visit_Dict(self, node):
        if None not in node.keys:
            for k, v in zip(node.keys, node.values):
                self.visit(k)
                self.visit(v)
            self.emit(O.BUILD_MAP, len(node.keys))
            return
        self.emit(O.BUILD_MAP, 0)
        for k, v in zip(node.keys, node.values):
            if k is None:
                self.visit(v)
                self.set_pos(v)
                self.emit(O.DICT_UPDATE, 1)
            else:
                self.visit(k)
                self.visit(v)
                self.emit(O.MAP_ADD, 1)

    def visit_JoinedStr(self, node):
        for v in node.values:
            self.visit(v)
        if len(node.values) != 1 or not isinstance(node.values[0], ast.FormattedValue):
            self.emit(O.BUILD_STRING, len(node.values))
        elif len(node.values) == 1 and not isinstance(node.values[0], ast.FormattedValue):
            pass

    def visit_FormattedValue(self, node):
        self.visit(node.value)
        has_spec = node.format_spec is not None
        if has_spec:
            self.visit(node.format_spec)
        self.set_pos(node)   # in 3.11 this is the whole f-string's span
        self.emit(O.FORMAT_VALUE, (node.conversion, has_spec))

    def visit_Call(self, node):
        func = node.func
        starred = any(isinstance(a, ast.Starred) for a in node.args)
        dstar = any(k.arg is None for k in node.keywords)
        if isinstance(func, ast.Attribute) and not starred and not dstar:
            self.visit(func.value)
            self.set_pos(func)
            self.emit(O.LOAD_METHOD, self.mangled(func.attr))
            for a in node.args:
                self.visit(a)
            kwnames = tuple(k.arg for k in node.keywords)
            for k in node.keywords:
                self.visit(k.value)
            self.set_pos(node)
            self.emit(O.CALL_METHOD, (len(node.args) + len(kwnames), kwnames or None))
            return
        self.visit(func)
        if starred or dstar:
            if len(node.args) == 1 and isinstance(node.args[0], ast.Starred):
                self.visit(node.args[0].value)   # CALL_EX checks it: "argument after *"
            else:
                self.build_seq(node.args, O.BUILD_TUPLE, O.LIST_EXTEND, tuple_result=True)
            if node.keywords:
                self.emit(O.BUILD_MAP, 0)
                for k in node.keywords:
                    if k.arg is None:
                        self.visit(k.value)
                        self.set_pos(node)
                        self.emit(O.DICT_MERGE, 1)
                    else:
                        self.emit(O.LOAD_CONST, k.arg)
                        self.visit(k.value)
                        self.emit(O.MAP_ADD, 1)
                self.set_pos(node)
                self.emit(O.CALL_EX, 1)
            else:
                self.set_pos(node)
                self.emit(O.CALL_EX, 0)
            return
        for a in node.args:
            self.visit(a)
        if node.keywords:
            for k in node.keywords:
                self.visit(k.value)
            self.set_pos(node)
            self.emit(O.CALL_KW, (len(node.args) + len(node.keywords),
                                  tuple(k.arg for k in node.keywords)))
        else:
            self.set_pos(node)
            self.emit(O.CALL, len(node.args))

    def visit_keyword(self, node):  # pragma: no cover - handled in visit_Call
        self.visit(node.value)

    # -- comprehensions ---------------------------------------------------------------
    def comprehension(self, node, name, build_op, add_op, elts) -> None:
        scope = self.scopes[id(node)]
        code = Code(name, self.qualname_for(name), self.source, node.lineno)
        code.argcount = 1
        is_gen = isinstance(node, ast.GeneratorExp)
        if is_gen:
            code.flags |= ASYNC_GENERATOR if scope.is_coroutine else GENERATOR
        elif scope.is_coroutine:
            code.flags |= COROUTINE
        unit = self.enter(code, scope, self.unit.private)
        unit.local_slot('.0')
        self.set_pos(node)
        if is_gen or scope.is_coroutine:
            self.emit(O.GEN_START)
        if not is_gen:
            self.emit(build_op, 0)
        self.comp_generator(node.generators, 0, elts, add_op, is_gen)
        if is_gen:
            self.emit(O.LOAD_CONST, None)
        self.emit(O.RETURN_VALUE)
        fcode = self.leave(unit)
        self.emit_closure(fcode, 0)
        self.visit(node.generators[0].iter)
        self.set_pos(node)   # CPython locates a comprehension's iteration steps at the whole
        self.emit(O.GET_AITER if node.generators[0].is_async else O.GET_ITER)
        self.set_pos(node)
        self.emit(O.CALL, 1)
        if scope.is_coroutine and not is_gen:
            self.emit(O.GET_AWAITABLE)
            self.emit_yield_from()

    def comp_generator(self, gens, index, elts, add_op, is_gen, whole=None) -> None:
        gen = gens[index]
        top, end = Label(), Label()
        whole = whole or self.unit.pos   # the comprehension's span, set by the caller
        if index == 0:
            self.emit(O.LOAD_FAST, 0)
        else:
            self.visit(gen.iter)
            self.unit.pos = whole
            self.emit(O.GET_AITER if gen.is_async else O.GET_ITER)
        self.label(top)
        if gen.is_async:
            handler = Label()
            self.emit(O.SETUP_FINALLY, handler)
            self.emit(O.GET_ANEXT)
            self.emit(O.GET_AWAITABLE)
            self.emit_yield_from()
            self.emit(O.POP_BLOCK)
        else:
            self.unit.pos = whole
            self.emit(O.FOR_ITER, end)
        self.store_target(gen.target)
        for cond in gen.ifs:
            self.jump_if(cond, False, top)
        if index + 1 < len(gens):
            self.comp_generator(gens, index + 1, elts, add_op, is_gen, whole)
        elif is_gen:
            self.visit(elts[0])
            self.emit(O.YIELD_VALUE)
            self.emit(O.POP_TOP)
        else:
            for e in elts:
                self.visit(e)
            self.emit(add_op, index + 2)
        self.emit(O.JUMP, top)
        if gen.is_async:
            self.label(handler)
            self.emit(O.END_ASYNC_FOR)
            skip = Label()
            self.emit(O.JUMP, skip)
            self.label(end)
            self.label(skip)
        else:
            self.label(end)

    def visit_ListComp(self, node):
        self.comprehension(node, '<listcomp>', O.BUILD_LIST, O.LIST_APPEND, [node.elt])

    def visit_SetComp(self, node):
        self.comprehension(node, '<setcomp>', O.BUILD_SET, O.SET_ADD, [node.elt])

    def visit_DictComp(self, node):
        self.comprehension(node, '<dictcomp>', O.BUILD_MAP, O.MAP_ADD, [node.key, node.value])

    def visit_GeneratorExp(self, node):
        self.comprehension(node, '<genexpr>', None, None, [node.elt])

    # -- generators and async ------------------------------------------------------------
    def visit_Yield(self, node):
        if node.value is not None:
            self.visit(node.value)
        else:
            self.emit(O.LOAD_CONST, None)
        self.emit(O.YIELD_VALUE)

    def visit_YieldFrom(self, node):
        if self.unit.scope.is_coroutine:
            raise self.syntax_error("'yield from' inside async function", node)
        self.visit(node.value)
        self.emit(O.GET_YIELD_FROM_ITER)
        self.emit_yield_from()

    def visit_Await(self, node):
        scope = self.unit.scope
        if scope.kind == 'function' and not scope.is_coroutine:
            raise self.syntax_error("'await' outside async function", node)
        self.visit(node.value)
        self.set_pos(node)
        self.emit(O.GET_AWAITABLE)
        self.emit_yield_from()

    def emit_yield_from(self) -> None:
        """Delegate to the iterator on the stack until it finishes (``yield from``/``await``)."""
        loop, exit_ = Label(), Label()
        self.emit(O.LOAD_CONST, None)
        self.label(loop)
        self.emit(O.YIELD_FROM, exit_)
        self.emit(O.YIELD_VALUE)
        self.emit(O.JUMP, loop)
        self.label(exit_)

    # -- match ---------------------------------------------------------------------------
    def visit_Match(self, node):
        from .match import compile_match
        compile_match(self, node)


class CellRef:
    """A symbolic reference to a cell/free slot, resolved when the unit is finished."""
    __slots__ = ('name',)

    def __init__(self, name: str):
        self.name = name


def has_annotations(stmts) -> bool:
    """Whether a module or class body annotates a name (outside nested functions/classes)."""
    for node in stmts:
        if isinstance(node, ast.AnnAssign):
            return True
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            continue
        if has_annotations([n for n in ast.iter_child_nodes(node) if isinstance(n, ast.stmt)]):
            return True
    return False


def compile_source(source: str, filename: str = 'main.py', return_last: bool = False,
                   module_names: bool = False) -> Code:
    """Parse and compile a module; raises MontySyntaxError for anything we reject.
    ``module_names``: top-level names go through the frame's namespace mapping first
    (``exec``/``eval`` with separate locals)."""
    try:
        tree = ast.parse(source, filename=filename)
    except SyntaxError as exc:
        raise MontySyntaxError.from_host(exc, filename, source) from None
    except (MemoryError, RecursionError):
        raise MontySyntaxError('too many nested parentheses or statements', filename, 1, 1, '')
    except ValueError as exc:
        raise MontySyntaxError(str(exc), filename, 1, 1, '') from None
    comp = Compiler(source, filename)
    comp.module_names = module_names
    try:
        return comp.compile_module(tree, return_last=return_last)
    except RecursionError:
        raise MontySyntaxError('too many nested expressions', filename, 1, 1, '') from None


def _constant(node):
    """The value of a literal CPython's optimiser folds to a constant, else ``_NOT_CONST``."""
    if isinstance(node, ast.Constant):
        return node.value
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, (ast.USub, ast.UAdd)) and \
            isinstance(node.operand, ast.Constant) and \
            type(node.operand.value) in (int, float, complex):
        v = node.operand.value
        return -v if isinstance(node.op, ast.USub) else +v
    if isinstance(node, ast.Tuple) and isinstance(node.ctx, ast.Load):
        items = [_constant(e) for e in node.elts]
        return _NOT_CONST if any(i is _NOT_CONST for i in items) else tuple(items)
    return _NOT_CONST


_NOT_CONST = object()


def constant_set(node):
    """A set display of three or more constants as the frozenset CPython's compiler makes of
    it (its items re-inserted once more, which fixes their iteration order), else None."""
    if not isinstance(node, ast.Set) or len(node.elts) < 3:
        return None
    items = [_constant(e) for e in node.elts]
    if any(i is _NOT_CONST for i in items):
        return None
    try:
        return frozenset(tuple(frozenset(items)))
    except TypeError:   # an unhashable constant: leave the error to run time
        return None
