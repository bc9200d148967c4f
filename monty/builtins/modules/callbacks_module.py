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
    return frozenset([x for x in iterable])


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
    return {'_sort_keyed': NativeFunction('_sort_keyed', sort_keyed),
            '_pair': NativeFunction('_pair', dict_pair),
            '_has_keys': NativeFunction('_has_keys', has_keys)}


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
