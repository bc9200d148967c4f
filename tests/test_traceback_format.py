"""The printed traceback of an uncaught exception, compared with what CPython prints.

CPython's text comes from its own ``sys.excepthook`` on the same program (written to a file, as
it reads the source lines from disk): frames, source lines, the ``~~^~~`` marker lines, the
chained sections and the ``Did you mean`` hint must all be identical.
"""
import contextlib
import io
import sys

import pytest

from monty import Monty, MontyRuntimeError
from monty.vm.carets import anchors, marker_line

BAD_BOOL = 'class A:\n    def __bool__(self):\n        return 1\nx = A()\n'
PROGRAMS = {
    'binop': 'a = 1\nb = 0\nx = a / b\n',
    'binop_whole_line': '1 / 0\n',
    'binop_two_char_operator': 'x = 1\ny = 0\nz = x // y\n',
    'binop_parenthesized': 'a = 1\nb = "x"\nprint((a) + (b))\n',
    'binop_chain': 'x = 1 + 2 + "a" + 4\n',
    'binop_in_nested_call': 'def f(a, b):\n    return a + b * 2\nf(1, "x")\n',
    'subscript': 'd = {}\nv = d["missing"]\n',
    'subscript_whole_line': 'd = {}\nd["missing"]\n',
    'subscript_spaced': 'x = {}\ny = x [ "k" ]\n',
    'subscript_nested': 'data = {"a": [1]}\nprint(data["a"][3])\n',
    'call': 'def f(x):\n    return int(x)\ny = f("abc")\n',
    'call_multiline': 'def f(a, b):\n    return a / b\nx = f(\n    1,\n    0,\n)\n',
    'attribute': 'class A: pass\na = A()\nprint(a.missing)\n',
    'attribute_hint': 'class A:\n    def __init__(self):\n        self.value = 1\nA().valeu\n',
    'name_hint_local': 'def f():\n    total_count = 1\n    return total_cont\nf()\n',
    'name_hint_builtin': 'x = lenn([1])\n',
    'name_no_hint_free_var': ('def f():\n    shared = 1\n    def g():\n        return sharde\n'
                              '    return g()\nf()\n'),
    'raise_statement': 'def f():\n    raise KeyError("k")\nf()\n',
    'raise_multiline': 'def f():\n    raise ValueError(\n        "long"\n    )\nf()\n',
    'assert': 'x = 1\nassert x == 2, "x must be 2"\n',
    'augmented': 'x = 1\nx += "a"\n',
    'for_iteration': 'for x in 5:\n    pass\n',
    'generator_frame': ('def g():\n    yield 1\n    raise ValueError("gen")\n'
                        'for x in g():\n    pass\n'),
    'comprehension': 'xs = [1, 0]\nys = [1 / x for x in xs]\n',
    'comprehension_iter': 'def f(rows):\n    return [c for r in rows for c in r]\nf([[1], 2])\n',
    'with_block': ('class C:\n    def __enter__(self):\n        return self\n'
                   '    def __exit__(self, *a):\n        return False\nwith C():\n    1 / 0\n'),
    'context_chain': 'try:\n    1 / 0\nexcept ZeroDivisionError:\n    raise ValueError("bad")\n',
    'cause_chain': ('try:\n    {}["a"]\nexcept KeyError as e:\n'
                    '    raise RuntimeError("wrapped") from e\n'),
    'repeated_frames': ('def f(n):\n    if n == 0:\n        raise ValueError("bottom")\n'
                        '    return f(n - 1)\nf(40)\n'),
    'custom_str': 'class E(Exception):\n    def __str__(self):\n        return "nice"\nraise E()\n',
    'unicode_line': "name = 'héllo'\nx = {'é': 1}\ny = x['ö'] + len(name)\n",
    'star_args': 'def f(a):\n    return a\nf(*1)\n',
    'library_frames_hidden': ('from dataclasses import dataclass\n@dataclass\nclass P:\n'
                              '    x: int\nP()\n'),
    'not_bad_bool': BAD_BOOL + 'y = not x\n',
    'if_bad_bool': BAD_BOOL + 'if x:\n    pass\n',
    'if_one_line_bad_bool': BAD_BOOL + 'if x: pass\n',
    'while_not_bad_bool': BAD_BOOL + 'while not x:\n    pass\n',
    'ifexp_bad_bool': BAD_BOOL + 'y = 1 if x else 2\n',
    'and_bad_bool': BAD_BOOL + 'y = (x and 1)\n',
    'or_multiline_bad_bool': BAD_BOOL + 'y = (1 and\n     x or 2)\n',
    'comprehension_bad_bool': BAD_BOOL + 'z = [1 for _ in "1" if not x]\n',
    'assert_bad_len': 'class L:\n    def __len__(self):\n        return -1\nassert L()\n',
    'augmented_unbound_local': 'def f():\n    n = 0\n    def g():\n        n += 1\n    g()\nf()\n',
    'augmented_unbound_global': 'total += 1\n',
    'assigned_notes_list': 'e = ValueError(1)\ne.__notes__ = ["a", 3]\ne.add_note("z")\nraise e\n',
    'assigned_notes_str': 'e = KeyError("k")\ne.__notes__ = "ab"\nraise e\n',
}


def cpython_traceback(src: str, tmp_path) -> str:
    path = tmp_path / 'main.py'
    path.write_text(src, encoding='utf-8')
    try:
        exec(compile(src, str(path), 'exec'), {'__name__': '__main__'})
    except BaseException as e:  # noqa: BLE001 - the failure is the expectation
        err = io.StringIO()
        with contextlib.redirect_stderr(err):
            inner = e.__traceback__.tb_next   # drop this function's own frame
            sys.__excepthook__(type(e), e.with_traceback(inner), inner)
        return err.getvalue().replace(str(path), 'main.py')
    raise AssertionError('program did not fail under CPython')


def monty_traceback(src: str) -> str:
    with pytest.raises(MontyRuntimeError) as info:
        Monty(src, script_name='main.py').run()
    return info.value.display()


@pytest.mark.parametrize('name', sorted(PROGRAMS))
def test_traceback_matches_cpython(name, tmp_path):
    src = PROGRAMS[name]
    assert monty_traceback(src) == cpython_traceback(src, tmp_path)


def test_operator_and_subscript_anchors():
    assert anchors('a + b') == (2, 3)
    assert anchors('(a) // (b)') == (4, 6)
    assert anchors('d["k"]') == (1, 6)
    assert anchors('x [ 1 ]') == (2, 7)
    assert anchors('f(x)') is None
    assert anchors('a +') is None


def test_marker_line_rules():
    # a plain span covering the whole line is left out; anchored spans are always drawn
    assert marker_line('f(x)', 1, 0, 1, 4) == ''
    assert marker_line('1 / 0', 1, 0, 1, 5) == '    ~~^~~'
    assert marker_line('    y = f(x)', 1, 8, 1, 12) == '        ^^^^'
    # a span running onto later lines is drawn to the end of its first line
    assert marker_line('x = f(  ', 1, 4, 3, 1) == '        ^^'
