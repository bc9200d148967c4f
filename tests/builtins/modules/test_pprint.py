"""``pprint``: CPython 3.11's line breaking for nested data, checked on generated shapes."""
from __future__ import annotations

import random

from tests.builtins.modules.oracle import assert_same

WORDS = ['a', 'bb', 'key', 'value', 'lorem ipsum', 'dolor sit amet consectetur', '', 'x y z']


def literal(rng: random.Random, depth: int) -> str:
    """Source text of a random nested value (sets of ints below 8 iterate alike everywhere)."""
    kind = rng.choice(['int', 'str', 'float', 'none', 'bytes'] +
                      (['list', 'tuple', 'dict', 'set', 'one'] * 2 if depth < 4 else []))
    if kind == 'int':
        return str(rng.choice([0, 7, -3, 12345678901234567890, 255]))
    if kind == 'str':
        return repr(rng.choice(WORDS) * rng.choice([1, 1, 3, 9]))
    if kind == 'float':
        return repr(rng.choice([0.5, -1e100, 3.14159]))
    if kind == 'none':
        return rng.choice(['None', 'True'])
    if kind == 'bytes':
        return repr(b'ab\x00c' * rng.randrange(0, 12))
    if kind == 'set':
        items = sorted(rng.sample(range(8), rng.randrange(0, 8)))
        return (rng.choice(['{%s}', 'frozenset({%s})']) % ', '.join(map(str, items))
                if items else 'set()')
    items = [literal(rng, depth + 1) for _ in range(rng.randrange(0, 6))]
    if kind == 'list':
        return '[' + ', '.join(items) + ']'
    if kind == 'tuple':
        return '(' + ', '.join(items) + (',)' if len(items) == 1 else ')')
    if kind == 'one':
        return '(' + literal(rng, depth + 1) + ',)'
    keys = [rng.choice(["'k%d'" % rng.randrange(20), str(rng.randrange(20)), "(1, 'a')"])
            for _ in items]
    return '{' + ', '.join(f'{k}: {v}' for k, v in zip(keys, items)) + '}'


def test_generated_shapes_match_cpython():
    rng = random.Random(1234)
    values = ',\n    '.join(literal(rng, 0) for _ in range(150))
    out = assert_same(f'''
import pprint
values = [
    {values},
]
for i, v in enumerate(values):
    opts = [dict(), dict(width=30), dict(width=20, indent=3), dict(compact=True, width=40),
            dict(sort_dicts=False, width=50), dict(depth=2, width=25)][i % 6]
    print(pprint.pformat(v, **opts))
    print(pprint.isreadable(v), pprint.isrecursive(v))
''')
    assert out.count('\n') > 400


def test_pprint_pp_and_collections():
    assert_same('''
        import pprint, collections, io, sys
        data = {'name': 'widget', 'tags': ['a', 'b', 'c'] * 10,
                'nested': {'x': (1, 2, 3), 'y': [{'k': i} for i in range(8)]},
                'text': 'lorem ipsum dolor sit amet ' * 6, 'b': b'abcdefghij' * 12,
                'one': (1,), 'fs': frozenset(range(30))}
        pprint.pprint(data)
        pprint.pp(data, width=60)
        pprint.pprint(data, stream=sys.stdout, compact=True, indent=2)
        print(pprint.pformat(list(range(100)), compact=True))
        print(pprint.pformat('x' * 100))
        pprint.pprint({'c': collections.Counter('abracadabra' * 3),
                       'd': collections.defaultdict(list, {'a': list(range(30))}),
                       'o': collections.OrderedDict((str(i), i) for i in range(20)),
                       'q': collections.deque(range(40), maxlen=50),
                       'q2': collections.deque(range(40))})
        pprint.pprint({'k': 1234567890, 'l': [10**20] * 5}, underscore_numbers=True, width=30)
        pprint.pprint(bytearray(b'x' * 100))
        pprint.pprint({(1, 'a'): 2, (0, 2): 3, 'x': None, 3: 'three'}, width=10)
        sio = io.StringIO()
        pprint.PrettyPrinter(stream=sio, width=20).pprint(list(range(10)))
        print(repr(sio.getvalue()))
        print(pprint.saferepr({'b': 1, 'a': [2]}))
        for bad in [dict(indent=-1), dict(depth=0), dict(width=0)]:
            try:
                pprint.PrettyPrinter(**bad)
            except ValueError as e:
                print(e)
        ''')


def test_recursive_structures_are_marked():
    out = assert_same('''
        import pprint
        a = [1, 2]
        a.append(a)
        print(pprint.isrecursive(a), pprint.isreadable(a), pprint.saferepr(a).startswith('[1, 2, <Recursion on list with id='))
        d = {}
        d['self'] = d
        print(pprint.pformat(d).startswith("{'self': <Recursion on dict"))
        ''')
    assert out == 'True False True\nTrue\n'
