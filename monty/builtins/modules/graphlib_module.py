"""``graphlib``: ``TopologicalSorter`` and ``CycleError``, written in Monty.

Nodes are handed out in the order CPython hands them out (insertion order, then the order in
which ``done`` frees successors), and a cycle is reported as the same list of nodes.
"""
from __future__ import annotations

SOURCE = r'''
__all__ = ['TopologicalSorter', 'CycleError']

_PASSED_OUT = -1
_DONE = -2


class _Node:
    """A node's count of unfinished predecessors (or state) and the nodes that wait on it."""

    def __init__(self):
        self.waiting_on = 0
        self.successors = []


class CycleError(ValueError):
    """Raised by prepare() when the graph has a cycle; args[1] lists its nodes, closed."""


class TopologicalSorter:
    """Orders the nodes of a graph of hashable nodes so each comes after its predecessors."""

    def __init__(self, graph=None):
        self._nodes = {}
        self._ready = None
        self._handed_out = 0
        self._finished = 0
        if graph is not None:
            for node, predecessors in graph.items():
                self.add(node, *predecessors)

    def _node(self, node):
        info = self._nodes.get(node)
        if info is None:
            info = self._nodes[node] = _Node()
        return info

    def _require_prepared(self):
        if self._ready is None:
            raise ValueError('prepare() must be called first')

    def add(self, node, *predecessors):
        """Add ``node`` (if new) with edges from each of ``predecessors``."""
        if self._ready is not None:
            raise ValueError('Nodes cannot be added after a call to prepare()')
        self._node(node).waiting_on += len(predecessors)
        for pred in predecessors:
            self._node(pred).successors.append(node)

    def prepare(self):
        """Freeze the graph, find its first ready nodes and refuse a cycle."""
        if self._ready is not None:
            raise ValueError('cannot prepare() more than once')
        self._ready = [node for node, info in self._nodes.items() if info.waiting_on == 0]
        cycle = self._find_cycle()
        if cycle:
            raise CycleError('nodes are in a cycle', cycle)

    def get_ready(self):
        """Hand out every node whose predecessors are all done, as a tuple."""
        self._require_prepared()
        ready = tuple(self._ready)
        for node in ready:
            self._nodes[node].waiting_on = _PASSED_OUT
        self._ready.clear()
        self._handed_out += len(ready)
        return ready

    def is_active(self):
        """Whether nodes remain to be handed out or marked done."""
        self._require_prepared()
        return self._finished < self._handed_out or bool(self._ready)

    def __bool__(self):
        return self.is_active()

    def done(self, *nodes):
        """Mark nodes handed out by get_ready() as processed, freeing their successors."""
        self._require_prepared()
        for node in nodes:
            info = self._nodes.get(node)
            if info is None:
                raise ValueError(f'node {node!r} was not added using add()')
            if info.waiting_on != _PASSED_OUT:
                if info.waiting_on >= 0:
                    raise ValueError(f'node {node!r} was not passed out (still not ready)')
                raise ValueError(f'node {node!r} was already marked done')
            info.waiting_on = _DONE
            for succ in info.successors:
                succ_info = self._nodes[succ]
                succ_info.waiting_on -= 1
                if succ_info.waiting_on == 0:
                    self._ready.append(succ)
            self._finished += 1

    def _find_cycle(self):
        """The first cycle a depth-first walk along successors meets, closed, or None."""
        seen = set()
        for start in self._nodes:
            if start in seen:
                continue
            path, position, pending = [], {}, []
            node = start
            while True:
                if node not in seen:
                    seen.add(node)
                    position[node] = len(path)
                    path.append(node)
                    pending.append(iter(self._nodes[node].successors))
                elif node in position:
                    return path[position[node]:] + [node]
                node = self._next_step(path, position, pending)
                if node is _END:
                    break
        return None

    @staticmethod
    def _next_step(path, position, pending):
        """The next unvisited edge's target, backtracking past exhausted nodes; _END if none."""
        while path:
            for succ in pending[-1]:
                return succ
            del position[path.pop()]
            pending.pop()
        return _END

    def static_order(self):
        """Every node, each after its predecessors (prepare() is called first)."""
        self.prepare()
        while self.is_active():
            group = self.get_ready()
            yield from group
            self.done(*group)


_END = object()
'''
