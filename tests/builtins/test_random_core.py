"""MersenneRandom must reproduce CPython 3.11's random.Random bit for bit."""

import ast
import random as host_random
import warnings

import pytest

from monty.builtins.random_core import MersenneRandom

SEEDS = [0, 1, 42, -7, 2**32, 2**64 + 12345, -(2**200 + 99), "", "hello", "ünïcode",
         b"", b"\x00\xffbytes", bytearray(b"array"), 1.5, -2.25, 0.0, True]


def pair(seed):
    """The generator under test and the host oracle, seeded alike."""
    return MersenneRandom(seed), host_random.Random(seed)


def outcome(call):
    """Result of a call, or the exception's type and message."""
    try:
        return "ok", call()
    except Exception as exc:  # noqa: BLE001 - comparing any failure
        return type(exc), str(exc)


@pytest.fixture(params=SEEDS, ids=repr)
def rngs(request):
    return pair(request.param)


def test_random_stream_spans_several_batches(rngs):
    mine, host = rngs
    assert [mine.random() for _ in range(1500)] == [host.random() for _ in range(1500)]


def test_getrandbits_word_order_and_widths(rngs):
    mine, host = rngs
    widths = list(range(0, 100)) + [127, 128, 129, 1000, 20000]
    assert [mine.getrandbits(k) for k in widths] == [host.getrandbits(k) for k in widths]
    assert mine.random() == host.random()


def test_integer_methods(rngs):
    a, b = rngs
    assert [a.randrange(10) for _ in range(200)] == [b.randrange(10) for _ in range(200)]
    assert [a.randrange(-5, 5) for _ in range(50)] == [b.randrange(-5, 5) for _ in range(50)]
    assert [a.randrange(100, 0, -7) for _ in range(50)] == [b.randrange(100, 0, -7) for _ in range(50)]
    assert [a.randrange(3, 2**100, 5) for _ in range(20)] == [b.randrange(3, 2**100, 5) for _ in range(20)]
    assert [a.randint(1, 6) for _ in range(100)] == [b.randint(1, 6) for _ in range(100)]
    assert a.randbytes(37) == b.randbytes(37)
    assert a.randbytes(0) == b.randbytes(0) == b""


@pytest.mark.parametrize("population", [list(range(30)), tuple("abcdef"), "xyz", range(10**12)],
                         ids=["list", "tuple", "str", "range"])
def test_choice_choices_sample_on_sequences(population):
    mine, host = pair(2024)
    assert [mine.choice(population) for _ in range(50)] == [host.choice(population) for _ in range(50)]
    assert mine.choices(population, k=40) == host.choices(population, k=40)
    weights = [i % 4 for i in range(len(population))] if len(population) < 100 else None
    if weights:
        assert mine.choices(population, weights, k=30) == host.choices(population, weights, k=30)
        cum = list(range(1, len(population) + 1))
        assert mine.choices(population, cum_weights=cum, k=30) == host.choices(population, cum_weights=cum, k=30)
    k = min(len(population), 3)
    assert mine.sample(population, k) == host.sample(population, k)
    assert mine.getstate() == host.getstate()


@pytest.mark.parametrize("n, k", [(10, 10), (10, 0), (21, 5), (22, 5), (100, 6), (1000, 30), (10**9, 50)])
def test_sample_pool_and_set_strategies(n, k):
    mine, host = pair(n * 31 + k)
    assert mine.sample(range(n), k) == host.sample(range(n), k)
    assert mine.random() == host.random()


def test_sample_with_counts():
    mine, host = pair("counts")
    pop, counts = ["red", "blue", "green"], [4, 2, 7]
    assert mine.sample(pop, 9, counts=counts) == host.sample(pop, 9, counts=counts)


@pytest.mark.parametrize("size", [0, 1, 2, 7, 500])
def test_shuffle_in_place(size):
    mine, host = pair(size)
    a, b = list(range(size)), list(range(size))
    assert mine.shuffle(a) is None
    host.shuffle(b)
    assert a == b
    assert mine.getstate() == host.getstate()


