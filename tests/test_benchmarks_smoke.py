"""Smoke test of the performance suite: runs tiny workloads quickly and checks the report's shape."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from benchmarks import report  # noqa: E402
from benchmarks.engines import cpython_runner  # noqa: E402
from benchmarks.registry import WORKLOADS, kind_of, select  # noqa: E402
from benchmarks.run import main  # noqa: E402
from benchmarks.sources import read_source, with_size  # noqa: E402

FAST = ["--quick", "--repeats", "1", "--warmup", "0", "--no-peers"]
RECORD_KEYS = {"name", "kind", "about", "unit", "size", "loops", "per_call", "status", "median", "samples", "ratio"}


def run_suite(tmp_path: Path, capsys: pytest.CaptureFixture, *names: str) -> tuple[int, list[str], dict]:
    """Run the suite on the named workloads; return exit status, table lines and the JSON document."""
    out = tmp_path / "results.json"
    argv = FAST + ["--json", str(out)]
    for name in names:
        argv += ["-k", name]
    status = main(argv)
    lines = capsys.readouterr().out.splitlines()
    return status, lines, json.loads(out.read_text())


def row(lines: list[str], name: str) -> list[str]:
    """The whitespace-split cells of the table row for one workload."""
    [line] = [line for line in lines if line.startswith(name + " ")]
    return line.split()


def test_compared_workloads_give_times_ratios_and_a_geometric_mean(tmp_path, capsys):
    status, lines, doc = run_suite(tmp_path, capsys, "fib", "sort")
    assert status == 0, "\n".join(lines)
    assert lines[0].split() == ["workload", "CPython", "Monty", "ratio"]
    names = [r["name"] for r in doc["workloads"]]
    assert names == ["fib", "sort_key"]
    for name in names:
        cells = row(lines, name)
        assert cells[-1].endswith("x") and float(cells[-1][:-1]) > 0
    assert doc["engines"] == ["cpython", "monty"]
    assert doc["meta"]["quick"] is True and doc["meta"]["repeats"] == 1
    assert set(doc["skipped_peers"]) == {"pydantic_monty", "smolagents", "asteval"}
    for record in doc["workloads"]:
        assert RECORD_KEYS <= set(record)
        assert record["kind"] == "compare"
        assert record["status"] == {"cpython": "ok", "monty": "ok"}
        assert all(record["median"][e] > 0 and len(record["samples"][e]) == 1 for e in ("cpython", "monty"))
        assert record["ratio"]["monty"] == pytest.approx(record["median"]["monty"] / record["median"]["cpython"])
    ratios = [r["ratio"]["monty"] for r in doc["workloads"]]
    assert doc["geomean"]["monty"] == pytest.approx(report.geomean(ratios))
    assert any(line.startswith("geometric mean") for line in lines)


def test_startup_is_timed_per_call_against_cpython(tmp_path, capsys):
    status, lines, doc = run_suite(tmp_path, capsys, "startup")
    assert status == 0, "\n".join(lines)
    assert [r["name"] for r in doc["workloads"]] == ["startup", "startup_load"]
    for record in doc["workloads"]:
        assert record["loops"] == 10 and record["ratio"]["monty"] > 0
        assert row(lines, record["name"])[-1].endswith("x")


def test_snapshot_workloads_report_monty_time_only(tmp_path, capsys):
    status, lines, doc = run_suite(tmp_path, capsys, "snapshot_program", "resume_calls")
    assert status == 0, "\n".join(lines)
    assert [r["name"] for r in doc["workloads"]] == ["snapshot_program", "resume_calls"]
    for record in doc["workloads"]:
        assert record["kind"] == "monty_only"
        assert list(record["median"]) == ["monty"] and record["ratio"] == {}
        assert row(lines, record["name"])[1] == "-" and row(lines, record["name"])[-1] == "-"
    resume = next(r for r in doc["workloads"] if r["name"] == "resume_calls")
    assert resume["per_call"] == 100 and resume["unit"] == "seconds per external call"
    assert doc["geomean"]["monty"] is None


def test_every_workload_runs_under_cpython_at_quick_size():
    extra = {"checkpoint": lambda count: 7, "fetch": lambda i: i + 1}
    for w in WORKLOADS:
        if w.file is None:
            continue
        source = with_size(read_source(w.file), w.quick_size)
        if w.quick_size is not None:
            assert f"N = {w.quick_size}" in source
        assert cpython_runner(source, w.file, extra)() is not None, w.name


def test_selection_and_kinds():
    assert [w.name for w in select(["nbody", "spectral"])] == ["nbody", "spectral_norm"]
    assert select(None) == list(WORKLOADS)
    assert {kind_of(w) for w in WORKLOADS} == {"compare", "monty_only", "memory"}
    with pytest.raises(ValueError, match="N = "):
        with_size("x = 1\n", 5)


def test_table_shows_memory_failures_and_missing_ratios():
    records = [
        {"name": "a", "kind": "compare", "status": {"cpython": "ok", "monty": "ok"},
         "median": {"cpython": 0.002, "monty": 0.2}, "ratio": {"monty": 100.0}},
        {"name": "b", "kind": "compare", "status": {"cpython": "ok", "monty": "mismatch: got 1, expected 2"},
         "median": {"cpython": 0.001}, "ratio": {}},
        {"name": "m", "kind": "memory", "status": {"cpython": "ok", "monty": "ok"},
         "peak_bytes": {"cpython": 1 << 20, "monty": 3 << 20}, "ratio": {"monty": 3.0}},
    ]
    lines = report.render_table(records, ["cpython", "monty"]).splitlines()
    assert row(lines, "a") == ["a", "2.00", "ms", "200", "ms", "100x"]
    assert row(lines, "b") == ["b", "1.00", "ms", "mismatch", "-"]
    assert row(lines, "m") == ["m", "1.0", "MB", "3.0", "MB", "3.00x"]
    assert row(lines, "geometric")[-1] == "100x"
    assert "  b [monty]: mismatch: got 1, expected 2" in lines


def test_script_entry_point_lists_workloads():
    done = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "run.py"), "--list"],
                          capture_output=True, text=True, timeout=60, check=True)
    listed = [line.split()[0] for line in done.stdout.splitlines()]
    assert listed == [w.name for w in WORKLOADS]
