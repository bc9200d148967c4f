"""Builtins that run Monty callbacks, written in Monty so every callback is an ordinary frame.

``sorted(key=...)``, ``map``, ``min``/``max``, ``list(generator)``, ... take a host fast path
when no Monty code can run; otherwise their native returns a ``CallReq`` for one of these
functions, so an external call inside a key function or generator pauses and snapshots like
any other.  Frames of this module are left out of tracebacks, like CPython's C builtins.
"""
from __future__ import annotations

NAME = '<callbacks>'
FILENAME = f'<{NAME}>'

SOURCE = '''
_MISSING = object()


def list_of(iterable):
    return [x for x in iterable]


def tuple_of(iterable):
    return tuple([x for x in iterable])


def set_of(iterable):
    return {x for x in iterable}


def frozenset_of(iterable):
    return _freeze({x for x in iterable})


def dict_from_flat(items):
    d = {}
    i = 0
    while i < len(items):
        d[items[i]] = items[i + 1]
        i += 2
    return d


def extend(target, iterable):
    for x in iterable:
        target.append(x)


def sorted_by(iterable, key, reverse):
    items = [x for x in iterable]
    if key is None:
        _sort_keyed(items, None, reverse)
    else:
        _sort_keyed(items, [key(x) for x in items], reverse)
    return items


def sort_in_place(items, key, reverse):
    _sort_keyed(items, [key(x) for x in items], reverse)


def merge_sort(items, keys, reverse):
    """A stable bottom-up merge sort comparing with ``<`` only, as frames (so a Monty
    ``__lt__`` can pause); ``reverse`` keeps equal items in their original order."""
    if keys is None:
        keys = items[:]
    values = items[:]
    n = len(values)
    order = list(range(n))
    width = 1
    while width < n:
        merged = []
        lo = 0
        while lo < n:
            mid = min(lo + width, n)
            hi = min(lo + 2 * width, n)
            i = lo
            j = mid
            while i < mid and j < hi:
                a = order[i]
                b = order[j]
                if keys[a] < keys[b] if reverse else keys[b] < keys[a]:
                    merged.append(b)
                    j += 1
                else:
                    merged.append(a)
                    i += 1
            merged.extend(order[i:mid])
            merged.extend(order[j:hi])
            lo = hi
        order = merged
        width *= 2
    items[:] = [values[k] for k in order]


def total(iterable, start):
    result = start
    for x in iterable:
        result = result + x
    return result


def any_of(iterable):
    for x in iterable:
        if x:
            return True
    return False


def all_of(iterable):
    for x in iterable:
        if not x:
            return False
    return True


def any_rest(first, it):
    if first:
        return True
    return any_of(it)


def all_rest(first, it):
    if not first:
        return False
    return all_of(it)


def best(iterable, key, default, pick_max, empty_message):
    found = False
    chosen = None
    chosen_key = None
    for x in iterable:
        k = x if key is None else key(x)
        if not found:
            found = True
            chosen = x
            chosen_key = k
        elif pick_max:
            if k > chosen_key:
                chosen = x
                chosen_key = k
        elif k < chosen_key:
            chosen = x
            chosen_key = k
    if found:
        return chosen
    if default is _MISSING:
        raise ValueError(empty_message)
    return default


def dict_update(d, source):
    if _has_keys(source):
        for k in source.keys():
            d[k] = source[k]
        return d
    i = 0
    for item in source:
        pair = _pair(item, i)
        d[pair[0]] = pair[1]
        i += 1
    return d


def join(sep, iterable):
    return sep.join([x for x in iterable])


def repr_of(x, active=None):
    text = _quick_repr(x)
    if text is not None:
        return text
    parts = _repr_parts(x)
    kind = parts[0]
    if kind == 'own':
        return repr(x)
    if kind == 'text':
        return parts[1]
    if active is None:
        active = _active_reprs()
    if parts[4] is not None:
        for a in active:
            if a is x:
                return parts[4]
    active.append(x)
    try:
        return parts[1] + _repr_items(kind, parts[3], active) + parts[2]
    finally:
        active.pop()


def _repr_items(kind, items, active):
    if kind == 'dict':
        return ', '.join([repr_of(k, active) + ': ' + repr_of(v, active) for k, v in items])
    texts = [repr_of(v, active) for v in items]
    if kind == 'tuple' and len(texts) == 1:
        return texts[0] + ','
    return ', '.join(texts)


def print_to(args, sep, end, stream):
    _write(stream, sep.join([str(a) for a in args]) + end)


def format_pieces(pieces):
    out = []
    for p in pieces:
        if type(p) is str:
            out.append(p)
        else:
            out.append(_format_field(p[0], p[1], p[2]))
    return ''.join(out)


def getattribute_or_getattr(obj, name, getattribute, getattr_hook):
    try:
        return getattribute(obj, name)
    except AttributeError:
        return getattr_hook(obj, name)


def percent_of(fmt, values, calls):
    texts = []
    for v, kind in calls:
        texts.append(repr(v) if kind else str(v))
    return _percent_apply(fmt, values, texts)


def callable_next(it, func, sentinel):
    v = func()
    if v is sentinel or v == sentinel:
        _iter_done(it)
        raise StopIteration
    return v


def zip_strict_next(iterators):
    out = []
    for i in range(len(iterators)):
        try:
            out.append(next(iterators[i]))
        except StopIteration:
            if i:
                raise ValueError(_zip_message(i, 'shorter')) from None
            for j in range(1, len(iterators)):
                try:
                    next(iterators[j])
                except StopIteration:
                    continue
                raise ValueError(_zip_message(j, 'longer')) from None
            raise
    return tuple(out)


def map_next(func, iterators):
    if len(iterators) == 1:
        return func(next(iterators[0]))
    args = []
    for it in iterators:
        args.append(next(it))
    return func(*args)


def filter_next(func, it):
    while True:
        x = next(it)
        if func is None:
            if x:
                return x
        elif func(x):
            return x


def next_or(it, default):
    try:
        return next(it)
    except StopIteration:
        return default


def enumerate_next(it, i):
    return (i, next(it))


def zip_next(iterators):
    out = []
    for it in iterators:
        out.append(next(it))
    return tuple(out)
'''


