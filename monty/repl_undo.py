"""Undo for ``MontyRepl``: cheap checkpoints plus an in-place journal of what later cells touch.

A checkpoint copies only the global bindings (a shallow dict copy).  Before each later cell runs,
the journal saves the contents of every mutable object that cell can reach: objects reachable
from the global names its code mentions, widened through every function, method and generator
it can reach (their code's names too).  Restoring writes the saved contents back into the same
objects, newest first, so identity and aliasing survive.  Objects the cell cannot name cannot
change, so the cost of undo is paid only for data a cell can touch, and only while a checkpoint
is alive.
"""
from __future__ import annotations

import weakref
from dataclasses import dataclass, field
from itertools import chain

from .compiler.code import Code
from .objects.model import Function, Instance, MClass, MontyObject, NativeAttr, NativeFunction
from .vm.frame import Frame
from .vm.protocol import HOST_ITER_TYPES, SeqIter

# Builtins through which code could reach every global at once.
ESCAPE_NAMES = frozenset({'globals', 'vars', 'locals', 'eval', 'exec'})
# Shared, immutable runtime objects: never saved, never walked.
OPAQUE_TYPES = (NativeFunction, NativeAttr, Code)
# Slots that never lead to user data (or lead back to the namespace handled by bindings).
SKIPPED_SLOTS = frozenset({'vm', 'globals', 'code', 'back', 'mid', '__weakref__'})


@dataclass(eq=False)
class Checkpoint:
    """A token returned by ``MontyRepl.checkpoint()``; pass it to ``restore()``."""
    serial: int
    mark: int
    bindings: dict
    builtins_extra: dict
    modules: dict
    counter: int
    history_len: int
    valid: bool = True

    def __repr__(self) -> str:
        state = 'valid' if self.valid else 'invalidated'
        return f'<Checkpoint #{self.serial} before <python-input-{self.counter}> ({state})>'


@dataclass
class Journal:
    """Saved object contents since the oldest live checkpoint, oldest first."""
    entries: list = field(default_factory=list)
    saved_ids: set = field(default_factory=set)
    tokens: list = field(default_factory=list)
    serial: int = 0

    def live(self) -> bool:
        """True while some valid checkpoint token is still referenced; drops unneeded saves."""
        self.tokens = [r for r in self.tokens if r() is not None and r().valid]
        if not self.tokens:
            self.entries.clear()
            self.saved_ids.clear()
            return False
        oldest = min(r().mark for r in self.tokens)
        if oldest:
            del self.entries[:oldest]
            for ref in self.tokens:
                ref().mark -= oldest
        return True

    def new_token(self, **state) -> Checkpoint:
        """Open a checkpoint at the current end of the journal."""
        self.serial += 1
        token = Checkpoint(self.serial, len(self.entries), **state)
        self.tokens.append(weakref.ref(token))
        self.saved_ids = set()
        return token

    def invalidate_after(self, token: Checkpoint | None) -> None:
        """Invalidate every token newer than ``token`` (all of them for None)."""
        for ref in self.tokens:
            other = ref()
            if other is not None and (token is None or other.serial > token.serial):
                other.valid = False
        if token is None:
            self.entries.clear()
        self.saved_ids = set()

    def rewind(self, token: Checkpoint) -> None:
        """Put back object contents saved since ``token``, newest first."""
        entries = self.entries
        for i in range(len(entries) - 1, token.mark - 1, -1):
            obj, rule, saved = entries[i]
            rule.restore(obj, saved)
        del entries[token.mark:]
        self.invalidate_after(token)


class Rule:
    """How to save and restore one kind of object, and what it refers to."""
    __slots__ = ('save', 'restore', 'children', 'stateless')

    def __init__(self, save, restore, children, stateless: bool = False):
        self.save = save
        self.restore = restore
        self.children = children
        self.stateless = stateless


def _put_list(x, s):
    x[:] = s


def _put_mapping(x, s):
    x.clear()
    x.update(s)


