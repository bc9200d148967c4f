"""Resource limits and the tracker that enforces them while Monty code runs."""
from __future__ import annotations

import time
from dataclasses import dataclass, fields

DEFAULT_RECURSION = 1000
TICK_EVERY = 1000


@dataclass
class ResourceLimits:
    """Limits for one run; ``None`` means unlimited (recursion defaults to 1000)."""
    max_allocations: int | None = None
    max_duration_secs: float | None = None
    max_memory: int | None = None
    gc_interval: int | None = None
    max_recursion_depth: int | None = DEFAULT_RECURSION

    def __post_init__(self):
        for f in fields(self):
            v = getattr(self, f.name)
            if v is None:
                continue
            if isinstance(v, bool) or not isinstance(v, (int, float)):
                raise TypeError(f'{f.name} must be a number or None, not {type(v).__name__}')
            if f.name != 'max_duration_secs' and not isinstance(v, int):
                raise TypeError(f'{f.name} must be an int or None, not {type(v).__name__}')
            if v < 0:
                raise ValueError(f'{f.name} must not be negative')

    @classmethod
    def coerce(cls, limits) -> 'ResourceLimits':
        if limits is None:
            return cls()
        if isinstance(limits, cls):
            return limits
        if isinstance(limits, dict):
            names = {f.name for f in fields(cls)}
            unknown = [k for k in limits if k not in names]
            if unknown:
                raise TypeError(f'unknown limit(s): {", ".join(map(str, unknown))}')
            if 'max_duration' in limits:
                pass
            return cls(**limits)
        raise TypeError(f'limits must be a ResourceLimits or a dict, not {type(limits).__name__}')

    def to_dict(self) -> dict:
        return {f.name: getattr(self, f.name) for f in fields(self)}


class LimitExceeded(BaseException):
    """Raised inside the VM for memory/time violations: Monty code cannot catch it."""

    def __init__(self, type_name: str, message: str):
        super().__init__(message)
        self.type_name = type_name
        self.message = message
        self.tb = None      # ``(code, pc)`` entries, outermost first, set where the VM stopped


class Tracker:
    """Counts work and checks the clock; cheap because it looks at the clock rarely."""

    def __init__(self, limits: ResourceLimits):
        self.limits = limits
        self.deadline = None
        self.countdown = TICK_EVERY
        self.allocations = 0
        self.interrupted = False
        self.start()

    def start(self) -> None:
        if self.limits.max_duration_secs is not None:
            self.deadline = time.monotonic() + self.limits.max_duration_secs
        else:
            self.deadline = None

    def stop(self) -> None:
        pass

    def tick(self) -> None:
        self.countdown -= 1
        if self.countdown > 0:
            return
        self.countdown = TICK_EVERY
        self.check_time()

    def check_time(self) -> None:
        if self.interrupted:
            self.interrupted = False
            raise KeyboardInterrupt
        if self.deadline is not None and time.monotonic() > self.deadline:
            raise LimitExceeded('TimeoutError',
                                f'time limit exceeded: {self.limits.max_duration_secs}s')

    def check_alloc(self, nbytes: int) -> None:
        limit = self.limits.max_memory
        if limit is not None and nbytes > limit:
            raise LimitExceeded('MemoryError', f'memory limit exceeded: {limit} bytes')
        self.allocations += 1
        cap = self.limits.max_allocations
        if cap is not None and self.allocations > cap:
            raise LimitExceeded('MemoryError', f'allocation limit exceeded: {cap}')

    def check_binop(self, op: int, a, b) -> None:
        size = estimate_binop_size(op, a, b)
        if size:
            self.check_alloc(size)
            if self.limits.max_duration_secs is not None and size > 10_000_000:
                self.check_time()


def estimate_binop_size(op: int, a, b) -> int:
    """Bytes an operation will allocate, when knowable up front (0 when small/unknown)."""
    if op == 2:  # *
        if isinstance(b, int) and isinstance(a, (str, bytes, list, tuple)):
            return len(a) * max(b, 0) * (8 if isinstance(a, (list, tuple)) else 1)
        if isinstance(a, int) and isinstance(b, (str, bytes, list, tuple)):
            return len(b) * max(a, 0) * (8 if isinstance(b, (list, tuple)) else 1)
        if type(a) is int and type(b) is int:
            return (a.bit_length() + b.bit_length()) // 8
    elif op == 6 and type(a) is int and type(b) is int and b > 0:
        return (max(a.bit_length(), 1) * b) // 8 if abs(a) > 1 else 0
    elif op == 7 and type(a) is int and type(b) is int and b > 0:
        return (a.bit_length() + b) // 8
    return 0


def make_tracker(limits):
    """(tracker or None, recursion depth) for the given limits."""
    lim = ResourceLimits.coerce(limits)
    depth = lim.max_recursion_depth if lim.max_recursion_depth is not None else DEFAULT_RECURSION
    needs = (lim.max_duration_secs is not None or lim.max_memory is not None
             or lim.max_allocations is not None)
    return (Tracker(lim) if needs else None), depth
