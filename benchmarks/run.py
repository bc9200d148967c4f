"""Command line: run every workload under CPython, Monty and the importable peers; print a table."""
from __future__ import annotations

import argparse
import platform
import sys
from pathlib import Path
from typing import Any

if __package__ in (None, ""):  # run as `python benchmarks/run.py`
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks import measure, report  # noqa: E402
from benchmarks.builders import Bench, build  # noqa: E402
from benchmarks.peers import discover_peers  # noqa: E402
from benchmarks.registry import WORKLOADS, Workload, kind_of, select  # noqa: E402

DEFAULT_REPEATS, QUICK_REPEATS = 5, 3
DEFAULT_WARMUP, QUICK_WARMUP = 1, 1
DEFAULT_BUDGET = 20.0


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    """Command-line options."""
    parser = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__)
    parser.add_argument("--quick", action="store_true", help="smaller sizes and fewer repeats")
    parser.add_argument("--json", metavar="FILE", help="also write the results as JSON to FILE")
    parser.add_argument("-k", dest="names", action="append", metavar="NAME",
                        help="only workloads whose name contains NAME (repeatable)")
    parser.add_argument("--repeats", type=int, help="timed rounds per workload (median is reported)")
    parser.add_argument("--warmup", type=int, help="untimed rounds before the timed ones")
    parser.add_argument("--budget", type=float, default=DEFAULT_BUDGET, metavar="SECONDS",
                        help="cut rounds of a workload that would take longer than this (default %(default)s)")
    parser.add_argument("--no-peers", action="store_true", help="skip the optional peer sandboxes")
    parser.add_argument("--list", action="store_true", help="list the workloads and exit")
    args = parser.parse_args(argv)
    if args.repeats is None:
        args.repeats = QUICK_REPEATS if args.quick else DEFAULT_REPEATS
    if args.warmup is None:
        args.warmup = QUICK_WARMUP if args.quick else DEFAULT_WARMUP
    if args.repeats < 1 or args.warmup < 0:
        parser.error("--repeats must be at least 1 and --warmup at least 0")
    return args


def _new_record(w: Workload, args: argparse.Namespace, bench: Bench) -> dict[str, Any]:
    """The fields every workload's result carries."""
    kind = kind_of(w)
    unit = {"memory": "peak bytes"}.get(kind, "seconds per external call" if bench.per_call > 1 else "seconds per call")
    return {
        "name": w.name, "kind": kind, "about": w.about, "unit": unit,
        "size": w.pick_size(args.quick), "loops": w.pick_loops(args.quick), "per_call": bench.per_call,
        "status": {}, "median": {}, "samples": {}, "ratio": {},
    }


def _verify(record: dict, bench: Bench) -> list[str]:
    """Check results; record statuses of the engines that take part; return those that passed."""
    status, seconds = measure.verify(bench.checked())
    record["check_seconds"] = seconds
    reference = status.get(measure.REFERENCE, measure.OK)
    for engine in bench.runners:
        record["status"][engine] = status[engine] if reference == measure.OK else "skipped: CPython failed"
    if reference != measure.OK:
        record["status"][measure.REFERENCE] = reference
    return [e for e in bench.runners if record["status"][e] == measure.OK]


def _time(record: dict, bench: Bench, engines: list[str], args: argparse.Namespace) -> None:
    """Alternating timed rounds; medians, and ratios to CPython when it was timed too."""
    runners = {e: bench.runners[e] for e in engines}
    round_seconds = sum(record["check_seconds"][e] for e in engines) * record["loops"]
    warmup, repeats = measure.fit_rounds(round_seconds, args.warmup, args.repeats, args.budget)
    record["repeats"] = repeats
    samples, failed = measure.time_alternating(runners, record["loops"], warmup, repeats)
    record["status"].update(failed)
    for engine, values in samples.items():
        per_unit = [v / bench.per_call for v in values]
        record["samples"][engine] = per_unit
        record["median"][engine] = measure.median(per_unit)
    base = record["median"].get(measure.REFERENCE)
    if record["kind"] == "compare" and base:
        for engine, value in record["median"].items():
            if engine != measure.REFERENCE:
                record["ratio"][engine] = value / base


def _memory(record: dict, bench: Bench, engines: list[str]) -> None:
    """Peak traced memory per engine and its ratio to CPython's."""
    peaks = {}
    for engine in engines:
        try:
            peaks[engine] = measure.peak_memory(bench.runners[engine])
        except Exception as exc:
            record["status"][engine] = measure.describe(exc)
    record["peak_bytes"] = peaks
    base = peaks.get(measure.REFERENCE)
    if base:
        record["ratio"] = {e: p / base for e, p in peaks.items() if e != measure.REFERENCE}


def run_workload(w: Workload, args: argparse.Namespace, peers: list) -> dict[str, Any]:
    """Build, check and measure one workload."""
    bench = build(w, args.quick, peers)
    record = _new_record(w, args, bench)
    passed = _verify(record, bench)
    if record["kind"] == "memory":
        _memory(record, bench, passed)
    else:
        _time(record, bench, passed, args)
    return record


def _engine_order(peers: list) -> list[str]:
    """Table column order."""
    return ["cpython", "monty"] + [p.name for p in peers]


def _meta(args: argparse.Namespace) -> dict[str, Any]:
    """How the run was made."""
    return {
        "python": platform.python_version(), "implementation": platform.python_implementation(),
        "platform": platform.platform(), "quick": args.quick, "repeats": args.repeats, "warmup": args.warmup,
        "budget": args.budget,
    }


def main(argv: list[str] | None = None) -> int:
    """Run the suite; exit status 1 when Monty or CPython failed or disagreed on any workload."""
    args = parse_args(argv)
    workloads = select(args.names)
    if args.list:
        for w in WORKLOADS:
            print(f"{w.name:<18} {kind_of(w):<10} {w.about}")
        return 0
    if not workloads:
        print(f"no workload matches {args.names}", file=sys.stderr)
        return 2
    peers, skipped = discover_peers(not args.no_peers)
    records = []
    for number, w in enumerate(workloads, 1):
        print(f"[{number}/{len(workloads)}] {w.name}", file=sys.stderr, flush=True)
        records.append(run_workload(w, args, peers))
    engines = _engine_order(peers)
    print(report.render_table(records, engines))
    for name, reason in skipped.items():
        print(f"peer {name} skipped: {reason}")
    if args.json:
        Path(args.json).write_text(report.to_json(_meta(args), engines, skipped, records) + "\n", encoding="utf-8")
    failed = any(r["status"].get(e, measure.OK) != measure.OK for r in records for e in ("cpython", "monty"))
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
