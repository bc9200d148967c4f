"""Driving a paused execution with host callables: the machinery behind ``Monty.run``.

Each external call is answered by calling the registered function.  An async function's
awaitable becomes an external future; when Monty code waits on futures they are awaited
(one after another in ``run``, concurrently in ``run_async``).
"""
from __future__ import annotations

import asyncio
import inspect


def _answer_call(progress, funcs: dict, waiting: dict):
    """Answer one FunctionSnapshot; returns the next progress."""
    fn = funcs.get(progress.function_name)
    if fn is None:
        err = NameError(f"name '{progress.function_name}' is not defined")
        return progress.resume(exception=err)
    try:
        result = fn(*progress.args, **progress.kwargs)
    except Exception as e:  # noqa: BLE001 - the host's exception is raised inside Monty
        return progress.resume(exception=e)
    if inspect.isawaitable(result):
        waiting[progress.call_id] = result
        return progress.resume(future=...)
    return progress.resume(return_value=result)


def _outcomes(ids, results) -> dict:
    out = {}
    for call_id, r in zip(ids, results):
        out[call_id] = {'exception': r} if isinstance(r, BaseException) else {'return_value': r}
    return out


async def _gather(awaitables):
    return await asyncio.gather(*awaitables, return_exceptions=True)


def _split(progress, waiting: dict):
    ids = [i for i in progress.pending_call_ids if i in waiting]
    if not ids:
        raise RuntimeError('Monty code is waiting on futures no host function produced')
    return ids, [waiting.pop(i) for i in ids]


def answer_sync(progress, funcs: dict):
    """Answer every pause until the program completes; returns its output."""
    from ..snapshots import FunctionSnapshot, FutureSnapshot, MontyComplete
    waiting: dict = {}
    while True:
        if isinstance(progress, MontyComplete):
            return progress.output
        if isinstance(progress, FunctionSnapshot):
            progress = _answer_call(progress, funcs, waiting)
        elif isinstance(progress, FutureSnapshot):
            ids, aws = _split(progress, waiting)
            progress = progress.resume(_outcomes(ids, asyncio.run(_gather(aws))))
        else:
            raise RuntimeError(f'cannot answer {type(progress).__name__} in run()')


async def answer_async(progress, funcs: dict):
    """``answer_sync`` for async hosts: pending awaitables run concurrently."""
    from ..snapshots import FunctionSnapshot, FutureSnapshot, MontyComplete
    waiting: dict = {}
    while True:
        if isinstance(progress, MontyComplete):
            return progress.output
        if isinstance(progress, FunctionSnapshot):
            progress = _answer_call(progress, funcs, waiting)
        elif isinstance(progress, FutureSnapshot):
            ids, aws = _split(progress, waiting)
            progress = progress.resume(_outcomes(ids, await _gather(aws)))
        else:
            raise RuntimeError(f'cannot answer {type(progress).__name__} in run_async()')
