"""Fused superinstructions compute exactly what the plain instructions compute.

Every program runs twice, with ``interp.FUSE`` on and off, and the two runs must print the same
text, return the same value and fail with the same error, message and traceback positions.
The programs are the conformance corpus and a seeded generator that targets each fused pattern
of ``vm/fuse*.py`` (with operands that take the fast path and operands that must fall back,
including failing ones); generated programs are also checked against CPython.
"""
from __future__ import annotations

import contextlib
import glob
import io
import os
import random
import traceback
import types

import pytest

from monty import Monty, MontyRuntimeError
from monty.builtins import modules as stdlib_modules
from monty.vm import fuse, fuse_attrs, fuse_calls, fuse_gens, interp

CONFORMANCE = sorted(glob.glob('/work/shared/conformance/*.py'))


# -- running a program both ways --------------------------------------------------------------
def _forget_instrs(code) -> None:
    """Drop the built handlers of a cached Code tree, so the next run builds them again."""
    code.instrs = None
    for _, arg in code.ops:
        for c in (arg if type(arg) is tuple else (arg,)):
            if hasattr(c, 'ops') and hasattr(c, 'instrs'):
                _forget_instrs(c)


def outcome(src: str, fused: bool) -> tuple:
    """(stdout, result) of running ``src`` in Monty; result is the value's repr or the error."""
    old = interp.FUSE
    interp.FUSE = fused
    for code in stdlib_modules._CODE_CACHE.values():
        _forget_instrs(code)
    out: list = []
    try:
        value = Monty(src).run(print_callback=lambda stream, text: out.append(text))
        result = ('value', repr(value))
    except MontyRuntimeError as e:
        where = [(fr.line, fr.column, fr.end_line, fr.end_column) for fr in e.traceback()]
        result = ('error', e.type_name, e.message, where, e.display())
    finally:
        interp.FUSE = old
    return ''.join(out), result


def cpython_outcome(src: str) -> tuple:
    """(stdout, error) of ``src`` under the host CPython; error as (type, message, positions)."""
    buf = io.StringIO()
    try:
        with contextlib.redirect_stdout(buf):
            exec(compile(src, 'main.py', 'exec'), {'__name__': '__main__'})
    except Exception as e:  # noqa: BLE001 - the error is part of the outcome
        frames = traceback.extract_tb(e.__traceback__.tb_next)
        where = [(fs.lineno, fs.colno + 1, fs.end_lineno, fs.end_colno + 1) for fs in frames]
        return buf.getvalue(), (type(e).__name__, str(e), where)
    return buf.getvalue(), None


def assert_same_both_ways(src: str) -> tuple:
    fused = outcome(src, True)
    plain = outcome(src, False)
    assert fused == plain, src
    return fused


def assert_matches_cpython(src: str, got: tuple) -> None:
    out, err = cpython_outcome(src)
    assert got[0] == out, src
    if err is None:
        assert got[1][0] == 'value', src
    else:
        assert got[1][0] == 'error' and got[1][1:4] == err, src


@pytest.mark.parametrize('path', CONFORMANCE, ids=os.path.basename)
def test_conformance_programs_run_the_same_fused_and_unfused(path):
    with open(path) as fh:
        assert_same_both_ways(fh.read())


# -- which fused handlers ran -----------------------------------------------------------------
def _handler_names() -> set:
    """Qualified names of every fused handler closure defined in vm/fuse*.py."""
    names = set()

    def walk(co):
        for c in co.co_consts:
            if isinstance(c, types.CodeType):
                if c.co_varnames[:1] == ('f',) and c.co_argcount == 1 and \
                        '<lambda>' not in c.co_qualname and '_fast_const_op' not in c.co_qualname:
                    names.add(c.co_qualname)
                walk(c)
    for module in (fuse, fuse_attrs, fuse_calls, fuse_gens):
        for obj in vars(module).values():
            if isinstance(obj, types.FunctionType) and obj.__module__ == module.__name__:
                walk(obj.__code__)
    return names


