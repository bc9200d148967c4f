"""Deeply nested source and self-recursive dunders end as clean Monty errors."""
import pytest

from .helpers import MontySyntaxError, raises, run

NESTED_SOURCE = {
    'parens': '(' * 10000 + ')' * 10000,
    'lists': '[' * 100000 + ']' * 100000,
    'unary': '-' * 100000 + '1',
    'nots': 'not ' * 100000 + '1',
    'calls': 'f(' * 500 + ')' * 500,
    'attributes': 'x' + '.y' * 100000,
    'subscripts': 'x' + '[0]' * 100000,
    'conditionals': 'a if b else ' * 10000 + 'c',
    'ifs': ''.join('    ' * i + 'if 1:\n' for i in range(200)) + '    ' * 200 + 'pass\n',
    'defs': 'def f():\n' + ''.join(' ' * (i + 1) + 'def g():\n' for i in range(200))
            + ' ' * 201 + 'pass\n',
}


@pytest.mark.parametrize('kind', list(NESTED_SOURCE))
def test_deep_source_nesting_is_a_syntax_error(kind):
    with pytest.raises(MontySyntaxError) as info:
        run(NESTED_SOURCE[kind])
    assert info.value.type_name in ('SyntaxError', 'IndentationError')
    assert isinstance(info.value.exception(), SyntaxError)


def test_nesting_inside_eval_is_a_catchable_monty_error():
    code = ("try:\n    eval('(' * 10000 + ')' * 10000)\nexcept SyntaxError as e:\n"
            "    r = type(e).__name__\nr")
    assert run(code) == 'SyntaxError'


def test_huge_literals():
    with pytest.raises(MontySyntaxError) as info:
        run('x = ' + '1' * 100000)
    assert 'Exceeds the limit (4300 digits)' in info.value.message
    assert run('x = ' + repr('a' * 1_000_000) + '\nlen(x)') == 1_000_000
    raises("'a' * 10**7", 'MemoryError', limits={'max_memory': 10**6})


RECURSIVE_DUNDERS = {
    '__repr__': 'def __repr__(self): return repr(self)\nrepr(A())',
    '__str__': "def __str__(self): return f'{self}'\nstr(A())",
    '__eq__': 'def __eq__(self, o): return self == o\nA() == A()',
    '__hash__': 'def __hash__(self): return hash(self)\nhash(A())',
    '__len__': 'def __len__(self): return len(self)\nlen(A())',
    '__repr__ in a list': 'def __repr__(self): return repr([self])\nrepr(A())',
    '__getattr__': 'def __getattr__(self, n): return getattr(self, n)\nA().x',
    '__iter__': 'def __iter__(self): return iter(self)\nlist(A())',
}


@pytest.mark.parametrize('kind', list(RECURSIVE_DUNDERS))
def test_recursive_dunders_raise_recursion_error(kind):
    method, use = RECURSIVE_DUNDERS[kind].split('\n')
    raises(f'class A:\n    {method}\n{use}', 'RecursionError',
           'maximum recursion depth exceeded')


def test_recursive_dunder_recursion_error_is_catchable():
    code = ('class A:\n    def __repr__(self): return repr(self)\n'
            'try:\n    repr(A())\nexcept RecursionError:\n    r = "caught"\nr')
    assert run(code) == 'caught'


@pytest.mark.parametrize('use', ['repr(l)', 'str(l)', 'l == l2', 'import copy\ncopy.deepcopy(l)',
                                 'import json\njson.dumps(l)'])
def test_deeply_nested_data_is_a_recursion_error(use):
    build = 'l = []\nl2 = []\nfor i in range(100000):\n    l = [l]\n    l2 = [l2]\n'
    raises(build + use, 'RecursionError')


def test_self_containing_containers_print_like_cpython():
    assert run('l = [1]\nl.append(l)\nrepr(l)') == '[1, [...]]'
    assert run("d = {}\nd['d'] = d\nstr(d)") == "{'d': {...}}"
