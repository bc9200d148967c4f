"""The core language, with CPython (exec of the same source) as the reference."""
import contextlib
import io

import pytest

from monty import Monty, MontyRuntimeError, MontySyntaxError

PROGRAMS = {
    'arith': 'print(7 // 2, -7 // 2, 7 % -3, 2 ** 100, 1 / 3, 0.1 + 0.2, 10 ** -2, divmod(-7, 2))',
    'bigint': 'x = 3 ** 200\nprint(x % 1000007, len(str(x)), hex(x)[:12], x.bit_length())',
    'compare_chain': 'print(1 < 2 < 3, 3 > 2 > 2, 1 == 1.0 != 2, "a" < "b" <= "b", [1] < [1, 0])',
    'strings': 'print("a,b,,c".split(","), " x ".strip(), "abc".upper(), "-".join("xyz"), "%5.2f|%-4d|%s" % (3.14159, 7, [1]))',
    'fstrings': 'v = 3.14159\nprint(f"{v:.3f} {v!r} {42:>6} {42:<6}| {255:#x} {1234567:,} {0.5:%} {\'s\':^7}|")',
    'format_method': 'print("{} {:>5} {name!r}".format(1, "ab", name="n"), format(3.5, "08.3f"))',
    'unpacking': 'a, (b, c), *d = 1, (2, 3), 4, 5\nfirst, *mid, last = range(6)\nprint(a, b, c, d, first, mid, last)',
    'walrus_ternary': 'print([y for x in range(6) if (y := x * x) > 4], "yes" if 0 else "no")',
    'loops_else': 'for i in range(3):\n    pass\nelse:\n    print("done", i)\nn = 0\nwhile n < 5:\n    n += 1\n    if n == 3:\n        break\nelse:\n    print("never")\nprint(n)',
    'functions': 'def f(a, b=2, *args, c, d=4, **kw):\n    return (a, b, args, c, d, kw)\nprint(f(1, c=3), f(1, 2, 3, 4, c=5, e=6))\ndef g(x, /, y):\n    return x + y\nprint(g(1, y=2))',
    'closures': 'def counter():\n    n = 0\n    def inc():\n        nonlocal n\n        n += 1\n        return n\n    return inc\nc = counter()\nc(); c()\nprint(c(), [(lambda x, k=k: x + k)(1) for k in range(3)])',
    'builtins_over_iterators': 'it = map(ord, "AB")\nprint(sum(map(ord, "AB")), sum(iter([1.5, 2])), sum(iter([[1], [2]]), []), max(map(len, ["a", "bb"])), sorted(filter(None, [0, 2, 1])), min(iter([3, 1])), any(map(bool, [0, 1])), sum(it), sum(it))',
    'dict_views_as_sets': 'd = {1: 2, 3: 4}\nprint(d.keys().isdisjoint([1]), d.keys().isdisjoint([5]), d.items().isdisjoint([(1, 3)]))\nprint(d.keys() & {1}, d.keys() - {1}, list(reversed(d.keys())))\ntry:\n    d.values().isdisjoint([1])\nexcept AttributeError as e:\n    print(e)\nprint(repr(object()).split(" at ")[0])',
    'set_display_order': 's = {4, 10, 13, 29}\nprint(s, frozenset(s), {-1, 4, 10, 13, 29}, {*s, 1}, {4, x := 10, 13, 29}, {(1, 2), (3, 4), (5, 6)})\nfor v in {4, 10, 13, 29}:\n    print(v, end=" ")\nprint(frozenset({4, 10, 13, 29}), set(s), {1, 2.0, True})',
    'global_stmt': 'g = 1\ndef f():\n    global g\n    g += 1\nf(); f()\nprint(g)',
    'decorators': 'def deco(fn):\n    def wrap(*a):\n        return ("wrapped", fn(*a))\n    return wrap\n@deco\ndef add(x, y):\n    return x + y\nprint(add(1, 2))',
    'comprehensions': 'print([x * y for x in range(3) for y in range(3) if x != y], {k: k * 2 for k in "ab"}, {x % 3 for x in range(10)}, sum(x for x in range(10)))',
    'generators': 'def gen():\n    x = yield 1\n    yield (x or 0) * 2\n    return "end"\ng = gen()\nprint(next(g), g.send(21))\ntry:\n    next(g)\nexcept StopIteration as e:\n    print("stop", e.value)\ndef deleg():\n    r = yield from gen()\n    yield r\nprint(list(deleg()))',
    'exceptions': 'try:\n    try:\n        {}["k"]\n    except KeyError as e:\n        raise ValueError("bad") from e\nexcept ValueError as e:\n    print(repr(e), repr(e.__cause__))\nfinally:\n    print("finally")\ndef f():\n    try:\n        return 1\n    finally:\n        print("cleanup")\nprint(f())',
    'classes': 'class A:\n    x = 1\n    def __init__(self, v):\n        self.v = v\n    def __repr__(self):\n        return f"A({self.v})"\n    def __eq__(self, o):\n        return isinstance(o, A) and o.v == self.v\n    @property\n    def double(self):\n        return self.v * 2\n    @classmethod\n    def make(cls):\n        return cls(9)\nclass B(A):\n    def __init__(self, v):\n        super().__init__(v + 1)\nprint(A(1), B(1), A(2) == B(1), B.make(), A(4).double, B.__mro__[1].__name__)',
    'dunders': 'class V:\n    def __init__(self, x):\n        self.x = x\n    def __add__(self, o):\n        return V(self.x + o.x)\n    def __len__(self):\n        return self.x\n    def __getitem__(self, i):\n        if i >= self.x:\n            raise IndexError(i)\n        return i * 10\n    def __contains__(self, v):\n        return v == 7\nv = V(2) + V(1)\nprint(v.x, len(v), list(v), 7 in v, 8 in v, bool(V(0)))',
    'with_stmt': 'class CM:\n    def __enter__(self):\n        print("enter")\n        return self\n    def __exit__(self, *exc):\n        print("exit", exc[0].__name__ if exc[0] else None)\n        return True\nwith CM() as c:\n    raise KeyError(1)\nprint("after")',
    'match': 'def f(v):\n    match v:\n        case {"x": x, **rest}:\n            return ("map", x, rest)\n        case [1, *others]:\n            return ("seq", others)\n        case int(n) if n > 5:\n            return ("big", n)\n        case "a" | "b":\n            return "ab"\n        case _:\n            return "other"\nprint([f(x) for x in [{"x": 1, "y": 2}, [1, 2, 3], 9, "b", 2]])',
    'builtins': 'print(sorted([3, 1, 2], reverse=True), max("abc", key=ord), min([4, 2], default=0), list(zip("ab", [1, 2, 3])), list(enumerate("xy", 1)), list(map(abs, [-1, 2])), list(filter(None, [0, 1, 2])), any([]), all([]), round(2.675, 2), abs(-3), isinstance(True, int))',
    'dict_set_ops': 'd = {"a": 1}\nd.update(b=2)\nd.setdefault("c", []).append(1)\nprint(d, d.get("z", 0), list(d.items()), {1, 2} | {3}, {1, 2} & {2}, sorted({3, 1} ^ {1, 5}))',
    'slicing': 's = list(range(10))\nprint(s[::2], s[-3:], s[8:2:-2], "hello"[::-1])\ns[2:5] = ["x"]\ndel s[0]\nprint(s)',
}


