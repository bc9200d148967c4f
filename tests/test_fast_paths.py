"""The interpreter's fast paths (fused instructions, inline calls, generator switches) keep
CPython's exact results, errors and tracebacks, and resource limits still apply to them."""
import traceback

import pytest

from monty import Monty, MontyRuntimeError, ResourceLimits


def cpython_error(src: str) -> tuple:
    """CPython's error for ``src`` run as main.py: message and (line, columns) of each frame."""
    try:
        exec(compile(src, 'main.py', 'exec'), {'__name__': '__main__'})
    except Exception as e:  # noqa: BLE001 - the error is the expected result
        frames = traceback.extract_tb(e.__traceback__.tb_next)
        where = [(fs.lineno, fs.colno + 1, fs.end_lineno, fs.end_colno + 1) for fs in frames]
        return f'{type(e).__name__}: {e}', where
    raise AssertionError('expected an error')


def monty_error(src: str) -> tuple:
    with pytest.raises(MontyRuntimeError) as info:
        Monty(src).run()
    err = info.value
    where = [(fr.line, fr.column, fr.end_line, fr.end_column) for fr in err.traceback()]
    return f'{err.type_name}: {err.message}', where


# Each program fails inside a sequence the interpreter fuses, at an instruction after the first.
FAILING = {
    'local_plus_const': 'def f(a):\n    b = a + 1\n    return b\nf("x")',
    'local_times_local': 'def f(a, b):\n    return a * b\nf([1], 2.5)',
    'division_by_zero_local': 'def f(a, b):\n    c = a // b\n    return c\nf(7, 0)',
    'compare_and_branch': 'def f(a):\n    if a < 3:\n        return 1\n    return 2\nf("s")',
    'const_compare_on_stack': 'def f(a):\n    while a[0] > 2:\n        return 1\nf([None])',
    'subscript_const': 'def f(a):\n    return a[5]\nf([1, 2])',
    'subscript_local_dict': 'def f(d, k):\n    return d[k]\nf({"a": 1}, "b")',
    'augmented_subscript': 'def f(v):\n    v[3] += 1.5\nf([0.0])',
    'augmented_subscript_type': 'def f(v):\n    v[0] -= "s"\nf([0.0])',
    'unpack_wrong_length': 'def f(p):\n    x, y = p\n    return x\nf((1, 2, 3))',
    'unbound_local_pair': 'def f():\n    a = 1\n    if 0:\n        b = 2\n    return a + b\nf()',
    'store_then_load_unbound': 'def f():\n    if 0:\n        y = 1\n    x = 2\n    return y\nf()',
    'inplace_on_local': 'def f():\n    i = "a"\n    i += 1\nf()',
    'builtin_call_with_local': 'def f(x):\n    return len(x)\nf(5)',
    'global_call_unbound_argument': 'def f():\n    if 0:\n        x = 1\n    return abs(x)\nf()',
    'global_call_undefined_callee': 'def f(x):\n    return nope(x, 1)\nf(2)',
    'global_call_argument_expression': 'def g(n):\n    return n\ndef f(n):\n    return g(n - 1)\nf("s")',
    'global_call_error_in_callee': 'def g(a, b):\n    return a[b]\ndef f(a):\n    return g(a, 3)\nf([1])',
    'global_call_wrong_arity': 'def g(a):\n    return a\ndef f(a):\n    return g(a, 1)\nf(1)',
    'global_call_deref_argument': 'def f():\n    def h():\n        return int(v)\n    r = h()\n    v = 1\n    return r\nf()',
    'attribute_of_local_missing': 'class A:\n    pass\ndef f(a):\n    return a.missing\nf(A())',
    'method_of_local_missing': 'class A:\n    pass\ndef f(a):\n    return a.missing()\nf(A())',
    'store_attribute_on_slots': 'class A:\n    __slots__ = ()\ndef f(a):\n    a.x = 1\nf(A())',
    'augmented_attribute_type': 'class A:\n    x = "s"\ndef f(a):\n    a.x += 1\nf(A())',
    'super_method_missing': 'class A:\n    pass\nclass B(A):\n    def m(self):\n        return super().m()\nB().m()',
    'yield_unbound_local': 'def g():\n    if 0:\n        x = 1\n    yield x\nlist(g())',
    'return_of_sum_type': 'def f(a, b):\n    return a + b\nf(1, "x")',
    'return_of_floordiv_zero': 'def f(a, b):\n    return a // b\nf(1, 0)',
    'local_times_int_const': 'def f(a):\n    b = a * 3\n    return b\nf(None)',
    'stack_times_int_const': 'def f(a):\n    return (a) * 3 + 1\nf({})',
    'append_on_tuple': 'def f(t, v):\n    t.append(v)\nf((1,), 2)',
    'append_unbound_argument': 'def f(t):\n    if 0:\n        v = 1\n    t.append(v)\nf([])',
    'len_of_int_local': 'def f(x):\n    n = len(x)\n    return n\nf(3)',
    'abs_of_str_local': 'def f(x):\n    return abs(x) + 1\nf("s")',
    'tuple_of_int_local': 'def f(x):\n    t = tuple(x)\n    return t\nf(7)',
    'compare_then_yield': 'def g(xs):\n    for x in xs:\n        yield x > 1\nlist(g([3, "a"]))',
    'sum_then_yield': 'def g(a):\n    yield a + 1\nlist(g(None))',
    'const_slice_of_int': 'def f(x):\n    return x[1:]\nf(5)',
    'const_slice_of_dict': 'def f(x):\n    y = x[:2]\n    return y\nf({})',
    'yield_from_non_iterable': 'def g(x):\n    yield from x\nlist(g(3))',
    'inner_generator_raises_through_chain': (
        'def a():\n    yield 1\n    raise KeyError("k")\n'
        'def b():\n    yield from a()\ndef c():\n    yield from b()\nlist(c())'),
}


