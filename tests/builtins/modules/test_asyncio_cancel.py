"""``asyncio`` cancellation, timeouts and combinators behave as in CPython 3.11."""
from __future__ import annotations

from .oracle import assert_same

WORKER = '''
import asyncio
async def worker(name, delay, log):
    try:
        log.append(f"{name} start")
        await asyncio.sleep(delay)
        log.append(f"{name} done")
        return name
    except asyncio.CancelledError:
        log.append(f"{name} cancelled")
        raise
    finally:
        log.append(f"{name} finally")
'''


def test_cancel_throws_into_the_task_at_its_await():
    assert_same(WORKER + '''
async def main():
    log = []
    t = asyncio.create_task(worker("a", 1, log))
    await asyncio.sleep(0.1)
    print(t.cancel(), t.cancelled(), t.done())
    try:
        await t
    except asyncio.CancelledError as e:
        print("caught", repr(e))
    print(t.cancelled(), t.done(), t.cancel(), log)
    t2 = asyncio.create_task(worker("b", 1, log))
    t2.cancel("stop now")
    try:
        await t2
    except asyncio.CancelledError as e:
        print("caught", repr(e))
    print(log[-1:], asyncio.current_task().get_name())
asyncio.run(main())
''', fresh=True)


def test_wait_for_and_timeout_cancel_the_slow_awaitable():
    assert_same(WORKER + '''
async def main():
    log = []
    try:
        await asyncio.wait_for(worker("c", 5, log), timeout=0.5)
    except asyncio.TimeoutError as e:
        print("timeout", type(e).__name__, repr(e.__cause__))
    print(await asyncio.wait_for(worker("d", 0.1, log), timeout=1), log)
    try:
        async with asyncio.timeout(0.2) as cm:
            await asyncio.sleep(1)
    except TimeoutError:
        print("expired", cm.expired())
    async with asyncio.timeout(2) as cm:
        await asyncio.sleep(0.1)
    print(cm.expired())
asyncio.run(main())
''')


def test_cancelled_workers_and_gather():
    assert_same(WORKER + '''
async def forever(q):
    while True:
        item = await q.get()
        print("got", item)
        q.task_done()
async def main():
    log = []
    q = asyncio.Queue()
    ws = [asyncio.create_task(forever(q)) for _ in range(2)]
    for i in range(4):
        q.put_nowait(i)
    await q.join()
    for w in ws:
        w.cancel()
    print(await asyncio.gather(*ws, return_exceptions=True))
    g = asyncio.gather(worker("e", 1, log), worker("f", 2, log))
    await asyncio.sleep(0.5)
    g.cancel()
    try:
        await g
    except asyncio.CancelledError:
        print("gather cancelled", g.cancelled(), log)
asyncio.run(main())
''')


def test_wait_as_completed_shield_and_task_group():
    assert_same(WORKER + '''
async def child(i):
    await asyncio.sleep(0.01 * i)
    if i == 2:
        raise ValueError(f"bad {i}")
    return i * 10
async def main():
    tasks = [asyncio.create_task(worker(n, d, [])) for n, d in [("x", 0.3), ("y", 0.1)]]
    for coro in asyncio.as_completed(tasks):
        print("as_completed", await coro)
    tasks = [asyncio.create_task(worker(n, d, [])) for n, d in [("p", 0.3), ("q", 0.1)]]
    done, pending = await asyncio.wait(tasks, return_when=asyncio.FIRST_COMPLETED)
    print([t.result() for t in done], len(pending))
    done, pending = await asyncio.wait(tasks)
    print(len(done), len(pending), await asyncio.shield(worker("s", 0.1, [])))
    async with asyncio.TaskGroup() as tg:
        t1 = tg.create_task(child(1))
    print(t1.result())
    try:
        async with asyncio.TaskGroup() as tg:
            for i in range(4):
                tg.create_task(child(i))
    except ExceptionGroup as eg:
        print(repr(eg), eg.exceptions)
asyncio.run(main())
''')


def test_anext_aiter_and_pending_work_finished_at_shutdown():
    assert_same('''
import asyncio
async def ticker(n):
    for i in range(n):
        await asyncio.sleep(0)
        yield i
async def bg():
    try:
        await asyncio.sleep(10)
    finally:
        print("bg finally")
async def main():
    it = aiter(ticker(2))
    print(await anext(it), await anext(it), await anext(it, "default"))
    asyncio.create_task(bg())
    print(asyncio.iscoroutinefunction(main), asyncio.iscoroutinefunction(print))
asyncio.run(main())
print("done")
''')


def test_throw_reaches_the_innermost_awaited_coroutine():
    assert_same('''
import asyncio
class CM:
    async def __aenter__(self):
        return self
    async def __aexit__(self, *a):
        try:
            await asyncio.sleep(1)
        except asyncio.CancelledError:
            print("caught in __aexit__")
async def inner():
    async with CM():
        pass
    print("after with")
async def main():
    t = asyncio.create_task(inner())
    await asyncio.sleep(0.1)
    t.cancel()
    await t
asyncio.run(main())
def sub():
    try:
        yield 1
    except KeyError as e:
        print("sub caught", e)
        yield 3
    return "r"
def outer():
    r = yield from sub()
    print("outer got", r)
    yield 4
g = outer()
print(next(g), g.throw(KeyError("k")), next(g))
''')
