"""Compile-time rejection of syntax Monty does not run, naming the construct and line."""
from __future__ import annotations

import ast

from ..errors import MontySyntaxError

REJECTED = {
    ast.TryStar: 'except* (exception groups)',
}


def check_supported(tree: ast.AST, filename: str, source) -> None:
    """Raise MontySyntaxError at the first unsupported construct in ``tree``."""
    for node in ast.walk(tree):
        what = REJECTED.get(type(node))
        if what is not None:
            line = getattr(node, 'lineno', 1)
            raise MontySyntaxError(f'{what} is not supported', filename, line,
                                   getattr(node, 'col_offset', 0) + 1, source.line(line),
                                   type_name='SyntaxError')