@pytest.mark.parametrize('name', sorted(FAILING))
def test_errors_inside_fused_sequences_match_cpython(name):
    src = FAILING[name]
    assert monty_error(src) == cpython_error(src)


def run(src: str, **kw):
    return Monty(src).run(**kw)


def stopped_by(src: str, **limits) -> str:
    """The type name of the error that ends ``src`` run under these resource limits."""
    with pytest.raises(MontyRuntimeError) as info:
        run(src, limits=ResourceLimits(**limits))
    return info.value.type_name


def test_fused_arithmetic_matches_host_results():
    src = ('def f(n):\n    t = 0\n    acc = 0.0\n    s = ""\n    i = 0\n'
           '    while i < n:\n        t += (i * i) % 7 - (i // 3)\n        acc += i * 0.5\n'
           '        acc -= i / 4\n        s = s + "ab"[i % 2]\n        if i & 1:\n'
           '            t ^= i\n        i += 1\n    return t, acc, s[-5:], 2 ** 70 * i, -7 // 2, 7.5 % -2\n'
           'f(200)')
    ns = {}
    exec(src.replace('f(200)', 'r = f(200)'), ns)
    assert run(src) == ns['r']


def test_bools_and_mixed_numbers_take_the_general_path():
    src = 'def f(a, b):\n    return a + b, a < b, a * b, a - 1, b // 2\n[f(True, 2), f(1, 2.5), f(2.5, True)]'
    assert run(src) == [(3, True, 2, 0, 1), (3.5, True, 2.5, 0, 1.0), (3.5, False, 2.5, 1.5, 0)]


def test_recursion_limit_applies_to_fast_calls():
    src = 'def f(n):\n    return f(n + 1)\nf(0)'
    assert stopped_by(src, max_recursion_depth=50) == 'RecursionError'


def test_fast_method_calls_and_closures():
    src = ('def outer(k):\n    def inner(x):\n        return x + k\n    return inner\n'
           'class P:\n    def __init__(self, v):\n        self.v = v\n    def add(self, w):\n'
           '        return self.v + w\n'
           'add3 = outer(3)\n[add3(4), P(5).add(6), P.add(P(1), 2)]')
    assert run(src) == [7, 11, 3]


