"""time: every clock read and sleep is an OS call answered by the host."""
import pytest

import monty

from .test_datetime import run_with_os


def test_clocks_come_from_the_host():
    answers = {'time.time': 1234.5, 'time.monotonic': 7.0, 'time.perf_counter': 2,
               'time.time_ns': 99}
    src = ('import time\nprint(time.time(), time.monotonic(), time.perf_counter(), '
           'time.time_ns())')
    out = run_with_os(src, lambda name, args, kwargs: answers[name])
    assert out == '1234.5 7.0 2.0 99\n'


def test_sleep_checks_its_argument_then_asks_the_host():
    seen = []
    src = '''import time
time.sleep(0.25)
for bad in (-1, "a"):
    try:
        time.sleep(bad)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
'''
    out = run_with_os(src, lambda name, args, kwargs: seen.append((name, args)))
    assert seen == [('time.sleep', (0.25,))]
    assert out == ("ValueError sleep length must be non-negative\n"
                   "TypeError 'str' object cannot be interpreted as an integer\n")


def test_without_a_handler_the_clock_is_unavailable():
    with pytest.raises(monty.MontyRuntimeError) as info:
        monty.Monty('import time\ntime.time()').run()
    assert 'time.time() is not available' in str(info.value)
