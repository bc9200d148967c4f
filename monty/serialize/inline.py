"""Plain containers written in place (format version 2).

A list, tuple, dict, set or frozenset holding only scalars, short strings, string nodes, names
and other such containers is packed inside its parent as the array ``[tag, *items]`` instead
of as a numbered node.  The encoder cannot know in advance whether the graph reaches a
container twice, so it writes it in place on first sight and *promotes* it to a node when it
meets it again (the place it was written then holds a reference): identity and cycles survive.
A container that turns out to hold an object is written as a node as before.
"""
from __future__ import annotations

from . import tags as G
from .codes import big_int, complex_ext

TAGS = {list: G.N_LIST, tuple: G.N_TUPLE, dict: G.N_DICT, set: G.N_SET, frozenset: G.N_FROZENSET}
MUTABLE = frozenset({list, dict, set})
MAX_DEPTH = 24
INT_MIN, INT_MAX = -(1 << 63), (1 << 64) - 1
STR_MAX = G.STR_INLINE_MAX
ATOMS = frozenset({type(None), bool, float})     # always packed as themselves
KEY_TYPES = frozenset({type(None), bool, int, float, str, bytes})
SCALARS = frozenset({type(None), bool, int, float, str, bytes, complex})


class NotPlain(Exception):
    """Raised inside an in-place attempt that met something only a node can hold."""


class Slot:
    """A container written in place directly inside a node record.

    It packs as ``rec``: the container's record, or its node reference once promoted.
    """
    __slots__ = ('rec',)

    def __init__(self, rec):
        self.rec = rec


def pack_default(o):
    """msgpack ``default`` hook: a slot packs as its record or node reference."""
    if type(o) is Slot:
        return o.rec
    raise TypeError(f'cannot pack {type(o).__name__}')


# An entry per container written in place: [record, container, holder, position].  The holder
# is the list (parent record) or Slot holding the record at ``position``; ACTIVE while the
# container is being written; PROMOTED once it became a node (``position`` is then the node
# index).  A parent that gives up empties its record, so an empty holder means "adopt me".
REC, OBJ, HOLDER, POS = 0, 1, 2, 3
ACTIVE, PROMOTED = object(), object()


class InlineWriter:
    """The encoder half: ``container(v)`` for a plain container type met by ``value``."""

    def container(self, v):
        i = self.node_ids.get(id(v))
        if i is not None:
            return self.ref(i)
        slot = Slot(None)
        try:
            slot.rec = self.child(v, type(v), 0, slot, 0)
        except NotPlain:
            return self.node(v)
        return slot

    def seen_again(self, entry: list, holder, pos: int):
        where = entry[HOLDER]
        if where is PROMOTED:
            return self.ref(entry[POS])
        if where is ACTIVE:
            raise NotPlain               # a container inside itself needs a node between
        if not where:                    # its first parent gave up (emptied it): adopt it
            entry[HOLDER], entry[POS] = holder, pos
            return entry[REC]
        i = self.new_node(entry[OBJ])
        rec = entry[REC]
        self.pre[i] = [G.N_DICT, rec] if type(rec) is dict else rec
        ref = self.ref(i)
        if type(where) is Slot:
            where.rec = ref
        else:
            where[entry[POS]] = ref
        entry[HOLDER], entry[POS] = PROMOTED, i
        return ref

    def child(self, x, t, depth: int, holder, pos: int):
        """The packed form of container ``x`` (of type ``t``) about to go at ``holder[pos]``."""
        key = id(x)
        entry = self.slots.get(key)
        if entry is not None:
            return self.seen_again(entry, holder, pos)
        i = self.node_ids.get(key)
        if i is not None:
            if t in MUTABLE:
                return self.ref(i)
            raise NotPlain
        if self.named_containers:
            name = self.named.get(key) or self.local_named.get(key)
            if name is not None:
                return self.name(name)
        if depth > MAX_DEPTH:
            if t in MUTABLE:
                return self.node(x)
            raise NotPlain
        if (t is list or t is tuple) and _leaf(x):
            rec = [TAGS[t], *x]
            self.slots[key] = [rec, x, holder, pos]
            return rec
        if t is dict and KEY_TYPES.issuperset(map(type, x)):
            rec, write = {}, _w_map
        else:
            rec, write = [TAGS[t]], INLINE_WRITERS[t]
        entry = self.slots[key] = [rec, x, ACTIVE, pos]
        try:
            write(self, x, rec, depth + 1)
        except NotPlain:
            del self.slots[key]
            rec.clear()
            if t in MUTABLE:
                return self.node(x)
            raise
        entry[HOLDER] = holder
        return rec

    def item(self, x, depth: int, out: list):
        """The packed form of ``x`` about to be appended to ``out``."""
        t = type(x)
        if t in TAGS:
            return self.child(x, t, depth, out, len(out))   # never for a map key or value
        if t is str or t is bytes:
            return x if len(x) <= STR_MAX else self.node(x)
        if t is int:
            return x if INT_MIN <= x <= INT_MAX else big_int(x)
        if x is None or t is bool or t is float:
            return x
        if t is complex:
            return complex_ext(x)
        name = self.named.get(id(x)) or self.local_named.get(id(x))
        if name is not None:
            return self.name(name)
        raise NotPlain


