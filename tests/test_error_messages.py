"""Exception types and messages of failing operations, with the host CPython as the reference.

Each snippet is run by the host interpreter and by Monty; the ``Type: message`` lines must be
identical, so the expectations cannot drift from CPython 3.11.
"""
import warnings

import pytest

from monty import Monty, MontyRuntimeError

BUILTIN_ARITY = [
    'len()', 'len(1, 2)', 'len(x=1)', 'abs()', 'isinstance(1)', 'isinstance(1, int, 2)',
    'sorted()', 'sorted([1], [2])', 'sorted([2, 1], foo=1)', 'max()', 'min(1)',
    'max([1, 2], default=0, key=None, extra=1)', 'max([1, 2], foo=1)',
    'min(1, 2, default=0)', 'sum()', 'sum(1, 2, 3)', 'range()', 'range(1, 2, 3, 4)',
    'enumerate()', 'enumerate([], 1, 2)', 'filter()', 'map(len)', 'zip([1], 1)',
    'divmod(1)', 'pow(1)', 'round()', 'round(1, 2, 3)', 'getattr(1)', 'setattr(1, "x")',
    'hasattr(1)', 'chr()', 'ord()', 'iter()', 'next()', 'repr()', 'hash()', 'callable()',
    'any()', 'all(1, 2)', 'reversed()', 'bin()', 'print(1, foo=2)', 'super(1, 2, 3)',
    'int(1, 2, 3)', 'float(1, 2)', 'str(1, 2, 3, 4)', 'list(1, 2)', 'slice(1, 2, 3, 4)',
    'import math\nmath.comb(3)', 'import math\nmath.sqrt()',
]

METHOD_ARITY = [
    '"abc".zfill()', '"abc".zfill(1, 2)', '"abc".zfill(width=3)', '"abc".center()',
    '"abc".rjust(5, fillchar="*")', '"abc".ljust(5, "ab")', '"abc".join()',
    '"abc".replace()', '"abc".replace("a")', '"abc".expandtabs("a")', '"abc".upper(1)',
    '"abc".split(",", "x")', 'b"ab".zfill()', '[].append()', '[].append(1, 2)',
    '[].insert(1)', '[].sort(1)', '[].sort(foo=1)', '[].extend()', '[].pop(1, 2)',
    '{}.get()', '{}.pop()', '{}.update(1, 2)', 'set().add()', 'list.append()', 'str.upper()',
]

USER_CALLS = [
    'def f(a, b): pass\nf(1)', 'def f(a, b): pass\nf(1, 2, 3)', 'def f(*, k): pass\nf()',
    'def f(a, /, b): pass\nf(a=1, b=2)', 'def f(a): pass\nf(1, a=2)', 'def f(a): pass\nf(b=1)',
    'def f(**k): pass\nf(**{1: 2})', 'def f(a): pass\nf(1, **{1: 2})',
    'def f(a): pass\nf(*1)', 'def f(a): pass\nf(**1)', 'def f(a): pass\nf(1, *1)',
    'def f(a): pass\nf(**{"a": 1}, **{"a": 2})', 'len(*1)', '[].append(*1)', 'len(**[])',
    'class C:\n    def m(self): pass\nC().m(*1)', 'class C: pass\nC(*1)',
    'def outer():\n    def inner(x): pass\n    return inner\nouter()(*None)',
    'class A: pass\nA(1)', 'class A: pass\nA.__init__(A(), 1)', 'object.__init__(object(), 1)',
    'class A:\n    def __init__(self):\n        super().__init__(1)\nA()',
    'class B:\n    def __new__(cls, *a):\n        return super().__new__(cls)\nB(1, 2)\n'
    'class C(B):\n    def __init__(self, a):\n        super().__init__(a)\nC(1)',
]

OPERATORS = [
    'class A: pass\n[1] * A()', 'class A: pass\nA() * [1]', 'class A: pass\n"ab" * A()',
    'class A: pass\nx = [1]\nx *= A()', '[1] * 1.5', '"a" * "b"',
    'class I:\n    def __index__(self): return 2\n'
    'assert [0] * I() == [0, 0]\nassert I() * "ab" == "abab"\n1 / 0',
    'class I:\n    def __index__(self): return 2\n'
    'x = [1]\ny = x\nx *= I()\nassert y == [1, 1]\n{}[x[0]]',
    'class A: pass\npow(A(), 2, 3)', 'class A: pass\npow(2, 2, A())',
    'class P:\n    def __pow__(self, e, m=None): return (e, m)\n'
    'assert pow(P(), 2, 3) == (2, 3)\n[][0]',
    '1 + "a"', '"a" + 1', 'class A: pass\nA() @ 1', 'class A: pass\n-A()',
    'class A: pass\nA() < A()', '1 / 0', '1 % 0', '1.0 // 0', 'divmod(1, 0)', '0 ** -1',
]

