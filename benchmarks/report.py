"""Rendering results: the text table, the geometric mean of ratios and the JSON document."""
from __future__ import annotations

import json
import math
from typing import Any

from benchmarks.measure import OK

TIME_UNITS = ((1.0, "s"), (1e-3, "ms"), (1e-6, "us"), (1e-9, "ns"))
BYTE_UNITS = ((1 << 30, "GB"), (1 << 20, "MB"), (1 << 10, "KB"), (1, "B"))
ENGINE_TITLES = {"cpython": "CPython", "monty": "Monty"}
NAME_WIDTH = 18
CELL_WIDTH = 10
RATIO_WIDTH = 8


def _number(value: float) -> str:
    """Three significant figures or more: 1.23, 12.3, 123."""
    digits = 2 if value < 10 else 1 if value < 100 else 0
    return f"{value:.{digits}f}"


def format_time(seconds: float) -> str:
    """Seconds in the largest unit that keeps the number at least 1."""
    for scale, unit in TIME_UNITS:
        if seconds >= scale:
            return f"{_number(seconds / scale)} {unit}"
    return f"{_number(seconds / 1e-9)} ns"


def format_bytes(count: int) -> str:
    """Bytes in the largest binary unit that keeps the number at least 1."""
    for scale, unit in BYTE_UNITS:
        if abs(count) >= scale:
            return f"{count / scale:.1f} {unit}"
    return f"{count} B"


def format_ratio(ratio: float | None) -> str:
    """'12.3x', or '-' when there is no ratio."""
    return "-" if ratio is None else f"{_number(ratio)}x"


def geomean(values: list[float]) -> float | None:
    """Geometric mean, or None for no values."""
    if not values:
        return None
    return math.exp(sum(math.log(v) for v in values) / len(values))


def geomeans(records: list[dict], engines: list[str]) -> dict[str, float | None]:
    """Per engine, the geometric mean of its ratios to CPython over the compared workloads."""
    out: dict[str, float | None] = {}
    for engine in engines[1:]:
        ratios = [r["ratio"][engine] for r in records if r["kind"] == "compare" and engine in r["ratio"]]
        out[engine] = geomean(ratios)
    return out


def _cell(record: dict, engine: str) -> str:
    """A measured value, '-' when the engine does not take part, else its status word."""
    status = record["status"].get(engine)
    if status is None:
        return "-"
    if status != OK:
        return status.split(":", 1)[0]
    if record["kind"] == "memory":
        return format_bytes(record["peak_bytes"][engine])
    return format_time(record["median"][engine])


def _row(first: str, cells: list[str]) -> str:
    """One table line: a left-aligned name, then right-aligned cells alternating value/ratio."""
    widths = [CELL_WIDTH if i % 2 == 0 else RATIO_WIDTH for i in range(len(cells))]
    widths[0] = CELL_WIDTH
    return (first.ljust(NAME_WIDTH) + "".join(c.rjust(w + 1) for c, w in zip(cells, widths))).rstrip()


def _header(engines: list[str]) -> str:
    """Column titles: CPython, then a value and a ratio column per other engine."""
    cells = [ENGINE_TITLES.get(engines[0], engines[0])]
    for engine in engines[1:]:
        cells += [ENGINE_TITLES.get(engine, engine), "ratio"]
    return _row("workload", cells)


def _record_row(record: dict, engines: list[str]) -> str:
    """The table line for one workload."""
    cells = [_cell(record, engines[0])]
    for engine in engines[1:]:
        cells += [_cell(record, engine), format_ratio(record["ratio"].get(engine))]
    return _row(record["name"], cells)


def render_table(records: list[dict], engines: list[str]) -> str:
    """The whole report: times, geometric means, memory and notes on failures."""
    header = _header(engines)
    rule = "-" * len(header)
    timed = [r for r in records if r["kind"] != "memory"]
    memory = [r for r in records if r["kind"] == "memory"]
    lines = [header, rule] + [_record_row(r, engines) for r in timed]
    means = geomeans(records, engines)
    cells = [""]
    for engine in engines[1:]:
        cells += ["", format_ratio(means[engine])]
    lines += [rule, _row("geometric mean", cells)]
    if memory:
        lines += ["", "peak memory (tracemalloc)", rule] + [_record_row(r, engines) for r in memory]
    notes = [f"  {r['name']} [{e}]: {s}" for r in records for e, s in r["status"].items() if s != OK]
    if notes:
        lines += ["", "not measured:"] + notes
    return "\n".join(lines)


def to_json(meta: dict[str, Any], engines: list[str], skipped: dict[str, str], records: list[dict]) -> str:
    """The JSON document written by --json."""
    document = {
        "meta": meta,
        "engines": engines,
        "skipped_peers": skipped,
        "workloads": records,
        "geomean": geomeans(records, engines),
    }
    return json.dumps(document, indent=2, sort_keys=False)
