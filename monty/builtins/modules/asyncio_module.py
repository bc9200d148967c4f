"""``asyncio``: a deterministic event loop over Monty coroutines, written in Monty.

The loop runs like CPython's: each turn runs the callbacks that were ready when it began, in
FIFO order, after moving due timers behind them. Time is virtual: when nothing is ready the
clock jumps to the next timer's deadline. A task awaiting an external future (an external
call the host answered with a future) is parked; when nothing is ready, the loop hands the ids
of every parked future to the host at once (one ``FutureSnapshot``) before any timer fires, and
wakes the tasks whose futures the host resolved.

The running loop is found from the frame stack (``_running_loop``), not from module state, so
a paused loop resumes in another process with everything it needs in its frames.
"""

SOURCE = '''
import heapq as _heapq


class _Sleep0:
    def __await__(self):
        yield


async def sleep(delay, result=None):
    if delay <= 0:
        await _Sleep0()
        return result
    loop = get_running_loop()
    future = loop.create_future()
    handle = loop.call_later(delay, _set_result_unless_cancelled, future, result)
    try:
        return await future
    finally:
        handle.cancel()


_CLOCK_RESOLUTION = 1e-09


class _Loop:
    def __init__(self):
        self._ready = []
        self._timers = []
        self._parked = []
        self._time = 0.0
        self._seq = 0
        self._current = None
        self._tasks = []
        self._task_limit = 64
        self._asyncgens = {}
        self._closed = False
        self._stopping = False

    def time(self):
        return self._time

    def is_running(self):
        return _running_loop() is self

    def is_closed(self):
        return self._closed

    def call_soon(self, callback, *args, context=None):
        handle = Handle(callback, args, self)
        self._ready.append(handle)
        return handle

    def call_later(self, delay, callback, *args, context=None):
        return self.call_at(self._time + delay, callback, *args)

    def call_at(self, when, callback, *args, context=None):
        self._seq += 1
        timer = TimerHandle(when, self._seq, callback, args, self)
        _heapq.heappush(self._timers, timer)
        return timer

    def create_future(self):
        return Future(loop=self)

    def create_task(self, coro, *, name=None, context=None):
        return Task(coro, loop=self, name=name)

    def _register_task(self, task):
        self._tasks.append(task)
        if len(self._tasks) > self._task_limit:
            self._tasks = [t for t in self._tasks if not t.done()]
            self._task_limit = max(64, 2 * len(self._tasks))

    def _park(self, external):
        """A future standing for an external one; it completes when the host resolves it."""
        stand_in = Future(loop=self)
        stand_in._external = external
        self._parked.append(stand_in)
        return stand_in

    def run_until_complete(self, future):
        future = _ensure_on(self, future)
        self._stopping = False
        future.add_done_callback(self._stop_when_done)
        while not self._stopping:
            self._run_once()
        return future.result()

    def _stop_when_done(self, future):
        self._stopping = True

    def stop(self):
        self._stopping = True

    def _run_once(self):
        if self._parked:
            self._wake_parked()
        if not self._ready:
            self._idle()
        end = self._time + _CLOCK_RESOLUTION
        timers = self._timers
        while timers and timers[0]._when < end:
            timer = _heapq.heappop(timers)
            if not timer._cancelled:
                self._ready.append(timer)
        ready = self._ready
        for _ in range(len(ready)):
            handle = ready.pop(0)
            if not handle._cancelled:
                handle._run()

    def _idle(self):
        """Nothing is ready: wait for the host, else move the clock to the next timer."""
        timers = self._timers
        while timers and timers[0]._cancelled:
            _heapq.heappop(timers)
        if self._parked:
            _wait_external([_future_id(s._external) for s in self._parked])
            self._wake_parked()
        elif timers:
            self._time = max(self._time, timers[0]._when)
        else:
            raise RuntimeError('Event loop stopped before Future completed.')

    def _wake_parked(self):
        still = []
        for stand_in in self._parked:
            if stand_in.done():
                continue
            if stand_in._external.done():
                stand_in.set_result(None)
            else:
                still.append(stand_in)
        self._parked = still

    def _shutdown(self):
        """What ``asyncio.run`` does on the way out: cancel the tasks still pending, then
        close the async generators that were started and not finished."""
        pending = [t for t in self._tasks if not t.done()]
        if pending:
            for task in pending:
                task.cancel()
            self.run_until_complete(_gather_on(self, pending, True))
        agens = list(self._asyncgens)
        self._asyncgens.clear()
        if agens:
            self.run_until_complete(_gather_on(self, [ag.aclose() for ag in agens], True))
        self._closed = True

    async def shutdown_asyncgens(self):
        agens = list(self._asyncgens)
        self._asyncgens.clear()
        if agens:
            await _gather_on(self, [ag.aclose() for ag in agens], True)


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
    task = loop.create_task(main)
    try:
        return loop.run_until_complete(task)
    finally:
        loop._shutdown()


def iscoroutinefunction(func):
    return _is_coroutine_function(func)
'''


from .asyncio_futures import SOURCE as _FUTURES_SOURCE  # noqa: E402
from .asyncio_sync import SOURCE as _SYNC_SOURCE  # noqa: E402
from .asyncio_tasks import SOURCE as _TASKS_SOURCE  # noqa: E402

SOURCE = _FUTURES_SOURCE + SOURCE + _TASKS_SOURCE + _SYNC_SOURCE

LOOP_FILE, LOOP_RUNNER = '<asyncio>', '_Loop.run_until_complete'


def running_loop(vm):
    """The ``_Loop`` whose ``run_until_complete`` frame is on the stack, or None."""
    f = vm.frame
    while f is not None:
        if f.code.qualname == LOOP_RUNNER and f.code.filename == LOOP_FILE:
            return f.locals[0]
        f = f.back
    return None


def natives(vm) -> dict:
    """Host helpers: finding the running loop, telling external futures apart, waiting."""
    from ...compiler.code import COROUTINE
    from ...host.external import ExternalFuture
    from ...objects.model import Function, NativeFunction

    def wait_external(ids):
        return vm.wait_external_futures(list(ids))

    def is_coroutine_function(func) -> bool:
        return type(func) is Function and bool(func.code.flags & COROUTINE)

    table = {'_running_loop': lambda: running_loop(vm), '_wait_external': wait_external,
             '_is_external': lambda x: type(x) is ExternalFuture,
             '_future_id': lambda fut: fut.call_id,
             '_is_coroutine_function': is_coroutine_function}
    return {name: NativeFunction(name, fn) for name, fn in table.items()}
