"""``MontyRepl.start()``: a snippet that pauses for the host, with snapshots bound to the REPL.

The snippet runs in the REPL's own VM and globals.  While it is paused the REPL is locked (no
``feed``/``start``/``dump``/checkpoints); resuming the snapshot to completion (or to an
uncaught exception) unlocks it and leaves the snippet's results in the namespace, ``_``
included.  ``dump()`` of such a snapshot saves the whole REPL with the pause, and
``MontyRepl.load_snapshot()`` brings both back.
"""
from __future__ import annotations

from .host.convert import to_host
from .limits import LimitExceeded, Tracker
from .runner import limit_error, runtime_error
from .snapshots import SNAPSHOT_KINDS, Execution, MontyComplete, make_snapshot
from .vm.signals import MontyRaise, Suspend

PAUSED_KIND = 'repl-paused'
PAUSED_KEYS = {'kind', 'repl', 'vm'}


class PausedRun:
    """One ``start()`` of a REPL, from its first step until it completes or fails."""

    def __init__(self, repl):
        self.repl = repl

    def advance(self, ex: Execution, step):
        """Run ``step`` to the next pause (a snapshot) or the end (``MontyComplete``)."""
        repl = self.repl
        if repl._paused is not self:
            raise RuntimeError('this snapshot no longer belongs to its MontyRepl '
                               '(the REPL was reset)')
        vm = ex.vm
        if vm.tracker is not None:
            vm.tracker.start()
        try:
            with repl._active():
                _, value = step()
        except Suspend as pause:
            return make_snapshot(ex, pause.kind, pause.payload)
        except MontyRaise as e:
            self.end()
            raise runtime_error(e.exc) from None
        except LimitExceeded as e:
            self.end()
            raise limit_error(e) from None
        except BaseException:
            self.end()
            raise
        try:
            with repl._active():
                output = to_host(value)
            repl._remember(value)
        finally:
            self.end()
        return MontyComplete(output)

    def end(self) -> None:
        """The snippet is over: drop its frames, undo the pause settings, unlock the REPL."""
        repl = self.repl
        if repl._paused is self:
            repl._end_paused_run()

    def dump(self, kind: str, key: bytes | None) -> bytes:
        """The REPL state plus the paused frames, as a ``repl-paused`` container."""
        from .serialize import dump_state
        from .serialize.state import vm_state
        repl = self.repl
        if repl._paused is not self:
            raise RuntimeError('this snapshot no longer belongs to its MontyRepl')
        vm = repl._vm
        payload = {'kind': kind, 'repl': repl.state_payload(), 'vm': vm_state(vm)}
        return dump_state(PAUSED_KIND, payload, key, vm=vm)


def begin(repl, frame, print_callback):
    """Switch the (locked) REPL's VM to pausing mode and run ``frame`` to its first pause."""
    run = PausedRun(repl)
    ex = _enter(repl, run, print_callback)
    return run.advance(ex, lambda: repl._vm.run_frame(frame))


def _enter(repl, run: PausedRun, print_callback, allocations: int = 0) -> Execution:
    """Every external call and undefined name pauses; the run holds the REPL until it ends."""
    vm = repl._vm
    vm.externals = dict(repl._externals)
    vm.pause_unknown_calls = True
    vm.name_lookup = vm.pause_name_lookup
    vm.print_callback = print_callback or repl._emit
    vm.input_handler = repl.input_handler
    vm.tracker = repl._tracker = Tracker(repl._limits)
    vm.tracker.allocations = allocations
    repl._paused = run
    return Execution(vm, repl.script_name, repl._limits.to_dict(), None, run)


def load(cls, data, key, limits, external_functions, print_callback):
    """A snapshot saved by ``dump()`` of a REPL snapshot, bound to a rebuilt REPL."""
    from .serialize import load_state
    from .serialize.state import paused_at, restore_vm
    repl = cls(limits=limits, external_functions=external_functions,
               print_callback=print_callback)
    vm = repl._vm
    payload = load_state(data, PAUSED_KIND, key, vm=vm)
    if not isinstance(payload, dict) or set(payload) != PAUSED_KEYS or \
            payload['kind'] not in SNAPSHOT_KINDS:
        raise ValueError('cannot load snapshot: malformed paused MontyRepl record')
    repl._adopt(payload['repl'], keep_limits=limits is not None)
    restore_vm(vm, payload['vm'], repl._limits.to_dict())
    pause = paused_at(vm, payload['kind'])
    allocations = vm.tracker.allocations if vm.tracker is not None else 0
    if not repl._lock.acquire(blocking=False):
        raise RuntimeError('MontyRepl is busy')
    ex = _enter(repl, PausedRun(repl), print_callback, allocations)
    return make_snapshot(ex, pause, vm.frame)
