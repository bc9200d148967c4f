"""collections under Monty prints exactly what it prints under CPython."""
import pytest

from .oracle import assert_same, monty_output

CASES = {
    'namedtuple_basics': '''
        from collections import namedtuple
        P = namedtuple('P', 'x y')
        p = P(1, y=2)
        print(p, p.x, p[1], len(p), p == (1, 2), P._fields, p._asdict(), p._replace(x=5))
        print(P, type(p).__name__, isinstance(p, tuple), P._make([3, 4]))
        x, y = p
        print(x, y, hash(p) == hash((1, 2)), P.__match_args__)
    ''',
    'namedtuple_errors': '''
        from collections import namedtuple
        P = namedtuple('P', ['x', 'y'])
        for args, kw in [((1,), {}), ((1, 2, 3), {}), ((1, 2), {'z': 3}), ((1,), {'x': 1})]:
            try:
                P(*args, **kw)
            except TypeError as e:
                print(e)
        for spec in ['a a', 'a _b', 'a def', 'a 1b']:
            try:
                namedtuple('R', spec)
            except ValueError as e:
                print(e)
        print(namedtuple('R', 'a _b def a', rename=True)._fields)
    ''',
    'namedtuple_defaults_and_subclass': '''
        from collections import namedtuple
        Q = namedtuple('Q', 'a b c', defaults=[0, 1])
        print(Q(5), Q(5, 6, 7), Q._field_defaults)
        class V(namedtuple('V', 'x y')):
            def norm(self):
                return self.x ** 2 + self.y ** 2
        print(V(3, 4).norm(), V(3, 4), sorted([V(2, 1), V(1, 2)]))
    ''',
    'deque': '''
        from collections import deque
        d = deque([1, 2, 3])
        d.append(4); d.appendleft(0)
        print(d, d.pop(), d.popleft(), len(d), d[0], d[-1], list(d), 2 in d)
        d.rotate(1); print(d); d.rotate(-2); print(d)
        d.extendleft('ab'); print(d, d.count('a'), d.index(2))
        print(deque(range(10), maxlen=3), deque('abc') == deque('abc'), deque())
        d2 = deque(maxlen=2)
        for i in range(5):
            d2.append(i)
        print(d2, d2.maxlen, list(reversed(d2)), deque([1]) + deque([2]))
        for fn in (deque().pop, deque().popleft, lambda: deque([1])[5]):
            try:
                fn()
            except IndexError as e:
                print(e)
    ''',
    'counter': '''
        from collections import Counter
        c = Counter('abracadabra')
        print(c, c['a'], c['z'], c.most_common(2), c.total())
        c.update('aaz'); c.subtract({'b': 5}); print(c)
        print(Counter(a=3, b=1) + Counter(a=1, b=2), Counter(a=3) - Counter(a=5))
        print(Counter(a=3, b=1) | Counter(a=1, b=2), Counter(a=3, b=1) & Counter(a=1, b=2))
        print(Counter(), sorted(Counter('aab').elements()), +Counter(a=-1, b=2), -Counter(a=-1))
        print(Counter(a=1) == Counter(a=1, b=0), Counter(a=1) <= Counter(a=2), type(c).__name__)
        words = Counter()
        for w in 'the cat and the hat'.split():
            words[w] += 1
        print(words, dict(words))
    ''',
    'defaultdict': '''
        from collections import defaultdict
        dd = defaultdict(list)
        dd['a'].append(1); dd['b'].append(2); dd['a'].append(3)
        print(dd, dict(dd), 'c' in dd, len(dd), dd.get('zz'), dd.default_factory)
        di = defaultdict(int)
        for w in 'the cat the dog'.split():
            di[w] += 1
        print(di, defaultdict(None, {'x': 1}))
        try:
            defaultdict(None)['missing']
        except KeyError as e:
            print('KeyError', e)
        try:
            defaultdict(5)
        except TypeError as e:
            print(e)
        nested = defaultdict(lambda: defaultdict(int))
        nested['a']['b'] += 2
        print(dict(nested['a']), isinstance(dd, dict))
    ''',
    'ordereddict': '''
        from collections import OrderedDict
        od = OrderedDict([('a', 1), ('b', 2), ('c', 3)])
        od.move_to_end('a'); print(od); od.move_to_end('c', last=False); print(od)
        print(od.popitem(), od.popitem(last=False), od, OrderedDict())
        print(OrderedDict(a=1, b=2) == OrderedDict(b=2, a=1), OrderedDict(a=1, b=2) == dict(b=2, a=1))
        print(OrderedDict.fromkeys('xy', 0), list(reversed(OrderedDict(a=1, b=2))))
    ''',
    'chainmap': '''
        from collections import ChainMap
        cm = ChainMap({'a': 1}, {'a': 2, 'b': 3})
        print(cm, cm['a'], cm['b'], len(cm), list(cm), sorted(cm.items()), cm.get('q', 0))
        child = cm.new_child(); child['z'] = 9
        print(child, child.parents, 'b' in child)
        try:
            del cm['b']
        except KeyError as e:
            print(e)
    ''',
    'chainmap_union': '''
        from collections import ChainMap
        c = ChainMap({'a': 1}, {'b': 2, 'a': 0})
        print(c | {'z': 9}, c, {'a': 5, 'q': 1} | c)
        c |= {'w': 3}
        c |= [('k', 1)]
        print(c)
        for bad in (lambda: c | 3, lambda: 3 | c):
            try:
                bad()
            except TypeError as e:
                print(e)
    ''',
}


@pytest.mark.parametrize('name', sorted(CASES))
def test_matches_cpython(name):
    assert_same(CASES[name])


def test_counter_repr_orders_by_count():
    assert monty_output("import collections\nprint(collections.Counter('abbccc'))\n") == \
        "Counter({'c': 3, 'b': 2, 'a': 1})\n"


def test_module_is_cached_per_run():
    out = monty_output('import collections\nimport collections as c2\nprint(collections is c2)\n')
    assert out == 'True\n'
