"""Checking results, timing runners alternately (warm-up, repeats, median) and peak memory."""
from __future__ import annotations

import gc
import statistics
import time
import tracemalloc
from typing import Any

from benchmarks.engines import Runner

OK = "ok"
REFERENCE = "cpython"


def describe(exc: BaseException) -> str:
    """One-line description of a failure."""
    message = str(exc).strip().splitlines()[0][:200] if str(exc).strip() else ""
    return f"error: {type(exc).__name__}: {message}" if message else f"error: {type(exc).__name__}"


def _short(value: Any, limit: int = 80) -> str:
    """A repr cut to a readable length."""
    text = repr(value)
    return text if len(text) <= limit else text[: limit - 3] + "..."


def verify(checked: dict[str, Runner]) -> tuple[dict[str, str], dict[str, float]]:
    """Call every engine once (a warm-up too), compare its value with CPython's; also time that call."""
    values: dict[str, Any] = {}
    status: dict[str, str] = {}
    seconds: dict[str, float] = {}
    for engine, run in checked.items():
        start = time.perf_counter()
        try:
            values[engine] = run()
            status[engine] = OK
        except Exception as exc:
            status[engine] = describe(exc)
        seconds[engine] = time.perf_counter() - start
    if status.get(REFERENCE) != OK:
        return status, seconds
    expected = values[REFERENCE]
    for engine, value in values.items():
        if status[engine] == OK and (type(value) is not type(expected) or value != expected):
            status[engine] = f"mismatch: got {_short(value)}, expected {_short(expected)}"
    return status, seconds


def fit_rounds(round_seconds: float, warmup: int, repeats: int, budget: float) -> tuple[int, int]:
    """Cut warm-up, then repeats (never below one), so one workload's rounds fit in `budget` seconds."""
    if round_seconds <= 0 or round_seconds * (warmup + repeats) <= budget:
        return warmup, repeats
    affordable = max(1, int(budget / round_seconds))
    return 0, min(repeats, affordable)


def _sample(run: Runner, loops: int) -> float:
    """Seconds per call over `loops` back-to-back calls."""
    gc.collect()
    start = time.perf_counter()
    for _ in range(loops):
        run()
    return (time.perf_counter() - start) / loops


def time_alternating(
    runners: dict[str, Runner], loops: int, warmup: int, repeats: int
) -> tuple[dict[str, list[float]], dict[str, str]]:
    """Time every engine in turn, round after round, so drift hits all alike; failures drop out."""
    samples: dict[str, list[float]] = {engine: [] for engine in runners}
    failed: dict[str, str] = {}
    for round_no in range(warmup + repeats):
        for engine, run in runners.items():
            if engine in failed:
                continue
            try:
                seconds = _sample(run, loops)
            except Exception as exc:
                failed[engine] = describe(exc)
                continue
            if round_no >= warmup:
                samples[engine].append(seconds)
    return {e: s for e, s in samples.items() if e not in failed and s}, failed


def median(values: list[float]) -> float:
    """Middle sample."""
    return statistics.median(values)


def peak_memory(run: Runner) -> int:
    """Peak bytes traced while `run` executes, above what was allocated before it started."""
    gc.collect()
    tracemalloc.start()
    try:
        tracemalloc.reset_peak()
        before, _ = tracemalloc.get_traced_memory()
        result = run()
        _, peak = tracemalloc.get_traced_memory()
        del result
    finally:
        tracemalloc.stop()
    return peak - before
