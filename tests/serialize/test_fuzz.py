"""Loading damaged or random bytes gives ValueError (or a snapshot), never anything else."""
import random

import pytest

from monty import Monty, load_snapshot
from monty.serialize import load_state

SAMPLES = [
    'def f(n):\n    return [fetch(i) for i in range(n)]\nf(2)',
    'x = {"a": (1, 2.5, None), "s": {3, 4}}\nclass C:\n    pass\nc = C()\nanswer',
    'def g():\n    yield fetch()\nfor v in g():\n    pass',
]


def _dumps():
    out = []
    for code in SAMPLES:
        p = Monty(code).start()
        out.append((p.dump(), load_snapshot))
    out.append((Monty(SAMPLES[0]).dump(), Monty.load))
    return out


def _try(loader, data):
    try:
        loader(data)
    except ValueError:
        pass


@pytest.mark.parametrize('seed', range(3))
def test_bit_flips_truncations_and_noise(seed):
    rng = random.Random(seed)
    for data, loader in _dumps():
        for _ in range(300):
            b = bytearray(data)
            for _ in range(rng.randint(1, 4)):
                b[rng.randrange(len(b))] ^= 1 << rng.randrange(8)
            _try(loader, bytes(b))
        for cut in range(0, len(data), max(1, len(data) // 150)):
            _try(loader, data[:cut])
        for _ in range(150):
            noise = bytes(rng.randrange(256) for _ in range(rng.randint(0, 80)))
            _try(loader, data[:7] + noise)
            _try(loader, data[:rng.randrange(len(data))] + noise)


def test_random_bytes_to_load_state():
    rng = random.Random(7)
    for _ in range(500):
        _try(lambda d: load_state(d, ('repl', 'function')),
             b'MNTY\x01\x06\x00' + bytes(rng.randrange(256) for _ in range(rng.randint(0, 64))))