def _leaf(v) -> bool:
    """Whether every item of ``v`` packs as itself (no containers, long strings, objects)."""
    if ATOMS.issuperset(map(type, v)):
        return True
    for x in v:
        t = type(x)
        if t is str:
            if len(x) > STR_MAX:
                return False
        elif t is int:
            if not INT_MIN <= x <= INT_MAX:
                return False
        elif t is not float and t is not bool and x is not None:
            return False
    return True


def _w_seq(enc, v, out, depth):
    if ATOMS.issuperset(map(type, v)):
        out.extend(v)
        return
    for x in v:
        t = type(x)
        if (t is str and len(x) <= STR_MAX) or (t is int and INT_MIN <= x <= INT_MAX) or \
                t is float or t is bool or x is None:
            out.append(x)
        elif t in TAGS:
            out.append(enc.child(x, t, depth, out, len(out)))
        else:
            out.append(enc.item(x, depth, out))


def _w_dict(enc, v, out, depth):
    for k, x in v.items():
        if type(k) is str and len(k) <= STR_MAX:
            out.append(k)
        else:
            out.append(enc.item(k, depth, out))
        t = type(x)
        if (t is str and len(x) <= STR_MAX) or (t is int and INT_MIN <= x <= INT_MAX) or \
                t is float or t is bool or x is None:
            out.append(x)
        elif t in TAGS:
            out.append(enc.child(x, t, depth, out, len(out)))
        else:
            out.append(enc.item(x, depth, out))


def _w_map(enc, v, out, depth):
    """A dict whose keys are all scalars packs as a msgpack map."""
    for k, x in v.items():
        if type(k) is not str or len(k) > STR_MAX:
            k = enc.item(k, depth, None)
        t = type(x)
        if (t is str and len(x) <= STR_MAX) or (t is int and INT_MIN <= x <= INT_MAX) or \
                t is float or t is bool or x is None:
            out[k] = x
        elif t in TAGS:
            out[k] = enc.child(x, t, depth, out, k)
        else:
            out[k] = enc.item(x, depth, None)


def _w_set(enc, v, out, depth):
    from .graph import canonical_order
    _w_seq(enc, canonical_order(list(v)), out, depth)


INLINE_WRITERS = {list: _w_seq, tuple: _w_seq, dict: _w_dict, set: _w_set, frozenset: _w_set}


# -- reading ---------------------------------------------------------------------------------
def _dict(body):
    if len(body) % 2:
        raise ValueError('malformed dict')
    it = iter(body)
    return dict(zip(it, it))


BUILDERS = {G.N_LIST: list, G.N_TUPLE: tuple, G.N_DICT: _dict, G.N_SET: set,
            G.N_FROZENSET: frozenset}


def build_map(dec, m: dict) -> dict:
    """The dict for an in-place map (keys and values decoded by ``dec.value``)."""
    if not SCALARS.issuperset(map(type, m)):
        return {dec.value(k): dec.value(x) for k, x in m.items()}
    if not SCALARS.issuperset(map(type, m.values())):
        for k, x in m.items():
            t = type(x)
            if t not in SCALARS:
                m[k] = build(dec, x) if t is tuple else dec.value(x)
    return m


def build(dec, rec: tuple):
    """The container for an in-place record (its items decoded by ``dec.value``)."""
    make = BUILDERS.get(rec[0]) if rec else None
    if make is None:
        raise ValueError('malformed in-place value')
    body = rec[1:]
    if not SCALARS.issuperset(map(type, body)):
        body = [x if type(x) in SCALARS else dec.value(x) for x in body]
    return make(body)
