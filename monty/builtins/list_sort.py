"""``list.sort``/``sorted``: keys computed by Monty callables, ordering by the host's stable sort."""
from __future__ import annotations

from ..vm import protocol as P


def sort_list(items: list, key=None, reverse: bool = False) -> None:
    """Sort ``items`` in place exactly like CPython (stable, ``reverse`` keeps stability)."""
    vm = P.current[0]
    if vm is not None and vm.tracker is not None:
        vm.tracker.tick()
    if key is None:
        items.sort(reverse=bool(reverse))
        return
    keys = [P.call_sync(key, x) for x in items]
    order = sorted(range(len(items)), key=keys.__getitem__, reverse=bool(reverse))
    items[:] = [items[i] for i in order]


def sort_keyed(items: list, keys, reverse=False) -> None:
    """Sort ``items`` in place by precomputed ``keys`` (or by the items when ``keys`` is None)."""
    if keys is None:
        sort_list(items, None, reverse)
        return
    vm = P.current[0]
    if vm is not None and vm.tracker is not None:
        vm.tracker.tick()
    order = sorted(range(len(items)), key=keys.__getitem__, reverse=bool(reverse))
    items[:] = [items[i] for i in order]
