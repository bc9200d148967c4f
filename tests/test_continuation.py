"""Examples of REPL continuation detection, cross-checked against the stdlib `codeop`."""

import codeop
import time
import warnings

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from monty.continuation import (
    MAX_SOURCE_CHARS,
    ContinuationMode,
    detect_continuation_mode,
    indent_for_next_line,
)

COMPLETE = ContinuationMode.COMPLETE
IMPLICIT = ContinuationMode.INCOMPLETE_IMPLICIT
BLOCK = ContinuationMode.INCOMPLETE_BLOCK

# Input holding (at most) one top-level statement, as typed at an interactive prompt.
SINGLE_BLOCK_CASES = [
    # empty and trivial
    ("", COMPLETE),
    ("   ", COMPLETE),
    ("\n", COMPLETE),
    ("\n\n  \n", COMPLETE),
    ("\t", COMPLETE),
    ("# just a comment", COMPLETE),
    ("   # indented comment", COMPLETE),
    ("# one\n# two", COMPLETE),
    # simple statements
    ("x = 1", COMPLETE),
    ("x = 1\n", COMPLETE),
    ("x = 1\n\n", COMPLETE),
    ("print('hi')", COMPLETE),
    ("x = 1; y = 2", COMPLETE),
    ("x = 1;", COMPLETE),
    ("import os", COMPLETE),
    ("from math import (pi,\n    e)", COMPLETE),
    ("del x", COMPLETE),
    ("assert x, 'msg'", COMPLETE),
    ("global g", COMPLETE),
    ("x += 1", COMPLETE),
    ("x: int = 3", COMPLETE),
    ("lambda: 0", COMPLETE),
    ("raise ValueError('boom')", COMPLETE),
    ("x = 1  # trailing comment", COMPLETE),
    ("x = 1\r\n", COMPLETE),
    ("x is 1", COMPLETE),
    ("'\\d'", COMPLETE),
    ("f'{x!r:>10}'", COMPLETE),
    ("[x for x in range(3)]", COMPLETE),
    # brackets
    ("foo(", IMPLICIT),
    ("foo(\n", IMPLICIT),
    ("foo(1,", IMPLICIT),
    ("foo(1,\n2", IMPLICIT),
    ("foo(1,\n2)", COMPLETE),
    ("x = [", IMPLICIT),
    ("x = [1,\n2", IMPLICIT),
    ("x = [1,\n2]", COMPLETE),
    ("d = {", IMPLICIT),
    ("d = {'a':", IMPLICIT),
    ("d = {'a': 1,\n'b': 2}", COMPLETE),
    ("t = (1,\n", IMPLICIT),
    ("((((", IMPLICIT),
    ("f(g(h(", IMPLICIT),
    ("[x\nfor x in y", IMPLICIT),
    ("foo(\n    ", IMPLICIT),
    ("x = (1 +\n     2", IMPLICIT),
    ("(" * 199, IMPLICIT),
    # triple-quoted strings
    ("'''abc", IMPLICIT),
    ('"""abc', IMPLICIT),
    ("x = '''abc\ndef", IMPLICIT),
    ("x = '''abc\ndef'''", COMPLETE),
    ('s = """\n', IMPLICIT),
    ("f'''{x}", IMPLICIT),
    ("b'''data", IMPLICIT),
    ("r'''raw\\", IMPLICIT),
    ("x = 'abc\\", IMPLICIT),
    # backslash continuation
    ("x = \\", IMPLICIT),
    ("x = 1 + \\", IMPLICIT),
    ("x = 1 \\\n", IMPLICIT),
    ("x = 1 + \\\n2", COMPLETE),
    ("\\", IMPLICIT),
    ("\\\n", IMPLICIT),
    # a blank line right after a backslash ends the input, as at CPython's prompt
    ("x = 1 + \\\n", COMPLETE),
    ("x = \\\n    ", COMPLETE),
    # compound statement headers
    ("if x:", BLOCK),
    ("if x:\n", BLOCK),
    ("if x:\n\n", BLOCK),
    ("if x:  # why", BLOCK),
    ("if x: pass", BLOCK),
    ("if x: pass\n", COMPLETE),
    ("def f():", BLOCK),
    ("def f(a, b=1, *args, **kw) -> int:", BLOCK),
    ("async def f():", BLOCK),
    ("class A:", BLOCK),
    ("class A(B, metaclass=M):", BLOCK),
    ("class A: pass", BLOCK),
    ("for i in range(3):", BLOCK),
    ("async for i in aiter():", BLOCK),
    ("while True:", BLOCK),
    ("with open(p) as f:", BLOCK),
    ("async with lock:", BLOCK),
    ("try:", BLOCK),
    ("match x:", BLOCK),
    ("@decorator", BLOCK),
    ("@decorator\n", BLOCK),
    ("@decorator(1)\ndef f():", BLOCK),
    ("@a\n@b", BLOCK),
    # bodies without the closing blank line
    ("if x:\n    pass", BLOCK),
    ("if x:\n    pass\n", COMPLETE),
    ("if x:\n    pass\n\n", COMPLETE),
    ("if x:\n    pass\n    ", COMPLETE),
    ("if x:\n    pass\n\t", COMPLETE),
    ("if x:\n    pass\n  \t ", COMPLETE),
    ("if x:\n    pass\n# comment", BLOCK),
    ("if x:\n    pass\n    # comment", BLOCK),
    ("for i in range(3):\n    print(i)", BLOCK),
    ("for i in range(3):\n    print(i)\n", COMPLETE),
    ("def f():\n    return 1", BLOCK),
    ("def f():\n    return 1\n", COMPLETE),
    ("def f():\n    if x:\n        return 1", BLOCK),
    ("def f():\n    if x:\n        return 1\n", COMPLETE),
    ("class A:\n    x = 1", BLOCK),
    ("class A:\n    def f(self):\n        pass\n", COMPLETE),
    ("@d\ndef f():\n    pass", BLOCK),
    ("@d\ndef f():\n    pass\n", COMPLETE),
    ("async def f():\n    await g()", BLOCK),
    ("while x:\n    x -= 1\n", COMPLETE),
    ("with a as b:\n    pass\n", COMPLETE),
    ("if x:\r\n    pass\r\n", COMPLETE),
    # clauses that continue a statement
    ("if x:\n    pass\nelse:", BLOCK),
    ("if x:\n    pass\nelif y:", BLOCK),
    ("if x:\n    a\nelif y:\n    b\nelse:\n    c", BLOCK),
    ("if x:\n    a\nelif y:\n    b\nelse:\n    c\n", COMPLETE),
    ("try:\n    pass", BLOCK),
    ("try:\n    pass\n", BLOCK),
    ("try:\n    pass\nexcept ValueError:", BLOCK),
    ("try:\n    pass\nexcept ValueError as e:\n    pass\n", COMPLETE),
    ("try:\n    pass\nexcept* ValueError:\n    pass\n", COMPLETE),
    ("try:\n    pass\nfinally:", BLOCK),
    ("try:\n    pass\nfinally:\n    pass\n", COMPLETE),
    ("for i in x:\n    pass\nelse:", BLOCK),
    ("while x:\n    pass\nelse:\n    pass\n", COMPLETE),
    ("match x:\n    case 1:", BLOCK),
    ("match x:\n    case 1:\n        pass", BLOCK),
    ("match x:\n    case [a, *rest] if a:\n        pass\n", COMPLETE),
    # mixes of blocks and implicit continuation
    ("if x:\n    foo(", IMPLICIT),
    ("if x:\n    y = (1,\n", IMPLICIT),
    ("def f():\n    '''doc", IMPLICIT),
    ("def f(a,", IMPLICIT),
    ("def f(a,\n      b):", BLOCK),
    ("if (a and\n        b):", BLOCK),
    ("if x:\n\\\n", IMPLICIT),
    ("class A(\n", IMPLICIT),
    # plain syntax errors are complete, so they are reported at once
    ("'abc", COMPLETE),
    ('"abc', COMPLETE),
    ("f'{x", COMPLETE),
    ("x = = (", COMPLETE),
    ("1 +", COMPLETE),
    ("x = )", COMPLETE),
    ("foo(]", COMPLETE),
    ("else:", COMPLETE),
    ("elif x:", COMPLETE),
    ("except:", COMPLETE),
    ("lambda:", COMPLETE),
    ("print 'hi'", COMPLETE),
    ("if x:\nfoo()", COMPLETE),
    (" x = 1", COMPLETE),
    ("\tif x:", COMPLETE),
    ("if x:\n  a\n b", COMPLETE),
    ("return 1", COMPLETE),
    ("yield x", COMPLETE),
    ("await x", COMPLETE),
    ("break", COMPLETE),
    ("if x:\n    break", COMPLETE),
    ("1_", COMPLETE),
    ("0777", COMPLETE),
    ("x = 1 \\\n\n", COMPLETE),
    ("x\0", COMPLETE),
    ("x = '\ud800'", COMPLETE),
    ("x\u2028y", COMPLETE),
    ("$", COMPLETE),
    ("from __future__ import braces", COMPLETE),
    ("(" * 201, COMPLETE),
    ("".join(" " * i + "if x:\n" for i in range(120)), COMPLETE),
]

