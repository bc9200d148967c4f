"""What a paused execution and a compiled program look like in a snapshot payload."""
from __future__ import annotations

from . import dump_state, load_kind
from .validate import check_chain


def vm_state(vm) -> dict:
    """The interpreter-level state worth keeping (the heap hangs off ``frame``)."""
    from ..builtins.namespace import builtins_namespace
    default = builtins_namespace()
    changed = {k: v for k, v in vm.builtins.items() if default.get(k, _NONE) is not v}
    return {'frame': vm.frame, 'call_id': vm.next_call_id, 'futures': vm.pending_futures,
            'builtins': changed, 'pause_unknown': vm.pause_unknown_calls,
            'allocations': vm.tracker.allocations if vm.tracker is not None else 0}


def restore_vm(vm, state: dict, limits: dict) -> None:
    """Put ``state`` (already decoded into ``vm``) back in place, checking its shape."""
    from ..limits import make_tracker
    from ..vm.frame import Frame
    if not isinstance(state, dict) or set(state) != _VM_KEYS:
        raise ValueError('malformed interpreter state')
    frame = state['frame']
    if not isinstance(frame, Frame) or type(state['call_id']) is not int or \
            type(state['futures']) is not dict or type(state['builtins']) is not dict or \
            type(state['allocations']) is not int:
        raise ValueError('malformed interpreter state')
    tracker, depth = make_tracker(limits)
    vm.tracker = tracker
    vm.max_depth = depth
    if tracker is not None:
        tracker.allocations = state['allocations']
    vm.depth = check_chain(frame, depth)
    vm.frame = frame
    vm.next_call_id = state['call_id']
    vm.pending_futures = state['futures']
    vm.builtins.update(state['builtins'])
    vm.pause_unknown_calls = bool(state['pause_unknown'])
    if vm.pause_unknown_calls:
        vm.name_lookup = vm.pause_name_lookup


_NONE = object()
_VM_KEYS = {'frame', 'call_id', 'futures', 'builtins', 'pause_unknown', 'allocations'}


def dump_execution(kind: str, ex, key=None) -> bytes:
    payload = {'script': ex.script_name, 'limits': ex.limits, 'vm': vm_state(ex.vm)}
    return dump_state(kind, payload, key, vm=ex.vm)


def load_execution(data, kinds, print_callback=None, key=None):
    """A snapshot of one of ``kinds`` rebuilt in a fresh VM."""
    from ..runner import make_vm
    from ..snapshots import Execution, make_snapshot
    vm = make_vm(print_callback)
    kind, payload = load_kind(data, kinds, key, vm=vm)
    if not isinstance(payload, dict) or set(payload) != {'script', 'limits', 'vm'} or \
            type(payload['script']) is not str:
        raise ValueError('cannot load snapshot: malformed execution record')
    limits = _limits(payload['limits'])
    restore_vm(vm, payload['vm'], limits)
    pause = paused_at(vm, kind)
    ex = Execution(vm, payload['script'], limits)
    return make_snapshot(ex, pause, vm.frame)


PAUSE_OF_KIND = {'function': 'call', 'os': 'os', 'name': 'name', 'future': 'futures'}


def paused_at(vm, kind: str) -> str:
    """Check the restored top frame is paused at a ``kind`` point; returns the pause kind."""
    from ..compiler.opcodes import LOAD_GLOBAL
    from ..host.external import PENDING_CODE
    want = PAUSE_OF_KIND.get(kind)
    top = vm.frame
    pending = top.code is PENDING_CODE
    if kind == 'name':
        ok = not pending and 0 <= top.pc < len(top.code.ops) and \
            top.code.ops[top.pc][0] == LOAD_GLOBAL
    else:
        ok = want is not None and pending and top.locals[0] == want and \
            _pending_ok(top.locals)
    if not ok:
        raise ValueError(f'cannot load snapshot: execution is not paused at a {kind} point')
    return want


def _pending_ok(locals_) -> bool:
    if locals_[0] == 'futures':
        return len(locals_) == 2 and type(locals_[1]) is list and \
            all(type(i) is int for i in locals_[1])
    return len(locals_) == 6 and type(locals_[1]) is str and type(locals_[2]) is tuple and \
        type(locals_[3]) is dict and type(locals_[4]) is int and type(locals_[5]) is bool


def _limits(limits):
    from ..limits import ResourceLimits
    if limits is None:
        return None
    try:
        return ResourceLimits.coerce(dict(limits)).to_dict()
    except (TypeError, ValueError) as e:
        raise ValueError(f'cannot load snapshot: malformed limits ({e})') from None


def dump_program(monty, key=None) -> bytes:
    payload = (monty.script_name, list(monty.inputs), list(monty.external_function_names),
               monty.compiled)
    return dump_state('program', payload, key)


def load_program(data, key=None) -> dict:
    from ..compiler.code import Code
    payload = load_kind(data, ('program',), key)[1]
    if type(payload) is not tuple or len(payload) != 4:
        raise ValueError('cannot load program: malformed record')
    script, inputs, externals, code = payload
    if type(script) is not str or type(code) is not Code or \
            not all(type(n) is list and all(type(x) is str for x in n)
                    for n in (inputs, externals)):
        raise ValueError('cannot load program: malformed record')
    return {'script': script, 'inputs': inputs, 'externals': externals, 'code': code}
