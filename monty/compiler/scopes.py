"""Scope analysis: decides for every name in every scope whether it is local, global, cell or free.

Follows CPython's rules: class bodies do not enclose their methods, comprehensions and generator
expressions are function scopes of their own, walrus targets in comprehensions bind in the
nearest enclosing function scope, and ``super()``/``__class__`` make an implicit ``__class__`` cell.
"""
from __future__ import annotations

import ast

LOCAL, GLOBAL_EXPLICIT, GLOBAL_IMPLICIT, FREE, CELL = 'local', 'global', 'global_implicit', 'free', 'cell'


class ScopeError(Exception):
    """A scoping error that CPython reports as a SyntaxError."""

    def __init__(self, msg: str, node: ast.AST):
        super().__init__(msg)
        self.msg = msg
        self.node = node


class Scope:
    """What one function, class, comprehension or module body does with names."""

    def __init__(self, kind: str, name: str, node: ast.AST, parent: 'Scope | None'):
        self.kind = kind            # 'module' | 'function' | 'class' | 'comprehension'
        self.name = name
        self.node = node
        self.parent = parent
        self.children: list[Scope] = []
        self.bound: dict[str, None] = {}
        self.params: list[str] = []
        self.globals: set[str] = set()
        self.nonlocals: set[str] = set()
        self.used: set[str] = set()
        self.symbols: dict[str, str] = {}
        self.cells: dict[str, None] = {}
        self.frees: dict[str, None] = {}
        self.needs_class_cell = False   # a class whose methods use super()/__class__
        self.is_generator = False
        self.is_coroutine = False
        self.has_yield_in_comp = False

    def is_function_like(self) -> bool:
        return self.kind in ('function', 'comprehension')

    def bind(self, name: str) -> None:
        self.bound.setdefault(name, None)

    def lookup(self, name: str) -> str:
        return self.symbols.get(name, GLOBAL_IMPLICIT if self.kind != 'class' else LOCAL)