class Coverage:
    """Counts, per fused handler, runs that completed the sequence and runs that fell back."""

    def __init__(self):
        self.fast: dict = {}
        self.fallback: dict = {}

    def fuse(self, original):
        def counted_fuse(code, base):
            probe = original(code, base)
            fused_at = [pc for pc in range(len(base)) if probe[pc] is not base[pc]]
            base2 = list(base)
            names = {}
            for pc in fused_at:
                names[pc] = probe[pc].__code__.co_qualname
                base2[pc] = self._falls_back(base[pc], names[pc])
            out = original(code, base2)
            for pc in fused_at:
                out[pc] = self._counted(out[pc], names[pc])
            return out
        return counted_fuse

    def _falls_back(self, handler, name):
        def fallback(f):
            self.fallback[name] = self.fallback.get(name, 0) + 1
            return handler(f)
        return fallback

    def _counted(self, handler, name):
        def counted(f):
            self.fast[name] = self.fast.get(name, 0) + 1
            return handler(f)
        return counted

    def completed(self) -> set:
        return {n for n, k in self.fast.items() if k > self.fallback.get(n, 0)}


# -- the program generator --------------------------------------------------------------------
PRELUDE = '''\
class V:
    def __init__(self, v):
        self.v = v
    def __add__(self, o):
        return V(self.v + (o.v if type(o) is V else o))
    __radd__ = __add__
    def __sub__(self, o):
        return V(self.v - (o.v if type(o) is V else o))
    def __lt__(self, o):
        return self.v < (o.v if type(o) is V else o)
    def __eq__(self, o):
        return type(o) is V and self.v == o.v
    def __hash__(self):
        return hash(self.v)
    def __len__(self):
        return 2
    def __getitem__(self, k):
        return ('item', k)
    def __iter__(self):
        return iter((self.v, self.v))
    def __repr__(self):
        return f'V({self.v!r})'
    def m(self, x):
        return ('m', self.v, x)
class W(V):
    def m(self, x):
        return ('W.m', super().m(x))
def h(x):
    return x
def gen(n):
    for i in range(n):
        yield i
'''

VALUES = ['0', '1', '-3', '7', '2 ** 70', '2.5', '0.0', '-1.5', '1e308', 'True', 'False', "''",
          "'ab'", 'None', '[1, 2, 3]', '[]', '(4, 5)', "{'a': 1, 1: 2}", 'V(2)', 'W(3)']
SMALL = ['0', '1', '-3', '2', '2.5', '0.0', 'True', "'ab'", 'None', '[1]', 'V(2)']
CONSTS = ['0', '1', '3', '-2', '2.5', '0.0', "'x'", 'True', 'None', '2 ** 60']
BINOPS = ['+', '-', '*', '/', '//', '%', '**', '<<', '>>', '&', '|', '^']
CMPS = ['<', '<=', '==', '!=', '>', '>=']

# Function bodies over parameters ``a`` and ``b``; {op} {cmp} {c} are filled at random.
TEMPLATES = [
    'c = a {op} {c}\nreturn c',
    'c = a {op} b\nreturn c',
    'a {op}= {c}\nreturn a',
    'a {op}= b\nreturn a',
    'return [a {op} {c}]',
    'return [a {op} b]',
    'return [h(a) {op} {c}]',
    'return [h(a) {op} b]',
    'c = h(a) {op} h(b)\nreturn c',
    'return h(a) {op} h(b)',
    'if a {cmp} {c}:\n    return 1\nreturn 2',
    'if a {cmp} b:\n    return 1\nreturn 2',
    'if a {cmp} {c} or b:\n    return 1\nreturn 2',
    'if not a {cmp} b:\n    return 1\nreturn 2',
    'if h(a) {cmp} {c}:\n    return 1\nreturn 2',
    'if h(a) {cmp} h(b):\n    return 1\nreturn 2',
    'while h(a) {cmp} h(b):\n    return 1\nreturn 2',
    'return a[1:], a[:2], a[-2:-1]',
    'c = a[0]\nreturn c',
    "return a['a']",
    'return a[b]',
    'return a[-1]',
    'a[b] += 1\nreturn a',
    'a[0] {op}= b\nreturn a',
    "a['a'] += b\nreturn a",
    'x, y = a\nreturn y, x',
    'x, y, z = a\nreturn z, y, x',
    't = 0\nfor x in a:\n    t = t + x\nreturn t',
    'for x in a:\n    h(x)\nreturn a',
    't = []\nfor x in gen(3):\n    t.append(x)\n    t.append(b)\n    t.append(1)\nreturn t',
    'c = a\nreturn b',
    'a = a\nreturn a',
    'c = b\nreturn (c, a)',
    'return a.v',
    'a.v = b\nreturn a.v',
    'a.v += b\nreturn a.v',
    'a.v {op}= {c}\nreturn a',
    'return a.m(b)',
    'return a.upper()',
    'return a.count(1), a.count(b)',
    'a.append(b)\nreturn a',
    'a.append(5)\nreturn a',
    'return h(a), h(b), h(1)',
    'return h(a - 1)',
    'return h(a {op} {c})',
    'return h(a, b)',
    'return len(a), abs(b)',
    'return tuple(a), list(a)',
    'return len(a + b)',
    'return abs(a - b), abs(a - 1)',
    'return list(a[1:])',
    'def inner():\n    return h(a)\nreturn inner()',
    'if b:\n    q = 1\nreturn h(q)',
    'if b:\n    q = a\nreturn q',
    'if b:\n    q = a\nreturn a + q',
    'if b:\n    q = 1\nreturn len(q)',
    'return a',
    'return 5',
    'return a + b',
    'return h(a) + h(b)',
    'return [a * b], [h(a) * 3], h(a) * b',
    'a.v = 5\nreturn a.v',
    'if b:\n    h(a)\nelse:\n    h(b)\nreturn 1',
    'x, y, z = [a, b, 1]\nreturn z, y, x',
]

