"""``heapq``: binary min-heaps on plain lists, written in Monty.

The sift steps follow CPython's (leaf-first ``_siftup`` then ``_siftdown``), so every list holds
the same layout after the same calls; items are compared with ``<`` only.
"""
from __future__ import annotations

SOURCE = r'''
__all__ = ['heappush', 'heappop', 'heapify', 'heapreplace', 'merge', 'nlargest', 'nsmallest',
           'heappushpop']


def _list_arg(fname, heap, which='argument 1'):
    if not isinstance(heap, list):
        raise TypeError(f'{fname}() {which} must be list, not {type(heap).__name__}')


def _arity(fname, args, kwargs, n):
    if kwargs:
        raise TypeError(f'_heapq.{fname}() takes no keyword arguments')
    if len(args) != n:
        if n == 1:
            raise TypeError(f'_heapq.{fname}() takes exactly one argument ({len(args)} given)')
        raise TypeError(f'{fname} expected {n} arguments, got {len(args)}')


def _siftdown(heap, start, pos):
    """Move heap[pos] up towards ``start`` until its parent is not larger."""
    item = heap[pos]
    while pos > start:
        parent_pos = (pos - 1) >> 1
        parent = heap[parent_pos]
        if item < parent:
            heap[pos] = parent
            pos = parent_pos
            continue
        break
    heap[pos] = item


def _siftup(heap, pos):
    """Move the smaller child up until a leaf is reached, then settle heap[pos] there."""
    end = len(heap)
    start = pos
    item = heap[pos]
    child = 2 * pos + 1
    while child < end:
        right = child + 1
        if right < end and not heap[child] < heap[right]:
            child = right
        heap[pos] = heap[child]
        pos = child
        child = 2 * pos + 1
    heap[pos] = item
    _siftdown(heap, start, pos)


def heappush(*args, **kwargs):
    """Push item onto heap, maintaining the heap invariant."""
    _arity('heappush', args, kwargs, 2)
    heap, item = args
    _list_arg('heappush', heap)
    heap.append(item)
    _siftdown(heap, 0, len(heap) - 1)


def heappop(*args, **kwargs):
    """Pop the smallest item off the heap, maintaining the heap invariant."""
    _arity('heappop', args, kwargs, 1)
    heap = args[0]
    _list_arg('heappop', heap, 'argument')
    if not heap:
        raise IndexError('index out of range')
    last = heap.pop()
    if heap:
        item = heap[0]
        heap[0] = last
        _siftup(heap, 0)
        return item
    return last


def heapreplace(*args, **kwargs):
    """Pop and return the smallest item, then push the new item."""
    _arity('heapreplace', args, kwargs, 2)
    heap, item = args
    _list_arg('heapreplace', heap)
    if not heap:
        raise IndexError('index out of range')
    smallest = heap[0]
    heap[0] = item
    _siftup(heap, 0)
    return smallest


def heappushpop(*args, **kwargs):
    """Push item on the heap, then pop and return the smallest item (faster than both)."""
    _arity('heappushpop', args, kwargs, 2)
    heap, item = args
    _list_arg('heappushpop', heap)
    if heap and heap[0] < item:
        item, heap[0] = heap[0], item
        _siftup(heap, 0)
    return item


def heapify(*args, **kwargs):
    """Transform list into a heap, in-place, in linear time."""
    _arity('heapify', args, kwargs, 1)
    heap = args[0]
    _list_arg('heapify', heap, 'argument')
    for i in reversed(range(len(heap) // 2)):
        _siftup(heap, i)


def merge(*iterables, key=None, reverse=False):
    """Merge sorted inputs into one sorted iterator; equal items keep their input order."""
    heads = []
    for order, iterable in enumerate(iterables):
        it = iter(iterable)
        for value in it:
            heads.append([value if key is None else key(value), order, value, it])
            break
    while heads:
        best = 0
        for i in range(1, len(heads)):
            a, b = heads[i], heads[best]
            if (b[0] < a[0]) if reverse else (a[0] < b[0]):
                best = i
        head = heads[best]
        yield head[2]
        for value in head[3]:
            head[0] = value if key is None else key(value)
            head[2] = value
            break
        else:
            del heads[best]


def nsmallest(n, iterable, key=None):
    """The n smallest items: ``sorted(iterable, key=key)[:n]``."""
    if n == 1:
        it = iter(iterable)
        sentinel = object()
        result = min(it, default=sentinel, key=key)
        return [] if result is sentinel else [result]
    if n <= 0:
        return []
    return sorted(iterable, key=key)[:n]


def nlargest(n, iterable, key=None):
    """The n largest items: ``sorted(iterable, key=key, reverse=True)[:n]``."""
    if n == 1:
        it = iter(iterable)
        sentinel = object()
        result = max(it, default=sentinel, key=key)
        return [] if result is sentinel else [result]
    if n <= 0:
        return []
    return sorted(iterable, key=key, reverse=True)[:n]
'''
