"""``str.format``/f-string field traversal goes through Monty's attribute rules."""
import pytest

from .helpers import raises, run


@pytest.mark.parametrize('code', [
    "'{0.__class__}'.format(1)",
    "def f(): pass\n'{0.__globals__}'.format(f)",
    "def f(): pass\n'{0.__code__.co_consts}'.format(f)",
    "'{x.__class__.__bases__}'.format_map({'x': 1})",
    "'{0.__init__.__globals__}'.format(object())",
    "class A: pass\n'{0.__class__.__subclasses__}'.format(A())",
])
def test_format_fields_cannot_walk_dunders(code):
    raises(code, 'AttributeError')


def test_format_fields_still_work_for_plain_attributes_and_items():
    code = ("class P:\n    def __init__(self):\n        self.name = 'p'\n"
            "'{0.name} {1[k]} {1[k][0]}'.format(P(), {'k': 'v'})")
    assert run(code) == 'p v v'
    assert run("x = 3\nf'{x!r:>4}'") == '   3'


def test_fstring_expression_has_no_extra_access():
    raises("def f(): pass\nf'{f.__globals__}'", 'AttributeError')


@pytest.mark.parametrize('field', ['0.__class__', '0.__init__.__globals__', '0._private',
                                   '0.__class__.__subclasses__', 'x.__dict__'])
def test_string_formatter_fields_follow_str_format_rules(field):
    code = (f"import string\nclass A:\n    _private = 1\n"
            f"string.Formatter().format('{{{field}}}', A(), x=A())")
    raises(code, 'AttributeError')
    raises(f"import string\nclass F(string.Formatter):\n    pass\n"
           f"F().vformat('{{{field}}}', (len,), {{'x': len}})", 'AttributeError')