# Pastes and notebook cells with several statements, judged as whole programs.
PROGRAM_CASES = [
    ("x = 1\ny = 2", COMPLETE),
    ("x = 1\ny = 2\n", COMPLETE),
    ("import math\nprint(math.pi)", COMPLETE),
    ("def f():\n    return 1\n\nprint(f())", COMPLETE),
    ("def f():\n    return 1\nprint(f())", COMPLETE),
    ("for i in range(3):\n    print(i)\nprint('done')", COMPLETE),
    ("x = 1\nfor i in range(3):\n    print(i)", BLOCK),
    ("x = 1\nfor i in range(3):\n    print(i)\n", COMPLETE),
    ("x = 1\nfor i in range(3):\n    print(i)\n    ", COMPLETE),
    ("x = 1\nfor i in range(3):\n    print(i)\n# done", BLOCK),
    ("x = 1\nif y:", BLOCK),
    ("x = 1\nif y: pass", BLOCK),
    ("x = 1\n@d", BLOCK),
    ("class A:\n    pass\n\nclass B(A):\n    pass", BLOCK),
    ("class A:\n    pass\n\nclass B(A):\n    pass\n\n", COMPLETE),
    ("x = 1\n(", IMPLICIT),
    ("x = 1\ny = [1,\n2", IMPLICIT),
    ("x = 1\ns = '''", IMPLICIT),
    ("x = 1\ny = 2 + \\", IMPLICIT),
    ("x = 1\ny = = 2", COMPLETE),
    ("x = 1\n  y = 2", COMPLETE),
    ("x = 1\n'abc", COMPLETE),
    ("x = 1\nreturn x", COMPLETE),
    ("x = 1\r\ny = 2", COMPLETE),
    ("x = 1\n" * 1000, COMPLETE),
]