class ScopeBuilder(ast.NodeVisitor):
    """First pass: record bindings, uses and declarations per scope."""

    def __init__(self):
        self.scopes: dict[int, Scope] = {}
        self.current: Scope | None = None

    def new_scope(self, kind: str, name: str, node: ast.AST) -> Scope:
        scope = Scope(kind, name, node, self.current)
        if self.current is not None:
            self.current.children.append(scope)
        self.scopes[id(node)] = scope
        return scope

    def run_in(self, scope: Scope, fn) -> None:
        saved, self.current = self.current, scope
        try:
            fn()
        finally:
            self.current = saved

    # -- modules, functions, classes ------------------------------------------------
    def visit_Module(self, node):
        scope = self.new_scope('module', '<module>', node)
        self.run_in(scope, lambda: self.generic_visit(node))
        return scope

    visit_Interactive = visit_Module

    def visit_Expression(self, node):
        scope = self.new_scope('module', '<module>', node)
        self.run_in(scope, lambda: self.generic_visit(node))
        return scope

    def _visit_decorators_and_defaults(self, node):
        for d in node.decorator_list:
            self.visit(d)
        self.visit_arguments_outer(node.args)
        if getattr(node, 'returns', None):
            self.visit(node.returns)

    def visit_arguments_outer(self, args: ast.arguments):
        for d in args.defaults:
            self.visit(d)
        for d in args.kw_defaults:
            if d is not None:
                self.visit(d)
        for a in args.posonlyargs + args.args + args.kwonlyargs + [args.vararg, args.kwarg]:
            if a is not None and a.annotation is not None:
                self.visit(a.annotation)

    def visit_FunctionDef(self, node):
        self._visit_decorators_and_defaults(node)
        self.current.bind(node.name)
        scope = self.new_scope('function', node.name, node)
        if isinstance(node, ast.AsyncFunctionDef):
            scope.is_coroutine = True

        def body():
            self.add_params(scope, node.args)
            for stmt in node.body:
                self.visit(stmt)
        self.run_in(scope, body)

    visit_AsyncFunctionDef = visit_FunctionDef

    def visit_Lambda(self, node):
        self.visit_arguments_outer(node.args)
        scope = self.new_scope('function', '<lambda>', node)

        def body():
            self.add_params(scope, node.args)
            self.visit(node.body)
        self.run_in(scope, body)

    def add_params(self, scope: Scope, args: ast.arguments) -> None:
        names = [a.arg for a in args.posonlyargs + args.args + args.kwonlyargs]
        if args.vararg:
            names.insert(len(args.posonlyargs) + len(args.args), args.vararg.arg)
        if args.kwarg:
            names.append(args.kwarg.arg)
        for n in names:
            scope.params.append(n)
            scope.bind(n)

    def visit_ClassDef(self, node):
        for d in node.decorator_list:
            self.visit(d)
        for b in node.bases:
            self.visit(b)
        for k in node.keywords:
            self.visit(k.value)
        self.current.bind(node.name)
        scope = self.new_scope('class', node.name, node)
        self.run_in(scope, lambda: [self.visit(s) for s in node.body])

    # -- comprehensions ----------------------------------------------------------------
    def _visit_comp(self, node, name, elts):
        gens = node.generators
        self.visit(gens[0].iter)
        scope = self.new_scope('comprehension', name, node)
        if isinstance(node, ast.GeneratorExp):
            scope.is_generator = True
        if any(g.is_async for g in gens):
            scope.is_coroutine = True

        def body():
            scope.params.append('.0')
            scope.bind('.0')
            for i, gen in enumerate(gens):
                self.visit_target(gen.target)
                if i:
                    self.visit(gen.iter)
                for cond in gen.ifs:
                    self.visit(cond)
            for e in elts:
                self.visit(e)
        self.run_in(scope, body)
        if scope.is_coroutine and not scope.is_generator and \
                self.current.kind == 'comprehension':
            self.current.is_coroutine = True    # the enclosing comprehension awaits this one

    def visit_ListComp(self, node):
        self._visit_comp(node, '<listcomp>', [node.elt])

    def visit_SetComp(self, node):
        self._visit_comp(node, '<setcomp>', [node.elt])

    def visit_GeneratorExp(self, node):
        self._visit_comp(node, '<genexpr>', [node.elt])

    def visit_DictComp(self, node):
        self._visit_comp(node, '<dictcomp>', [node.key, node.value])

    def visit_target(self, target):
        self.visit(target)

    # -- names ------------------------------------------------------------------------
    def visit_Name(self, node):
        if isinstance(node.ctx, (ast.Store, ast.Del)):
            self.current.bind(node.id)
        else:
            self.current.used.add(node.id)
        if node.id == 'super' and isinstance(node.ctx, ast.Load):
            self._mark_class_cell()

    def _mark_class_cell(self):
        scope = self.current
        if scope.kind == 'function':
            scope.used.add('__class__')

    def visit_NamedExpr(self, node):
        self.visit(node.value)
        scope = self.current
        while scope.kind == 'comprehension':
            if node.target.id in scope.bound and scope.bound is not None and \
                    node.target.id in _comp_targets(scope.node):
                raise ScopeError(
                    f"assignment expression cannot rebind comprehension iteration variable "
                    f"'{node.target.id}'", node)
            scope = scope.parent
        if scope.kind == 'class':
            raise ScopeError('assignment expression within a comprehension cannot be used in '
                             'a class body', node)
        scope.bind(node.target.id)
        if scope is not self.current:
            s = self.current
            while s is not scope:
                s.nonlocals_implicit = getattr(s, 'nonlocals_implicit', set())
                s.nonlocals_implicit.add(node.target.id)
                s.used.add(node.target.id)
                s = s.parent
            if scope.kind == 'module':
                s = self.current
                while s is not scope:
                    s.globals.add(node.target.id)
                    s = s.parent
        else:
            pass

    def visit_Global(self, node):
        for name in node.names:
            if name in self.current.params:
                raise ScopeError(f"name '{name}' is parameter and global", node)
            if name in self.current.used or name in self.current.bound:
                kind = 'assigned to' if name in self.current.bound else 'used'
                raise ScopeError(f"name '{name}' is {kind} before global declaration", node)
            self.current.globals.add(name)

    def visit_Nonlocal(self, node):
        if self.current.kind == 'module':
            raise ScopeError('nonlocal declaration not allowed at module level', node)
        for name in node.names:
            if name in self.current.params:
                raise ScopeError(f"name '{name}' is parameter and nonlocal", node)
            if name in self.current.used or name in self.current.bound:
                kind = 'assigned to' if name in self.current.bound else 'used'
                raise ScopeError(f"name '{name}' is {kind} before nonlocal declaration", node)
            self.current.nonlocals.add(name)

    def visit_Import(self, node):
        for alias in node.names:
            self.current.bind(alias.asname or alias.name.split('.')[0])

    def visit_ImportFrom(self, node):
        for alias in node.names:
            if alias.name == '*':
                if self.current.kind != 'module':
                    raise ScopeError('import * only allowed at module level', node)
                continue
            self.current.bind(alias.asname or alias.name)

    def visit_ExceptHandler(self, node):
        if node.type:
            self.visit(node.type)
        if node.name:
            self.current.bind(node.name)
        for s in node.body:
            self.visit(s)

    def visit_MatchAs(self, node):
        if node.pattern:
            self.visit(node.pattern)
        if node.name:
            self.current.bind(node.name)

    def visit_MatchStar(self, node):
        if node.name:
            self.current.bind(node.name)

    def visit_MatchMapping(self, node):
        self.generic_visit(node)
        if node.rest:
            self.current.bind(node.rest)

    def visit_Yield(self, node):
        self._mark_generator(node)
        self.generic_visit(node)

    def visit_YieldFrom(self, node):
        self._mark_generator(node)
        self.generic_visit(node)

    def visit_Await(self, node):
        if self.current.kind == 'comprehension':     # an awaiting comprehension is async
            self.current.is_coroutine = True
        self.generic_visit(node)

    def _mark_generator(self, node):
        scope = self.current
        if scope.kind == 'comprehension' and not isinstance(scope.node, ast.GeneratorExp):
            raise ScopeError("'yield' inside list comprehension", node)
        if scope.kind == 'class':
            raise ScopeError("'yield' outside function", node)
        if scope.kind == 'module':
            raise ScopeError("'yield' outside function", node)
        scope.is_generator = True


