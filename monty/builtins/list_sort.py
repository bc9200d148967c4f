"""``list.sort``/``sorted``: keys computed by Monty callables, ordering by the host's stable sort."""
from __future__ import annotations

from ..vm import protocol as P


def _flag(reverse) -> bool:
    """``reverse`` is read as an integer, like CPython's argument parsing does."""
    if isinstance(reverse, int):
        return bool(reverse)
    from . import types as T
    raise TypeError(f"'{T.type_name(reverse)}' object cannot be interpreted as an integer")


def sort_list(items: list, key=None, reverse: bool = False):
    """Sort ``items`` in place exactly like CPython (stable, ``reverse`` keeps stability) with
    a host ``key`` (or none); a CallReq when comparing runs Monty code (see ``sort_keyed``)."""
    vm = P.current[0]
    if vm is not None and vm.tracker is not None:
        vm.tracker.tick()
    keys = None if key is None else [P.call_sync(key, x) for x in items]
    return sort_keyed(items, keys, reverse)


def sort_keyed(items: list, keys, reverse=False):
    """Sort ``items`` in place by precomputed ``keys`` (or by the items when ``keys`` is None);
    a CallReq for the Monty merge sort when comparing them runs Monty code."""
    from .resumable import callback_req, plain_ordered
    if not plain_ordered(items if keys is None else keys):
        _flag(reverse)
        return callback_req('merge_sort', items, keys, reverse)
    if keys is None:
        items.sort(reverse=_flag(reverse))
        return None
    vm = P.current[0]
    if vm is not None and vm.tracker is not None:
        vm.tracker.tick()
    order = sorted(range(len(items)), key=keys.__getitem__, reverse=_flag(reverse))
    items[:] = [items[i] for i in order]
