"""``graphlib`` hands out nodes in CPython's order, reports the same cycles and errors."""
from __future__ import annotations

import pytest

from .oracle import assert_same


def test_static_order_matches_cpython_on_random_graphs():
    assert_same('''
        import graphlib, random
        rng = random.Random(7)
        for trial in range(40):
            n = rng.randrange(1, 12)
            graph = {node: rng.sample(range(node), rng.randrange(min(node, 4) + 1))
                     for node in rng.sample(range(n), n)}
            print(list(graphlib.TopologicalSorter(graph).static_order()))
    ''')


def test_cycles_are_reported_as_cpython_reports_them():
    assert_same('''
        import graphlib, random
        rng = random.Random(3)
        for trial in range(40):
            n = rng.randrange(2, 9)
            graph = {node: rng.sample(range(n), rng.randrange(3)) for node in range(n)}
            try:
                print(list(graphlib.TopologicalSorter(graph).static_order()))
            except graphlib.CycleError as e:
                print(repr(e), e.args[1], isinstance(e, ValueError))
    ''')


def test_parallel_processing_protocol():
    assert_same('''
        from graphlib import TopologicalSorter
        ts = TopologicalSorter()
        ts.add('build', 'fetch', 'configure')
        ts.add('test', 'build')
        ts.add('configure', 'fetch')
        ts.add('docs')
        ts.prepare()
        while ts:
            ready = ts.get_ready()
            print(ready, ts.is_active())
            for node in reversed(ready):
                ts.done(node)
        print(ts.get_ready(), bool(ts), ts.is_active())
    ''')


@pytest.mark.parametrize('snippet', [
    'ts = TopologicalSorter()\nts.get_ready()',
    'ts = TopologicalSorter()\nts.is_active()',
    'ts = TopologicalSorter()\nts.done(1)',
    'ts = TopologicalSorter()\nbool(ts)',
    'ts = TopologicalSorter({1: [2]})\nts.prepare()\nts.prepare()',
    'ts = TopologicalSorter({1: [2]})\nts.prepare()\nts.add(3)',
    'ts = TopologicalSorter({1: [2]})\nts.prepare()\nts.done(9)',
    'ts = TopologicalSorter({1: [2]})\nts.prepare()\nts.done(1)',
    'ts = TopologicalSorter({1: [2]})\nts.prepare()\nts.done(*ts.get_ready())\nts.done(2)',
    'ts = TopologicalSorter()\nts.add(1, 1)\nts.prepare()',
    'TopologicalSorter().add([1])',
    'TopologicalSorter({1: 2})',
    'ts = TopologicalSorter({1: [2], 2: [1]})\nlist(ts.static_order())',
])
def test_errors_match_cpython(snippet):
    body = ''.join(f'    {line}\n' for line in snippet.splitlines())
    assert_same('from graphlib import TopologicalSorter, CycleError\n'
                f'try:\n{body}except Exception as e:\n'
                '    print(type(e).__name__, e.args)\n')


def test_module_surface():
    assert_same('''
        import graphlib
        print(graphlib.__all__, graphlib.TopologicalSorter, graphlib.CycleError.__mro__)
        print(graphlib.TopologicalSorter[int], graphlib.CycleError.__module__)
        ts = graphlib.TopologicalSorter({'a': 'bc'})
        order = ts.static_order()
        print(next(order), list(order))
    ''')