def test_attribute_rebinding_respects_setattr_and_properties():
    src = ('log = []\nclass A:\n    def __init__(self):\n        self.x = 1\n'
           'class B(A):\n    def __setattr__(self, k, v):\n        log.append(k)\n'
           '        object.__setattr__(self, k, v)\n'
           'class C(A):\n    @property\n    def y(self):\n        return 9\n'
           'a, b = A(), B()\na.x = 2\nb.x = 3\nb.x = 4\nc = C()\nc.x = 5\n'
           'try:\n    c.y = 1\nexcept AttributeError as e:\n    log.append(str(e))\n'
           '[a.x, b.x, c.x, c.y, log]')
    ns = {}
    exec(src.replace('\n[a.x', '\nr = [a.x'), ns)
    assert run(src) == ns['r']


def test_generators_resumed_by_loops_and_builtins():
    src = ('def nums(n):\n    i = 0\n    while i < n:\n        got = yield i\n        i += 1\n'
           'def evens(src):\n    for x in src:\n        if x % 2 == 0:\n            yield x\n'
           'def both(n):\n    yield from nums(n)\n    yield from (x * 3 for x in range(n))\n'
           'g = nums(3)\nfirst = [next(g), g.send("v"), next(g)]\n'
           '[list(evens(nums(9))), sum(both(4)), first, list(zip(nums(2), nums(5)))]')
    assert run(src) == [[0, 2, 4, 6, 8], 24, [0, 1, 2], [(0, 0), (1, 1)]]


def test_time_limit_stops_a_fused_loop():
    src = 'i = 0\nwhile i >= 0:\n    i += 1'
    assert stopped_by(src, max_duration_secs=0.05) == 'TimeoutError'


def test_memory_limit_sees_fused_int_multiplication():
    src = 'def f():\n    x = 3\n    y = 7\n    while True:\n        x = x * x\nf()'
    assert stopped_by(src, max_memory=10_000) == 'MemoryError'


def test_external_call_inside_nested_arguments_pauses_as_a_call():
    progress = Monty('items = [1, 2]\nreply = checkpoint(len(items))\nreply + 1').start()
    assert progress.function_name == 'checkpoint' and progress.args == (2,)
    assert progress.resume(return_value=5).output == 6


def test_fused_global_calls_and_attribute_access_match_cpython():
    src = """
class Base:
    k = 10
    def __init__(self, v):
        self.v = v
    def get(self):
        return self.v + self.k
    @property
    def double(self):
        return self.v * 2
class Child(Base):
    def get(self):
        return super().get() + 1
def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)
def gen(n):
    i = 0
    while i < n:
        yield i
        i += 1
def run():
    c = Child(3)
    out = [c.get(), c.double, c.k, fib(15), len([1, 2]), abs(-2), max(3, 4), sum(gen(10))]
    c.v += 5
    c.k = 1
    out.append((c.get(), c.double, Base.k, c.__dict__))
    return out
result = run()
"""
    ns = {}
    exec(src, ns)
    assert run(src + '\nresult') == ns['result']


def test_frames_reused_after_returns_keep_their_state_apart():
    src = """
def find(xs, k):
    for i, x in enumerate(xs):
        if x == k:
            return i
    return -1
def guarded(v):
    try:
        return 10 // v
    except ZeroDivisionError:
        return 'div'
    finally:
        pass
def handled(v):
    try:
        raise ValueError(v)
    except ValueError as e:
        return str(e)
def deep(n):
    if n == 0:
        raise KeyError('bottom')
    return deep(n - 1)
def after_error():
    try:
        deep(20)
    except KeyError as e:
        return repr(e)
def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)
def closure(k):
    def add(x):
        return x + k
    return add
out = [find([5, 6, 7], 7), find([], 1), guarded(0), guarded(5), handled('h'), after_error(),
       [fib(i) for i in range(12)], closure(2)(3), find([1, 2], 2)]
"""
    ns = {}
    exec(src, ns)
    assert run(src + '\nout') == ns['out']


