"""``asyncio`` over external futures: one FutureSnapshot for everything the loop waits on."""
import asyncio
import json
import subprocess
import sys
from pathlib import Path

import pytest

from monty import (FunctionSnapshot, FutureSnapshot, Monty, MontyRuntimeError, load_snapshot,
                   run_monty_async)

ROOT = Path(__file__).resolve().parents[1]

TOP_LEVEL_GATHER = '''
import asyncio
await asyncio.gather(ext(1), ext(2), ext(3))
'''

TASKS = '''
import asyncio
async def one(x):
    return await ext(x) + 1
async def main():
    first = await asyncio.gather(one(1), one(2), ext(3))
    second = await one(4)
    return first, second
asyncio.run(main())
'''


def _futures_for_every_call(p):
    """Answer each external call with a future; returns the first non-call pause."""
    calls = []
    while isinstance(p, FunctionSnapshot):
        calls.append((p.call_id, p.args))
        p = p.resume(future=...)
    return p, calls


def test_top_level_gather_waits_on_all_calls_at_once():
    p, calls = _futures_for_every_call(Monty(TOP_LEVEL_GATHER, external_functions=['ext']).start())
    assert calls == [(1, (1,)), (2, (2,)), (3, (3,))]
    assert isinstance(p, FutureSnapshot) and p.pending_call_ids == [1, 2, 3]
    p = p.resume({2: {'return_value': 'two'}})
    assert isinstance(p, FutureSnapshot) and p.pending_call_ids == [1, 3]
    p = p.resume({3: {'return_value': 'three'}, 1: {'return_value': 'one'}})
    assert p.output == ['one', 'two', 'three']


def test_tasks_in_asyncio_run_park_on_futures_and_wake_when_resolved():
    p, calls = _futures_for_every_call(Monty(TASKS, external_functions=['ext']).start())
    assert [args for _, args in calls] == [(3,), (1,), (2,)]   # gather's own future first
    assert p.pending_call_ids == [1, 2, 3]
    p = p.resume({2: {'return_value': 10}})       # wakes one(1) only
    assert p.pending_call_ids == [1, 3]
    p = p.resume({1: {'return_value': 30}, 3: {'return_value': 20}})
    p, calls = _futures_for_every_call(p)         # then main awaits one(4)
    assert [args for _, args in calls] == [(4,)] and p.pending_call_ids == [4]
    assert p.resume({4: {'return_value': 40}}).output == ([11, 21, 30], 41)


def test_exception_resolving_a_future_raises_in_the_awaiting_task():
    code = TASKS.replace('asyncio.run(main())', '''
async def guarded():
    try:
        return await one(5)
    except KeyError as e:
        return 'caught ' + repr(e)
asyncio.run(guarded())''')
    p, _ = _futures_for_every_call(Monty(code, external_functions=['ext']).start())
    assert p.resume({1: {'exception': KeyError('k')}}).output == "caught KeyError('k')"


def test_unknown_or_repeated_ids_are_rejected():
    p, _ = _futures_for_every_call(Monty(TOP_LEVEL_GATHER, external_functions=['ext']).start())
    with pytest.raises(TypeError, match='not pending'):
        p.resume({9: {'return_value': 0}})
    p = p.resume({1: {'return_value': 0}})
    with pytest.raises(TypeError, match='not pending'):
        p.resume({1: {'return_value': 0}})


def test_run_async_awaits_gathered_host_calls_concurrently():
    started = []
    state = {}

    async def fetch(x):
        started.append(x)
        if len(started) == 3:
            state['all_started'].set()
        await state['all_started'].wait()   # returns only if all three calls run together
        return x * 10

    async def main():
        state['all_started'] = asyncio.Event()
        out = Monty(TASKS.replace('ext', 'fetch')).run_async(external_functions={'fetch': fetch})
        return await asyncio.wait_for(out, timeout=5)
    assert asyncio.run(main()) == ([11, 21, 30], 41)
    assert started == [3, 1, 2, 4]


def test_run_answers_async_host_functions_in_order():
    async def fetch(x):
        await asyncio.sleep(0)
        return x * 10
    assert Monty(TOP_LEVEL_GATHER.replace('ext', 'fetch')).run(
        external_functions={'fetch': fetch}) == [10, 20, 30]


def test_uncaught_host_exception_in_a_task_reaches_the_host():
    p, _ = _futures_for_every_call(Monty(TOP_LEVEL_GATHER, external_functions=['ext']).start())
    with pytest.raises(MontyRuntimeError, match='ValueError: bad'):
        p.resume({1: {'exception': ValueError('bad')}})


CHILD = r'''
import json, sys
import monty
p = monty.load_snapshot(sys.stdin.buffer.read())
seen = []
while not isinstance(p, monty.MontyComplete):
    if isinstance(p, monty.FunctionSnapshot):
        p = p.resume(future=...)
        continue
    seen.append(list(p.pending_call_ids))
    p = p.resume({p.pending_call_ids[0]: {'return_value': p.pending_call_ids[0] * 100}})
print(json.dumps([seen, p.output]))
'''


def test_paused_gather_resumes_in_a_fresh_process():
    p, _ = _futures_for_every_call(Monty(TASKS, external_functions=['ext']).start())
    p = load_snapshot(p.dump())     # a dump/load round trip in this process first
    proc = subprocess.run([sys.executable, '-c', CHILD], input=p.dump(), capture_output=True,
                          cwd=ROOT, timeout=60)
    assert proc.returncode == 0, proc.stderr.decode()
    seen, output = json.loads(proc.stdout)
    assert seen == [[1, 2, 3], [2, 3], [3], [4]]
    assert output == [[201, 301, 100], 401]


def test_run_monty_async_is_the_function_form_of_run_async():
    async def fetch(x):
        await asyncio.sleep(0)
        return x * 10

    program = Monty('import asyncio\nawait asyncio.gather(fetch(1), fetch(2))')
    got = asyncio.run(run_monty_async(program, external_functions={'fetch': fetch}))
    assert got == [10, 20]