def _put_slots_and_contents(put):
    def restore(x, s):
        put(x, s[0])
        _put_slots(x, s[1])
    return restore


_SLOTS_CACHE: dict = {}


def _slot_names(t: type) -> tuple:
    names = _SLOTS_CACHE.get(t)
    if names is None:
        seen = []
        for klass in t.__mro__:
            for name in getattr(klass, '__slots__', ()):
                if name not in seen and name not in ('__weakref__', '__dict__'):
                    seen.append(name)
        names = _SLOTS_CACHE[t] = tuple(seen)
    return names


def _get_slots(x) -> tuple:
    return tuple(getattr(x, n, _MISSING) for n in _slot_names(type(x)))


def _put_slots(x, saved: tuple) -> None:
    for name, value in zip(_slot_names(type(x)), saved):
        if value is not _MISSING:
            setattr(x, name, value)
        elif name == 'slotvals' and hasattr(x, name):
            delattr(x, name)        # slot values first set after the checkpoint


def _slot_children(x):
    return [getattr(x, n, None) for n in _slot_names(type(x)) if n not in SKIPPED_SLOTS]


def _frame_save(f: Frame):
    return (_get_slots(f), list(f.locals), list(f.stack), list(f.blocks), list(f.handling))


def _frame_restore(f: Frame, s) -> None:
    _put_slots(f, s[0])
    f.locals[:], f.stack[:], f.blocks[:], f.handling[:] = s[1], s[2], s[3], s[4]


def _frame_children(f: Frame):
    return [f.locals, f.stack, f.handling, f.ns, f.func, f.gen, f.post_state, f.resume_mode]


def _iter_save(it):
    reduced = it.__reduce__()
    return reduced[2] if len(reduced) > 2 else _MISSING


def _iter_restore(it, state) -> None:
    if state is not _MISSING:
        it.__setstate__(state)


def _iter_children(it):
    reduced = it.__reduce__()
    return list(reduced[1]) if len(reduced) > 1 else []


def _host_dict_save(x):
    return dict(x.__dict__)


def _none(_x):
    return ()


def _same(x):
    return x


def _keys_and_values(d):
    return chain(d.keys(), d.values())


def _instance_save(x):
    values = getattr(x, 'slotvals', None)
    return (x.mcls, x.attrs.copy(), values and values.copy())


def _instance_restore(x, s) -> None:
    x.mcls = s[0]
    _put_mapping(x.attrs, s[1])
    if s[2]:
        x.slotvals = s[2].copy()
    elif getattr(x, 'slotvals', None) is not None:
        del x.slotvals


def _instance_children(x):
    values = getattr(x, 'slotvals', None) or {}
    return chain((x.mcls,), x.attrs.keys(), x.attrs.values(), values.keys(), values.values())


_MISSING = object()
LIST = Rule(list, _put_list, _same)
MAPPING = Rule(dict, _put_mapping, _keys_and_values)
SET = Rule(set, _put_mapping, _same)
BYTEARRAY = Rule(bytes, _put_list, _none)
FROZEN = Rule(None, None, _same, stateless=True)
INSTANCE = Rule(_instance_save, _instance_restore, _instance_children)
SLOTS = Rule(_get_slots, _put_slots, _slot_children)
FRAME = Rule(_frame_save, _frame_restore, _frame_children)
HOST_ITER = Rule(_iter_save, _iter_restore, _iter_children)
HOST_DICT = Rule(_host_dict_save, lambda x, s: _put_mapping(x.__dict__, s),
                 lambda x: list(x.__dict__.values()))

RULES: dict = {list: LIST, dict: MAPPING, set: SET, bytearray: BYTEARRAY, tuple: FROZEN,
               frozenset: FROZEN, Frame: FRAME, SeqIter: SLOTS, Instance: INSTANCE}


