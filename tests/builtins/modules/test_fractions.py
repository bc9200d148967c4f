"""``fractions.Fraction`` builds, normalises, computes, hashes and prints as CPython's."""
from __future__ import annotations

from .oracle import assert_same


def test_construction_and_normalisation():
    assert_same('''
        from fractions import Fraction as F
        for args in [(3, 4), (6, -8), (-6, -8), (0, 5), (7,), ('3/4',), ('1.5',), (' -2 ',),
                     ('1.5e-2',), ('1_000/3',), ('+.5',), ('5.',), ('1E2',), (0.1,), (-2.5,),
                     (F(1, 3),), (F(1, 2), F(3, 4)), (True,), ()]:
            f = F(*args)
            print(args, repr(f), str(f), f.numerator, f.denominator, f.as_integer_ratio())
        for args in [(1, 0), ('1/0',), ('x',), (' 3/-4',), ('3 /4',), (1.5, 2), (float('nan'),),
                     (float('inf'),), ([],), (1, 'a')]:
            try:
                F(*args)
            except Exception as e:
                print(args, type(e).__name__, e)
        print(F.from_float(0.25), F.from_float(3))
        try:
            F.from_float('a')
        except TypeError as e:
            print(e)
    ''')


def test_arithmetic_mixes_exactly_with_ints_and_falls_back_to_float():
    assert_same('''
        from fractions import Fraction as F
        a, b = F(7, 3), F(-1, 2)
        for x, y in [(a, b), (a, 2), (3, a), (a, 0.5), (1.5, b)]:
            print(repr(x + y), repr(x - y), repr(x * y), repr(x / y), repr(x // y), repr(x % y),
                  repr(divmod(x, y)))
        print(a + 1j, 2j * b, a - 1j, 1j / a, F(1, 2) ** 1j)
        print(repr(F(2, 3) ** -2), repr(F(-2, 3) ** -3), F(4) ** 0.5, 2 ** F(2), 2.0 ** F(1, 2),
              F(2) ** F(1, 2), repr(F(2, 3) ** 3), repr(-a), repr(+a), repr(abs(b)))
        for expr in ['F(1, 2) / 0', 'F(3, 2) / F(0)', 'F(0) ** -1', '1 / F(0)', 'F(1, 2) // 0',
                     'F(1, 2) % 0', 'divmod(F(1, 2), 0)', 'F(-3, 2) / 0']:
            try:
                eval(expr)
            except ZeroDivisionError as e:
                print(expr, e)
    ''')


def test_comparisons_hash_rounding_and_conversions():
    assert_same('''
        import math
        from fractions import Fraction as F
        print(F(3, 4) < 0.8, F(3, 4) == 0.75, F(2) == 2, F(1, 2) == F(2, 4), F(1, 3) > 0,
              F(1, 3) <= F(1, 3), F(1) != 1.5, F(1) < float('inf'), F(0) == float('nan'),
              F(1, 2) == 0.5 + 0j, sorted([F(1, 2), 0.25, 1, F(-1, 3)]))
        for f in [F(3, 4), F(1, 3), F(-1, 3), F(5), F(-1), F(10 ** 30, 7), F(1, 2 ** 61 - 1)]:
            print(hash(f), hash(f) == hash(float(f)) if f.denominator & (f.denominator - 1) == 0
                  else '', math.floor(f), math.ceil(f), math.trunc(f), round(f), int(f),
                  float(f), bool(f))
        print(hash(F(2)) == hash(2), hash(F(1, 4)) == hash(0.25), {F(1, 2): 'x'}[0.5])
        print(round(F(5, 2)), round(F(7, 2)), repr(round(F(7, 3), 2)), repr(round(F(1234), -2)))
        print(repr(F(3.14159).limit_denominator(100)), repr(F(1, 3).limit_denominator()),
              repr(F(math.pi).limit_denominator(1000)))
        try:
            F(1, 3).limit_denominator(0)
        except ValueError as e:
            print(e)
        print(f'{F(1, 3)}', [str(F(-4, 6))])
    ''')
