"""``fractions``: ``Fraction``, exact rationals mixing with ints (exactly) and floats
(falling back to float), hashing equal to the equal int or float as CPython does."""
from __future__ import annotations

SOURCE = r'''
import math
import re as _re

__all__ = ['Fraction']

_HASH_MODULUS = 2305843009213693951
_HASH_INF = 314159

_LITERAL = _re.compile(r"""
    \A\s*
    (?P<sign>[-+]?)
    (?=\d|\.\d)
    (?P<num>\d*|\d+(_\d+)*)
    (?:
        (?:/(?P<denom>\d+(_\d+)*))?
      |
        (?:\.(?P<decimal>\d*|\d+(_\d+)*))?
        (?:E(?P<exp>[-+]?\d+(_\d+)*))?
    )
    \s*\Z
""", _re.VERBOSE | _re.IGNORECASE)


def _parse(text):
    """(numerator, denominator) of a Fraction literal such as '3/4', '-1.5e3' or ' 7 '."""
    m = _LITERAL.match(text)
    if m is None:
        raise ValueError('Invalid literal for Fraction: %r' % text)
    numerator = int(m.group('num') or '0')
    denom = m.group('denom')
    if denom:
        denominator = int(denom)
    else:
        denominator = 1
        decimal = m.group('decimal')
        if decimal:
            decimal = decimal.replace('_', '')
            scale = 10 ** len(decimal)
            numerator = numerator * scale + int(decimal)
            denominator *= scale
        exp = m.group('exp')
        if exp:
            exp = int(exp)
            if exp >= 0:
                numerator *= 10 ** exp
            else:
                denominator *= 10 ** -exp
    if m.group('sign') == '-':
        numerator = -numerator
    return numerator, denominator


def _from_single(value):
    """(numerator, denominator) of a one-argument Fraction(value)."""
    if isinstance(value, int):
        return int(value), 1
    if isinstance(value, Fraction):
        return value._numerator, value._denominator
    if isinstance(value, float):
        return value.as_integer_ratio()
    if isinstance(value, str):
        return _parse(value)
    raise TypeError('argument should be a string or a Rational instance')


class Fraction:
    """The rational number numerator/denominator, always kept in lowest terms."""

    def __new__(cls, numerator=0, denominator=None, *, _normalize=True):
        self = super().__new__(cls)
        if denominator is None:
            if type(numerator) is int:
                self._numerator = numerator
                self._denominator = 1
                return self
            numerator, denominator = _from_single(numerator)
        elif type(numerator) is int is type(denominator):
            pass
        elif isinstance(numerator, (int, Fraction)) and isinstance(denominator, (int, Fraction)):
            numerator, denominator = (
                numerator.numerator * denominator.denominator,
                denominator.numerator * numerator.denominator)
        else:
            raise TypeError('both arguments should be Rational instances')
        if denominator == 0:
            raise ZeroDivisionError('Fraction(%s, 0)' % numerator)
        if _normalize:
            g = math.gcd(numerator, denominator)
            if denominator < 0:
                g = -g
            numerator //= g
            denominator //= g
        self._numerator = numerator
        self._denominator = denominator
        return self

    @classmethod
    def from_float(cls, f):
        if isinstance(f, int):
            return cls(f)
        if not isinstance(f, float):
            raise TypeError('%s.from_float() only takes floats, not %r (%s)'
                            % (cls.__name__, f, type(f).__name__))
        return cls(*f.as_integer_ratio())

    def as_integer_ratio(self):
        return (self._numerator, self._denominator)

    def limit_denominator(self, max_denominator=1000000):
        """The closest Fraction to self with denominator at most max_denominator."""
        if max_denominator < 1:
            raise ValueError('max_denominator should be at least 1')
        if self._denominator <= max_denominator:
            return Fraction(self)
        p0, q0, p1, q1 = 0, 1, 1, 0
        n, d = self._numerator, self._denominator
        while True:
            a = n // d
            q2 = q0 + a * q1
            if q2 > max_denominator:
                break
            p0, q0, p1, q1 = p1, q1, p0 + a * p1, q2
            n, d = d, n - a * d
        k = (max_denominator - q0) // q1
        if 2 * d * (q0 + k * q1) <= self._denominator:
            return Fraction(p1, q1, _normalize=False)
        return Fraction(p0 + k * p1, q0 + k * q1, _normalize=False)

    @property
    def numerator(a):
        return a._numerator

    @property
    def denominator(a):
        return a._denominator

    def __repr__(self):
        return '%s(%s, %s)' % (type(self).__name__, self._numerator, self._denominator)

    def __str__(self):
        if self._denominator == 1:
            return str(self._numerator)
        return '%s/%s' % (self._numerator, self._denominator)

    def __add__(a, b):
        if isinstance(b, (int, Fraction)):
            return _add(a, b)
        return _mixed(a, b, _ADD)

    def __radd__(b, a):
        if isinstance(a, (int, Fraction)):
            return _add(a, b)
        return _rmixed(a, b, _ADD)

    def __sub__(a, b):
        if isinstance(b, (int, Fraction)):
            return _sub(a, b)
        return _mixed(a, b, _SUB)

    def __rsub__(b, a):
        if isinstance(a, (int, Fraction)):
            return _sub(a, b)
        return _rmixed(a, b, _SUB)

    def __mul__(a, b):
        if isinstance(b, (int, Fraction)):
            return _mul(a, b)
        return _mixed(a, b, _MUL)

    def __rmul__(b, a):
        if isinstance(a, (int, Fraction)):
            return _mul(a, b)
        return _rmixed(a, b, _MUL)

    def __truediv__(a, b):
        if isinstance(b, (int, Fraction)):
            return _div(a, b)
        return _mixed(a, b, _DIV)

    def __rtruediv__(b, a):
        if isinstance(a, (int, Fraction)):
            return _div(a, b)
        return _rmixed(a, b, _DIV)

    def __floordiv__(a, b):
        if isinstance(b, (int, Fraction)):
            return _floordiv(a, b)
        return _mixed(a, b, _FLOORDIV)

    def __rfloordiv__(b, a):
        if isinstance(a, (int, Fraction)):
            return _floordiv(a, b)
        return _rmixed(a, b, _FLOORDIV)

    def __mod__(a, b):
        if isinstance(b, (int, Fraction)):
            return _mod(a, b)
        return _mixed(a, b, _MOD)

    def __rmod__(b, a):
        if isinstance(a, (int, Fraction)):
            return _mod(a, b)
        return _rmixed(a, b, _MOD)

    def __divmod__(a, b):
        if isinstance(b, (int, Fraction)):
            return _divmod(a, b)
        return _mixed(a, b, divmod)

    def __rdivmod__(b, a):
        if isinstance(a, (int, Fraction)):
            return _divmod(a, b)
        return _rmixed(a, b, divmod)

    def __pow__(a, b):
        if isinstance(b, (int, Fraction)):
            if b.denominator == 1:
                power = b.numerator
                if power >= 0:
                    return Fraction(a._numerator ** power, a._denominator ** power,
                                    _normalize=False)
                if a._numerator >= 0:
                    return Fraction(a._denominator ** -power, a._numerator ** -power,
                                    _normalize=False)
                return Fraction((-a._denominator) ** -power, (-a._numerator) ** -power,
                                _normalize=False)
            return float(a) ** float(b)
        if isinstance(b, (float, complex)):
            return float(a) ** b
        return NotImplemented

    def __rpow__(b, a):
        if b._denominator == 1 and b._numerator >= 0:
            return a ** b._numerator
        if isinstance(a, int):
            return Fraction(a) ** b
        if b._denominator == 1:
            return a ** b._numerator
        return a ** float(b)

    def __pos__(a):
        return Fraction(a._numerator, a._denominator, _normalize=False)

    def __neg__(a):
        return Fraction(-a._numerator, a._denominator, _normalize=False)

    def __abs__(a):
        return Fraction(abs(a._numerator), a._denominator, _normalize=False)

    def __int__(a):
        if a._numerator < 0:
            return -(-a._numerator // a._denominator)
        return a._numerator // a._denominator

    def __trunc__(a):
        return a.__int__()

    def __float__(a):
        return a._numerator / a._denominator

    def __floor__(a):
        return a._numerator // a._denominator

    def __ceil__(a):
        return -(-a._numerator // a._denominator)

    def __round__(self, ndigits=None):
        if ndigits is None:
            floor, remainder = divmod(self._numerator, self._denominator)
            if remainder * 2 < self._denominator:
                return floor
            if remainder * 2 > self._denominator:
                return floor + 1
            return floor if floor % 2 == 0 else floor + 1
        shift = 10 ** abs(ndigits)
        if ndigits > 0:
            return Fraction(round(self * shift), shift)
        return Fraction(round(self / shift) * shift)

    def __hash__(self):
        try:
            dinv = pow(self._denominator, -1, _HASH_MODULUS)
        except ValueError:
            hash_ = _HASH_INF
        else:
            hash_ = hash(hash(abs(self._numerator)) * dinv)
        result = hash_ if self._numerator >= 0 else -hash_
        return -2 if result == -1 else result

    def __eq__(a, b):
        if type(b) is int:
            return a._numerator == b and a._denominator == 1
        if isinstance(b, (int, Fraction)):
            return a._numerator == b.numerator and a._denominator == b.denominator
        if isinstance(b, complex) and b.imag == 0:
            b = b.real
        if isinstance(b, float):
            if math.isnan(b) or math.isinf(b):
                return 0.0 == b
            return a == a.from_float(b)
        return NotImplemented

    def __lt__(a, b):
        return _compare(a, b, _LT)

    def __gt__(a, b):
        return _compare(a, b, _GT)

    def __le__(a, b):
        return _compare(a, b, _LE)

    def __ge__(a, b):
        return _compare(a, b, _GE)

    def __bool__(a):
        return bool(a._numerator)

    def __reduce__(self):
        return (type(self), (str(self),))

    def __copy__(self):
        if type(self) is Fraction:
            return self
        return type(self)(self._numerator, self._denominator)

    def __deepcopy__(self, memo):
        if type(self) is Fraction:
            return self
        return type(self)(self._numerator, self._denominator)


def _add(a, b):
    na, da = a.numerator, a.denominator
    nb, db = b.numerator, b.denominator
    return Fraction(na * db + nb * da, da * db)


def _sub(a, b):
    na, da = a.numerator, a.denominator
    nb, db = b.numerator, b.denominator
    return Fraction(na * db - nb * da, da * db)


def _mul(a, b):
    return Fraction(a.numerator * b.numerator, a.denominator * b.denominator)


def _div(a, b):
    na, da = a.numerator, a.denominator
    nb, db = b.numerator, b.denominator
    g1 = math.gcd(na, nb)
    if g1 > 1:
        na //= g1
        nb //= g1
    g2 = math.gcd(db, da)
    if g2 > 1:
        da //= g2
        db //= g2
    n, d = na * db, nb * da
    if d < 0:
        n, d = -n, -d
    return Fraction(n, d, _normalize=False)


def _floordiv(a, b):
    return (a.numerator * b.denominator) // (a.denominator * b.numerator)


def _divmod(a, b):
    da, db = a.denominator, b.denominator
    div, n_mod = divmod(a.numerator * db, da * b.numerator)
    return div, Fraction(n_mod, da * db)


def _mod(a, b):
    da, db = a.denominator, b.denominator
    return Fraction((a.numerator * db) % (b.numerator * da), da * db)


def _ADD(x, y):
    return x + y


def _SUB(x, y):
    return x - y


def _MUL(x, y):
    return x * y


def _DIV(x, y):
    return x / y


def _FLOORDIV(x, y):
    return x // y


def _MOD(x, y):
    return x % y


def _LT(x, y):
    return x < y


def _GT(x, y):
    return x > y


def _LE(x, y):
    return x <= y


def _GE(x, y):
    return x >= y


def _mixed(a, b, op):
    """``a op b`` for a Fraction ``a`` and a float or complex ``b``: computed in ``b``'s type."""
    if isinstance(b, float):
        return op(float(a), b)
    if isinstance(b, complex):
        return op(complex(a), b)
    return NotImplemented


def _rmixed(a, b, op):
    """``a op b`` for a float or complex ``a`` and a Fraction ``b``."""
    if isinstance(a, float):
        return op(a, float(b))
    if isinstance(a, complex):
        return op(a, complex(b))
    return NotImplemented


def _compare(a, b, op):
    if isinstance(b, (int, Fraction)):
        return op(a._numerator * b.denominator, a._denominator * b.numerator)
    if isinstance(b, float):
        if math.isnan(b) or math.isinf(b):
            return op(0.0, b)
        return op(a, a.from_float(b))
    return NotImplemented
'''
