"""Closing abandoned generators the moment Monty code drops the last reference, as CPython's
reference counting does: a suspended generator whose ``finally``/``with`` would run gets
``close()``d, as VM frames, before the next instruction.

Monty generators are host objects, so the host's reference count tells whether anything
still holds one.  The instructions that drop a reference (``POP_ITER`` of a loop left early,
``DELETE_*``, a store over a generator, the stack cleared by an exception) hand the value here;
``scan`` follows what an unreachable value alone held (a dead generator's frame slots, the items
of a dead list, tuple, dict or instance) in CPython's deallocation order and returns the
generators to close.  A dead generator that would run nothing visible on close is simply
marked finished and its frame emptied, releasing what it held.  At the end of a program
(``MODULE_EXIT`` code flag) the suspended generators reachable from the globals are closed in
the order CPython's shutdown reaches them.
"""
from __future__ import annotations

from sys import getrefcount

from ..compiler import opcodes as O
from ..objects.model import UNBOUND, Instance
from .generators import CLOSED, CREATED, SUSPENDED, Generator
from .signals import CallReq

SCAN_BUDGET = 100_000     # values examined per release; bounds the host time of one drop
CONTAINERS = (list, tuple, dict)


def _refs(v) -> int:
    return getrefcount(v)


def _calibrate() -> int:
    """The count ``_refs`` reports for a popped value that one other place still holds."""
    parent = [object()]
    work = list(parent)
    v = work.pop()
    return _refs(v)


BASE = _calibrate()


def yield_from_target(gf):
    """The suspended generator the frame ``gf`` delegates to in ``yield from``, or None."""
    from . import interp
    return interp._yield_from_target(gf)


def needs_close(g) -> bool:
    """Whether ``close()`` of the suspended ``g`` would run a handler (here or in a delegate)."""
    while True:
        fr = g.frame
        if fr.blocks:
            return True
        g = yield_from_target(fr)
        if g is None:
            return False


def _frame_slots(g) -> list:
    """Empty the frame of the finished ``g``: its locals then its stack, as CPython clears."""
    fr = g.frame
    held = [x for x in fr.locals if x is not UNBOUND] + fr.stack
    fr.stack = []
    fr.locals = []
    last = {id(x): i for i, x in enumerate(held)}   # a loop's iterator is also its ``.0``
    return [x for i, x in enumerate(held) if last[id(x)] == i]


def _extend(work: list, v, t) -> None:
    """Queue what the unreachable container ``v`` holds, the first released on top."""
    if t is dict:
        work.extend(reversed(v.values()))
    elif t is Instance:
        if type(v.attrs) is dict:
            work.extend(reversed(v.attrs.values()))
    else:
        work.extend(v)   # list and tuple items are released last to first: the last on top


def _unregister(agen) -> bool:
    """Whether the dropped async generator ``agen`` was started under the running loop and
    nothing else holds it; if so the loop forgets it (CPython's finalizer hook then schedules
    its ``aclose()``, so shutdown does not close it again)."""
    if _refs(agen) > BASE + 3:   # + 3: this argument, its frame's ``gen``, the loop's record
        return False
    from ..builtins.modules.asyncio_module import running_loop
    loop = running_loop(agen.frame.vm)
    agens = loop.attrs.get('_asyncgens') if loop is not None else None
    if type(agens) is not dict or agen not in agens:
        return False
    del agens[agen]
    return True


def scan(roots: list, out: list) -> list:
    """Append to ``out`` the generators to close among ``roots`` (values only ``roots`` holds)
    and everything they alone held.  Every queued value is referenced by exactly one holder
    (its container, or a list of slots taken from a dead frame) besides the loop variable."""
    keep = [roots]
    work = roots[::-1]   # popped first-released first
    budget = SCAN_BUDGET
    while work and budget > 0:
        budget -= 1
        v = work.pop()
        t = type(v)
        if t is Generator:
            state = v.state
            if v.kind == 'async_generator':
                if state == SUSPENDED and _unregister(v):
                    out.append(v)   # its ``aclose()`` becomes a task of the running loop
                continue
            if (state != SUSPENDED and state != CREATED) or \
                    _refs(v) > BASE + 1:          # + 1: its own frame's ``gen``
                continue
            if state == SUSPENDED and needs_close(v):
                out.append(v)
                continue
            v.state = CLOSED
            held = _frame_slots(v)
            keep.append(held)
            work.extend(reversed(held))
        elif (t in CONTAINERS or t is Instance) and _refs(v) <= BASE:
            keep.append(v)
            _extend(work, v, t)
    return out


def function(vm):
    """The Monty function that closes a list of generators (loaded into ``vm`` once)."""
    from ..builtins.modules import finalize_module
    return finalize_module.function(vm)


def close_req(vm, gens: list) -> CallReq:
    """A request running ``close()`` of each of ``gens`` as frames, its result discarded."""
    return CallReq(function(vm), (gens,), None, 'discard', None)


def run_closes(f, nxt: int, gens: list) -> int:
    """Continue ``f`` at ``nxt`` once ``gens`` are closed (an instruction handler's result)."""
    if not gens:
        return nxt
    f.pc = nxt
    f.vm.push_req(f, close_req(f.vm, gens))
    return -1   # EV_SWITCH


