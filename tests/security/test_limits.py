"""Memory and time bombs under ResourceLimits: refused before allocating, stopped on time."""
import sys

import pytest

from monty import ResourceLimits

from .helpers import raises, run, timed

MEM = {'max_memory': 1_000_000}
MEM_MESSAGE = 'memory limit exceeded: 1000000 bytes'

SIZED = [
    "'a' * 10**10", "10**10 * 'a'", "[0] * 10**10", "(1,) * 10**10", "b'x' * 10**10",
    "n = 10**10\ns = 'ab'\ns *= n", "2 ** 10**10", "pow(2, 10**10)", "1 << 10**10",
    "'x'.ljust(10**10)", "'x'.rjust(10**10)", "'x'.center(10**10)", "'x'.zfill(10**10)",
    "b'x'.ljust(10**10)", "'\\t'.expandtabs(10**10)", "f'{1:{10**10}}'", "format(1, '99999999')",
    "'{:>5000000}'.format(1)", "f'{1.5:.5000000f}'", "'%10000000000d' % 1",
    "'%*d' % (10**10, 1)", "'%.5000000f' % 1.5", "list(range(10**10))", "tuple(range(10**10))",
    "set(range(10**10))", "dict.fromkeys(range(10**10))", "bytes(range(10**8))",
    "''.join(['x' * 1000] * 10**4)", "('a' * 1000).replace('', 'x' * 10**4)", "bytes(10**10)",
    "bytearray(10**10)", "(1).to_bytes(10**10, 'big')", "l = [1]\nfor i in range(64): l = l + l",
    "def f():\n    s = 'ab'\n    for i in range(64):\n        s = s + s\nf()",
]


@pytest.mark.parametrize('code', SIZED)
def test_sized_results_are_refused_before_allocating(code):
    raises(code, 'MemoryError', MEM_MESSAGE, limits=MEM)


def test_int_str_conversion_keeps_cpythons_digit_limit():
    with pytest.raises(ValueError) as host:
        int('9' * 5000)
    raises("int('9' * 5000)", 'ValueError', str(host.value))
    with pytest.raises(ValueError) as host:
        str(10 ** 5000)
    raises('str(10 ** 5000)', 'ValueError', str(host.value))
    assert run("len(str(10 ** 4000))") == 4001


def test_memory_limit_is_not_catchable_inside_monty():
    code = "try:\n    x = 'a' * 10**10\nexcept:\n    x = 'caught'\nx"
    err = raises(code, 'MemoryError', MEM_MESSAGE, limits=MEM)
    assert type(err.exception()) is MemoryError
    raises("try:\n    x = [0] * 10**10\nexcept MemoryError:\n    x = 1\nx", 'MemoryError',
           limits=MEM)


def test_many_small_allocations_hit_the_memory_limit():
    raises("l = []\nwhile True:\n    l.append('x' * 900_000)", 'MemoryError', limits=MEM)


def test_allocation_count_limit():
    raises("for i in range(100):\n    x = [0] * 5000", 'MemoryError',
           'allocation limit exceeded: 10', limits={'max_allocations': 10})


def test_shared_structure_cannot_print_a_billion_items():
    code = 'a = [0] * 100_000\nb = [a] * 100_000\n'
    for use in ('repr(b)', 'str(b)', 'print(b)', "f'{b}'", "'{}'.format(b)", "'%s' % (b,)"):
        raises(code + use, 'MemoryError', limits=MEM)
    assert run("a = [0] * 10\nb = [a] * 10\nlen(str(b))", limits=MEM) == 320


def test_huge_ranges_are_consumed_under_the_clock():
    for code in ('sum(range(10**12))', 'max(range(10**12))', 'any(x < 0 for x in range(10**12))',
                 'import math\nmath.fsum(range(10**12))'):
        err, took = timed(code, {'max_duration_secs': 0.3})
        assert err.type_name == 'TimeoutError' and took < 1.5


@pytest.mark.parametrize('code', ['import math\nmath.perm(10**6)',
                                  'import math\nmath.comb(10**6, 5 * 10**5)',
                                  'import math\nmath.factorial(10**7)'])
def test_slow_arithmetic_is_refused(code):
    err, took = timed(code, {'max_duration_secs': 5.0})
    assert err.type_name == 'OverflowError' and took < 1.0


def test_round_of_a_huge_negative_ndigits_is_zero():
    assert run('round(1, -10**10), round(-7, -50), round(5, -1)') == (0, 0, 0)


LOOPS = {
    'loop': 'while True: pass',
    'sort': 'data = list(range(200_000, 0, -1))\nwhile True:\n    sorted(data)',
    'join': "parts = ['ab'] * 400_000\nwhile True:\n    ''.join(parts)",
    'regex': "import re\nre.match('(a+)+$', 'a' * 40 + 'b')",
    'recursion': 'def f(n):\n    try:\n        return f(n + 1)\n    except RecursionError:\n'
                 '        return f(n + 1)\nf(0)',
}


@pytest.mark.parametrize('kind', list(LOOPS))
def test_time_limit_stops_close_to_the_deadline(kind):
    limit = 0.4
    err, took = timed(LOOPS[kind], {'max_duration_secs': limit})
    assert err.type_name == 'TimeoutError'
    assert err.message == f'time limit exceeded: {limit}s'
    assert limit <= took < limit * 1.25 + 0.1, took
    assert type(err.exception()) is TimeoutError


def test_time_limit_is_not_catchable_inside_monty():
    code = ('n = 0\nwhile True:\n    try:\n        while True:\n            n += 1\n'
            '    except BaseException:\n        pass\n    except:\n        pass')
    err, _ = timed(code, {'max_duration_secs': 0.2})
    assert err.type_name == 'TimeoutError'


def test_recursion_error_is_catchable_and_has_cpythons_message():
    code = ('def f(n):\n    return f(n + 1)\ntry:\n    f(0)\nexcept RecursionError as e:\n'
            '    r = str(e)\nr')
    assert run(code) == 'maximum recursion depth exceeded'
    assert run(code, limits={'max_recursion_depth': 50}) == 'maximum recursion depth exceeded'


def test_limits_accept_a_plain_dict():
    assert ResourceLimits.coerce({'max_memory': 10}) == ResourceLimits(max_memory=10)
    raises("'a' * 100", 'MemoryError', limits={'max_memory': 10})


@pytest.mark.parametrize('bad, error', [
    ({'max_memroy': 10}, TypeError), ({'max_memory': '10'}, TypeError),
    ({'max_memory': 1.5}, TypeError), ({'max_duration_secs': True}, TypeError),
    ({'max_memory': -1}, ValueError), ({'max_duration_secs': -0.5}, ValueError),
    ([('max_memory', 10)], TypeError),
])
def test_bad_limits_are_rejected(bad, error):
    with pytest.raises(error):
        run('1', limits=bad)


def test_no_host_recursion_error_escapes():
    limit = sys.getrecursionlimit()
    raises('def f(n):\n    return f(n + 1)\nf(0)', 'RecursionError',
           limits={'max_recursion_depth': limit * 10})
