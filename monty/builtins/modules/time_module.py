"""``time``: clocks and ``sleep``, all answered by the host as OS calls.

Each reading is an OS call (``host.osaccess``): answered by the host's handler, paused as an
``OsSnapshot`` under ``start()``, or a clear RuntimeError when the host allows no OS access.
"""
from __future__ import annotations

from ...host.osaccess import os_call, then
from ...objects.model import Module, NativeFunction
from .. import types as T


@then('clock')
def _clock_answer(vm, value, state):
    """Check a clock reading and convert it (``state`` is ``(name, 'float'|'int')``)."""
    name, kind = state
    if not isinstance(value, (int, float)) or isinstance(value, bool):
        raise TypeError(f'the OS handler must answer {name} with a number')
    return float(value) if kind == 'float' else int(value)


def _clock(name: str, convert):
    def fn():
        return os_call(name, (), None, 'clock', (name, convert.__name__))
    return fn


def sleep(secs):
    """``time.sleep``: arguments are checked here, the waiting is the host's."""
    if not isinstance(secs, (int, float)):
        raise TypeError(f"'{T.type_name(secs)}' object cannot be interpreted as an integer")
    if secs != secs:
        raise ValueError('Invalid value NaN (not a number)')
    if secs < 0:
        raise ValueError('sleep length must be non-negative')
    return os_call('time.sleep', (secs,), None, 'ignore')


CLOCKS = {
    'time': float, 'monotonic': float, 'perf_counter': float, 'process_time': float,
    'time_ns': int, 'monotonic_ns': int, 'perf_counter_ns': int, 'process_time_ns': int,
}


def build(vm) -> Module:
    ns = {name: NativeFunction(name, _clock(f'time.{name}', conv), module='time')
          for name, conv in CLOCKS.items()}
    ns['sleep'] = NativeFunction('sleep', sleep, module='time')
    return Module('time', ns)