def natives(vm) -> dict:
    """Host helpers the functions above use."""
    from ...objects.model import NativeFunction
    from ..list_sort import sort_keyed
    from ..constructors import dict_pair, has_keys
    from ..textconv import active_reprs, format_field, quick_repr, repr_parts
    from ..formatting import percent_apply
    from ..functions import zip_message
    return {'_quick_repr': NativeFunction('_quick_repr', quick_repr),
            '_repr_parts': NativeFunction('_repr_parts', repr_parts),
            '_freeze': NativeFunction('_freeze', frozenset),
            '_iter_done': NativeFunction('_iter_done', _iter_done),
            '_zip_message': NativeFunction('_zip_message', zip_message),
            '_format_field': NativeFunction('_format_field', format_field),
            '_percent_apply': NativeFunction('_percent_apply', percent_apply),
            '_active_reprs': NativeFunction('_active_reprs', active_reprs, needs_vm=True),
            '_write': NativeFunction('_write', _write, needs_vm=True),
            '_sort_keyed': NativeFunction('_sort_keyed', sort_keyed),
            '_pair': NativeFunction('_pair', dict_pair),
            '_has_keys': NativeFunction('_has_keys', has_keys)}


def _iter_done(it) -> None:
    it.done = True


def _write(vm, stream: str, text: str) -> None:
    vm.write(stream, text)


def callback(vm, name: str):
    """The Monty function ``name`` of this module, loaded into ``vm`` on first use."""
    mod = vm.modules.get(NAME)
    if mod is None:
        from . import _load
        mod = _load(vm, NAME)
    return mod.dict[name]


def missing(vm):
    """The sentinel the functions above use for an absent argument."""
    return callback(vm, '_MISSING')
