"""Decide whether text typed at a REPL prompt is complete, and how to indent the next line."""

# The verdict follows CPython's interactive interpreter (`codeop.compile_command` in 'single'
# mode); input that mode rejects is judged again as a whole program, so multi-statement pastes
# and notebook cells work.  Everything here only parses and compiles: nothing is executed.

from __future__ import annotations

import ast
import codeop
import enum
import functools
import io
import tokenize
import warnings
from dataclasses import dataclass, field

# Longer input is not analysed: it is handed on as complete so the compiler reports on it.
MAX_SOURCE_CHARS = 100_000

# Characters CPython's tokenizer treats as indentation whitespace.
_INDENT_CHARS = " \t\f"

# The indentation a front end adds for a new block (a tab when the block is tab-indented).
_INDENT_UNIT = "    "

# Statements after which the next line most likely leaves the current block.
_DEDENT_AFTER = frozenset({"pass", "return", "raise", "break", "continue"})

# Top-level statements that keep interactive input open until a blank line follows them.
_COMPOUND_NAMES = (
    "If", "For", "AsyncFor", "While", "With", "AsyncWith", "Try", "TryStar",
    "FunctionDef", "AsyncFunctionDef", "ClassDef", "Match",
)
_COMPOUND_STATEMENTS = tuple(getattr(ast, name) for name in _COMPOUND_NAMES if hasattr(ast, name))

_OPENING = frozenset("([{")
_CLOSING = frozenset(")]}")

# Token types that do not belong to any logical line's content.
_LAYOUT_TOKENS = frozenset({
    tokenize.NL, tokenize.NEWLINE, tokenize.COMMENT,
    tokenize.INDENT, tokenize.DEDENT, tokenize.ENDMARKER,
})


class ContinuationMode(enum.Enum):
    """What a front end should do with the text typed so far."""

    COMPLETE = 'complete'
    INCOMPLETE_IMPLICIT = 'incomplete_implicit'
    INCOMPLETE_BLOCK = 'incomplete_block'


class _Verdict(enum.Enum):
    """The three answers `codeop` can give about a piece of source."""

    COMPLETE = enum.auto()
    INCOMPLETE = enum.auto()
    INVALID = enum.auto()


class _Open(enum.Enum):
    """The construct still open at the end of the source, if any."""

    NOTHING = enum.auto()
    STRING = enum.auto()
    BRACKET = enum.auto()
    BACKSLASH = enum.auto()


@dataclass
class _Scan:
    """What tokenizing the source tells about its last logical line."""

    open: _Open = _Open.NOTHING
    depth: int = 0
    indents: list[str] = field(default_factory=list)
    at_line_start: bool = True
    start_row: int = 0
    last_row: int = 0
    first: str = ""
    last: str = ""
    line_indents: tuple[str, ...] = ()


def detect_continuation_mode(source: str) -> ContinuationMode:
    """Classify REPL input as complete, inside a bracket/string/backslash, or inside a block."""
    if not isinstance(source, str):
        raise TypeError(f"source must be str, not {type(source).__name__}")
    if len(source) > MAX_SOURCE_CHARS:
        return ContinuationMode.COMPLETE
    text = _as_typed(source)
    if not text.strip(_INDENT_CHARS + "\n"):
        return ContinuationMode.COMPLETE
    verdict = _codeop_verdict(text, "single")
    if verdict is _Verdict.INVALID:
        return _judge_program(text)
    if verdict is _Verdict.INCOMPLETE:
        return _incomplete_mode(text)
    return ContinuationMode.COMPLETE


def indent_for_next_line(source: str) -> str:
    """Return the indentation a front end should pre-fill on the line after `source`."""
    mode = detect_continuation_mode(source)
    if mode is ContinuationMode.COMPLETE:
        return ""
    text = _as_typed(source)
    scan = _scan(text)
    lines = text.split("\n")
    if mode is ContinuationMode.INCOMPLETE_IMPLICIT:
        return _implicit_indent(scan, lines)
    return _block_indent(scan, lines)


def _as_typed(source: str) -> str:
    """Unify line endings and treat a whitespace-only last line (auto-indent) as a blank line."""
    text = source.replace("\r\n", "\n").replace("\r", "\n")
    head, newline, last = text.rpartition("\n")
    if last and not last.strip(_INDENT_CHARS):
        return head + newline
    return text


