"""functools under Monty prints exactly what it prints under CPython."""
import pytest

from .oracle import assert_same

CASES = {
    'reduce': '''
        from functools import reduce
        print(reduce(lambda a, b: a + b, [1, 2, 3]), reduce(lambda a, b: a * b, [], 1))
        print(reduce(lambda acc, x: acc + [x * 2], range(3), []))
        try:
            reduce(lambda a, b: a, [])
        except TypeError as e:
            print(e)
    ''',
    'partial': '''
        from functools import partial
        def f(a, b, c=3):
            return (a, b, c)
        p = partial(f, 1, c=5)
        print(p(2), p.args, p.keywords, p.func is f, partial(p, 2)(), partial(p, 2).args)
        print(partial(int, base=2)('101'), list(map(partial(pow, 2), range(4))))
    ''',
    'lru_cache': '''
        from functools import lru_cache, cache
        @lru_cache(maxsize=None)
        def fib(n):
            return n if n < 2 else fib(n - 1) + fib(n - 2)
        print(fib(80), fib.cache_info())
        fib.cache_clear(); print(fib.cache_info(), fib.cache_info().misses)
        @lru_cache
        def sq(x):
            print('computing', x)
            return x * x
        print(sq(3), sq(3), sq.cache_info(), sq.__name__)
        @lru_cache(maxsize=2)
        def ident(x):
            return x
        for v in [1, 2, 1, 3, 2]:
            ident(v)
        print(ident.cache_info())
        @cache
        def g(x, y=0):
            return x + y
        print(g(1), g(1), g(1, y=2), g.cache_info().hits)
        class M:
            @lru_cache(maxsize=None)
            def m(self, x):
                return x * 2
        print(M().m(4))
    ''',
    'wraps': '''
        from functools import wraps
        def deco(fn):
            @wraps(fn)
            def inner(*a, **k):
                return fn(*a, **k)
            return inner
        @deco
        def hello():
            "Say hi."
            return 'hi'
        print(hello.__name__, hello.__doc__, hello(), hello.__wrapped__.__name__)
    ''',
    'total_ordering': '''
        from functools import total_ordering
        @total_ordering
        class V:
            def __init__(self, v): self.v = v
            def __eq__(self, o): return self.v == o.v
            def __lt__(self, o): return self.v < o.v
        print(V(1) < V(2), V(1) > V(2), V(2) >= V(2), V(3) <= V(2))
        @total_ordering
        class G:
            def __init__(self, v): self.v = v
            def __eq__(self, o): return self.v == o.v
            def __ge__(self, o): return self.v >= o.v
        print(G(1) < G(2), G(1) > G(2), G(2) <= G(2), [g.v for g in sorted([G(3), G(1)])])
        try:
            @total_ordering
            class W:
                pass
        except ValueError as e:
            print(e)
    ''',
    'cmp_to_key_cached_property_singledispatch': '''
        from functools import cmp_to_key, cached_property, singledispatch
        print(sorted([3, 1, 2], key=cmp_to_key(lambda a, b: b - a)))
        class C:
            def __init__(self): self.n = 0
            @cached_property
            def val(self):
                self.n += 1
                return 42
        c = C(); print(c.val, c.val, c.n)
        @singledispatch
        def show(x): return 'obj'
        @show.register(int)
        def _(x): return 'int'
        @show.register(str)
        def _(x): return 'str'
        print(show(1), show('a'), show(1.5), show(True))
    ''',
    'helper_type_names': '''
        from functools import lru_cache, cmp_to_key
        f = lru_cache()(lambda: 1)
        info = type(f.cache_info())
        print(info.__name__, info.__qualname__)
        key = type(cmp_to_key(lambda a, b: 0)(1))
        print(key.__name__, key.__qualname__, key.__module__)
    ''',
    'singledispatchmethod': '''
        from functools import singledispatchmethod
        class Fmt:
            @singledispatchmethod
            def fmt(self, arg):
                return '?'
            @fmt.register
            def _(self, arg: str):
                return arg.upper()
            @fmt.register(int)
            def _(self, arg):
                return hex(arg)
            @fmt.register(float)
            @staticmethod
            def _(arg):
                return round(arg)
        f = Fmt()
        print(f.fmt('abc'), f.fmt(255), f.fmt(True), f.fmt(2.7), f.fmt(None), Fmt.fmt.__name__)
    ''',
}


@pytest.mark.parametrize('name', sorted(CASES))
def test_matches_cpython(name):
    assert_same(CASES[name])