def _comp_targets(node) -> set:
    names = set()
    for gen in node.generators:
        for n in ast.walk(gen.target):
            if isinstance(n, ast.Name):
                names.add(n.id)
    return names


def resolve(scope: Scope) -> None:
    """Second pass: assign a kind to every name, top-down, then propagate cells."""
    _resolve(scope)


def _resolve(scope: Scope) -> None:
    parent = scope.parent
    implicit_nonlocals = getattr(scope, 'nonlocals_implicit', set())
    for name in scope.globals:
        scope.symbols[name] = GLOBAL_EXPLICIT
    for name in scope.nonlocals | (implicit_nonlocals - scope.globals):
        if _find_enclosing_binding(scope, name) is None:
            if name in implicit_nonlocals:
                continue
            raise ScopeError(f"no binding for nonlocal '{name}' found", scope.node)
        scope.symbols[name] = FREE
    for name in scope.bound:
        if name not in scope.symbols:
            scope.symbols[name] = LOCAL
    for name in scope.used:
        if name in scope.symbols:
            continue
        if scope.kind == 'class' and name == '__class__':
            continue
        owner = _find_enclosing_binding(scope, name)
        if owner is not None:
            scope.symbols[name] = FREE
        elif scope.kind == 'module':
            scope.symbols[name] = GLOBAL_IMPLICIT
        else:
            scope.symbols[name] = GLOBAL_IMPLICIT
    for child in scope.children:
        _resolve(child)
    if scope.kind == 'class' and scope.needs_class_cell:
        scope.cells['__class__'] = None
    for child in scope.children:
        for name, kind in child.symbols.items():
            if kind != FREE:
                continue
            if scope.kind == 'module':
                continue
            own = scope.symbols.get(name)
            if scope.kind == 'class':
                if name != '__class__':
                    scope.frees[name] = None
                    scope.symbols.setdefault(name, FREE)
                continue
            if own in (LOCAL, CELL):
                scope.symbols[name] = CELL
                scope.cells[name] = None
            elif own == FREE or own is None:
                scope.symbols[name] = FREE
                scope.frees[name] = None
    for name, kind in scope.symbols.items():
        if kind == FREE:
            scope.frees[name] = None


def _find_enclosing_binding(scope: Scope, name: str):
    """The nearest enclosing function scope binding ``name`` (class scopes are skipped)."""
    if name == '__class__':
        s = scope.parent
        while s is not None:
            if s.kind == 'class':
                s.needs_class_cell = True
                return s
            s = s.parent
        return None
    s = scope.parent
    while s is not None:
        if s.kind == 'module':
            return None
        if s.is_function_like():
            if name in s.globals:
                return None
            if name in s.bound or name in s.nonlocals:
                return s
        s = s.parent
    return None


def analyze(tree: ast.AST) -> dict[int, Scope]:
    """Analyse a parsed module; returns scopes keyed by ``id(node)``."""
    builder = ScopeBuilder()
    top = builder.visit(tree)
    resolve(top)
    return builder.scopes
