"""Instructions of ``async with`` and ``async for``: the asynchronous context manager and
iterator protocols (``__aenter__``/``__aexit__``, ``__aiter__``/``__anext__``)."""
from __future__ import annotations

from ..builtins import types as T
from ..objects.model import UNBOUND
from . import protocol as P
from .ops import _with_except, enter_with, op, push_result
from .signals import PUSHED, MontyRaise
from .interp import EV_SWITCH


op('BEFORE_ASYNC_WITH')(enter_with('__aenter__', '__aexit__', 'asynchronous context manager'))


@op('ASYNC_WITH_EXIT')
def _async_with_exit(arg, nxt, code, pc):
    """Call ``__aexit__(None, None, None)``, leaving its awaitable for the await that follows."""
    def fn(f):
        exit_ = f.stack.pop()
        f.pc = nxt
        r = f.vm.call(f, exit_, (None, None, None), None)
        if r is PUSHED:
            return EV_SWITCH
        f.stack.append(r)
        return nxt
    return fn


# ``__aexit__(type, exc, tb)`` is called exactly as ``__exit__`` is; the await follows
op('ASYNC_WITH_EXCEPT')(_with_except)


def _async_for_call(dunder: str, what: str, keep: bool):
    """Factory for GET_AITER (``keep`` False: the iterable is replaced) and GET_ANEXT (the
    iterator stays below the awaitable): call ``dunder`` of the top of the stack."""
    def build(arg, nxt, code, pc):
        def fn(f):
            s = f.stack
            v = s[-1] if keep else s.pop()
            cls = T.type_of(v)
            m = cls.lookup(dunder)
            if m is UNBOUND:
                raise TypeError(f"'async for' requires {what} with {dunder} method, got "
                                f"{cls.name}")
            return push_result(f, P.method_req(m, v), nxt)
        return fn
    return build


op('GET_AITER')(_async_for_call('__aiter__', 'an object', False))
op('GET_ANEXT')(_async_for_call('__anext__', 'an iterator', True))


@op('END_ASYNC_FOR')
def _end_async_for(arg, nxt, code, pc):
    """The handler around ``__anext__``: StopAsyncIteration ends the loop, anything else
    propagates."""
    def fn(f):
        s = f.stack
        exc = s.pop()
        if T.EXC_BY_NAME['StopAsyncIteration'] in exc.mcls.mro:
            s.pop()
            return nxt
        raise MontyRaise(exc, reraise=True)
    return fn