def _codeop_verdict(text: str, symbol: str) -> _Verdict:
    """Ask `codeop` about `text`, silencing compiler warnings and containing every failure."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            code = codeop.compile_command(text, "<input>", symbol)
        except Exception:  # SyntaxError, or the compiler's own limits (recursion, memory)
            return _Verdict.INVALID
    return _Verdict.INCOMPLETE if code is None else _Verdict.COMPLETE


def _judge_program(text: str) -> ContinuationMode:
    """Judge input with several statements (a paste or a notebook cell) as a whole program."""
    verdict = _codeop_verdict(text, "exec")
    if verdict is _Verdict.INCOMPLETE:
        return _incomplete_mode(text)
    if verdict is _Verdict.COMPLETE and _ends_in_open_block(text):
        return ContinuationMode.INCOMPLETE_BLOCK
    return ContinuationMode.COMPLETE


def _ends_in_open_block(text: str) -> bool:
    """True when the last statement is compound and no blank line has followed it yet."""
    try:
        body = ast.parse(text).body
    except Exception:  # cannot happen after a successful compile; be safe anyway
        return False
    if not body or not isinstance(body[-1], _COMPOUND_STATEMENTS):
        return False
    after = text.split("\n")[body[-1].end_lineno:]
    return not any(not line.strip(_INDENT_CHARS) for line in after)


def _incomplete_mode(text: str) -> ContinuationMode:
    """Tell an open bracket, string or backslash apart from a block still waiting for its end."""
    if _scan(text).open is _Open.NOTHING:
        return ContinuationMode.INCOMPLETE_BLOCK
    return ContinuationMode.INCOMPLETE_IMPLICIT


# Cached: a front end asks for the mode and then for the indent of the same text.
@functools.lru_cache(maxsize=8)
def _scan(text: str) -> _Scan:
    """Tokenize `text` and record what is open at its end and how its last logical line looks."""
    scan = _Scan()
    source = text if text.endswith("\n") else text + "\n"
    try:
        for token in tokenize.generate_tokens(io.StringIO(source).readline):
            _feed(scan, token)
    except tokenize.TokenError as exc:
        scan.open = _open_at_eof(scan, str(exc.args[0]) if exc.args else "")
    except Exception:  # the pure-Python tokenizer rejects some input the compiler accepts
        pass
    return scan


def _open_at_eof(scan: _Scan, message: str) -> _Open:
    """Name the construct the tokenizer found unfinished at the end of input."""
    if "string" in message:
        return _Open.STRING
    return _Open.BRACKET if scan.depth > 0 else _Open.BACKSLASH


def _feed(scan: _Scan, token: tokenize.TokenInfo) -> None:
    """Update the scan with one token."""
    kind, string = token.type, token.string
    if kind == tokenize.INDENT:
        scan.indents.append(string)
    elif kind == tokenize.DEDENT:
        if scan.indents:
            scan.indents.pop()
    elif kind == tokenize.NEWLINE:
        scan.at_line_start = True
    if kind in _LAYOUT_TOKENS:
        return
    if scan.at_line_start:
        _start_logical_line(scan, token)
    scan.last, scan.last_row = string, token.start[0]
    if kind == tokenize.OP:
        scan.depth += (string in _OPENING) - (string in _CLOSING)


def _start_logical_line(scan: _Scan, token: tokenize.TokenInfo) -> None:
    """Remember where a new logical line begins and the indentation levels around it."""
    scan.at_line_start = False
    scan.start_row = token.start[0]
    scan.first = token.string
    scan.line_indents = tuple(scan.indents)


def _implicit_indent(scan: _Scan, lines: list[str]) -> str:
    """Indent inside brackets or after a backslash; nothing inside an unfinished string."""
    if scan.open is _Open.STRING or not scan.start_row:
        return ""
    if scan.last_row > scan.start_row:
        return _indent_of(lines, scan.last_row)
    base = _indent_of(lines, scan.start_row)
    return base + _unit_after(base)


def _block_indent(scan: _Scan, lines: list[str]) -> str:
    """Indent one level after a header, one level less after `return` and friends, else keep."""
    if not scan.start_row:
        return ""
    base = _indent_of(lines, scan.start_row)
    if scan.last == ":":
        return base + _unit_after(base)
    if scan.first in _DEDENT_AFTER and scan.line_indents:
        return scan.line_indents[-2] if len(scan.line_indents) > 1 else ""
    return base


def _indent_of(lines: list[str], row: int) -> str:
    """Return the indentation of physical line `row` (1-based), or '' if there is none."""
    line = lines[row - 1] if 0 < row <= len(lines) else ""
    return line[:len(line) - len(line.lstrip(_INDENT_CHARS))]


def _unit_after(base: str) -> str:
    """Return one more indentation level in the style (tabs or spaces) of `base`."""
    return "\t" if base.endswith("\t") else _INDENT_UNIT
