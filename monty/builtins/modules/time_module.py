"""``time``: clocks and ``sleep``, all answered by the host's OS handler.

``os_call`` is the one door to the outside world for the time-related modules: without a host
handler (``vm.os_handler``) every such call raises a clear RuntimeError.
"""
from __future__ import annotations

from ...objects.model import Module, NativeFunction
from .. import types as T


def os_call(vm, name: str, args: tuple = (), kwargs: dict | None = None):
    """Ask the host to perform OS operation ``name`` (e.g. ``'time.time'``)."""
    if vm.os_handler is None:
        raise RuntimeError(f'{name}() is not available: the host has not allowed OS access')
    return vm.os_handler(name, tuple(args), dict(kwargs or {}))


def _number(value, name: str) -> float:
    if not isinstance(value, (int, float)) or isinstance(value, bool):
        raise TypeError(f'the OS handler must answer {name} with a number')
    return value


def _clock(name: str, convert):
    def fn(vm):
        return convert(_number(os_call(vm, name), name))
    return fn


def sleep(vm, secs):
    """``time.sleep``: arguments are checked here, the waiting is the host's."""
    if not isinstance(secs, (int, float)):
        raise TypeError(f"'{T.type_name(secs)}' object cannot be interpreted as an integer")
    if secs != secs:
        raise ValueError('Invalid value NaN (not a number)')
    if secs < 0:
        raise ValueError('sleep length must be non-negative')
    os_call(vm, 'time.sleep', (secs,))
    return None


CLOCKS = {
    'time': float, 'monotonic': float, 'perf_counter': float, 'process_time': float,
    'time_ns': int, 'monotonic_ns': int, 'perf_counter_ns': int, 'process_time_ns': int,
}


def build(vm) -> Module:
    ns = {name: NativeFunction(name, _clock(f'time.{name}', conv), needs_vm=True,
                               module='time')
          for name, conv in CLOCKS.items()}
    ns['sleep'] = NativeFunction('sleep', sleep, needs_vm=True, module='time')
    return Module('time', ns)
