"""Workload sources: read them from workloads/, resize them, compile them for CPython."""
from __future__ import annotations

import ast
import re
from pathlib import Path
from types import CodeType

WORKLOAD_DIR = Path(__file__).resolve().parent / "workloads"
RESULT_NAME = "_bench_result_"
_SIZE_LINE = re.compile(r"^N = .*$", re.MULTILINE)


def read_source(filename: str) -> str:
    """Text of one workload file."""
    return (WORKLOAD_DIR / filename).read_text(encoding="utf-8")


def with_size(source: str, size: int | None) -> str:
    """Rewrite the workload's `N = ...` line so one file serves every size."""
    if size is None:
        return source
    new, count = _SIZE_LINE.subn(f"N = {size}", source, count=1)
    if count != 1:
        raise ValueError("workload source has no 'N = ...' line to resize")
    return new


def compile_capturing(source: str, filename: str) -> CodeType:
    """Compile for CPython so the last expression statement's value lands in RESULT_NAME."""
    tree = ast.parse(source, filename)
    if tree.body and isinstance(tree.body[-1], ast.Expr):
        last = tree.body[-1]
        target = ast.Name(RESULT_NAME, ast.Store())
        tree.body[-1] = ast.copy_location(ast.Assign([target], last.value), last)
        ast.fix_missing_locations(tree)
    return compile(tree, filename, "exec")
