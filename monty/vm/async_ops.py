"""Instructions of ``async with`` and ``async for``: the asynchronous context manager and
iterator protocols (``__aenter__``/``__aexit__``, ``__aiter__``/``__anext__``)."""
from __future__ import annotations

from ..builtins import types as T
from ..objects.model import UNBOUND, BoundMethod, Function
from . import protocol as P
from .ops import _with_except, op, push_result
from .signals import PUSHED, MontyRaise
from .interp import EV_SWITCH


@op('BEFORE_ASYNC_WITH')
def _before_async_with(arg, nxt, code, pc):
    def fn(f):
        s = f.stack
        mgr = s.pop()
        cls = T.type_of(mgr)
        enter = cls.lookup('__aenter__')
        exit_ = cls.lookup('__aexit__')
        if enter is UNBOUND:
            raise TypeError(f"'{cls.name}' object does not support the asynchronous context "
                            f"manager protocol")
        if exit_ is UNBOUND:
            raise TypeError(f"'{cls.name}' object does not support the asynchronous context "
                            f"manager protocol (missed __aexit__ method)")
        s.append(P.bind_native_attr(exit_, mgr, cls) if type(exit_) is not Function
                 else BoundMethod(mgr, exit_))
        return push_result(f, P.method_req(enter, mgr), nxt)
    return fn


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


@op('GET_AITER')
def _get_aiter(arg, nxt, code, pc):
    def fn(f):
        s = f.stack
        v = s.pop()
        cls = T.type_of(v)
        m = cls.lookup('__aiter__')
        if m is UNBOUND:
            raise TypeError(f"'async for' requires an object with __aiter__ method, got "
                            f"{cls.name}")
        return push_result(f, P.method_req(m, v), nxt)
    return fn


@op('GET_ANEXT')
def _get_anext(arg, nxt, code, pc):
    def fn(f):
        s = f.stack
        v = s[-1]
        cls = T.type_of(v)
        m = cls.lookup('__anext__')
        if m is UNBOUND:
            raise TypeError(f"'async for' requires an iterator with __anext__ method, got "
                            f"{cls.name}")
        return push_result(f, P.method_req(m, v), nxt)
    return fn


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