GEN_TEMPLATES = [
    'def g(a, b):\n    yield a\n    yield b\n    yield a {op} b\n    yield a {cmp} b\n',
    'def g(a, b):\n    yield from gen(2)\n    yield from (a, b)\n    yield from a\n',
    'def g(a, b):\n    yield from sub(a, b)\n    yield h(a) {op} h(b)\ndef sub(a, b):\n'
    '    yield a\n    x = yield b\n    yield x\n',
    'def g(a, b):\n    if b:\n        q = 1\n    yield q\n',
]

EXTRA = [
    # a class mutated after the attribute and method caches are warm
    'class A:\n    def m(self):\n        return 1\n    x = 5\n'
    'def f(a):\n    return a.m(), a.x, A.x\n'
    'a = A()\nr = []\nfor i in range(4):\n    r.append(f(a))\n'
    '    if i == 1:\n        A.m = lambda self: 2\n        A.x = 6\n'
    '    if i == 2:\n        del A.m\n'
    'print(r)',
    # a property added over a cached instance attribute
    'class A:\n    pass\ndef f(a):\n    return a.x\n'
    'a = A()\na.x = 1\nr = []\nfor i in range(3):\n    r.append(f(a))\n'
    '    if i == 0:\n        A.x = property(lambda self: "prop")\nprint(r)',
    # a global rebound between calls, a builtin shadowed by a global then a local
    'def g(x):\n    return x + 1\ndef f(n):\n    return g(n), len([n]), abs(n - 1)\n'
    'r = []\nfor i in range(3):\n    r.append(f(i))\n    if i == 0:\n        g = lambda x: x * 10\n'
    '    if i == 1:\n        len = lambda x: "mine"\n        abs = str\nprint(r)',
    'def f(x):\n    len = abs\n    return len(x)\nprint([f(-3) for _ in range(2)])',
    # super() after the base class's method is replaced
    'class A:\n    def m(self):\n        return "A"\nclass B(A):\n    def m(self):\n'
    '        return super().m() + "B"\nb = B()\nr = []\nfor i in range(3):\n'
    '    r.append(b.m())\n    A.m = lambda self: "A2"\nprint(r)',
    # a bound method replaced by an instance attribute
    'class A:\n    def m(self):\n        return 1\ndef f(a):\n    return a.m()\n'
    'a = A()\nr = [f(a)]\na.m = lambda: 9\nr.append(f(a))\nprint(r)',
    # recursion through the fused global call with a computed argument
    'def fib(n):\n    if n < 2:\n        return n\n    return fib(n - 1) + fib(n - 2)\n'
    'print([fib(i) for i in range(12)], fib(2.5))',
    'def f(n):\n    return f(n + 1)\ntry:\n    f(0)\nexcept RecursionError as e:\n    print(e)',
    # host method cache on a host type, then on another type
    'def f(a):\n    return a.count(1)\nprint([f(x) for x in ([1, 1], (1,), "a1", [])])\nf(3)',
    # attribute stores on instances with __slots__ and __setattr__
    'class S:\n    __slots__ = ("v",)\ndef f(a, b):\n    a.v = b\n    a.v += 1\n    return a.v\n'
    'print([f(S(), i) for i in range(3)])\nf(S(), "x")',
    'class S:\n    def __setattr__(self, k, v):\n        print("set", k, v)\n'
    'def f(a, b):\n    a.v = b\n    return 1\nprint([f(S(), i) for i in range(2)])',
    # a key whose hash collides with a Monty instance key in a dict
    'class K:\n    def __hash__(self):\n        return 1\n    def __eq__(self, o):\n'
    '        print("eq", o)\n        return o == 1\n'
    'def f(d, k):\n    return d[k], d[1]\nd = {K(): "k"}\nprint([f(d, 1) for _ in range(2)])',
    'def f(d):\n    d[1] += 1\n    return d\nclass K:\n    def __hash__(self):\n        return 1\n'
    '    def __eq__(self, o):\n        print("eq")\n        return False\n'
    'print(list(f({K(): 0, 1: 5}).values()))',
    # an exception instance's attributes
    'def f(e):\n    return e.args, e.x\ne = ValueError(1)\ne.x = 2\nprint([f(e) for _ in range(2)])',
    # long string building (the same with and without fusion)
    's = ""\nfor i in range(50):\n    s = s + "ab"\n    s += "c"\nprint(len(s))',
]


