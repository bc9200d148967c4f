"""``cmath`` gives CPython's results, special values and errors."""
from .oracle import assert_same


def test_cmath_functions_and_constants():
    assert_same('''
        import cmath
        print(cmath.sqrt(-1), cmath.phase(-1), cmath.polar(1j), cmath.rect(2, cmath.pi / 2))
        print(cmath.exp(1j * cmath.pi), cmath.log(-1), cmath.log10(100), cmath.log(8, 2))
        print(cmath.isclose(1 + 1j, 1 + 1.0000000001j), cmath.isinf(cmath.infj), cmath.isnan(cmath.nanj))
        print(cmath.sin(1 + 2j), cmath.acosh(2), cmath.tau, cmath.e)
        for bad in ("cmath.log(0)", "cmath.sqrt('x')", "cmath.phase()"):
            try:
                eval(bad)
            except (ValueError, TypeError) as e:
                print(type(e).__name__, e)
    ''')
