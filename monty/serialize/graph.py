"""The heap as a graph: every container and object is a numbered node, written once.

Shared references and cycles survive (``a is b`` stays true).  Nodes are numbered in
breadth-first order from the root, set elements are written in a canonical order, so the same
state always gives the same bytes.  Loading allocates every mutable node first, then fills them,
so cycles need no recursion; only immutable nodes (tuples, frozensets) are built on demand.
"""
from __future__ import annotations

import gc
import struct

import msgpack

from ..compiler.code import Code
from ..objects import model as M
from ..vm.signals import DISCARD, NULL, PUSHED
from . import hostvalues
from . import tags as G
from .classes import field_counts, import_stdlib_classes, layout_of, object_classes
from .codes import CodeIndex, CodeWriter, big_int, complex_ext
from .inline import TAGS as INLINE_TAGS
from .inline import InlineWriter
from .inline import build as build_inline
from .inline import build_map
from .registry import host_classes


class _Absent:
    """An unset slot."""
    __slots__ = ()


ABSENT = _Absent()
VM_MARK = object()
SPECIALS = (M.UNBOUND, NotImplemented, ..., NULL, PUSHED, DISCARD, ABSENT, VM_MARK)
_SPECIAL_IDS = {id(v): i for i, v in enumerate(SPECIALS)}
_SPECIAL_REFS = [msgpack.ExtType(G.EXT_SPECIAL, bytes((i,))) for i in range(len(SPECIALS))]
INT_MIN, INT_MAX = -(1 << 63), (1 << 64) - 1
ITER_FUNCS = {iter: 'iter', reversed: 'reversed', enumerate: 'enumerate', zip: 'zip'}
ITER_BUILD = {v: k for k, v in ITER_FUNCS.items()}
ITER_TYPES = frozenset({'list_iterator', 'tuple_iterator', 'str_iterator', 'str_ascii_iterator',
                        'bytes_iterator', 'bytearray_iterator', 'range_iterator',
                        'longrange_iterator', 'list_reverseiterator', 'reversed',
                        'dict_keyiterator', 'dict_valueiterator', 'dict_itemiterator',
                        'dict_reversekeyiterator', 'dict_reversevalueiterator',
                        'dict_reverseitemiterator', 'set_iterator', 'enumerate', 'zip'})
VIEWS = ('dict_keys', 'dict_values', 'dict_items')
MUTABLE_SUBS = (M.ListInstance, M.DictInstance, M.SetInstance)
SUB_FIELDS = ('mcls', 'attrs', 'mid', 'slotvals')   # the Monty state of a builtin-subclass instance