YIELD_FROM_CHAINS = """
def inner(n):
    for i in range(n):
        got = yield i
        if got is not None:
            trace.append(('inner got', got))
    return 'inner-done'
def middle(n):
    r = yield from inner(n)
    trace.append(('middle saw', r))
    r2 = yield from inner(2)
    return r + '/' + r2
def outer(n):
    try:
        r = yield from middle(n)
        trace.append(('outer saw', r))
    except ValueError as e:
        trace.append(('outer caught', str(e)))
        yield 'after-catch'
def wrap():
    def bad():
        yield 1
        raise KeyError('k')
    try:
        yield from bad()
    except KeyError as e:
        yield repr(e)
def deep(k):
    if k == 0:
        yield 'leaf'
        return 0
    r = yield from deep(k - 1)
    yield k
    return r + k
def closing():
    try:
        yield from inner(5)
    finally:
        trace.append('cleanup')
trace = []
g = outer(3)
stepped = [next(g), g.send('a'), g.send('b'), next(g), g.throw(ValueError('boom'))]
c = closing()
next(c)
c.close()
out = [list(outer(3)), stepped, list(wrap()), list(deep(6)), sorted(map(str, outer(2))),
       dict.fromkeys(middle(2)), list(zip(outer(3), deep(3))), sum(x for x in middle(4)), trace]
"""


def test_yield_from_chains_match_cpython():
    ns = {}
    exec(YIELD_FROM_CHAINS, ns)
    assert run(YIELD_FROM_CHAINS + '\nout') == ns['out']


def test_external_call_inside_a_yield_from_chain_pauses_and_snapshots():
    from monty import FunctionSnapshot, load_snapshot
    src = ('def leaf(n):\n    for i in range(n):\n        yield ext(i) * 10\n'
           'def mid(n):\n    yield from leaf(n)\n    yield -1\n'
           'def top(n):\n    r = yield from mid(n)\n    yield r\n'
           '[x for x in top(3)]')
    p = Monty(src, external_functions=['ext']).start()
    seen = []
    while isinstance(p, FunctionSnapshot):
        seen.append(p.args[0])
        p = load_snapshot(p.dump()).resume(return_value=p.args[0] + 1)
    assert seen == [0, 1, 2] and p.output == [10, 20, 30, -1, None]


def test_time_limit_stops_an_endless_yield_from():
    src = ('def g():\n    while True:\n        yield 1\n'
           'def h():\n    yield from g()\nfor x in h():\n    pass')
    assert stopped_by(src, max_duration_secs=0.05) == 'TimeoutError'


def test_memory_limit_sees_int_times_constant():
    src = 'def f():\n    x = 3\n    while True:\n        x = x * 1000000\nf()'
    assert stopped_by(src, max_memory=10_000) == 'MemoryError'


def test_fused_len_append_and_slices_follow_rebinding():
    src = """
def work(xs):
    xs.append(4)
    xs.append('c')
    return len(xs), xs[1:], xs[:-1], xs[::1] if False else xs[1:3], len('abc'), len({1: 2})
class L(list):
    def append(self, v):
        list.append(self, v * 2)
    def __len__(self):
        return 99
first = work([1, 2])
second = work(L([1, 2]))
def len(x):
    return -1
third = work([0])
[first, second, third]
"""
    ns = {}
    exec(src.replace('\n[first', '\nr = [first'), ns)
    assert run(src) == ns['r']


def test_pure_builtin_of_a_computed_argument_uses_the_computed_value():
    src = """
def f(x):
    return abs(x - 4), -abs(x * 3), len(x * 'ab' if False else 'abc'), abs(x), list((x, x + 1))
[f(1), f(-2), f(7)]
"""
    ns = {}
    exec(src.replace('\n[f(1)', '\nr = [f(1)'), ns)
    assert run(src) == ns['r']
