"""Async generators' awaitables (``__anext__``, ``asend``, ``athrow``, ``aclose``), written in
Monty so an await inside the generator body pauses like any other.

An async generator runs as a generator frame. Its suspensions are of two kinds: an ``await``
inside the body passing a value through to the event loop (the frame stops right after the
``YIELD_FROM``/``YIELD_VALUE`` pair of the await), or a ``yield`` of the body, which becomes
the result of the awaitable. Frames of this module are left out of tracebacks.
"""
from __future__ import annotations

from ...compiler import opcodes as O
from ...objects.model import NativeFunction
from ...vm import finalize
from ...vm.signals import CallReq
from ..generator_methods import _as_exception, gen_send, gen_throw

NAME = '<asyncgen>'

SOURCE = '''
def _step(agen, throw, value):
    _first_iter(agen)
    v = _throw(agen, value) if throw else _send(agen, value)
    while _awaiting(agen):
        try:
            sent = yield v
        except BaseException as e:
            v = _throw(agen, e)
        else:
            v = _send(agen, sent)
    return v


def _close(agen):
    try:
        v = _throw(agen, GeneratorExit())
        while _awaiting(agen):
            v = _send(agen, (yield v))
    except (GeneratorExit, StopAsyncIteration):
        return None
    raise RuntimeError('async generator ignored GeneratorExit')


class async_generator_asend:
    def __init__(self, agen, throw, value):
        self._args = (agen, throw, value)

    def __await__(self):
        return _step(*self._args)


class async_generator_athrow:
    def __init__(self, agen, throw, value):
        self._args = (agen, throw, value)

    def __await__(self):
        if self._args[2] is None:
            return _close(self._args[0])
        return _step(*self._args)


class anext_awaitable:
    def __init__(self, iterator, default):
        self._iterator = iterator
        self._default = default

    def __await__(self):
        return _anext_or_default(self._iterator, self._default).__await__()


async def _anext_or_default(iterator, default):
    try:
        return await type(iterator).__anext__(iterator)
    except StopAsyncIteration:
        return default
'''


def _awaiting(gen) -> bool:
    """Whether ``gen`` stopped inside an ``await`` (not at a ``yield`` of its body)."""
    f = gen.frame
    return f.pc >= 2 and f.code.ops[f.pc - 2][0] == O.YIELD_FROM


def _first_iter(vm, agen) -> None:
    """Record an async generator with the running loop, which closes it on shutdown.  The
    calling step releases its locals when it returns, so a dropped ``agen`` is seen at once."""
    from .asyncio_module import running_loop
    finalize.mark_holder(vm.frame)
    loop = running_loop(vm)
    if loop is not None:
        agens = loop.attrs.get('_asyncgens')
        if type(agens) is dict and agen not in agens:
            agens[agen] = None


def natives(vm) -> dict:
    return {'_send': NativeFunction('_send', gen_send, True),
            '_first_iter': NativeFunction('_first_iter', _first_iter, True),
            '_throw': NativeFunction('_throw', gen_throw, True),
            '_awaiting': NativeFunction('_awaiting', _awaiting)}


def _awaitable(vm, cls_name: str, agen, throw: int, value) -> CallReq:
    from . import _load
    mod = vm.modules.get(NAME) or _load(vm, NAME)
    return CallReq(mod.dict[cls_name], (agen, throw, value), None, None, None)


def agen_anext(vm, agen):
    return _awaitable(vm, 'async_generator_asend', agen, 0, None)


def agen_asend(vm, agen, value):
    return _awaitable(vm, 'async_generator_asend', agen, 0, value)


def agen_athrow(vm, agen, typ, val=None, tb=None):
    return _awaitable(vm, 'async_generator_athrow', agen, 1, _as_exception(vm, typ, val))


def agen_aclose(vm, agen):
    return _awaitable(vm, 'async_generator_athrow', agen, 1, None)


METHODS = {'__anext__': agen_anext, 'asend': agen_asend, 'athrow': agen_athrow,
           'aclose': agen_aclose}
