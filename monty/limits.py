"""Resource limits and the tracker that enforces them while Monty code runs."""
from __future__ import annotations

import os
import re
import time
from dataclasses import dataclass, fields
from itertools import chain

DEFAULT_RECURSION = 1000
# ticks (backward jumps, calls, items read by builtins) between two looks at the clock: a tick
# can be a whole builtin call over a big list, so this stays small to keep the deadline tight
TICK_EVERY = 32
RESIDENT_SECONDS = 0.002
# the process may grow by max_memory plus this much before a run is stopped (interpreter overhead)
RESIDENT_SLACK = 64 * 1024 * 1024
# checked allocations add up to this many bytes between two looks at resident memory
SAMPLE_BYTES = 8 * 1024 * 1024
SEQ_ITEM_BYTES = 8
# a container printing as more items than this is refused even with no memory limit
MAX_PRINTED_ITEMS = 10 ** 9
# results smaller than this are never worth a check
SMALL_RESULT = 4096
BIG_ALLOCATION = 1 << 16


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
        self.resident_cap = None
        self.pending_bytes = 0
        self.start()

    def start(self) -> None:
        self.last_check = time.monotonic()
        if self.limits.max_duration_secs is not None:
            self.deadline = time.monotonic() + self.limits.max_duration_secs
        else:
            self.deadline = None
        base = resident_bytes() if self.limits.max_memory is not None else None
        self.resident_cap = None if base is None else \
            base + self.limits.max_memory + RESIDENT_SLACK

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
        now = time.monotonic()
        if self.deadline is not None and now > self.deadline:
            raise LimitExceeded('TimeoutError',
                                f'time limit exceeded: {self.limits.max_duration_secs}s')
        if self.resident_cap is not None and now - self.last_check > RESIDENT_SECONDS:
            self.last_check = now
            self.check_resident()

    def check_resident(self) -> None:
        """Backstop for many allocations that are each under the limit: the process's growth."""
        now = resident_bytes()
        if now is not None and now > self.resident_cap:
            raise LimitExceeded('MemoryError',
                                f'memory limit exceeded: {self.limits.max_memory} bytes')

    def check_alloc(self, nbytes: int) -> None:
        limit = self.limits.max_memory
        if limit is not None:
            if nbytes > limit:
                raise LimitExceeded('MemoryError', f'memory limit exceeded: {limit} bytes')
        if nbytes > BIG_ALLOCATION:
            self.check_time()   # about to do work proportional to nbytes
            self.pending_bytes += nbytes
            if self.pending_bytes > SAMPLE_BYTES and self.resident_cap is not None:
                self.pending_bytes = 0
                self.check_resident()
        self.allocations += 1
        cap = self.limits.max_allocations
        if cap is not None and self.allocations > cap:
            raise LimitExceeded('MemoryError', f'allocation limit exceeded: {cap}')

    def check_printable(self, x) -> None:
        """Before a container is printed: its expansion must fit the memory and time left."""
        budget = MAX_PRINTED_ITEMS
        if self.limits.max_memory is not None:
            budget = min(budget, self.limits.max_memory // 2)
        if self.deadline is not None:
            budget = min(budget, int(max(self.deadline - time.monotonic(), 0) / ITEM_SECONDS))
        items = expanded_size(x, budget)
        if items > budget:
            if self.limits.max_memory is not None and items * 2 > self.limits.max_memory:
                raise LimitExceeded('MemoryError',
                                    f'memory limit exceeded: {self.limits.max_memory} bytes')
            raise LimitExceeded('TimeoutError',
                                f'time limit exceeded: {self.limits.max_duration_secs}s')

    def check_binop(self, op: int, a, b) -> None:
        if op == 5 and isinstance(a, (str, bytes)) and isinstance(b, CONTAINERS):
            self.check_printable(b)
        size = estimate_binop_size(op, a, b)
        if size:
            self.check_alloc(size)


def resident_bytes() -> int | None:
    """The process's resident memory in bytes (Linux ``/proc``), or None where unknown."""
    try:
        with open('/proc/self/statm', 'rb') as fh:
            return int(fh.read().split()[1]) * PAGE_SIZE
    except (OSError, ValueError, IndexError):
        return None


_PERCENT_FIELD = re.compile(r'%%|%(?:\([^)]*\))?[-+ #0]*(\d+|\*)?(?:\.(\d+|\*))?')
PAGE_SIZE = os.sysconf('SC_PAGE_SIZE') if hasattr(os, 'sysconf') else 4096
SEQUENCES = (str, bytes, list, tuple)


def _concat_size(a, b) -> int:
    if type(a) is type(b) and type(a) in SEQUENCES:
        n = len(a) + len(b)
        return n * SEQ_ITEM_BYTES if type(a) in (list, tuple) else n
    return 0


def _percent_size(fmt, values) -> int:
    """Widest field a ``%`` format can produce: its widths/precisions and ``*`` values."""
    if not isinstance(fmt, (str, bytes)):
        return 0
    text = fmt if type(fmt) is str else fmt.decode('latin-1')
    size = 0
    for width, precision in _PERCENT_FIELD.findall(text):
        for digits in (width, precision):
            if len(digits) > 3 and digits != '*':
                size = max(size, int(digits) if len(digits) < 30 else 1 << 100)
    if '*' in text:
        stars = values if type(values) is tuple else (values,)
        size = max([size] + [abs(v) for v in stars if type(v) is int])
    return size + len(text) if size > SMALL_RESULT else 0


def estimate_binop_size(op: int, a, b) -> int:
    """Bytes an operation will allocate, when knowable up front (0 when small/unknown)."""
    if op == 0:  # +
        size = _concat_size(a, b)
        return size if size > SMALL_RESULT else 0
    if op == 5:  # %
        return _percent_size(a, b)
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


CONTAINERS = (list, tuple, dict, set, frozenset)
ITEM_SECONDS = 2e-8   # a host repr's cost per printed item, for predicting a timeout


def _children(x):
    return chain.from_iterable(x.items()) if isinstance(x, dict) else x


def _flat(x) -> bool:
    """True when no item of ``x`` is itself a container (checked at C speed)."""
    return not any(issubclass(t, CONTAINERS) for t in set(map(type, _children(x))))


def expanded_size(root, budget: int) -> int:
    """Items ``root`` prints as, shared parts counted each time they appear (stops past budget).

    Walks each distinct container once, so the cost is the memory already held, never the size
    of the expansion (``[[0] * 10**6] * 10**6`` is cheap to measure, impossible to print).
    """
    if _flat(root):
        return len(root) * (2 if isinstance(root, dict) else 1) + 1
    memo = {id(root): 1}
    stack = [[root, iter(_children(root)), 1]]
    while stack:
        top = stack[-1]
        for c in top[1]:
            if isinstance(c, CONTAINERS):
                known = memo.get(id(c))
                if known is None and len(c) > 64 and _flat(c):
                    known = memo[id(c)] = len(c) * (2 if isinstance(c, dict) else 1) + 1
                if known is None:
                    memo[id(c)] = 1          # a cycle prints as [...]
                    stack.append([c, iter(_children(c)), 1])
                    break
                top[2] += known
            else:
                top[2] += 1
            if top[2] > budget:
                return top[2]
        else:
            stack.pop()
            memo[id(top[0])] = top[2]
            if stack:
                stack[-1][2] += top[2]
                if stack[-1][2] > budget:
                    return stack[-1][2]
    return memo[id(root)]
