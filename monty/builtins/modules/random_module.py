"""``random``: CPython's Mersenne Twister streams, bit for bit, without OS entropy.

Each VM gets its own module-level generator.  Unseeded generators (the module's own, ``Random()``
and ``seed()`` with no argument) never read OS randomness: when the host installed an OS
handler they ask it for ``'random.entropy'`` (an int); otherwise they use seed 0, so runs are
reproducible by default.
"""
from __future__ import annotations

import struct

from ...objects.model import Module, NativeFunction, next_object_id
from .. import types as T
from ..constructors import NATIVE_CTORS
from ..random_core import MersenneRandom

DEFAULT_SEED = 0


class SandboxRandom(MersenneRandom):
    """The host object behind ``random.Random`` (a repr that never shows a host address)."""

    def __repr__(self) -> str:
        return _repr(self)


RANDOM = T.native_class('Random', SandboxRandom, (T.OBJECT,), module='random')
RANDOM.dict['__module__'] = 'random'

METHODS = ('seed getstate setstate random randrange randint choice shuffle sample choices '
           'uniform triangular normalvariate gauss lognormvariate expovariate vonmisesvariate '
           'gammavariate betavariate paretovariate weibullvariate').split()
SIZED = {'getrandbits': 8, 'randbytes': 1}   # allocation checks: bits (/8) or bytes


def entropy_for(vm):
    """The int an unseeded generator starts from (host-provided, else the fixed default)."""
    def entropy() -> int:
        if vm.os_handler is None:
            return DEFAULT_SEED
        value = vm.os_handler('random.entropy', (), {})
        if not isinstance(value, int):
            raise TypeError('the OS handler must answer random.entropy with an int')
        return value
    return entropy


def _sized(vm, name: str, per_unit: int):
    """getrandbits/randbytes with the requested size charged to the memory limit."""
    def fn(rng, n):
        if vm.tracker is not None and isinstance(n, int) and n > 0:
            vm.tracker.check_alloc(n // per_unit if per_unit > 1 else n)
        return getattr(MersenneRandom, name)(rng, n)
    return fn


def _method(name: str):
    impl = getattr(MersenneRandom, name)
    return lambda rng, *args, **kwargs: impl(rng, *args, **kwargs)


def _repr(rng) -> str:
    """CPython's default repr, with a fake address (never the host's)."""
    if not getattr(rng, 'fake_id', 0):
        rng.fake_id = next_object_id()
    return f'<random.Random object at {hex(rng.fake_id)}>'


def _setup_class() -> None:
    RANDOM.dict['__repr__'] = NativeFunction('__repr__', _repr, self_type='Random')
    for name in METHODS:
        RANDOM.dict[name] = NativeFunction(name, _method(name), self_type='Random')
    for name, unit in SIZED.items():
        RANDOM.dict[name] = NativeFunction(
            name, lambda vm, rng, n, _n=name, _u=unit: _sized(vm, _n, _u)(rng, n),
            needs_vm=True, self_type='Random')


def make_random(vm, x=None):
    """``random.Random(x)``."""
    return SandboxRandom(x, entropy=entropy_for(vm))


_setup_class()
NATIVE_CTORS[RANDOM] = make_random


def build(vm) -> Module:
    rng = make_random(vm)
    ns = {name: NativeFunction(name, getattr(rng, name), module='random') for name in METHODS}
    for name, unit in SIZED.items():
        sized = _sized(vm, name, unit)
        ns[name] = NativeFunction(name, lambda n, _f=sized: _f(rng, n), module='random')
    ns['Random'] = RANDOM
    ns['_inst'] = rng            # the generator behind the module functions, as in CPython
    return Module('random', ns)


WORDS = struct.Struct('>624I')


def save_state(mod):
    """The module generator's state, for snapshots: (624 words as bytes, position, gauss)."""
    rng = mod.dict.get('_inst')
    if type(rng) is not SandboxRandom:
        return None
    _, internal, gauss = rng.getstate()
    return WORDS.pack(*internal[:-1]), internal[-1], gauss


def restore_state(vm, mod, state) -> None:
    """Put a saved generator state back (ValueError for anything malformed)."""
    rng = mod.dict.get('_inst')
    if type(state) is not tuple or len(state) != 3 or type(state[0]) is not bytes or \
            len(state[0]) != WORDS.size or type(state[1]) is not int or \
            not 0 <= state[1] <= 624 or type(state[2]) not in (float, type(None)) or \
            type(rng) is not SandboxRandom:
        raise ValueError('malformed random module state')
    rng.setstate((3, WORDS.unpack(state[0]) + (state[1],), state[2]))
