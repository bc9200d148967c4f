"""Turn a workload row into a Bench: the runners to time and the callables whose results are checked."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Callable

from benchmarks import engines
from benchmarks.peers import Peer
from benchmarks.registry import Workload
from benchmarks.sources import read_source, with_size

Runner = engines.Runner
CHECKPOINT_REPLY = 7


@dataclass
class Bench:
    """Runners per engine; `results` (default: the runners) give the values checked against 'cpython'."""

    runners: dict[str, Runner]
    results: dict[str, Runner] = field(default_factory=dict)
    per_call: int = 1

    def checked(self) -> dict[str, Runner]:
        """Callables whose values must equal CPython's."""
        return {**self.runners, **self.results}


def raiser(error: BaseException) -> Runner:
    """A runner that re-raises a failure met while building, so verification reports it."""

    def failing() -> Any:
        raise error

    return failing


def guarded(make: Callable[[], Runner]) -> Runner:
    """Build a runner now; if building fails, return one that re-raises the failure."""
    try:
        return make()
    except Exception as exc:
        return raiser(exc)


def guarded_pair(make: Callable[[], tuple[Runner, Runner]]) -> tuple[Runner, Runner]:
    """Build (timed, verify) runners now; if building fails, both re-raise the failure."""
    try:
        return make()
    except Exception as exc:
        return raiser(exc), raiser(exc)


def _source(w: Workload, quick: bool) -> str:
    """The workload's program text at the chosen size."""
    text = w.source if w.source is not None else read_source(w.file)
    return with_size(text, w.pick_size(quick))


def _filename(w: Workload) -> str:
    """Script name shown in tracebacks."""
    return w.file or f"{w.name}.py"


def build_program(w: Workload, quick: bool, peers: list[Peer]) -> Bench:
    """CPython vs Monty vs peers, each compiled once and run per call."""
    src, name = _source(w, quick), _filename(w)
    runners = {
        "cpython": guarded(lambda: engines.cpython_runner(src, name)),
        "monty": guarded(lambda: engines.monty_runner(src, name)),
    }
    for peer in peers:
        runners[peer.name] = guarded(lambda peer=peer: peer.prepare(src))
    return Bench(runners)


def build_startup(w: Workload, quick: bool, peers: list[Peer]) -> Bench:
    """Construct-and-run per call, everything included."""
    src, name = _source(w, quick), _filename(w)
    runners = {
        "cpython": engines.cpython_startup(src, name),
        "monty": guarded(lambda: engines.monty_startup(src, name)),
    }
    for peer in peers:
        runners[peer.name] = lambda peer=peer: peer.prepare(src)()
    return Bench(runners)


def build_startup_load(w: Workload, quick: bool, peers: list[Peer]) -> Bench:
    """Load of previously dumped compiled code, then run, per call."""
    src, name = _source(w, quick), _filename(w)
    runners = {
        "cpython": engines.cpython_startup(src, name),
        "monty": guarded(lambda: engines.monty_load_startup(src, name)),
    }
    for peer in peers:
        if peer.prepare_loaded is not None:
            runners[peer.name] = guarded(lambda peer=peer: peer.prepare_loaded(src))
    return Bench(runners)


def build_snapshot_program(w: Workload, quick: bool, peers: list[Peer]) -> Bench:
    """Monty.dump() + Monty.load() of compiled code; the loaded program's value is checked."""
    src, name = _source(w, quick), _filename(w)

    def make() -> tuple[Runner, Runner]:
        from monty import Monty

        program = Monty(src, script_name=name)
        timed = lambda: Monty.load(program.dump())
        return timed, lambda: timed().run(print_callback=engines.discard_output)

    timed, verify = guarded_pair(make)
    return Bench({"monty": timed}, {"cpython": engines.cpython_runner(src, name), "monty": verify})


def build_snapshot_paused(w: Workload, quick: bool, peers: list[Peer]) -> Bench:
    """dump() + load_snapshot() of a run paused at an external call while holding N dicts."""
    src, name = _source(w, quick), _filename(w)

    def make() -> tuple[Runner, Runner]:
        from monty import FunctionSnapshot, Monty, load_snapshot

        snap = Monty(src, script_name=name).start(print_callback=engines.discard_output)
        if not isinstance(snap, FunctionSnapshot):
            raise TypeError(f"expected a FunctionSnapshot, got {type(snap).__name__}")
        timed = lambda: load_snapshot(snap.dump())
        return timed, lambda: timed().resume(return_value=CHECKPOINT_REPLY).output

    timed, verify = guarded_pair(make)
    extra = {"checkpoint": lambda count: CHECKPOINT_REPLY}
    return Bench({"monty": timed}, {"cpython": engines.cpython_runner(src, name, extra), "monty": verify})


def build_repl_checkpoint(w: Workload, quick: bool, peers: list[Peer]) -> Bench:
    """MontyRepl.checkpoint() + restore() of a session holding N objects (the undo of a front end)."""
    src, name = _source(w, quick), _filename(w)

    def make() -> tuple[Runner, Runner]:
        from monty import MontyRepl

        repl = MontyRepl(script_name=name, print_callback=engines.discard_output)
        repl.feed(src)

        def timed() -> None:
            repl.restore(repl.checkpoint())

        def verify() -> Any:
            timed()
            return repl.feed(src.rsplit("\n", 2)[-2])

        return timed, verify

    timed, verify = guarded_pair(make)
    return Bench({"monty": timed}, {"cpython": engines.cpython_runner(src, name), "monty": verify})


def drive(program: Any, reply: Callable[..., Any]) -> Any:
    """start() then resume() every external call with the host's reply; return the final value."""
    from monty import MontyComplete

    state = program.start(print_callback=engines.discard_output)
    while not isinstance(state, MontyComplete):
        state = state.resume(return_value=reply(*state.args, **state.kwargs))
    return state.output


def build_resume_calls(w: Workload, quick: bool, peers: list[Peer]) -> Bench:
    """A full start/resume drive of N sequential external calls; time is reported per call."""
    src, name = _source(w, quick), _filename(w)
    fetch = lambda i: i + 1

    def make() -> tuple[Runner, Runner]:
        from monty import Monty

        program = Monty(src, script_name=name)
        timed = lambda: drive(program, fetch)
        return timed, timed

    timed, _ = guarded_pair(make)
    return Bench(
        {"monty": timed},
        {"cpython": engines.cpython_runner(src, name, {"fetch": fetch})},
        per_call=w.pick_size(quick) or 1,
    )


def build_memory(w: Workload, quick: bool, peers: list[Peer]) -> Bench:
    """CPython exec vs Monty run of the same program; the measure is peak traced memory."""
    src, name = _source(w, quick), _filename(w)
    return Bench({
        "cpython": engines.cpython_runner(src, name),
        "monty": guarded(lambda: engines.monty_runner(src, name)),
    })


BUILDERS: dict[str, Callable[[Workload, bool, list[Peer]], Bench]] = {
    "program": build_program,
    "startup": build_startup,
    "startup_load": build_startup_load,
    "snapshot_program": build_snapshot_program,
    "snapshot_paused": build_snapshot_paused,
    "resume_calls": build_resume_calls,
    "memory": build_memory,
    "repl_checkpoint": build_repl_checkpoint,
}


def build(w: Workload, quick: bool, peers: list[Peer]) -> Bench:
    """The Bench for one workload."""
    return BUILDERS[w.builder](w, quick, peers)
