"""copy under Monty: shallow/deep copies with hooks, memo and cycles, as in CPython."""
import pytest

from .oracle import assert_same

CASES = [
    '''
    import copy
    a = [1, [2, 3], {"k": [4]}]
    b = copy.copy(a); c = copy.deepcopy(a)
    print(b[1] is a[1], c[1] is a[1], c == a, c[2]["k"] is a[2]["k"])
    t = (1, 2); t2 = (1, [2])
    print(copy.deepcopy(t) is t, copy.copy(t) is t, copy.deepcopy(t2) is t2, copy.deepcopy(t2) == t2)
    print(copy.copy({1, 2}), copy.deepcopy(frozenset({1})), copy.copy(len))
    shared = [0]; pair = [shared, shared]; cp = copy.deepcopy(pair); print(cp[0] is cp[1])
    ''',
    '''
    import copy
    class P:
        def __init__(self, x): self.x = x; print("init")
        def __repr__(self): return f"P({self.x!r})"
    p = P([1]); q = copy.copy(p); r = copy.deepcopy(p)
    print(q, r, q.x is p.x, r.x is p.x, type(r).__name__, copy.deepcopy(P) is P)
    n = P(None); n.x = n; m = copy.deepcopy(n); print(m.x is m)
    cyc = [1]; cyc.append(cyc); d = copy.deepcopy(cyc); print(d[1] is d, d is cyc)
    ''',
    '''
    import copy
    class C:
        def __copy__(self): print("copy hook"); return "copied"
        def __deepcopy__(self, memo): print("deep hook", type(memo).__name__); return "deep"
    print(copy.copy(C()), copy.deepcopy([C()]))
    class S:
        def __init__(self): self.a = 1
        def __getstate__(self): return {"a": self.a * 10}
        def __setstate__(self, st): print("setstate", st); self.a = st["a"]
    print(copy.deepcopy(S()).a)
    ''',
    '''
    import copy
    class L(list):
        pass
    l = L([1, [2]]); l.tag = "t"; l2 = copy.deepcopy(l)
    print(type(l2).__name__, l2, l2.tag, l2[1] is l[1])
    try:
        raise ValueError("x", 1)
    except ValueError as e:
        e2 = copy.copy(e); print(repr(e2), e2 is e)
    import random
    r1 = random.Random(5); r2 = copy.deepcopy(r1); print(r1.random() == r2.random())
    ''',
    '''
    import copy
    x = []
    for i in range(5000):
        x = [x]
    try:
        copy.deepcopy(x)
    except RecursionError:
        print("RecursionError")
    ''',
]


@pytest.mark.parametrize('src', CASES)
def test_matches_cpython(src):
    assert_same(src)