MISC = [
    'int("12a")', 'int("")', 'float("x")', 'int(None)', 'a, b = [1, 2, 3]', 'a, b, c = 1, 2',
    '{}["k"]', 'x = [1]\nx[5]', 'x = (1,)\nx[0] = 2', 'hash([1])', '{[1]: 2}',
    'next(iter([]))', '"abc".index("z")', 'x = None\nx.upper()', 'print(undefined_name)',
    'def f():\n    v = v + 1\nf()', 'assert 1 == 2, "differ"', 'raise KeyError("k")',
    'class E(Exception):\n    def __str__(self): return "custom"\nraise E()',
    'print(file=1)', 'sorted([2, 1], reverse=None)', '[1].sort(reverse="a")',
    'class F: pass\ncomplex(F())', 'class F: pass\ncomplex(1, F())', 'ValueError(x=1)',
    'class E(Exception): pass\nE(a=1)', 'class A:\n    def __int__(self): return "a"\nint(A())',
    'class A:\n    def __float__(self): return 1\nfloat(A())',
    'class A:\n    def __index__(self): return 1.5\nint(A())',
    'iter([]).__next__()', 'dict.fromkeys()', '"-".join(1)', 'class N: pass\n"-".join(N())',
    'class V: pass\n[1][V()]', 'class V: pass\n(1,)[V()]', 'class V: pass\n"ab"[V()]',
    'class V: pass\n[1][V():]', 'class V: pass\n"".count(V())', 'class V: pass\n"x".join([V()])',
    'class V: pass\n"a".startswith(V())', 'class V: pass\nb"ab"[V()]',
]

# Programs that must behave like CPython up to their final error.
BEHAVIOUR = [
    'assert {}.fromkeys("ab") == {"a": None, "b": None}\n'
    'assert "x".maketrans("a", "b") == {97: 98}\n'
    'assert (0).from_bytes(b"\\x02", "big") == 2\n{}["end"]',
    'it = iter([1, 2])\nassert it.__next__() == 1 and iter(it) is it\nnext(it)\nit.__next__()',
    'class W:\n    def __init__(self): self.parts = []\n'
    '    def write(self, s): self.parts.append(s)\n'
    'w = W()\nprint(1, "a", sep="-", file=w)\n'
    'assert w.parts == ["1", "-", "a", "\\n"], w.parts\nraise KeyError(w.parts[0])',
    'class F(Exception):\n    def __init__(self, msg, code=0):\n        super().__init__(msg)\n'
    '        self.code = code\nraise F("m", code=3)',
    'def f():\n    return 1 / 0\nclass C:\n    def __enter__(self): return self\n'
    '    def __exit__(self, *a): return False\nwith C() as c:\n    x = [1, f()]',
]


def _run_host(src: str) -> str:
    with warnings.catch_warnings():
        warnings.simplefilter('ignore')
        code = compile(src, 'main.py', 'exec')
    try:
        exec(code, {'__name__': '__main__'})
    except Exception as e:  # noqa: BLE001 - the failure is the expectation
        return f'{type(e).__name__}: {e}' if str(e) else type(e).__name__
    raise AssertionError(f'snippet did not fail under CPython: {src!r}')


def _run_monty(src: str) -> str:
    with pytest.raises(MontyRuntimeError) as info:
        Monty(src).run()
    return str(info.value)


@pytest.mark.parametrize('src', BUILTIN_ARITY)
def test_builtin_argument_errors(src):
    assert _run_monty(src) == _run_host(src)


@pytest.mark.parametrize('src', METHOD_ARITY)
def test_builtin_method_argument_errors(src):
    assert _run_monty(src) == _run_host(src)


@pytest.mark.parametrize('src', USER_CALLS)
def test_call_errors(src):
    assert _run_monty(src) == _run_host(src)


@pytest.mark.parametrize('src', OPERATORS)
def test_operator_errors(src):
    assert _run_monty(src) == _run_host(src)


@pytest.mark.parametrize('src', MISC)
def test_other_errors(src):
    assert _run_monty(src) == _run_host(src)


@pytest.mark.parametrize('src', BEHAVIOUR)
def test_behaviour_before_the_error(src):
    assert _run_monty(src) == _run_host(src)


def test_message_excludes_the_printed_hint():
    with pytest.raises(MontyRuntimeError) as info:
        Monty('counter = 1\ncountr').run()
    assert str(info.value) == "NameError: name 'countr' is not defined"
    assert info.value.display().endswith(
        "NameError: name 'countr' is not defined. Did you mean: 'counter'?\n")
