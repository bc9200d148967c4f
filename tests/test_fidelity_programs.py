"""Behaviour seen in generated example programs (sorting keys, numeric conversions, ...) that
must print exactly what CPython prints."""
from __future__ import annotations

import pytest

from tests.builtins.modules.oracle import assert_same

SNIPPETS = {
    'numbers_from_bytes_like': '''
        for v in [b'12', bytearray(b' 7 '), b'1e3', bytearray(b'x'), b'\\xff']:
            for conv in (int, float):
                try:
                    print(conv.__name__, repr(conv(v)))
                except (TypeError, ValueError) as e:
                    print(conv.__name__, type(e).__name__, e)
        print(int(bytearray(b'ff'), 16))
    ''',
    'sort_key_computed_in_a_lambda': '''
        import heapq
        print(sorted(range(10), key=lambda x: -abs(x - 4), reverse=True)[:3])
        print(heapq.nlargest(3, range(10), key=lambda x: -abs(x - 4)))
    ''',
    'bound_method_reprs': '''
        class P:
            def g(self): pass
            @classmethod
            def f(cls): pass
        class Q:
            def __repr__(self):
                return 'Q!'
            def m(self): pass
        class Meta(type):
            def __repr__(cls):
                return 'META'
        class W(metaclass=Meta):
            @classmethod
            def k(cls): pass
        print(P.f, repr(P.f) == str(P.f), str(P().g).startswith('<bound method P.g of <__main__.P'))
        print(Q().m, [Q().m], f"{Q().m}", {'k': Q().m}, W.k)
    ''',
    'slice_comparisons': '''
        s = slice(1, 2)
        print(s == slice(1, 2), s != slice(1, 2), slice(1, 2, None) == slice(1, 2), s < slice(1, 3))
        print(slice(1, 2) == (1, 2, None), sorted([slice(3, 1), slice(1, 5), slice(1, 2)]))
        try:
            slice(1, 2) < slice('a', 2)
        except TypeError as e:
            print(e)
    ''',
    'dict_subclass_missing_and_format_map': '''
        class Default(dict):
            def __missing__(self, key):
                return '{' + key + '}'
        d = Default(name='Ann')
        print(d['zz'], d['name'], 'zz' in d, d.get('zz'), len(d))
        print('Hi {name}, from {city}!'.format_map(d), '{x:>6.2f}'.format_map({'x': 3.14159}))
        class Plain(dict):
            pass
        for fmt, mapping in [('{0}', {}), ('{}', {}), ('{gone}', {}), ('{k}', Plain())]:
            try:
                fmt.format_map(mapping)
            except (KeyError, ValueError) as e:
                print(type(e).__name__, e)
        try:
            Plain()['k']
        except KeyError as e:
            print('KeyError', e)
    ''',
    'exception_notes_assigned': '''
        e = RuntimeError('x')
        print(hasattr(e, '__notes__'))
        e.__notes__ = ['manual']
        e.add_note('added')
        print(e.__notes__)
        e.__notes__ = ('t',)
        try:
            e.add_note('x')
        except TypeError as err:
            print(err)
    ''',
}


@pytest.mark.parametrize('name', sorted(SNIPPETS))
def test_matches_cpython(name: str) -> None:
    assert_same(SNIPPETS[name])
