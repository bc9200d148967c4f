"""The marker line CPython 3.11 prints under a traceback's source line.

The failing instruction's span is underlined with ``^``.  When the span is, on one line, a
binary operation or a subscript, the operands are drawn with ``~`` and the operator (or the
``[index]`` part) with ``^``: ``~~^~~``, ``~~~^^^^``.  A plain ``^`` line covering the whole
source line is left out.  Column offsets from the compiler count UTF-8 bytes.
"""
from __future__ import annotations

import ast


def _chars(text: str, byte_offset: int) -> int:
    """The character offset in ``text`` of a UTF-8 byte offset."""
    if text.isascii():
        return byte_offset
    return len(text.encode('utf-8')[:byte_offset].decode('utf-8', errors='replace'))


def anchors(segment: str) -> tuple[int, int] | None:
    """``(left, right)`` character offsets of the part of ``segment`` drawn with ``^``."""
    try:
        tree = ast.parse(segment)
    except (SyntaxError, ValueError):
        return None
    if len(tree.body) != 1 or not isinstance(tree.body[0], ast.Expr):
        return None
    node = tree.body[0].value
    if isinstance(node, ast.BinOp):
        return _operator_span(segment, _chars(segment, node.left.end_col_offset),
                              _chars(segment, node.right.col_offset))
    if isinstance(node, ast.Subscript):
        return _brackets_span(segment, _chars(segment, node.value.end_col_offset),
                              _chars(segment, node.slice.end_col_offset))
    return None


def _brackets_span(segment: str, value_end: int, slice_end: int) -> tuple[int, int]:
    """From the ``[`` after the subscripted value to the ``]`` after the index, inclusive."""
    left = segment.find('[', value_end)
    right = segment.find(']', slice_end)
    return (value_end if left < 0 else left), (slice_end + 1 if right < 0 else right + 1)


def _operator_span(segment: str, left_end: int, right_start: int) -> tuple[int, int] | None:
    """The operator between the operands: the first character that is no space or ``)``."""
    for i in range(left_end, right_start):
        if segment[i].isspace() or segment[i] == ')':
            continue
        if i + 1 < right_start and not segment[i + 1].isspace():
            return i, i + 2
        return i, i + 1
    return None


def marker_line(src: str, line: int, col: int, end_line: int, end_col: int) -> str:
    """The marker line (with its 4-space margin) for a span of source line ``src``, or ``''``."""
    if col < 0 or end_col < 0 or end_line < line:
        return ''
    stripped = src.strip()
    indent = len(src) - len(src.lstrip())
    start = _chars(src, col)
    if end_line != line:
        stop = len(src.rstrip())
        marks = None
    else:
        stop = _chars(src, end_col)
        marks = anchors(src[start:stop])
    if stop <= start or start < indent:
        return ''
    width = stop - start
    if marks is None:
        if width >= len(stripped):
            return ''
        body = '^' * width
    else:
        left, right = marks
        body = '~' * left + '^' * (right - left) + '~' * (width - right)
    return '    ' + ' ' * (start - indent) + body
