"""``async with``, ``async for`` and async generators behave as in CPython."""
from __future__ import annotations

from pathlib import Path

import pytest

from tests.builtins.modules.oracle import assert_same

CONTEXT_AND_ITERATOR = '''
import asyncio
class Res:
    def __init__(self, n): self.n = n
    async def __aenter__(self):
        print("enter", self.n); await asyncio.sleep(0); return self
    async def __aexit__(self, t, v, tb):
        print("exit", self.n, t.__name__ if t else None, v)
        return self.n == 2
class Ticker:
    def __init__(self, n): self.i, self.n = 0, n
    def __aiter__(self): return self
    async def __anext__(self):
        if self.i >= self.n:
            raise StopAsyncIteration
        self.i += 1
        await asyncio.sleep(0)
        return self.i
async def main():
    async with Res(1) as r:
        print("body", r.n)
    async with Res(2):
        raise ValueError("suppressed")
    try:
        async with Res(3):
            raise KeyError("k")
    except KeyError as e:
        print("propagated", repr(e))
    for i in range(3):
        async with Res(10 + i):
            if i == 1:
                break
    async for t in Ticker(3):
        print("tick", t)
    else:
        print("ticker done")
    print([t async for t in Ticker(4) if t % 2], {t: t * t async for t in Ticker(2)})
    for bad in ("async for x in [1, 2]: pass", "async with Ticker(1): pass"):
        try:
            if bad.startswith("async for"):
                async for x in [1, 2]:
                    pass
            else:
                async with Ticker(1):
                    pass
        except TypeError as e:
            print(e)
asyncio.run(main())
'''

GENERATORS = '''
import asyncio
async def countdown(n):
    try:
        while n > 0:
            await asyncio.sleep(0)
            yield n
            n -= 1
    finally:
        print("countdown cleanup")
async def echo():
    got = None
    while True:
        got = yield f"echo {got}"
        if got == "stop":
            return
async def pairs(src):
    buf = []
    async for x in src:
        buf.append(x)
        if len(buf) == 2:
            yield tuple(buf)
            buf = []
    if buf:
        yield tuple(buf)
async def bad():
    yield 1
    raise ValueError("agen failed")
async def collect(ag):
    return [x async for x in ag]
async def main():
    async for v in countdown(3):
        print("got", v)
    print([p async for p in pairs(countdown(5))])
    e = echo()
    print(await e.__anext__(), await e.asend("hi"), await e.asend("there"))
    try:
        await e.asend("stop")
    except StopAsyncIteration:
        print("echo stopped")
    g = countdown(10)
    print(await g.__anext__())
    await g.aclose()
    g2 = countdown(2)
    print(await g2.__anext__())
    try:
        await g2.athrow(KeyError("thrown"))
    except KeyError as ex:
        print("athrow propagated", repr(ex))
    try:
        async for v in bad():
            print("bad", v)
    except ValueError as ex:
        print("caught", ex)
    print(type(countdown(1)).__name__, type(g.__anext__()).__name__)
    print(await asyncio.gather(*(collect(countdown(k)) for k in (1, 2))))
asyncio.run(main())
'''


@pytest.mark.parametrize('src', [CONTEXT_AND_ITERATOR, GENERATORS],
                         ids=['context_and_iterator', 'generators'])
def test_matches_cpython(src):
    assert_same(src)


def test_uncaught_error_in_async_generator_shows_its_frame(tmp_path: Path):
    from monty import Monty, MontyRuntimeError
    src = ('import asyncio\nasync def agen():\n    yield 1\n    raise ValueError("boom")\n'
           'async def main():\n    async for v in agen():\n        pass\nasyncio.run(main())\n')
    with pytest.raises(MontyRuntimeError) as info:
        Monty(src).run()
    text = info.value.display()
    assert 'line 6, in main' in text and 'line 4, in agen' in text
    assert text.rstrip().endswith('ValueError: boom') and '<asyncgen>' not in text


PAUSING = '''
import asyncio
class Conn:
    async def __aenter__(self):
        self.log = [await fetch("open")]
        return self
    async def __aexit__(self, *exc):
        self.log.append(await fetch("close"))
async def rows():
    for i in range(2):
        yield await fetch(f"row{i}")
async def main():
    async with Conn() as c:
        got = [r async for r in rows()]
    return c.log, got
asyncio.run(main())
'''


def test_external_calls_inside_async_with_and_async_generators_pause_and_reload():
    from monty import FunctionSnapshot, FutureSnapshot, Monty, load_snapshot
    p = Monty(PAUSING, external_functions=['fetch']).start()
    seen, args = [], {}
    while isinstance(p, (FunctionSnapshot, FutureSnapshot)):
        p = load_snapshot(p.dump())
        if isinstance(p, FunctionSnapshot):
            seen.append(p.args[0])
            args[p.call_id] = p.args[0]
            p = p.resume(future=...)
        else:
            p = p.resume({i: {'return_value': args[i].upper()} for i in p.pending_call_ids})
    assert seen == ['open', 'row0', 'row1', 'close']
    assert p.output == (['OPEN', 'CLOSE'], ['ROW0', 'ROW1'])