DISTRIBUTIONS = [
    ("uniform", (2.5, 10)), ("triangular", ()), ("triangular", (1, 5, 4)), ("triangular", (3, 3)),
    ("gauss", ()), ("gauss", (10, 2)), ("normalvariate", (1, 3)), ("lognormvariate", (0, 0.5)),
    ("expovariate", (1.5,)), ("vonmisesvariate", (1.0, 4.0)), ("vonmisesvariate", (0.5, 0)),
    ("gammavariate", (0.3, 2.0)), ("gammavariate", (1.0, 2.0)), ("gammavariate", (5.5, 1.0)),
    ("betavariate", (0.5, 0.5)), ("betavariate", (3, 2)), ("paretovariate", (2.0,)),
    ("weibullvariate", (1.0, 1.5)),
]


@pytest.mark.parametrize("name, args", DISTRIBUTIONS, ids=lambda v: str(v))
def test_distributions(name, args):
    for seed in (0, -3, "dist"):
        mine, host = pair(seed)
        draw_mine, draw_host = getattr(mine, name), getattr(host, name)
        assert [draw_mine(*args) for _ in range(300)] == [draw_host(*args) for _ in range(300)]
        assert mine.getstate() == host.getstate()


def run_script(rng):
    """A mixed sequence of calls whose combined output must match exactly."""
    out = [rng.random(), rng.gauss(), rng.randrange(1000), rng.getrandbits(33)]
    deck = list(range(52))
    rng.shuffle(deck)
    out += [deck, rng.choices("abc", k=5), rng.sample(range(500), 20), rng.gauss(5, 1)]
    out += [rng.randbytes(9), rng.betavariate(2, 3), rng.randint(-9, 9), rng.uniform(0, 1)]
    return out


def test_mixed_calls_and_state_roundtrips(rngs):
    mine, host = rngs
    assert run_script(mine) == run_script(host)
    saved = mine.getstate()
    assert saved == host.getstate()
    first = run_script(mine)
    mine.setstate(saved)
    assert run_script(mine) == first == run_script(host)


def test_state_is_plain_data_shared_with_host():
    mine, host = pair(99)
    mine.gauss()  # leaves a cached second normal variate
    mine.random()
    state = mine.getstate()
    version, words, gauss_next = state
    assert version == 3 and len(words) == 625 and isinstance(gauss_next, float)
    restored = ast.literal_eval(repr(state))
    host.setstate(restored)
    other = MersenneRandom(0)
    other.setstate(restored)
    assert run_script(other) == run_script(host)
    host.setstate(host_random.Random("x").getstate())
    mine.setstate(host.getstate())
    assert [mine.random() for _ in range(700)] == [host.random() for _ in range(700)]


@pytest.mark.parametrize("position", [0, 1, 311, 623, 624])
def test_setstate_at_any_position(position):
    words = tuple(range(1000, 1624)) + (position,)
    mine, host = MersenneRandom(), host_random.Random()
    for rng in (mine, host):
        rng.setstate((3, words, None))
    assert [mine.getrandbits(40) for _ in range(400)] == [host.getrandbits(40) for _ in range(400)]


def test_version_2_states_are_reduced_modulo_2_32():
    state = (2, (-1,) * 624 + (624,), None)
    mine, host = MersenneRandom(), host_random.Random()
    mine.setstate(state)
    host.setstate(state)
    assert mine.getstate() == host.getstate()
    assert mine.random() == host.random()


@pytest.mark.parametrize("seed", ["text", b"bytes", "", b""])
def test_version_1_string_seeds(seed):
    mine, host = MersenneRandom(), host_random.Random()
    mine.seed(seed, version=1)
    host.seed(seed, version=1)
    assert [mine.random() for _ in range(5)] == [host.random() for _ in range(5)]


def test_reseed_resets_gauss_cache():
    mine, host = pair(5)
    mine.gauss(), host.gauss()
    mine.seed(5)
    host.seed(5)
    assert mine.gauss_next is None
    assert mine.gauss() == host.gauss()


def test_none_seed_draws_from_entropy_callable():
    mine = MersenneRandom(entropy=lambda: 2**70 + 1)
    assert mine.getstate() == host_random.Random(2**70 + 1).getstate()
    mine.entropy = lambda: 17
    mine.seed()
    assert mine.random() == host_random.Random(17).random()
    unseeded = MersenneRandom(), MersenneRandom()
    assert unseeded[0].getrandbits(64) != unseeded[1].getrandbits(64)


