"""``collections.abc`` classifies builtin and user types as CPython does and gives mixins."""
from __future__ import annotations

from .oracle import assert_same

ABC_NAMES = ('Iterable, Iterator, Generator, Reversible, Container, Hashable, Sized, Callable, '
             'Collection, Sequence, MutableSequence, Set, MutableSet, Mapping, MutableMapping, '
             'MappingView, KeysView, ItemsView, ValuesView, Awaitable, Coroutine, '
             'AsyncIterable, AsyncIterator')


def test_builtin_types_are_classified_like_cpython():
    assert_same(f'''
        import collections.abc
        from collections.abc import {ABC_NAMES}
        abcs = [{ABC_NAMES}]
        def gen():
            yield 1
        async def coro():
            pass
        c = coro()
        c.close()
        d = {{}}
        samples = [[], {{}}, '', (), set(), frozenset(), 1, 2.5, True, None, b'', bytearray(),
                   range(3), gen(), len, gen, lambda: 0, iter([]), d.keys(), d.items(),
                   d.values(), zip(), map(len, []), reversed([]), c, int, slice(1)]
        for value in samples:
            print(type(value).__name__, [a.__name__ for a in abcs if isinstance(value, a)])
        print(issubclass(list, collections.abc.MutableSequence), collections.abc.Mapping)
    ''')


def test_user_classes_match_structurally_only_for_one_method_abcs():
    assert_same('''
        from collections.abc import (Iterable, Iterator, Sized, Container, Hashable, Callable,
                                     Reversible, Collection, Sequence, Mapping)
        class It:
            def __iter__(self): return self
            def __next__(self): raise StopIteration
        class Bag:
            def __len__(self): return 0
            def __iter__(self): return iter(())
            def __contains__(self, x): return False
            def __getitem__(self, i): raise IndexError
        class Eq:
            def __eq__(self, other): return True
        class Fn:
            def __call__(self): return 1
        class NoIter(It):
            __iter__ = None
        for obj in (It(), Bag(), Eq(), Fn(), NoIter()):
            print([a.__name__ for a in (Iterable, Iterator, Sized, Container, Hashable, Callable,
                                        Reversible, Collection, Sequence, Mapping)
                   if isinstance(obj, a)])
        Sequence.register(Bag)
        print(isinstance(Bag(), Sequence), issubclass(Bag, Reversible), Sequence.register(It))
        try:
            Sequence.register(3)
        except TypeError as e:
            print(e)
        try:
            isinstance(1, 2) if False else issubclass(3, Iterable)
        except TypeError as e:
            print(e)
    ''')


def test_mapping_subclass_gets_views_get_contains_and_eq():
    assert_same('''
        from collections.abc import Mapping, MutableMapping, KeysView
        class Frozen(Mapping):
            def __init__(self, data): self._data = dict(data)
            def __getitem__(self, key): return self._data[key]
            def __iter__(self): return iter(self._data)
            def __len__(self): return len(self._data)
        f = Frozen({'a': 1, 'b': 2})
        print(list(f.keys()), list(f.items()), list(f.values()), f.get('a'), f.get('z', 0))
        print('a' in f, 'z' in f, f == {'b': 2, 'a': 1}, f != {'a': 1}, dict(f))
        print(f.keys() & {'a', 'q'}, f.keys() | {'c'} == {'a', 'b', 'c'}, ('a', 1) in f.items())
        print(2 in f.values(), repr(f.keys())[:9], isinstance(f.keys(), KeysView), len(f.items()))
        class Store(MutableMapping):
            def __init__(self): self._d = {}
            def __getitem__(self, k): return self._d[k]
            def __setitem__(self, k, v): self._d[k] = v
            def __delitem__(self, k): del self._d[k]
            def __iter__(self): return iter(self._d)
            def __len__(self): return len(self._d)
        s = Store()
        s.update({'x': 1}, y=2)
        s.update([('z', 3)])
        print(s.setdefault('x', 9), s.setdefault('w', 4), s.pop('y'), s.pop('nope', None))
        print(s.popitem(), dict(s), isinstance(s, MutableMapping), isinstance(f, MutableMapping))
        s.clear()
        print(len(s))
        try:
            s.pop('gone')
        except KeyError as e:
            print('KeyError', e)
        class Half(Mapping):
            def __getitem__(self, key): return 1
        try:
            Half()
        except TypeError as e:
            print(e)
    ''')


def test_sequence_and_set_mixins():
    assert_same('''
        from collections.abc import Sequence, MutableSequence, Set, MutableSet
        class Squares(Sequence):
            def __init__(self, n): self.n = n
            def __len__(self): return self.n
            def __getitem__(self, i):
                if not 0 <= i < self.n: raise IndexError(i)
                return i * i
        sq = Squares(5)
        print(list(sq), list(reversed(sq)), 9 in sq, sq.index(4), sq.count(16), sq.index(9, 1))
        try:
            sq.index(7)
        except ValueError as e:
            print('ValueError', e)
        class Vec(MutableSequence):
            def __init__(self): self.items = []
            def __len__(self): return len(self.items)
            def __getitem__(self, i): return self.items[i]
            def __setitem__(self, i, v): self.items[i] = v
            def __delitem__(self, i): del self.items[i]
            def insert(self, i, v): self.items.insert(i, v)
        v = Vec()
        v.append(1); v.extend([2, 3, 2]); v += [5]
        v.remove(2); v.reverse()
        print(v.items, v.pop(), v.pop(0), v.items)
        class OrdSet(MutableSet):
            def __init__(self, it=()):
                self.items = []
                for x in it: self.add(x)
            def __contains__(self, x): return x in self.items
            def __iter__(self): return iter(self.items)
            def __len__(self): return len(self.items)
            def add(self, x):
                if x not in self.items: self.items.append(x)
            def discard(self, x):
                if x in self.items: self.items.remove(x)
        a, b = OrdSet([3, 1, 2]), OrdSet([2, 4])
        print((a | b).items, (a & b).items, (a - b).items, (a ^ b).items, a <= OrdSet([1, 2, 3, 9]))
        print(a == {1, 2, 3}, a < {1, 2, 3}, a.isdisjoint([7]), a._hash() == frozenset(a).__hash__())
        a |= [8]; a -= [3]; a ^= [1, 6]
        print(a.items, a.pop(), a.items)
        a.remove(8)
        try:
            a.remove(99)
        except KeyError as e:
            print('KeyError', e)
    ''')
