"""random under Monty reproduces CPython's streams exactly."""
import pytest

from .oracle import assert_same, monty_output

CASES = [
    '''
    import random
    random.seed(42)
    print(random.random(), random.randint(1, 10), random.choice("abc"), random.randrange(0, 100, 7))
    xs = list(range(10)); random.shuffle(xs); print(xs)
    print(random.sample(range(100), 5), random.choices("abc", weights=[1, 2, 3], k=5))
    print(random.uniform(1, 2), random.gauss(0, 1), random.getrandbits(70), random.randbytes(4))
    ''',
    '''
    import random
    r = random.Random(7)
    print(r.random(), r.randint(0, 5), type(r).__name__, isinstance(r, random.Random))
    s = r.getstate(); a = r.random(); r.setstate(s); print(a == r.random())
    r.seed("hello"); print(r.random(), r.normalvariate(), r.expovariate(2), r.betavariate(2, 3))
    print(repr(r).startswith("<random.Random object at 0x"))
    ''',
    '''
    import random
    for call in (lambda: random.choice([]), lambda: random.seed([1]),
                 lambda: random.randrange(5, 1), lambda: random.sample([1], 2)):
        try:
            call()
        except (IndexError, TypeError, ValueError) as e:
            print(type(e).__name__, e)
    ''',
]


@pytest.mark.parametrize('src', CASES)
def test_matches_cpython(src):
    assert_same(src)


def test_unseeded_generators_are_deterministic_by_default():
    src = 'import random\nprint(random.random(), random.Random().random())'
    first = monty_output(src)
    assert first == monty_output(src)
    import random
    assert first.split()[0] == repr(random.Random(0).random())