def _fill(template: str, rng: random.Random) -> str:
    op = rng.choice(BINOPS)
    return template.format(op=op, cmp=rng.choice(CMPS), c=rng.choice(
        CONSTS if op not in ('**', '<<') else ['0', '1', '3', '-2', '2.5']))


def _pairs(rng: random.Random, body: str) -> list:
    pool = SMALL if '**' in body or '<<' in body else VALUES
    # an instance as a list index: the plain instruction's message is not CPython's yet
    # and as str.count's argument (its message names the host class)
    plain = 'a[b]' in body or 'count(b)' in body
    keys = [v for v in pool if not v.startswith(('V', 'W'))] if plain else pool
    return [(rng.choice(pool), rng.choice(keys)) for _ in range(8)]


def _failing(src_def: str, pairs: list) -> list:
    """The pairs for which the function raises under CPython."""
    ns: dict = {}
    exec(compile(PRELUDE + src_def, 'main.py', 'exec'), ns)
    bad = []
    for a, b in pairs:
        try:
            r = ns['f'](eval(a, ns), eval(b, ns))
            if type(r).__name__ == 'generator':
                list(r)
        except Exception:  # noqa: BLE001 - looking for the failing operands
            bad.append((a, b))
    return bad


def generated_programs(seed: int = 1234) -> list:
    """Programs that call a function built from each template with varied operands, printing
    each result or error, and ending with one uncaught failure when there is one."""
    rng = random.Random(seed)
    programs = []
    for template in TEMPLATES:
        for _ in range(2):
            body = _fill(template, rng)
            src_def = 'def f(a, b):\n' + ''.join('    ' + ln + '\n' for ln in body.split('\n'))
            pairs = _pairs(rng, body)
            programs.append(_program(src_def, pairs, rng, 'f(a, b)'))
    for template in GEN_TEMPLATES:
        for _ in range(3):
            src_def = _fill(template, rng) + 'def f(a, b):\n    return list(g(a, b))\n'
            programs.append(_program(src_def, _pairs(rng, src_def), rng, 'f(a, b)'))
    return programs + EXTRA


def _program(src_def: str, pairs: list, rng: random.Random, call: str) -> str:
    lines = [PRELUDE + src_def, f'for a, b in [{", ".join(f"({a}, {b})" for a, b in pairs)}]:',
             '    try:', f'        print(repr({call}))', '    except Exception as e:',
             '        print(type(e).__name__, e)']
    bad = _failing(src_def, pairs)
    if bad:
        # a fresh copy of the function: CPython reports some errors of a warmed-up (quickened)
        # function at another instruction of a superinstruction
        a, b = rng.choice(bad)
        lines += [src_def, f'f({a}, {b})']
    return '\n'.join(lines) + '\n'


def test_generated_programs_run_the_same_fused_unfused_and_in_cpython(monkeypatch):
    cov = Coverage()
    monkeypatch.setattr(interp, '_runs_once', lambda code: False)   # fuse module code too
    monkeypatch.setattr(fuse, 'fuse', cov.fuse(fuse.fuse))
    for src in generated_programs():
        got = assert_same_both_ways(src)
        assert_matches_cpython(src, got)
    missing = _handler_names() - cov.completed()
    assert not missing, sorted(missing)
