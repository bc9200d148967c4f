"""``asyncio``: a small deterministic event loop over Monty coroutines, written in Monty.

Tasks run in FIFO order like CPython's loop: ``sleep(0)`` yields to the other ready tasks,
``gather`` schedules its children in order and resumes the waiter when all are done.  A task
awaiting an external future (an external call the host answered with a future) is parked;
when no task can run, the loop hands the ids of every parked future to the host at once
(one ``FutureSnapshot``) and wakes the tasks whose futures the host resolved.

The running loop is found from the frame stack (``_running_loop``), not from module state, so
a paused loop resumes in another process with everything it needs in its frames.
"""

SOURCE = '''
class CancelledError(BaseException):
    pass


TimeoutError = TimeoutError   # the builtin, as in CPython 3.11


class _Sleep:
    def __init__(self, delay, result):
        self.delay = delay
        self.result = result

    def __await__(self):
        yield self
        return self.result


def sleep(delay, result=None):
    return _Sleep(delay, result)


class Task:
    def __init__(self, coro, loop, name=None):
        self._coro = coro
        self._loop = loop
        self._done = False
        self._result = None
        self._exc = None
        self._waiters = []
        self._name = name

    def done(self):
        return self._done

    def result(self):
        if not self._done:
            raise InvalidStateError('Result is not set.')
        if self._exc is not None:
            raise self._exc
        return self._result

    def exception(self):
        return self._exc

    def cancel(self):
        return False

    def get_name(self):
        return self._name

    def _finish(self, result, exc):
        self._done = True
        self._result = result
        self._exc = exc
        waiters = self._waiters
        self._waiters = []
        for w in waiters:
            w._child_done(self)

    def __await__(self):
        if not self._done:
            yield _WaitTask(self)
        return self.result()


class InvalidStateError(Exception):
    pass


class _WaitTask:
    def __init__(self, task):
        self.task = task
        self.waiter = None

    def attach(self, waiter, loop):
        self.waiter = waiter
        self.loop = loop
        self.task._waiters.append(self)

    def _child_done(self, child):
        if child._exc is not None:
            self.loop._ready.append((self.waiter, None, child._exc))
        else:
            self.loop._ready.append((self.waiter, child._result, None))


class _Gather:
    def __init__(self, tasks, return_exceptions):
        self.tasks = tasks
        self.return_exceptions = return_exceptions
        self.waiter = None
        self.finished = False

    def __await__(self):
        if self.tasks:
            results = yield self
            return results
        return []

    def attach(self, waiter, loop):
        self.waiter = waiter
        self.loop = loop
        for t in self.tasks:
            if not t._done:
                t._waiters.append(self)
        self._check()

    def _child_done(self, child):
        if self.finished:
            return
        if child._exc is not None and not self.return_exceptions:
            self.finished = True
            self.loop._ready.append((self.waiter, None, child._exc))
            return
        self._check()

    def _check(self):
        if self.finished:
            return
        for t in self.tasks:
            if not t._done:
                return
        self.finished = True
        out = []
        for t in self.tasks:
            out.append(t._exc if t._exc is not None else t._result)
        self.loop._ready.append((self.waiter, out, None))


class _Loop:
    """Ready tasks run in FIFO order; sleeping tasks wait on a virtual clock that jumps to the
    next deadline when nothing else can run, so tasks wake in the order real time would give."""

    def __init__(self):
        self._ready = []
        self._parked = []
        self._closed = False
        self._time = 0.0
        self._timers = []
        self._seq = 0

    def time(self):
        return self._time

    def _add_timer(self, delay, task):
        self._seq += 1
        self._timers.append((self._time + delay, self._seq, task))

    def _fire_timers(self):
        first = min(self._timers)
        self._time = first[0]
        end = self._time + 1e-09   # CPython's clock resolution: these are due together
        due = sorted(t for t in self._timers if t[0] < end)
        self._timers = [t for t in self._timers if t[0] >= end]
        for when, seq, task in due:
            self._ready.append((task, None, None))

    def create_future(self):
        return Future()

    def create_task(self, coro, name=None):
        task = Task(coro, self, name)
        self._ready.append((task, None, None))
        return task

    def _step(self, task, value, exc):
        try:
            if exc is not None:
                signal = task._coro.throw(exc)
            else:
                signal = task._coro.send(value)
        except StopIteration as stop:
            task._finish(stop.value, None)
            return
        except Exception as error:
            task._finish(None, error)
            return
        if isinstance(signal, _Sleep):
            if signal.delay > 0:
                self._add_timer(signal.delay, task)
            else:
                self._ready.append((task, None, None))
        elif isinstance(signal, (_Gather, _WaitTask, Future)):
            signal.attach(task, self)
        elif _is_external(signal):
            self._parked.append((task, signal))
        else:
            self._ready.append((task, None, RuntimeError(
                f"Task got bad yield: {signal!r}")))

    def run_until_complete(self, task):
        while not task._done:
            if not self._ready:
                if self._timers and not self._parked:
                    self._fire_timers()
                    continue
                if not self._parked:
                    raise RuntimeError('Event loop stopped before Future completed.')
                _wait_external([_future_id(fut) for t, fut in self._parked])
                self._wake()
                continue
            item = self._ready.pop(0)
            self._step(item[0], item[1], item[2])
        return task.result()

    def _wake(self):
        still = []
        for task, fut in self._parked:
            if fut.done():
                self._ready.append((task, None, None))
            else:
                still.append((task, fut))
        self._parked = still


def get_running_loop():
    loop = _running_loop()
    if loop is None:
        raise RuntimeError('no running event loop')
    return loop


get_event_loop = get_running_loop


def run(main, *, debug=None):
    if _running_loop() is not None:
        raise RuntimeError('asyncio.run() cannot be called from a running event loop')
    if not iscoroutine(main):
        raise ValueError(f'a coroutine was expected, got {main!r}')
    loop = _Loop()
    return loop.run_until_complete(loop.create_task(main))


def create_task(coro, *, name=None):
    return get_running_loop().create_task(coro, name)


ensure_future = create_task


async def _await(aw):
    return await aw


async def _gather_detached(aws, return_exceptions):
    """``await gather(...)`` outside any loop (top-level await): run a loop just for it."""
    async def main():
        return await gather(*aws, return_exceptions=return_exceptions)
    return run(main())


def gather(*aws, return_exceptions=False):
    loop = _running_loop()
    if loop is None:
        return _gather_detached(aws, return_exceptions)
    tasks = []
    for aw in aws:
        if isinstance(aw, Task):
            tasks.append(aw)
        elif iscoroutine(aw):
            tasks.append(loop.create_task(aw))
        else:
            tasks.append(loop.create_task(_await(aw)))
    return _Gather(tasks, return_exceptions)


async def wait_for(aw, timeout):
    return await aw


def iscoroutine(obj):
    return type(obj).__name__ == 'coroutine'


iscoroutinefunction = None
'''


from .asyncio_sync import SOURCE as _SYNC_SOURCE  # noqa: E402 - futures, locks, queues

SOURCE += _SYNC_SOURCE

LOOP_FILE, LOOP_RUNNER = '<asyncio>', '_Loop.run_until_complete'


def natives(vm) -> dict:
    """Host helpers: finding the running loop, telling external futures apart, waiting."""
    from ...host.external import ExternalFuture
    from ...objects.model import NativeFunction

    def running_loop():
        f = vm.frame
        while f is not None:
            if f.code.qualname == LOOP_RUNNER and f.code.filename == LOOP_FILE:
                return f.locals[0]
            f = f.back
        return None

    def wait_external(ids):
        return vm.wait_external_futures(list(ids))

    table = {'_running_loop': running_loop, '_wait_external': wait_external,
             '_is_external': lambda x: type(x) is ExternalFuture,
             '_future_id': lambda fut: fut.call_id}
    return {name: NativeFunction(name, fn) for name, fn in table.items()}