def exit_closes(vm, f) -> bool:
    """At the end of a program (``f`` is its module frame, about to return the value on its
    stack): close the suspended generators its globals hold, then return again."""
    gens = at_exit(f.globals)
    if not gens or f.code.ops[-1][0] != O.RETURN_VALUE:
        return False
    f.pc = len(f.code.ops) - 1   # the module's final RETURN_VALUE runs once they are closed
    vm.push_req(f, close_req(vm, gens))
    return True


def replace(f, nxt: int, slots, key, new) -> int:
    """Store ``new`` at ``slots[key]`` (UNBOUND: delete it), closing what the old value
    leaves unreachable."""
    if new is UNBOUND and type(slots) is dict:
        roots = [slots.pop(key)]
    else:
        roots = [slots[key]]
        slots[key] = new
    return run_closes(f, nxt, scan(roots, []))


def drop_top(f, nxt: int) -> int:
    """Pop the top of ``f``'s stack, closing what it leaves unreachable."""
    return run_closes(f, nxt, scan([f.stack.pop()], []))


def drop_stack(f, depth: int, out: list) -> list:
    """Cut ``f``'s stack to ``depth`` (an exception unwinding), collecting generators to close."""
    st = f.stack
    roots = st[depth:]
    del st[depth:]
    if any(type(x) is Generator or type(x) in CONTAINERS for x in roots):
        roots.reverse()   # the top is released first
        scan(roots, out)
    return out


def release_frame(g, gens: list) -> None:
    """After ``g``'s close: a generator left suspended (it ignored GeneratorExit) is done too,
    and what its frame alone held is released (appending generators to close to ``gens``)."""
    if g.state == SUSPENDED:
        g.state = CLOSED
    fr = g.frame
    if any(type(x) is Generator or type(x) in CONTAINERS or type(x) is Instance
           for x in fr.stack + fr.locals):
        scan(_frame_slots(g), gens)


def _shutdown_order(globals_: dict) -> list:
    """Generators reachable from a module's globals in the order CPython's shutdown closes
    them: those held by a name (or an instance's attributes) first, then those in containers."""
    direct, nested, seen = [], [], set()

    def visit(v, into, depth):
        t = type(v)
        if t is Generator:
            if id(v) not in seen:
                seen.add(id(v))
                into.append(v)
        elif depth < 50 and id(v) not in seen:
            if t is Instance and type(v.attrs) is dict:
                seen.add(id(v))
                for x in v.attrs.values():
                    visit(x, into, depth + 1)
            elif t in CONTAINERS:
                seen.add(id(v))
                for x in (v.values() if t is dict else v):
                    visit(x, nested, depth + 1)

    for name, v in list(globals_.items()):
        if not name.startswith('__'):
            visit(v, direct, 0)
    return direct + nested


def at_exit(globals_: dict) -> list:
    """The still-suspended generators to close when a program ends."""
    return [g for g in _shutdown_order(globals_)
            if g.state == SUSPENDED and g.kind != 'async_generator' and needs_close(g)]


def _may_hold(values) -> bool:
    return any(type(x) is Generator or type(x) in CONTAINERS or type(x) is Instance
               for x in values)


def list_clear(vm, lst):
    """``list.clear``: the generators it leaves unreachable are closed right away."""
    if not _may_hold(lst):
        return lst.clear()
    roots = lst[::-1]   # released last to first
    lst.clear()
    gens = scan(roots, [])
    return CallReq(function(vm), (gens,), None, 'none', None) if gens else None


def dict_clear(vm, d):
    """``dict.clear``: the generators it leaves unreachable are closed right away."""
    if not _may_hold(d.values()):
        return d.clear()
    roots = list(d.values())
    d.clear()
    gens = scan(roots, [])
    return CallReq(function(vm), (gens,), None, 'none', None) if gens else None


def mark_holder(f) -> None:
    """``f`` may now hold a generator in a local: its return takes the slow path (a plain
    frame gets an identity continuation), where ``return_closes`` releases its locals.  A
    marked frame never reaches the free list, so reused frames are always unmarked."""
    if f is not None and not f.drops:
        f.drops = True
        if f.post is None:
            f.post = 'releases'


def _is_agen(x) -> bool:
    return type(x) is Generator and x.kind == 'async_generator'


def return_closes(vm, f, value) -> bool:
    """``f`` returns ``value``: release its locals as CPython does at the return, closing the
    generators left unreachable before the caller continues (then return again)."""
    f.drops = False
    if type(value) is Generator:
        mark_holder(f.back)   # the caller may keep it in a local in turn
    locs = f.locals
    if not _may_hold(locs) or f.code.ops[f.pc][0] != O.RETURN_VALUE:
        return False
    held = []
    ends_task = f.gen is not None and f.gen.kind == 'coroutine'
    for i, x in enumerate(locs):
        if x is not UNBOUND and not (ends_task and _is_agen(x)):
            held.append(x)   # a coroutine's async generators are left to the loop's shutdown
            locs[i] = UNBOUND
    x = None   # the loop variable must not keep the last local alive
    gens = scan(held, [])
    if not gens:
        return False
    f.stack.append(value)   # the RETURN_VALUE at ``f.pc`` runs again once they are closed
    vm.push_req(f, close_req(vm, gens))
    return True