def _ref(code: int, i: int) -> msgpack.ExtType:
    return msgpack.ExtType(code, i.to_bytes(max(1, (i.bit_length() + 7) // 8), 'big'))


def canonical_key(v):
    """Bytes that order set elements the same way in every process (None if not plain)."""
    t = type(v)
    if t is str:
        return b's' + v.encode('utf-8', 'surrogatepass')
    if t is bytes:
        return b'b' + v
    if t is bool or v is None:
        return b'n' + repr(v).encode()
    if t is int:
        return b'i' + str(v).encode()
    if t is float:
        return b'f' + struct.pack('>d', v)
    if t is complex:
        return b'c' + struct.pack('>dd', v.real, v.imag)
    if t in (tuple, frozenset):
        parts = [canonical_key(x) for x in v]
        if any(p is None for p in parts):
            return None
        if t is frozenset:
            parts.sort()
        return b'(' + b''.join(len(p).to_bytes(4, 'big') + p for p in parts)
    return None


def canonical_order(items) -> list:
    keyed = [(canonical_key(x), i, x) for i, x in enumerate(items)]
    keyed.sort(key=lambda e: (e[0] is None, e[0] or b'', e[1]))
    return [x for _, _, x in keyed]


class Encoder(InlineWriter):
    """Writes one root value and everything it reaches."""

    def __init__(self, registry, vm=None):
        self.registry = registry
        self.vm = vm
        self.codes = CodeWriter()
        self.names: dict = {}
        self.node_ids: dict = {}
        self.objs: list = []
        self.refs: list = []        # the reference value of node i, made once
        self.slots: dict = {}       # id -> Slot of a container written in place
        self.pre: dict = {}         # node index -> record already written (promoted slots)
        self.named, self.local_named, self.named_containers = registry.id_tables()
        self.name_refs: dict = {}   # name -> its reference value, made once
        self.layouts: dict = {}     # host class -> layout_of(class)

    def name(self, name: str) -> msgpack.ExtType:
        ref = self.name_refs.get(name)
        if ref is None:
            i = self.names[name] = len(self.names)
            ref = self.name_refs[name] = _ref(G.EXT_NAMED, i)
        return ref

    def value(self, v):
        t = type(v)
        if t is str or t is bytes:
            return v if len(v) <= G.STR_INLINE_MAX else self.node(v)
        if t is int:
            return v if INT_MIN <= v <= INT_MAX else big_int(v)
        if v is None or t is bool or t is float:
            return v
        key = id(v)
        i = self.node_ids.get(key)
        if i is not None:               # met before (every node's reference exists)
            return self.refs[i]
        if t is complex:
            return complex_ext(v)
        sp = _SPECIAL_IDS.get(key)
        if sp is not None and SPECIALS[sp] is v:
            return _SPECIAL_REFS[sp]
        if v is self.vm and v is not None:
            return _SPECIAL_REFS[SPECIALS.index(VM_MARK)]
        name = self.named.get(key) or self.local_named.get(key)
        if name is not None:
            return self.name(name)
        if t in INLINE_TAGS:
            return self.container(v)
        if t is Code:
            return self.codes.ref(v)
        return self.node(v)

    def ref(self, i: int) -> msgpack.ExtType:
        refs = self.refs
        while len(refs) <= i:
            refs.append(_ref(G.EXT_REF, len(refs)))
        return refs[i]

    def new_node(self, v) -> int:
        i = self.node_ids[id(v)] = len(self.objs)
        self.objs.append(v)
        return i

    def node(self, v) -> msgpack.ExtType:
        i = self.node_ids.get(id(v))
        if i is None:
            i = self.new_node(v)
        return self.ref(i)

    def encode(self, root, modules: list = ()) -> list:
        """The payload: tables, node records, the root and the modules' own state."""
        top = self.value(root)
        extra = self.value(list(modules))
        records = []
        pre = self.pre
        i = 0
        while i < len(self.objs):
            rec = pre.pop(i, None)
            records.append(self.record(self.objs[i]) if rec is None else rec)
            i += 1
        codes, sources = self.codes.records()
        names = sorted(self.names, key=self.names.get)
        return [names, sources, codes, records, top, extra]

    def record(self, v) -> list:
        t = type(v)
        write = WRITERS.get(t)
        if write is not None:
            return write(self, v)
        if isinstance(v, M.HOST_SUBCLASS_KINDS):
            return self.sub_record(v)
        layout = self.layouts.get(t, ABSENT)
        if layout is ABSENT:
            layout = self.layouts[t] = layout_of(t)
        if layout is not None:
            name, slots = layout
            return [G.N_OBJ, self.name(name)] + [self.value(getattr(v, s, ABSENT)) for s in slots]
        tname = t.__name__
        if tname in ITER_TYPES:
            return self.iter_record(v)
        if tname in VIEWS:
            return [G.N_VIEW, VIEWS.index(tname), self.value(_view_dict(v))]
        reduced = hostvalues.reduce(v)
        if reduced is not None:
            return [G.N_HOST, reduced[0], self.value(reduced[1])]
        raise unsaveable(v)

    def items(self, tag, seq) -> list:
        return [tag] + [self.value(x) for x in seq]

    def sub_record(self, v) -> list:
        base = _sub_base(v)
        extras = []
        attrs = {s: getattr(v, s) for s in SUB_FIELDS if hasattr(v, s)}
        if hasattr(v, '__dict__'):
            attrs.update(vars(v))
        for k in sorted(attrs):
            extras += [k, self.value(attrs[k])]
        host = type(v)
        hname = f'H:{host.__module__}.{host.__qualname__}'
        if isinstance(base, (list, dict, set, tuple)):
            flat = _flat_items(base)
            base = [self.value(x) for x in flat]
        else:
            base = self.value(base)
        return [G.N_SUB, self.name(hname), base, extras]

    def iter_record(self, v) -> list:
        red = v.__reduce__()
        fn, args = red[0], red[1]
        state = red[2] if len(red) > 2 else ABSENT
        fname = ITER_FUNCS.get(fn)
        if fname is None:
            raise unsaveable(v)
        return [G.N_ITER, fname, [self.value(a) for a in args], self.value(state)]


def unsaveable(v) -> ValueError:
    """The error for a value no snapshot can hold, naming its type as Monty code sees it."""
    try:
        from ..builtins import types as T
        name = T.type_name(v)
    except Exception:  # noqa: BLE001 - any host object may end up here
        name = type(v).__name__
    return ValueError(f"cannot snapshot a value of type '{name}'")


def _view_dict(view):
    """The dict behind a dict view (the view's only reference; ``.mapping`` is a proxy)."""
    refs = gc.get_referents(view)
    if len(refs) != 1 or not isinstance(refs[0], dict):
        raise unsaveable(view)
    return refs[0]


def _sub_base(v):
    for host in (list, dict, set, int, float, str, bytes, tuple):
        if isinstance(v, host):
            return host(v) if host not in (list, dict, set, tuple) else v
    raise unsaveable(v)


def _flat_items(base) -> list:
    if isinstance(base, dict):
        out = []
        for k, val in dict.items(base):
            out += (k, val)
        return out
    if isinstance(base, set):
        return canonical_order(list(set.__iter__(base)))
    return list(list.__iter__(base)) if isinstance(base, list) else list(tuple.__iter__(base))


def _w_dict(enc, v):
    out = [G.N_DICT]
    for k, val in v.items():
        out += (enc.value(k), enc.value(val))
    return out


WRITERS = {
    list: lambda e, v: e.items(G.N_LIST, v),
    tuple: lambda e, v: e.items(G.N_TUPLE, v),
    dict: _w_dict,
    M.ClassDict: _w_dict,
    set: lambda e, v: e.items(G.N_SET, canonical_order(list(v))),
    frozenset: lambda e, v: e.items(G.N_FROZENSET, canonical_order(list(v))),
    str: lambda e, v: [G.N_STR, v],
    bytes: lambda e, v: [G.N_STR, v],
    bytearray: lambda e, v: [G.N_BYTEARRAY, bytes(v)],
    range: lambda e, v: [G.N_RANGE, e.value(v.start), e.value(v.stop), e.value(v.step)],
    slice: lambda e, v: [G.N_SLICE, e.value(v.start), e.value(v.stop), e.value(v.step)],
    M.Module: lambda e, v: [G.N_MODULE, v.name],
}


# -- reading ---------------------------------------------------------------------------------
PLAIN_KEYS = frozenset({type(None), bool, int, float, str, bytes, complex})


def _fill_dict(dec, obj, items) -> None:
    for k, v in zip(items[::2], items[1::2]):
        dict.__setitem__(obj, dec.value(k), dec.value(v))


def _fill_set(dec, obj, items) -> None:
    for v in items:
        set.add(obj, dec.value(v))


class Ref:
    __slots__ = ('i',)

    def __init__(self, i):
        self.i = i


class NamedRef:
    __slots__ = ('i',)

    def __init__(self, i):
        self.i = i


def ext_hook(code: int, data: bytes):
    """Decode one extension value (each shape checked)."""
    if code in (G.EXT_REF, G.EXT_NAMED, G.EXT_CODE):
        if not 1 <= len(data) <= 4:
            raise ValueError('malformed reference')
        i = int.from_bytes(data, 'big')
        return Ref(i) if code == G.EXT_REF else NamedRef(i) if code == G.EXT_NAMED \
            else CodeIndex(i)
    if code == G.EXT_BIGINT:
        if not data or len(data) > 1 << 16:
            raise ValueError('malformed integer')
        return int.from_bytes(data, 'big', signed=True)
    if code == G.EXT_COMPLEX:
        if len(data) != 16:
            raise ValueError('malformed complex number')
        return complex(*struct.unpack('>dd', data))
    if code == G.EXT_SPECIAL:
        if len(data) != 1 or data[0] >= len(SPECIALS):
            raise ValueError('malformed special value')
        return SPECIALS[data[0]]
    if code == G.EXT_CONST_SET:
        unpacker = msgpack.Unpacker(use_list=False, raw=False, ext_hook=ext_hook,
                                    unicode_errors='surrogatepass',
                                    strict_map_key=False, max_buffer_size=max(len(data), 1))
        unpacker.feed(data)
        try:
            return frozenset(unpacker)
        except TypeError:
            raise ValueError('malformed frozenset constant') from None
    raise ValueError(f'unknown extension type {code}')


class _Building:
    """Marks an immutable node whose parts are being built (a cycle means bad data)."""


BUILDING = _Building()
NOT_BUILT = object()


class Decoder:
    """Rebuilds a graph written by ``Encoder`` into a VM."""

    def __init__(self, registry, vm=None):
        self.registry = registry
        self.vm = vm
        self.classes = object_classes()
        self.hosts = host_classes()

    def decode(self, payload):
        from .codes import read_codes
        if not isinstance(payload, tuple) or len(payload) != 6:
            raise ValueError('malformed payload')
        names, sources, codes, records, root, modules = payload
        if not isinstance(names, tuple) or not all(type(n) is str for n in names) or \
                not isinstance(records, tuple):
            raise ValueError('malformed payload tables')
        self.names = names
        self.named = {}
        self.codes = read_codes(codes, sources)
        self.records = records
        self.objs = [NOT_BUILT] * len(records)
        self.iters = []
        for i, rec in enumerate(records):
            if not isinstance(rec, tuple) or not rec or rec[0] not in G.NODE_TAGS:
                raise ValueError(f'malformed node {i}')
            self.allocate(i, rec)
        self.deferred = []
        for phase in (self.fill_classes, self.fill_objects, self.fill_lists, self.fill_hashed):
            for i, rec in enumerate(records):
                phase(i, rec)
        for fill, obj, items in self.deferred:
            fill(self, obj, items)
        for it, state in self.iters:
            it.__setstate__(state)
        self.module_states = self.value(modules)
        return self.value(root)

    # values
    def value(self, v):
        t = type(v)
        if t is Ref:
            return self.node(v.i)
        if t is NamedRef:
            return self.lookup(v.i)
        if t is CodeIndex:
            if v.i >= len(self.codes):
                raise ValueError('code reference out of range')
            return self.codes[v.i]
        if v is VM_MARK:
            if self.vm is None:
                raise ValueError('unexpected interpreter reference')
            return self.vm
        if t is tuple:
            return build_inline(self, v)
        if t is dict:
            return build_map(self, v)
        if t is list:
            raise ValueError('malformed value: unexpected list')
        return v

    def lookup(self, i: int):
        if i >= len(self.names):
            raise ValueError('name reference out of range')
        obj = self.named.get(i, NOT_BUILT)
        if obj is NOT_BUILT:
            name = self.names[i]
            if name.startswith('C:'):
                raise ValueError(f'class name {name!r} used as a value')
            obj = self.named[i] = self.registry.lookup(name)
        return obj

    def class_for(self, v, table):
        if type(v) is not NamedRef or v.i >= len(self.names):
            raise ValueError('malformed class reference')
        name = self.names[v.i]
        entry = table.get(name[2:] if table is self.hosts else name)
        if entry is None and table is self.classes and name.startswith('C:monty.'):
            self.classes = table = import_stdlib_classes()
            entry = table.get(name)
        if entry is None:
            raise ValueError(f'snapshot refers to an unknown class {name!r}')
        return entry

    def node(self, i: int):
        if i >= len(self.objs):
            raise ValueError('node reference out of range')
        obj = self.objs[i]
        if obj is NOT_BUILT:
            obj = self.build_immutable(i, self.records[i])
        elif obj is BUILDING:
            raise ValueError('malformed snapshot: immutable value contains itself')
        return obj

    # phase 1: shells for everything mutable
    def allocate(self, i, rec):
        tag = rec[0]
        if tag == G.N_LIST:
            self.objs[i] = []
        elif tag == G.N_DICT:
            self.objs[i] = {}
        elif tag == G.N_SET:
            self.objs[i] = set()
        elif tag == G.N_BYTEARRAY:
            if len(rec) != 2 or type(rec[1]) is not bytes:
                raise ValueError('malformed bytearray')
            self.objs[i] = bytearray(rec[1])
        elif tag == G.N_OBJ:
            if len(rec) < 2:
                raise ValueError('malformed object')
            cls, slots = self.class_for(rec[1], self.classes)
            if len(rec) - 2 not in field_counts(slots):
                raise ValueError(f'malformed {cls.__name__}: wrong number of fields')
            self.objs[i] = cls.__new__(cls)
        elif tag == G.N_SUB:
            if len(rec) != 4 or not isinstance(rec[3], tuple) or len(rec[3]) % 2:
                raise ValueError('malformed subclass instance')
            host = self.class_for(rec[1], self.hosts)
            if host in MUTABLE_SUBS:
                if not isinstance(rec[2], tuple):
                    raise ValueError('malformed subclass instance')
                self.objs[i] = host()

    # phase 2: the class of every instance (hashing an instance needs it)
    def fill_classes(self, i, rec):
        if rec[0] == G.N_OBJ:
            cls, slots = self.classes[self.names[rec[1].i]]
            if cls is M.MClass:
                self.class_namespace(rec[2 + slots.index('dict')])
            if 'mcls' in slots:
                v = rec[2 + slots.index('mcls')]
                if type(v) in (Ref, NamedRef):
                    object.__setattr__(self.objs[i], 'mcls', self.value(v))

    def class_namespace(self, v) -> None:
        """A class's namespace is a ``ClassDict`` (its changes invalidate attribute caches)."""
        if type(v) is Ref and v.i < len(self.objs) and type(self.objs[v.i]) is dict and \
                not self.objs[v.i]:
            self.objs[v.i] = M.ClassDict()

    # phase 3: object fields
    def fill_objects(self, i, rec):
        tag = rec[0]
        if tag == G.N_OBJ:
            obj = self.objs[i]
            _, slots = self.classes[self.names[rec[1].i]]
            for name, v in zip(slots, rec[2:]):
                if v is not ABSENT:
                    object.__setattr__(obj, name, self.value(v))
        elif tag == G.N_SUB and type(self.objs[i]) in MUTABLE_SUBS:
            self.set_extras(self.objs[i], rec[3])

    def set_extras(self, obj, extras):
        for k, v in zip(extras[::2], extras[1::2]):
            if k not in SUB_FIELDS:
                raise ValueError(f'malformed subclass instance field {k!r}')
            setattr(obj, k, self.value(v))

    # phase 3: lists;  phase 4: hashed containers
    def fill_lists(self, i, rec):
        tag = rec[0]
        if tag == G.N_LIST:
            self.objs[i].extend(self.value(v) for v in rec[1:])
        elif tag == G.N_SUB and type(self.objs[i]) is M.ListInstance:
            list.extend(self.objs[i], [self.value(v) for v in rec[2]])

    def fill_hashed(self, i, rec):
        """Dicts and sets whose keys are plain values are filled first; the others (keys that
        may run a Monty ``__hash__``) wait until every plain one, class namespaces and
        instance attributes included, is complete."""
        tag = rec[0]
        obj = self.objs[i]
        if tag == G.N_DICT or (tag == G.N_SUB and type(obj) is M.DictInstance):
            items = rec[1:] if tag == G.N_DICT else rec[2]
            if len(items) == 1 and type(items[0]) is dict:    # [tag, map]: a promoted map
                items = [x for pair in items[0].items() for x in pair]
            if len(items) % 2:
                raise ValueError('malformed dict')
            keys, fill = items[::2], _fill_dict
        elif tag == G.N_SET or (tag == G.N_SUB and type(obj) is M.SetInstance):
            keys = items = rec[1:] if tag == G.N_SET else rec[2]
            fill = _fill_set
        else:
            return
        if PLAIN_KEYS.issuperset(map(type, keys)):
            fill(self, obj, items)
        else:
            self.deferred.append((fill, obj, items))

    # immutable nodes, built on first use
    def build_immutable(self, i, rec):
        self.objs[i] = BUILDING
        tag = rec[0]
        build = IMMUTABLE_BUILDERS.get(tag)
        if build is None:
            raise ValueError(f'malformed node {i}')
        obj = build(self, rec)
        self.objs[i] = obj
        return obj

    def build_sub(self, rec):
        host = self.class_for(rec[1], self.hosts)
        if host in MUTABLE_SUBS or host in (M.Instance, M.ExcInstance) or \
                host not in M.INSTANCE_KINDS.values():
            raise ValueError('malformed subclass instance')
        base = rec[2]
        if host is M.TupleInstance:
            if not isinstance(base, tuple):
                raise ValueError('malformed tuple subclass instance')
            obj = host(self.value(v) for v in base)
        else:
            val = self.value(base)
            if type(val) is not host.__mro__[1]:
                raise ValueError('malformed subclass instance base value')
            obj = host(val)
        self.set_extras(obj, rec[3])
        return obj

    def build_iter(self, rec):
        if len(rec) != 4 or rec[1] not in ITER_BUILD or not isinstance(rec[2], tuple):
            raise ValueError('malformed iterator')
        args = [self.value(a) for a in rec[2]]
        fn = ITER_BUILD[rec[1]]
        if fn in (iter, reversed):
            if len(args) != 1 or type(args[0]) not in (list, tuple, str, bytes, bytearray,
                                                     range):
                raise ValueError('malformed iterator')
        it = fn(*args)
        state = self.value(rec[3])
        if state is not ABSENT:
            if type(state) not in (int, bool):
                raise ValueError('malformed iterator state')
            self.iters.append((it, state))
        return it


def _b_str(d, rec):
    if len(rec) != 2 or type(rec[1]) not in (str, bytes):
        raise ValueError('malformed string node')
    return rec[1]


def _b_range(d, rec):
    if len(rec) != 4:
        raise ValueError('malformed range')
    a, b, c = (d.value(x) for x in rec[1:])
    if not all(type(x) is int for x in (a, b, c)) or c == 0:
        raise ValueError('malformed range')
    return range(a, b, c)


def _b_slice(d, rec):
    if len(rec) != 4:
        raise ValueError('malformed slice')
    return slice(*(d.value(x) for x in rec[1:]))


def _b_frozenset(d, rec):
    return frozenset(d.value(v) for v in rec[1:])


def _b_view(d, rec):
    if len(rec) != 3 or rec[1] not in (0, 1, 2):
        raise ValueError('malformed dict view')
    target = d.value(rec[2])
    if type(target) not in (dict, M.DictInstance):
        raise ValueError('malformed dict view')
    return (dict.keys, dict.values, dict.items)[rec[1]](target)


def _b_module(d, rec):
    if len(rec) != 2 or type(rec[1]) is not str:
        raise ValueError('malformed module')
    return d.registry.import_module(rec[1])


def _b_host(d, rec):
    if len(rec) != 3:
        raise ValueError('malformed host value')
    return hostvalues.rebuild(d.vm, rec[1], d.value(rec[2]))


IMMUTABLE_BUILDERS = {
    G.N_TUPLE: lambda d, rec: tuple(d.value(v) for v in rec[1:]),
    G.N_FROZENSET: _b_frozenset,
    G.N_STR: _b_str,
    G.N_RANGE: _b_range,
    G.N_SLICE: _b_slice,
    G.N_ITER: Decoder.build_iter,
    G.N_VIEW: _b_view,
    G.N_MODULE: _b_module,
    G.N_SUB: Decoder.build_sub,
    G.N_HOST: _b_host,
}


def _bump_ids(self) -> None:
    """Keep fresh ids() distinct from the ids of loaded objects."""
    top = 0
    for obj in self.objs:
        mid = getattr(obj, 'mid', 0) if isinstance(obj, M.MontyObject) else 0
        if type(mid) is int and mid > top:
            top = mid
    if top:
        import itertools
        current = M.next_object_id()
        if current <= top:
            M._ids = itertools.count((top - 0x7F0000000000) // 16 + 1)


Decoder.bump_ids = _bump_ids