BAD_CALLS = [
    ("seed", ((1, 2),), {}), ("seed", ([1],), {}), ("seed", (bytearray(b"x"),), {"version": 1}),
    ("getrandbits", (-1,), {}), ("getrandbits", (1.0,), {}), ("getrandbits", (2**40,), {}),
    ("getrandbits", ("8",), {}), ("randbytes", (-1,), {}), ("randbytes", (1.5,), {}),
    ("randrange", (5, 5), {}), ("randrange", (0,), {}), ("randrange", (-3,), {}),
    ("randrange", (1, 10, 0), {}), ("randrange", (10, 1, 2), {}), ("randrange", (5,), {"step": 2}),
    ("randrange", ("abc",), {}), ("randrange", (None,), {}), ("randrange", (1, "x"), {}),
    ("randint", (5, 4), {}), ("choice", ([],), {}), ("choice", ("",), {}), ("choice", ({1: 2},), {}),
    ("choice", (5,), {}), ("sample", ({1, 2}, 1), {}), ("sample", ([1, 2], 3), {}),
    ("sample", ([1, 2], -1), {}), ("sample", ([1, 2], 1.5), {}),
    ("sample", ([1, 2], 1), {"counts": [1]}), ("sample", ([1, 2], 1), {"counts": [1, 1.0]}),
    ("sample", ([1, 2], 1), {"counts": [0, 0]}), ("choices", ([], ), {"k": 2}),
    ("choices", ([1], 3), {}), ("choices", ([1], [1, 2]), {}),
    ("choices", ([1], [1]), {"cum_weights": [1]}), ("choices", ([1], [0]), {}),
    ("choices", ([1], [float("inf")]), {}), ("choices", ([], []), {}),
    ("gammavariate", (0, 1), {}), ("betavariate", (1, -1), {}), ("expovariate", (0,), {}),
    ("weibullvariate", (1, 0), {}), ("shuffle", ((1, 2),), {}),
    ("setstate", ((3, (1,) * 624, None),), {}), ("setstate", ((3, [1] * 625, None),), {}),
    ("setstate", ((3, (1,) * 624 + (625,), None),), {}), ("setstate", ((3, (1,) * 624 + (-1,), None),), {}),
    ("setstate", ((3, (-1,) * 625, None),), {}), ("setstate", ((3, (2**64,) * 625, None),), {}),
    ("setstate", ((3, (1.0,) * 625, None),), {}), ("setstate", ((4, (1,) * 625, None),), {}),
    ("setstate", ((3, (1,) * 624 + (2**70,), None),), {}), ("setstate", ((3, (1,) * 625),), {}),
    ("setstate", ((2, ("a",) * 625, None),), {}),
]


@pytest.mark.parametrize("name, args, kwargs", BAD_CALLS, ids=lambda v: repr(v)[:40])
def test_errors_match_cpython(name, args, kwargs):
    mine, host = pair(3)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        expected = outcome(lambda: getattr(host, name)(*args, **kwargs))
        assert expected[0] != "ok"
        assert outcome(lambda: getattr(mine, name)(*args, **kwargs)) == expected
    assert mine.random() == host.random()


def test_seed_type_error_text():
    with pytest.raises(TypeError) as info:
        MersenneRandom((1,))
    assert str(info.value) == ("The only supported seed types are: None,\n"
                               "int, float, str, bytes, and bytearray.")


@pytest.mark.parametrize("args", [(3.0,), (1, 7.0), (2, 20, 3.0), (2.5,), (1, 4.5), (1, 9, 1.5)])
def test_randrange_float_arguments_warn_like_cpython(args):
    mine, host = pair(8)
    with warnings.catch_warnings(record=True) as mine_log:
        warnings.simplefilter("always")
        mine_result = outcome(lambda: mine.randrange(*args))
    with warnings.catch_warnings(record=True) as host_log:
        warnings.simplefilter("always")
        host_result = outcome(lambda: host.randrange(*args))
    assert mine_result == host_result
    assert [(w.category, str(w.message)) for w in mine_log] == \
           [(w.category, str(w.message)) for w in host_log]


def test_explicit_step_one_without_stop_is_allowed():
    mine, host = pair(1)
    assert mine.randrange(10, step=1) == host.randrange(10, step=1)