def _with_contents(base: Rule) -> Rule:
    """A rule for instances of user subclasses of list/dict/set: contents plus slots."""
    return Rule(lambda x: (base.save(x), _get_slots(x)),
                _put_slots_and_contents(base.restore),
                lambda x: chain(base.children(x), _slot_children(x)))


def rule_for(x) -> Rule | None:
    """The rule for ``x``, or None for values that cannot change or must not be walked."""
    t = type(x)
    rule = RULES.get(t)
    if rule is not None:
        return rule
    if isinstance(x, OPAQUE_TYPES) or (t is MClass and x.native):
        return None
    if isinstance(x, MontyObject):
        return SLOTS
    rule = _special_rule(x, t)
    if rule is not None:
        RULES[t] = rule
    return rule


def _special_rule(x, t) -> Rule | None:
    for base, inner in ((list, LIST), (dict, MAPPING), (set, SET)):
        if isinstance(x, base):
            return _with_contents(inner) if hasattr(t, '__slots__') else None
    if t in HOST_ITER_TYPES and hasattr(x, '__setstate__'):
        return HOST_ITER
    if t in HOST_ITER_TYPES:
        return Rule(None, None, _iter_children, stateless=True)
    if hasattr(x, '__dict__') and isinstance(x, (int, float, str, bytes, tuple)):
        return HOST_DICT
    return None


_NAMES_CACHE: dict = {}


def code_names(code: Code) -> frozenset:
    """Every string operand in ``code`` and its nested bodies (a superset of its global names)."""
    hit = _NAMES_CACHE.get(id(code))
    if hit is not None and hit[0] is code:
        return hit[1]
    names: set = set()
    _collect(code, names)
    result = frozenset(names)
    _NAMES_CACHE[id(code)] = (code, result)
    return result


def _collect(code: Code, names: set) -> None:
    stack = [arg for _op, arg in code.ops]
    while stack:
        arg = stack.pop()
        t = type(arg)
        if t is str:
            names.add(arg)
        elif t is tuple:
            stack.extend(arg)
        elif t is Code:
            names |= code_names(arg)


class Reach:
    """Walks everything a cell can reach and saves it into the journal."""

    def __init__(self, journal: Journal, namespace: dict, extra: dict, skip_ids: set):
        self.journal = journal
        self.namespace = namespace
        self.extra = extra
        self.skip = skip_ids
        self.names_done: set = set()
        self.todo: list = []

    def run(self, code: Code) -> int:
        """Save every reachable object not saved since the last checkpoint; returns how many."""
        before = len(self.journal.entries)
        names = code_names(code)
        self.add_names(self.namespace.keys() if names & ESCAPE_NAMES else names)
        self.walk()
        return len(self.journal.entries) - before

    def add_names(self, names) -> None:
        for name in names:
            if name in self.names_done:
                continue
            self.names_done.add(name)
            for space in (self.namespace, self.extra):
                if name in space:
                    self.todo.append(space[name])

    def walk(self) -> None:
        todo, saved, skip = self.todo, self.journal.saved_ids, self.skip
        record, rules, leaves = self.journal.entries.append, RULES, _LEAF_TYPES
        while todo:
            x = todo.pop()
            t = type(x)
            if t in leaves:
                continue
            key = id(x)
            if key in saved or key in skip:
                continue
            rule = rules.get(t) or rule_for(x)
            if rule is None:
                continue
            saved.add(key)
            if t is Instance:
                attrs = x.attrs
                values = getattr(x, 'slotvals', None)
                record((x, rule, (x.mcls, attrs.copy(), values and values.copy())))
                todo.append(x.mcls)
                todo.extend(attrs.values())
                if values:
                    todo.extend(values.values())
                continue
            if not rule.stateless:
                record((x, rule, rule.save(x)))
            todo.extend(rule.children(x))
            if t is Function or t is Frame:
                self.add_names(code_names(x.code))


_LEAF_TYPES = frozenset({type(None), bool, int, float, complex, str, bytes, range, slice,
                         type(...), type(NotImplemented)})
