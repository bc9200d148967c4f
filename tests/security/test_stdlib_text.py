"""``traceback``, ``string.Formatter``, ``io`` and ``pprint`` hand back only plain values."""
import pytest

from .helpers import TIGHT, is_plain, raises, run


def test_traceback_results_are_plain_strings():
    code = ("import traceback\ntry:\n    1 / 0\nexcept ZeroDivisionError as e:\n"
            "    out = (traceback.format_exc(), traceback.format_exception(e),\n"
            "           traceback.format_exception_only(e))\nout")
    out = run(code)
    assert is_plain(out) and 'ZeroDivisionError: division by zero' in out[0]


@pytest.mark.parametrize('expr', ['e.__traceback__.tb_frame', 'sys.exc_info()[2].tb_frame',
                                  'traceback._handled().__traceback__.tb_frame.f_globals'])
def test_no_frames_reach_monty(expr):
    code = (f"import sys, traceback\ntry:\n    1 / 0\nexcept ZeroDivisionError as e:\n"
            f"    {expr}")
    raises(code, 'AttributeError')


def test_traceback_rejects_non_exceptions():
    raises('import traceback\ntraceback.format_exception(42)', 'TypeError',
           'Exception expected for value, int found')
    raises('import traceback\ntraceback.format_exception_only(object())', 'AttributeError',
           "'object' object has no attribute '__suppress_context__'")


def test_formatter_parse_gives_plain_tuples():
    out = run("import string\nlist(string.Formatter().parse('a{0.x[1]!r:>{w}}b'))")
    assert out == [('a', '0.x[1]', '>{w}', 'r'), ('b', None, None, None)]


def test_stringio_padding_is_a_limited_allocation():
    raises('import io\ns = io.StringIO()\ns.seek(10**9)\ns.write("x")', 'MemoryError',
           limits=TIGHT)


def test_pprint_of_deep_nesting_is_bounded():
    code = 'import pprint\nx = []\nfor _ in range(200):\n    x = [x]\nlen(pprint.pformat(x))'
    assert run(code) == 402   # as CPython
