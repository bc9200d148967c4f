"""operator under Monty: functions dispatch through user dunders like CPython's."""
import pytest

from .oracle import assert_same

V = '''
class V:
    def __init__(self, x): self.x = x
    def __add__(self, o): return V(self.x + o.x)
    def __lt__(self, o): return self.x < o.x
    def __eq__(self, o): return isinstance(o, V) and self.x == o.x
    def __neg__(self): return V(-self.x)
    def __getitem__(self, i): return i * 10
    def __index__(self): return self.x
    def __repr__(self): return f"V({self.x})"
    def hello(self, a, b=0): return (self.x, a, b)
'''

CASES = [
    'import operator\n' + V + '''
print(operator.add(1, 2), operator.add(V(1), V(2)), operator.lt(V(1), V(2)), operator.eq(V(1), V(1)))
print(operator.neg(V(3)), operator.getitem(V(0), 4), operator.index(V(7)), operator.not_([]))
print(operator.truth(V(1)), operator.mul("a", 3), operator.truediv(1, 4), operator.floordiv(7, 2))
print(operator.mod(7, 3), operator.pow(2, 10), operator.and_(6, 3), operator.or_(6, 3))
print(operator.xor(6, 3), operator.invert(5), operator.lshift(1, 5), operator.abs(-3))
''',
    '''
import operator
print(operator.contains([1, 2], 2), operator.is_(None, None), operator.countOf([1, 2, 1], 1))
print(operator.indexOf("abc", "c"), operator.concat([1], [2]), operator.ne(1, 2), operator.ge(2, 2))
d = {}; operator.setitem(d, "a", 1); print(d); operator.delitem(d, "a"); print(d)
l = [1]; print(operator.iadd(l, [2]), l)
''',
    'from operator import itemgetter, attrgetter, methodcaller\n' + V + '''
g = itemgetter(1); print(g([5, 6]), itemgetter(0, 2)("abc"), g, itemgetter("a", 1))
a = attrgetter("x"); print(a(V(4)), attrgetter("x", "x")(V(1)), a)
m = methodcaller("hello", 1, b=2); print(m(V(9)), m, type(m), callable(m))
print(sorted([V(3), V(1), V(2)], key=attrgetter("x")), sorted([(1, "b"), (0, "a")], key=itemgetter(1)))
''',
    'import operator\nfrom operator import itemgetter, attrgetter\n' + V + '''
for call in (lambda: operator.add(1, "a"), lambda: attrgetter(1), lambda: operator.concat(1, 2),
             lambda: itemgetter(5)([1]), lambda: operator.neg("a"), lambda: attrgetter("y")(V(1))):
    try:
        call()
    except (TypeError, IndexError, AttributeError) as e:
        print(type(e).__name__, e)
''',
]


@pytest.mark.parametrize('src', CASES)
def test_matches_cpython(src):
    assert_same(src)
