"""``math``: the host's pure numeric functions, with guards on the ones that can run for ages."""
from __future__ import annotations

import math

from ...objects.model import Module, NativeFunction
from ...vm import protocol as P

FUNCS = ('acos acosh asin asinh atan atan2 atanh ceil copysign cos cosh degrees dist erf erfc '
         'exp expm1 fabs floor fmod frexp fsum gamma gcd hypot isclose isfinite isinf isnan '
         'isqrt lcm ldexp lgamma log log10 log1p log2 modf nextafter prod radians remainder '
         'sin sinh sqrt tan tanh trunc ulp cbrt exp2').split()
LIMIT = 100_000


def _factorial(n):
    if isinstance(n, int) and n > LIMIT:
        raise OverflowError('factorial() argument too large for the sandbox')
    return math.factorial(n)


def _comb(n, k):
    if isinstance(n, int) and isinstance(k, int) and min(k, n - k) > LIMIT:
        raise OverflowError('comb() arguments too large for the sandbox')
    return math.comb(n, k)


def _perm(n, k=None):
    count = n if k is None else k
    if isinstance(n, int) and isinstance(count, int) and min(n, count) > LIMIT:
        raise OverflowError('perm() arguments too large for the sandbox')
    return math.perm(n, k)


def _over_items(fn):
    """``fn(iterable, ...)`` reading the items through the tracker (a huge range stays bounded)."""
    def run(iterable, *args, **kwargs):
        return fn(P.iterate(iterable), *args, **kwargs)
    return run


def _pow(x, y):
    return math.pow(x, y)


def _rounding(name: str):
    """``math.floor``/``ceil``/``trunc``: a Monty object's ``__floor__`` etc. when it has one."""
    host = getattr(math, name)
    dunder = f'__{name}__'

    def run(x):
        if type(x) in (int, float, bool):
            return host(x)
        from ...objects.model import UNBOUND
        from .. import types as T
        m = T.type_of(x).lookup(dunder)
        if m is not UNBOUND:
            return P.method_req(m, x)
        if name == 'trunc':
            raise TypeError(f"type {T.type_name(x)} doesn't define {dunder} method")
        return host(x)
    return run


def build(vm) -> Module:
    ns = {name: NativeFunction(name, getattr(math, name), module='math')
          for name in FUNCS if hasattr(math, name)}
    ns['factorial'] = NativeFunction('factorial', _factorial, module='math')
    ns['comb'] = NativeFunction('comb', _comb, module='math')
    ns['perm'] = NativeFunction('perm', _perm, module='math')
    ns['pow'] = NativeFunction('pow', _pow, module='math')
    for name in ('floor', 'ceil', 'trunc'):
        ns[name] = NativeFunction(name, _rounding(name), module='math')
    for name in ('fsum', 'prod'):
        ns[name] = NativeFunction(name, _over_items(getattr(math, name)), module='math')
    ns.update(pi=math.pi, e=math.e, tau=math.tau, inf=math.inf, nan=math.nan)
    return Module('math', ns)
