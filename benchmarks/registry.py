"""The workload table: name, how it is measured, its sizes and what it exercises."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Workload:
    """One row of the suite; `builder` names how its runners are made (see builders.py)."""

    name: str
    builder: str
    about: str
    file: str | None = None
    size: int | None = None
    quick_size: int | None = None
    loops: int = 1
    quick_loops: int = 1
    source: str | None = None

    def pick_size(self, quick: bool) -> int | None:
        """The `N` to run with."""
        return self.quick_size if quick else self.size

    def pick_loops(self, quick: bool) -> int:
        """Calls per timed sample (for workloads too short to time one call)."""
        return self.quick_loops if quick else self.loops


W = Workload
WORKLOADS: tuple[Workload, ...] = (
    W("startup", "startup", "parse+compile+run of '1 + 2' per call", source="1 + 2", loops=50, quick_loops=10),
    W("startup_load", "startup_load", "load of dumped code for '1 + 2' + run per call", source="1 + 2",
      loops=50, quick_loops=10),
    W("fib", "program", "recursive calls (naive Fibonacci)", "fib.py", 25, 15),
    W("numeric_loop", "program", "while/for loops of int and float arithmetic", "numeric_loop.py", 40000, 4000),
    W("string_format", "program", "f-strings, % and format(), join, split, print()", "string_format.py", 3000, 300),
    W("comprehensions", "program", "list/dict/set comprehensions, nested", "comprehensions.py", 40000, 4000),
    W("word_count", "program", "dict-heavy word counting, get/setdefault", "word_count.py", 20000, 2000),
    W("class_sim", "program", "objects with methods, inheritance, properties", "class_sim.py", 1200, 120),
    W("generators", "program", "generator pipeline, yield from, genexps", "generators.py", 30000, 3000),
    W("sort_key", "program", "sorted()/list.sort with key functions", "sort_key.py", 4000, 400),
    W("nested_data", "program", "JSON-like nested dicts/lists: build, walk, aggregate", "nested_data.py", 800, 80),
    W("exceptions", "program", "raise/catch in a loop, custom classes, chaining", "exceptions.py", 20000, 2000),
    W("nbody", "program", "classic n-body float arithmetic", "nbody.py", 2000, 200),
    W("spectral_norm", "program", "classic spectral norm, nested loops", "spectral_norm.py", 40, 12),
    W("snapshot_program", "snapshot_program", "Monty.dump() + Monty.load() of a 10-line program",
      "snapshot_program.py", loops=20, quick_loops=5),
    W("snapshot_paused", "snapshot_paused", "snapshot dump() + load_snapshot() holding 1000 dicts",
      "snapshot_paused.py", 1000, 1000, loops=3, quick_loops=1),
    W("resume_calls", "resume_calls", "start()/resume() round trip, per external call (100 calls)",
      "resume_calls.py", 100, 100),
    W("repl_checkpoint", "repl_checkpoint", "MontyRepl checkpoint() + restore() holding 100k objects",
      "repl_checkpoint.py", 100000, 10000, loops=20, quick_loops=5),
    W("memory_1m_ints", "memory", "peak traced memory of x = list(range(1000000))", "memory_ints.py",
      1000000, 100000),
)

KINDS: dict[str, str] = {
    "startup": "compare",
    "startup_load": "compare",
    "program": "compare",
    "snapshot_program": "monty_only",
    "snapshot_paused": "monty_only",
    "resume_calls": "monty_only",
    "repl_checkpoint": "monty_only",
    "memory": "memory",
}


def kind_of(workload: Workload) -> str:
    """'compare' (timed against CPython), 'monty_only' (absolute time) or 'memory'."""
    return KINDS[workload.builder]


def select(names: list[str] | None) -> list[Workload]:
    """Workloads whose name contains any of the given substrings (all when none given)."""
    if not names:
        return list(WORKLOADS)
    return [w for w in WORKLOADS if any(n in w.name for n in names)]
