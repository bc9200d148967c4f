"""Host-level signals the VM uses internally: a raised Monty exception, a call request, a pause."""
from __future__ import annotations


class MontyRaise(Exception):
    """Carries a Monty exception instance through host code."""

    def __init__(self, exc, reraise: bool = False):
        super().__init__()
        self.exc = exc
        self.reraise = reraise


class CallReq:
    """A request, returned by a native, to run ``func(*args, **kwargs)`` as a VM frame.

    When the call returns, ``post`` (a name in ``POSTS``) is applied to its value with
    ``state``; without ``post`` the value is the native's result.
    """
    __slots__ = ('func', 'args', 'kwargs', 'post', 'state')

    def __init__(self, func, args: tuple = (), kwargs: dict | None = None, post: str | None = None,
                 state=None):
        self.func = func
        self.args = args
        self.kwargs = kwargs
        self.post = post
        self.state = state


class Suspend(Exception):
    """Unwinds the host stack when execution pauses for the outside world."""

    def __init__(self, kind: str, payload):
        super().__init__(kind)
        self.kind = kind
        self.payload = payload


class _Marker:
    __slots__ = ('name',)

    def __init__(self, name: str):
        self.name = name

    def __repr__(self) -> str:
        return self.name


PUSHED = _Marker('PUSHED')      # a frame was pushed; its return value arrives later
DISCARD = _Marker('DISCARD')    # a post-processor wants nothing pushed
NULL = _Marker('NULL')          # the empty half of a LOAD_METHOD pair
