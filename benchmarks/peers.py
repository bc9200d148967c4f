"""Optional peer sandboxes, measured only when importable: each adapts `source -> runner`."""
from __future__ import annotations

import importlib
from dataclasses import dataclass
from typing import Any, Callable

from benchmarks.engines import NullStream, Runner, discard_output


@dataclass(frozen=True)
class Peer:
    """A sandbox to compare against: `prepare` does per-program setup and returns a runner."""

    name: str
    prepare: Callable[[str], Runner]
    prepare_loaded: Callable[[str], Runner] | None = None


def _pydantic_monty() -> Peer:
    """The Rust original: compile once with Monty(source), run per call."""
    module = importlib.import_module("pydantic_monty")
    try:
        module.Monty("1").run(print_callback=discard_output)
        options: dict[str, Any] = {"print_callback": discard_output}
    except TypeError:
        options = {}

    def prepare(source: str) -> Runner:
        program = module.Monty(source)
        return lambda: program.run(**options)

    def prepare_loaded(source: str) -> Runner:
        cached = module.Monty(source).dump()
        return lambda: module.Monty.load(cached).run(**options)

    loaded = prepare_loaded if hasattr(module.Monty, "load") else None
    return Peer("pydantic_monty", prepare, loaded)


def _smolagents() -> Peer:
    """smolagents' LocalPythonExecutor: an AST walker; it parses the source on every call."""
    module = importlib.import_module("smolagents.local_python_executor")

    def make_executor() -> Any:
        try:
            executor = module.LocalPythonExecutor([], timeout_seconds=None)
        except TypeError:
            executor = module.LocalPythonExecutor([])
        executor.send_tools({})
        return executor

    def prepare(source: str) -> Runner:
        executor = make_executor()

        def run() -> Any:
            result = executor(source)
            return result.output if hasattr(result, "output") else result[0]

        return run

    return Peer("smolagents", prepare)


def _asteval() -> Peer:
    """asteval's Interpreter: parse once, evaluate the tree per call."""
    module = importlib.import_module("asteval")

    def prepare(source: str) -> Runner:
        interpreter = module.Interpreter(writer=NullStream(), err_writer=NullStream())
        tree = interpreter.parse(source)

        def run() -> Any:
            interpreter.error = []
            return interpreter.run(tree, with_raise=True)

        return run

    return Peer("asteval", prepare)


PEER_FACTORIES: dict[str, Callable[[], Peer]] = {
    "pydantic_monty": _pydantic_monty,
    "smolagents": _smolagents,
    "asteval": _asteval,
}


def discover_peers(enabled: bool = True) -> tuple[list[Peer], dict[str, str]]:
    """Importable peers, and a reason for each one that is skipped."""
    peers: list[Peer] = []
    skipped: dict[str, str] = {}
    for name, factory in PEER_FACTORIES.items():
        if not enabled:
            skipped[name] = "disabled by --no-peers"
            continue
        try:
            peers.append(factory())
        except ImportError as exc:
            skipped[name] = f"not installed ({exc.name or exc})"
        except Exception as exc:  # a broken install must not stop the suite
            skipped[name] = f"unusable: {type(exc).__name__}: {exc}"
    return peers, skipped