def cpython_output(src: str) -> str:
    buf = io.StringIO()
    with contextlib.redirect_stdout(buf):
        exec(compile(src, 'main.py', 'exec'), {'__name__': '__main__'})
    return buf.getvalue()


def monty_output(src: str) -> str:
    out = []
    Monty(src).run(print_callback=lambda stream, text: out.append(text))
    return ''.join(out)


@pytest.mark.parametrize('name', sorted(PROGRAMS))
def test_program_matches_cpython(name):
    src = PROGRAMS[name]
    assert monty_output(src) == cpython_output(src)


ERRORS = [
    ('1 / 0', 'ZeroDivisionError: division by zero'),
    ('[].pop()', 'IndexError: pop from empty list'),
    ('{}["k"]', "KeyError: 'k'"),
    ('int("x")', "ValueError: invalid literal for int() with base 10: 'x'"),
    ('undefined_name', "NameError: name 'undefined_name' is not defined"),
    ('def f(a): pass\nf()', "TypeError: f() missing 1 required positional argument: 'a'"),
    ('def f(a): pass\nf(1, 2)', 'TypeError: f() takes 1 positional argument but 2 were given'),
    ('None.x', "AttributeError: 'NoneType' object has no attribute 'x'"),
    ('"a" + 1', 'TypeError: can only concatenate str (not "int") to str'),
    ('a, b = [1, 2, 3]', 'ValueError: too many values to unpack (expected 2)'),
]


@pytest.mark.parametrize('src, expected', ERRORS)
def test_error_messages_match_cpython(src, expected):
    with pytest.raises(MontyRuntimeError) as info:
        Monty(src).run()
    assert str(info.value) == expected


def test_traceback_frames_and_display():
    src = 'def inner():\n    return 1 / 0\ndef outer():\n    return inner()\nouter()'
    with pytest.raises(MontyRuntimeError) as info:
        Monty(src).run()
    frames = info.value.traceback()
    assert [(f.line, f.function_name) for f in frames] == [(5, '<module>'), (4, 'outer'),
                                                           (2, 'inner')]
    text = info.value.display()
    assert text.startswith('Traceback (most recent call last):\n  File "main.py", line 5')
    assert text.rstrip().endswith('ZeroDivisionError: division by zero')
    assert isinstance(info.value.exception(), ZeroDivisionError)


def test_last_expression_is_returned_and_inputs_are_copied():
    data = [1, 2]
    result = Monty('x.append(3)\nx', inputs=['x']).run(inputs={'x': data})
    assert result == [1, 2, 3] and data == [1, 2]


def test_external_function_called_by_name():
    assert Monty('double(21) + 1').run(external_functions={'double': lambda v: v * 2}) == 43


def test_syntax_errors_are_rejected_before_running():
    with pytest.raises(MontySyntaxError) as info:
        Monty('print("never")\nx = (')
    assert 'never closed' in str(info.value)


def test_recursion_limit_is_a_catchable_recursion_error():
    src = 'def f(n):\n    return f(n + 1)\ntry:\n    f(0)\nexcept RecursionError as e:\n    r = str(e)\nr'
    assert Monty(src).run() == 'maximum recursion depth exceeded'
