"""``asyncio`` sleeps on a virtual clock and its locks, events, semaphores and queues wake
tasks in CPython's order."""
from __future__ import annotations

from .oracle import assert_same


def test_tasks_wake_in_deadline_order():
    assert_same('''
        import asyncio
        async def job(name, delay):
            await asyncio.sleep(delay)
            print("done", name)
            return name
        async def main():
            print(await asyncio.gather(job("slow", 0.03), job("fast", 0.01), job("mid", 0.02),
                                       job("now", 0)))
            t = asyncio.create_task(job("bg", 0.01))
            await asyncio.sleep(0.02)
            print(t.done(), asyncio.TimeoutError is TimeoutError)
        asyncio.run(main())
    ''')


def test_queue_producer_consumer_with_join():
    assert_same('''
        import asyncio
        async def producer(q, n):
            for i in range(n):
                await q.put(i)
                print("put", i, q.qsize())
        async def consumer(q, name, out):
            while True:
                item = await q.get()
                out.append((name, item))
                await asyncio.sleep(0.01 * item)
                q.task_done()
        async def main():
            q = asyncio.Queue(maxsize=2)
            out = []
            workers = [asyncio.create_task(consumer(q, n, out)) for n in "ab"]
            await producer(q, 5)
            await q.join()
            print(out, q.empty(), q.full())
            try:
                q.get_nowait()
            except asyncio.QueueEmpty:
                print("empty")
            pq = asyncio.PriorityQueue()
            for v in [3, 1, 2]:
                pq.put_nowait((v, str(v)))
            print([pq.get_nowait() for _ in range(3)])
        asyncio.run(main())
    ''')


def test_lock_event_semaphore():
    assert_same('''
        import asyncio
        log = []
        async def critical(lock, name):
            async with lock:
                log.append(f"{name} in")
                await asyncio.sleep(0.01)
                log.append(f"{name} out")
        async def limited(sem, i):
            async with sem:
                log.append(f"start {i}")
                await asyncio.sleep(0.01 * (3 - i))
                log.append(f"end {i}")
        async def waiter(ev, i):
            await ev.wait()
            log.append(f"woke {i}")
        async def main():
            lock = asyncio.Lock()
            await asyncio.gather(*(critical(lock, n) for n in "xyz"))
            print(lock.locked(), log)
            log.clear()
            sem = asyncio.Semaphore(2)
            await asyncio.gather(*(limited(sem, i) for i in range(4)))
            print(log)
            log.clear()
            ev = asyncio.Event()
            tasks = [asyncio.create_task(waiter(ev, i)) for i in range(3)]
            await asyncio.sleep(0)
            ev.set()
            await asyncio.gather(*tasks)
            print(log, ev.is_set())
            try:
                asyncio.Lock().release()
            except RuntimeError as e:
                print(e)
            fut = asyncio.get_running_loop().create_future()
            asyncio.get_running_loop().create_task(setter(fut))
            print(await fut)
        async def setter(fut):
            await asyncio.sleep(0.5)
            fut.set_result("resolved")
        asyncio.run(main())
    ''')
