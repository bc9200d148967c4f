"""``cmath``: the host's complex-number functions; arguments and results are plain numbers."""
from __future__ import annotations

import cmath

from ...objects.model import Module, NativeFunction

FUNCS = ('acos acosh asin asinh atan atanh cos cosh exp isclose isfinite isinf isnan log log10 '
         'phase polar rect sin sinh sqrt tan tanh').split()
CONSTANTS = ('pi', 'e', 'tau', 'inf', 'infj', 'nan', 'nanj')


def build(vm) -> Module:
    ns = {name: NativeFunction(name, getattr(cmath, name), module='cmath') for name in FUNCS}
    ns.update({name: getattr(cmath, name) for name in CONSTANTS})
    return Module('cmath', ns)
