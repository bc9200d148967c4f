"""``heapq`` and ``bisect`` give CPython's layouts, indexes and errors."""
from __future__ import annotations

import pytest

from .oracle import assert_same


def test_heap_layouts_match_cpython_after_random_operations():
    assert_same('''
        import heapq, random
        rng = random.Random(5)
        heap = []
        for step in range(300):
            op = rng.randrange(4)
            if op == 0 or not heap:
                heapq.heappush(heap, rng.randrange(50))
            elif op == 1:
                print(heapq.heappop(heap), end=' ')
            elif op == 2:
                print(heapq.heapreplace(heap, rng.randrange(50)), end=' ')
            else:
                print(heapq.heappushpop(heap, rng.randrange(50)), end=' ')
        print(heap)
        data = [rng.randrange(100) for _ in range(40)]
        heapq.heapify(data)
        print(data)
    ''')


def test_priority_queue_of_tuples_and_instances():
    assert_same('''
        import heapq
        tasks = []
        for prio, name in [(3, "write"), (1, "plan"), (2, "code"), (1, "coffee")]:
            heapq.heappush(tasks, (prio, name))
        print([heapq.heappop(tasks) for _ in range(len(tasks))])
        class Job:
            def __init__(self, p): self.p = p
            def __lt__(self, o): return self.p < o.p
            def __repr__(self): return f"Job({self.p})"
        jobs = [Job(3), Job(1), Job(2)]
        heapq.heapify(jobs)
        print(heapq.heappop(jobs), jobs)
    ''')


def test_nlargest_nsmallest_and_merge():
    assert_same('''
        import heapq
        nums = [5, 1, 8, 3, 9, 2, 7, 8]
        print(heapq.nlargest(3, nums), heapq.nsmallest(2, nums), heapq.nsmallest(1, nums))
        print(heapq.nlargest(2, ["aa", "b", "cc"], key=len), heapq.nsmallest(10, iter([3, 1])))
        print(heapq.nlargest(0, nums), heapq.nsmallest(-1, nums), heapq.nlargest(1, []))
        print(list(heapq.merge([1, 4, 7], [2, 5], [], [3, 6, 9])))
        print(list(heapq.merge([7, 4, 1], [8, 1], reverse=True)))
        print(list(heapq.merge(["a", "C"], ["B", "c"], key=str.lower)))
    ''')


@pytest.mark.parametrize('call', [
    'heapq.heappop([])', 'heapq.heapreplace([], 1)', 'heapq.heappush((), 1)',
    'heapq.heapify((1,))', 'heapq.heappush([])', 'heapq.heappop()', 'heapq.heappush([], item=1)',
    'bisect.bisect_left([1], 1, -1)',
])
def test_errors_match_cpython(call):
    assert_same(f'''
        import heapq, bisect
        try:
            {call}
        except Exception as e:
            print(type(e).__name__, e)
    ''')


def test_bisect_search_and_insort():
    assert_same('''
        import bisect
        a = [1, 2, 4, 4, 4, 8]
        print(bisect.bisect_left(a, 4), bisect.bisect_right(a, 4), bisect.bisect(a, 0))
        print(bisect.bisect_left(a, 4, 3), bisect.bisect_right(a, 4, 0, 4), bisect.bisect(a, 4, hi=-1))
        bisect.insort(a, 5); bisect.insort_left(a, 4); bisect.insort_right(a, 1)
        print(a)
        recs = [(1, "a"), (3, "c"), (5, "e")]
        print(bisect.bisect_left(recs, 4, key=lambda r: r[0]))
        bisect.insort(recs, (4, "d"), key=lambda r: r[0])
        print(recs)
        print([bisect.bisect("BCDF", g) for g in "ABCZ"], bisect.bisect_right(range(10), 4.5))
    ''')