ALL_CASES = SINGLE_BLOCK_CASES + PROGRAM_CASES


def _case_id(case):
    """Readable, bounded test id for a table row."""
    text = repr(case[0])
    return text if len(text) <= 40 else text[:37] + "..."


def _as_typed(source):
    """A whitespace-only last line left by auto-indentation counts as an empty line."""
    head, newline, last = source.rpartition("\n")
    return head + newline if last and not last.strip(" \t\f") else source


def _codeop_verdict(source):
    """What the stdlib says about one interactive input: complete, incomplete or invalid."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            code = codeop.compile_command(_as_typed(source), "<input>", "single")
        except (SyntaxError, ValueError, MemoryError, RecursionError):
            return "invalid"
    return "incomplete" if code is None else "complete"


CODEOP_AGREES = {
    "complete": {COMPLETE},
    "invalid": {COMPLETE},
    "incomplete": {IMPLICIT, BLOCK},
}


def test_table_is_large():
    assert len(ALL_CASES) >= 100
    assert len({source for source, _ in ALL_CASES}) == len(ALL_CASES)


@pytest.mark.parametrize("case", ALL_CASES, ids=_case_id)
def test_expected_mode(case):
    source, expected = case
    assert detect_continuation_mode(source) is expected


@pytest.mark.parametrize("case", SINGLE_BLOCK_CASES, ids=_case_id)
def test_agrees_with_codeop(case):
    source, _ = case
    assert detect_continuation_mode(source) in CODEOP_AGREES[_codeop_verdict(source)]


@pytest.mark.parametrize("case", PROGRAM_CASES, ids=_case_id)
def test_programs_are_beyond_single_statement_mode(case):
    assert _codeop_verdict(case[0]) == "invalid"


def test_only_text_is_accepted():
    with pytest.raises(TypeError, match="source must be str, not bytes"):
        detect_continuation_mode(b"x = 1")


def test_mode_values():
    assert [mode.value for mode in ContinuationMode] == [
        "complete", "incomplete_implicit", "incomplete_block"]


def test_typing_a_block_line_by_line():
    lines = ["def f(n):", "    total = 0", "    for i in range(n):", "        total += i",
             "    return total", ""]
    modes = [detect_continuation_mode("\n".join(lines[:i + 1])) for i in range(len(lines))]
    assert modes == [BLOCK] * 5 + [COMPLETE]


def test_compiler_warnings_are_silenced():
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert detect_continuation_mode("x is 1") is COMPLETE
        assert detect_continuation_mode("'\\d'") is COMPLETE
        assert detect_continuation_mode("if x is 1:") is BLOCK
        assert indent_for_next_line("if x is 1:") == "    "


INDENT_CASES = [
    ("x = 1", ""),
    ("", ""),
    ("'abc", ""),
    ("if x:", "    "),
    ("if x:  # note", "    "),
    ("if x:\n", "    "),
    ("if x:\n    ", "    "),
    ("def f():\n    y = 1", "    "),
    ("def f():\n    if y:", "        "),
    ("def f():\n    if y:\n        z = 1", "        "),
    ("def f():\n    return 1", ""),
    ("def f():\n    if y:\n        return 1", "    "),
    ("while x:\n    break", ""),
    ("for i in x:\n    if i:\n        continue", "    "),
    ("if x:\n    raise E", ""),
    ("if x:\n    pass", ""),
    ("if x:\n    pass\nelse:", "    "),
    ("try:\n    pass\nexcept E:", "    "),
    ("if x: pass", ""),
    ("@d", ""),
    ("class A:\n    @property", "    "),
    ("match x:\n    case 1:", "        "),
    ("if (a and\n        b):", "    "),
    ("def f():\n\tif x:", "\t\t"),
    ("if x:\n    pass\n    ", ""),
    ("foo(", "    "),
    ("if x:\n    y = [", "        "),
    ("x = foo(a,\n        b,", "        "),
    ("x = 1 + \\", "    "),
    ("'''abc", ""),
    ("def f():\n    '''doc", ""),
]


@pytest.mark.parametrize("source, indent", INDENT_CASES)
def test_indent_for_next_line(source, indent):
    assert indent_for_next_line(source) == indent


def test_indent_is_empty_exactly_when_complete():
    for source, mode in ALL_CASES:
        if mode is COMPLETE:
            assert indent_for_next_line(source) == ""


def test_huge_nesting_is_judged_quickly():
    start = time.perf_counter()
    assert detect_continuation_mode("(" * 100_000) is COMPLETE
    assert detect_continuation_mode("[" * 50_000 + "]" * 50_000) is COMPLETE
    assert detect_continuation_mode("-" * 100_000 + "1") is COMPLETE
    assert detect_continuation_mode("x" + ".y" * 40_000) is COMPLETE
    assert detect_continuation_mode("f" + "()" * 40_000) is COMPLETE
    assert indent_for_next_line("(" * 100_000) == ""
    assert time.perf_counter() - start < 5


def test_long_incomplete_input_is_judged_quickly():
    start = time.perf_counter()
    source = "foo(" + "1, " * 30_000
    assert detect_continuation_mode(source) is IMPLICIT
    assert indent_for_next_line(source) == "    "
    assert time.perf_counter() - start < 5


def test_input_beyond_the_limit_is_handed_on_as_complete():
    source = "x = [" + " " * MAX_SOURCE_CHARS
    assert detect_continuation_mode(source) is COMPLETE
    assert indent_for_next_line(source) == ""
    assert detect_continuation_mode("x = [" + " " * 1000) is IMPLICIT


PYTHONISH = st.text(alphabet="()[]{}:'\"\\#@ \t\n\rxif=+1.,;elsdy", max_size=60)
KEYWORDY = st.lists(
    st.sampled_from(["if x:", "else:", "def f():", "    ", "\t", "pass", "return", "(", ")",
                     "'''", "\\", "\n", "#", "@d", "match x:", "case 1:", "try:", "x = 1"]),
    max_size=12,
).map("".join)


ANY_CODEPOINT = st.text(st.characters(exclude_categories=()), max_size=40)


@settings(max_examples=300, deadline=2000, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(st.text(max_size=80), ANY_CODEPOINT, PYTHONISH, KEYWORDY))
def test_never_raises_on_arbitrary_text(source):
    start = time.perf_counter()
    mode = detect_continuation_mode(source)
    indent = indent_for_next_line(source)
    assert isinstance(mode, ContinuationMode)
    assert isinstance(indent, str) and not indent.strip(" \t")
    if mode is COMPLETE:
        assert indent == ""
    assert time.perf_counter() - start < 1
