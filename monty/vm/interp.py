"""The interpreter: an explicit frame stack driven by one loop, with no host recursion per call.

Each instruction is a closure ``(frame) -> next_pc``; a negative result is a control event
(a frame was pushed, a frame returned, a generator yielded).  Exceptions unwind through the
frames' block stacks; a pause for the outside world raises ``Suspend`` past the loop, leaving
the frames intact so they can be serialized and resumed.
"""
from __future__ import annotations

import re

from ..builtins import types as T
from ..compiler import opcodes as O
from ..compiler.code import (ASYNC_GENERATOR, COROUTINE, GENERATOR, NAME_SCOPE, PROGRAM_EXIT,
                             VARARGS, VARKW)
from ..objects.model import (UNBOUND, BoundMethod, BoundNative, Cell, ExcInstance, Function,
                             Instance, MClass, MontyObject, NativeFunction, StaticMethod,
                             ClassMethod)
from . import argerrors, finalize, protocol, suggest
from .args import bind_arguments
from .frame import Frame
from .generators import CLOSED, CREATED, RUNNING, SUSPENDED, Generator
from .posts import POSTS
from .signals import DISCARD, PUSHED, CallReq, MontyRaise, Suspend
from ..limits import LimitExceeded
from .traceback import stack_entries
from ..host.external import ExternalFunction
from ..builtins.constructors import NATIVE_CTORS, create_instance

EV_SWITCH, EV_RETURN, EV_YIELD = -1, -2, -3
GENLIKE = GENERATOR | COROUTINE | ASYNC_GENERATOR


class Returned(Exception):
    """Internal: the entry frame of a nested run finished."""


def _yield_from_target(gf: Frame):
    """The suspended generator ``gf`` is delegating to (stopped in its ``yield from``), or None."""
    pc = gf.pc
    if pc < 2 or gf.code.ops[pc - 2][0] != O.YIELD_FROM or not gf.stack:
        return None
    sub = gf.stack[-1]
    return sub if type(sub) is Generator and sub.state == SUSPENDED else None


class VM:
    """One interpreter instance: frame stack, builtins, modules and host hooks."""

    def __init__(self, builtins_ns: dict, print_callback=None, tracker=None,
                 max_depth: int = 1000):
        self.frame: Frame | None = None
        self.depth = 0
        self.max_depth = max_depth
        self.builtins = builtins_ns
        self.modules: dict = {}
        self.print_callback = print_callback
        self.tracker = tracker
        self.externals = None          # dict name -> host callable, or None
        self.pause_unknown_calls = False
        self.next_call_id = 0
        self.nesting = 0
        self.os_handler = None
        self.pending_futures: dict = {}
        self.event_loop = None
        self.interrupt = None
        self.name_lookup = None
        self.input_handler = None
        self.free_frames: list = []    # finished plain frames, reused by ops.enter_plain

    def write(self, stream: str, text: str) -> None:
        """Send program output to the host as it happens."""
        self.print_callback(stream, text)

    def read_input(self, prompt: str) -> str:
        if self.input_handler is None:
            raise RuntimeError('input() is not available in this sandbox')
        return self.input_handler(prompt)

    # -- running -----------------------------------------------------------------------
    def run_frame(self, frame: Frame):
        """Push ``frame`` as an entry frame and run it to completion (or a pause)."""
        frame.entry = True
        self.push(frame)
        return self.execute(frame)

    def push(self, frame: Frame) -> None:
        if self.depth >= self.max_depth:
            raise RecursionError('maximum recursion depth exceeded')
        frame.back = self.frame
        self.frame = frame
        self.depth += 1

    def execute(self, entry: Frame):
        """Run until ``entry`` returns; returns ``('return'|'yield', value)``."""
        prev = protocol.current[0]
        protocol.current[0] = self
        self.nesting += 1
        try:
            return self._loop()
        finally:
            self.nesting -= 1
            protocol.current[0] = prev

    def resume(self):
        """Continue the frame stack after a pause (the top frame is ready to run)."""
        return self.execute(None)

    def _loop(self):
        f = self.frame
        pc = f.pc
        tracker = self.tracker
        while True:
            try:
                while True:
                    instrs = f.code.instrs or build_instrs(f.code)
                    pc = f.pc
                    if tracker is not None:
                        tracker.tick()
                    while pc >= 0:
                        pc = instrs[pc](f)
                    if pc == EV_SWITCH:
                        f = self.frame
                        continue
                    value = f.stack.pop()
                    if pc == EV_RETURN:
                        if f.post is None and f.gen is None and not f.entry:
                            # a plain call returns to its caller: the common case, inline
                            back = f.back
                            f.back = None
                            self.depth -= 1
                            self.frame = back
                            back.stack.append(value)
                            f = back
                            continue
                        result = self._return(f, value)
                    else:
                        result = self._yield(f, value)
                    value = None   # held no longer: a dropped generator's count stays exact
                    if result is not None:
                        return result
                    f = self.frame
            except Suspend:
                raise
            except LimitExceeded as e:
                top = self.frame
                if e.tb is None and top is not None:
                    e.tb = stack_entries(top, pc if pc >= 0 and top is f else top.pc - 1)
                raise
            except BaseException as e:  # noqa: B036 - every host error becomes a Monty one
                f = self.frame
                if f is None:
                    raise
                pc = f.pc - 1 if pc < 0 else pc
                f = self.handle(f, pc, e)

    def handle(self, f: Frame, pc: int, e: BaseException) -> Frame:
        """Turn ``e`` into a Monty exception at ``f``/``pc`` and find a handler."""
        if isinstance(e, MontyRaise):
            exc = e.exc
            if not e.reraise:
                exc.tb.insert(0, (f.code, pc))
        else:
            exc = self.from_host(e)
            exc.tb.insert(0, (f.code, pc))
            if type(e) is NameError or type(e) is AttributeError:
                suggest.remember(exc, f, pc, e)
            self.set_context(f, exc)
        return self.unwind(f, exc)

    def set_context(self, f: Frame, exc) -> None:
        ctx = self.handled_exception(f)
        if ctx is not None and ctx is not exc and exc.context is None:
            # avoid creating a cycle in the chain
            c = ctx
            while c is not None:
                if c is exc:
                    break
                c = c.context
            else:
                exc.context = ctx

    @staticmethod
    def handled_exception(f: Frame):
        while f is not None:
            if f.handling:
                return f.handling[-1]
            f = f.back
        return None

    def unwind(self, f: Frame, exc) -> Frame:
        dropped = []   # generators left unreachable by the stacks cut on the way
        while True:
            if f.blocks:
                handler, depth, hdepth = f.blocks.pop()
                finalize.drop_stack(f, depth, dropped)
                del f.handling[hdepth:]
                f.stack.append(exc)
                f.pc = handler
                self.frame = f
                if dropped:   # closed before the handler runs, as CPython's unwinding does
                    self.push_req(f, finalize.close_req(self, dropped))
                    return self.frame
                return f
            if f.stack:
                finalize.drop_stack(f, 0, dropped)
            self.depth -= 1
            back = f.back
            f.back = None
            gen = f.gen
            if gen is not None:
                gen.state = CLOSED
                f.resume_mode = None
                exc = self._gen_stop_to_runtime(gen, exc)
            self.frame = back
            if f.entry:
                f.entry = False
                if dropped:
                    self.call_sync(finalize.function(self), (dropped,), None)
                raise MontyRaise(exc)
            if f.post == 'for_next' and T.EXC_BY_NAME['StopIteration'] in exc.mcls.mro:
                back.stack.pop()
                back.pc = f.post_state
                return back
            exc.tb.insert(0, (back.code, back.pc - 1))
            f = back

    def _gen_stop_to_runtime(self, gen, exc):
        if T.EXC_BY_NAME['StopIteration'] in exc.mcls.mro or \
                (gen.kind == 'async_generator' and
                 T.EXC_BY_NAME['StopAsyncIteration'] in exc.mcls.mro):
            word = {'generator': 'generator', 'coroutine': 'coroutine',
                    'async_generator': 'async generator'}[gen.kind]
            what = 'StopIteration' if T.EXC_BY_NAME['StopIteration'] in exc.mcls.mro \
                else 'StopAsyncIteration'
            new = self.new_exception('RuntimeError', f'{word} raised {what}')
            new.cause = exc
            new.context = exc
            new.suppress = True
            return new
        return exc

    def _return(self, f: Frame, value):
        if f.entry and f.code.flags & PROGRAM_EXIT:
            f.stack.append(value)
            if finalize.exit_closes(self, f):
                return None
            f.stack.pop()
        if f.drops and finalize.return_closes(self, f, value):
            return None
        self.depth -= 1
        back = f.back
        f.back = None
        gen = f.gen
        if f.entry:
            f.entry = False
            self.frame = back
            if gen is not None:
                gen.state = CLOSED
                f.resume_mode = None
                return ('stop', value)
            return ('return', value)
        self.frame = back
        if gen is not None:
            gen.state = CLOSED
            mode = f.resume_mode
            f.resume_mode = None
            kind = mode[0]
            if kind == 'for':
                back.stack.pop()
                back.pc = mode[1]
            elif kind == 'default':
                back.stack.append(mode[1])
            elif kind == 'yf':
                back.stack[-1] = value
                back.pc = mode[1]
            elif kind == 'push':
                back.stack.append(value)
            else:
                raise MontyRaise(self.stop_iteration(value, gen))
            return None
        post = f.post
        if post is None:
            back.stack.append(value)
            return None
        r = POSTS[post](self, value, f.post_state)
        if type(r) is CallReq:
            r = self.push_req(back, r)
            if r is PUSHED:
                return None
        if r is not DISCARD:
            back.stack.append(r)
        return None

    def stop_iteration(self, value, gen=None):
        if gen is not None and gen.kind == 'async_generator':
            return self.new_exception('StopAsyncIteration', None)
        exc = self.new_exception('StopIteration', value)
        return exc

    def _yield(self, f: Frame, value):
        gen = f.gen
        if gen is None:
            return self.top_level_await(f, value)
        self.depth -= 1
        gen.state = SUSPENDED
        back = f.back
        f.back = None
        f.resume_mode = None
        self.frame = back
        if f.entry:
            f.entry = False
            return ('yield', value)
        back.stack.append(value)
        return None

    # -- generators ----------------------------------------------------------------------
    def resume_gen(self, f: Frame, gen: Generator, value, mode) -> None:
        """Push ``gen``'s frame on top of ``f`` with ``value`` sent in."""
        state = gen.state
        if state == RUNNING:
            raise ValueError(f'{gen.kind} already executing' if gen.kind != 'coroutine'
                             else 'coroutine already executing')
        if state == CLOSED:
            if gen.kind == 'coroutine':
                raise RuntimeError('cannot reuse already awaited coroutine')
            if gen.kind == 'async_generator':
                raise MontyRaise(self.stop_iteration(None, gen))
            raise StopIteration
        if state == CREATED and value is not None:
            raise TypeError(f"can't send non-None value to a just-started {gen.kind.replace('_', ' ')}")
        gf = gen.frame
        gen.state = RUNNING
        gf.resume_mode = mode
        gf.stack.append(value)
        self.push(gf)

    def gen_next_sync(self, gen: Generator, value=None):
        """Advance a generator from host code; raises host StopIteration at the end."""
        self.resume_gen(self.frame, gen, value, ('sync',))
        gen.frame.entry = True
        kind, v = self.execute(gen.frame)
        if kind == 'stop':
            raise StopIteration(v)
        return v

    def throw_into(self, f: Frame, gen: Generator, exc, mode) -> None:
        """Resume ``gen`` by raising ``exc`` at its suspension point."""
        if gen.state == RUNNING:
            raise ValueError('generator already executing')
        if gen.state == CLOSED or gen.state == CREATED:
            gen.state = CLOSED
            raise MontyRaise(exc)
        gf = gen.frame
        gen.state = RUNNING
        gf.resume_mode = mode
        self.push(gf)
        sub = _yield_from_target(gf)
        if sub is not None:   # CPython throws into the sub-generator of ``yield from``/``await``
            gf.pc -= 1
            self.throw_into(gf, sub, exc, ('yf', gf.code.ops[gf.pc - 1][1]))
            return
        exc.tb.insert(0, (gf.code, gf.pc - 1))
        self.unwind(gf, exc)

    # -- calls ---------------------------------------------------------------------------
    def call(self, f: Frame, func, args: tuple, kwargs: dict | None):
        """Call ``func``: returns its value, or PUSHED when a frame now runs it."""
        t = type(func)
        if t is Function:
            code = func.code
            frame = self.make_frame(func, args, kwargs)
            if code.flags & GENLIKE:
                if code.flags & GENERATOR:
                    finalize.mark_holder(f)
                return self.make_generator(frame, code.flags)
            self.push(frame)
            return PUSHED
        if t is BoundMethod:
            return self.call(f, func.func, (func.self,) + args, kwargs)
        if t is NativeFunction:
            try:
                if func.needs_vm:
                    r = func.fn(self, *args, **kwargs) if kwargs else func.fn(self, *args)
                else:
                    r = func.fn(*args, **kwargs) if kwargs else func.fn(*args)
            except TypeError as e:
                raise native_type_error(e, func, args, kwargs) from None
            if type(r) is CallReq:
                return self.push_req(f, r)
            return r
        if t is BoundNative:
            nf = func.func
            try:
                if nf.needs_vm:
                    r = nf.fn(self, func.self, *args, **kwargs) if kwargs else \
                        nf.fn(self, func.self, *args)
                else:
                    r = nf.fn(func.self, *args, **kwargs) if kwargs else nf.fn(func.self, *args)
            except TypeError as e:
                raise native_type_error(e, nf, args, kwargs, func.self) from None
            if type(r) is CallReq:
                return self.push_req(f, r)
            return r
        if t is MClass:
            return self.instantiate(f, func, args, kwargs)
        if t is ExternalFunction:
            return self.call_external(func.name, args, kwargs)
        cls = T.type_of(func)
        m = cls.lookup('__call__')
        if m is not UNBOUND and isinstance(func, protocol.INSTANCE_TYPES):
            if type(m) is StaticMethod:
                return self.call(f, m.func, args, kwargs)
            return self.call(f, m, (func,) + args, kwargs)
        if t is protocol.GenericAlias:
            return self.call(f, func.origin, args, kwargs)
        raise TypeError(f"'{T.error_name(cls)}' object is not callable")

    def make_generator(self, frame: Frame, flags: int) -> Generator:
        if flags & ASYNC_GENERATOR:
            kind = 'async_generator'
        elif flags & COROUTINE:
            kind = 'coroutine'
        else:
            kind = 'generator'
        return Generator(frame, kind)

    def push_req(self, f: Frame, req: CallReq):
        r = self.call(f, req.func, req.args, req.kwargs)
        if r is PUSHED:
            top = self.frame
            if top.post is None:
                top.post = req.post
                top.post_state = req.state
            elif req.post is not None:
                # a native answered with its own request: run its post, then ours
                top.post_state = (top.post, top.post_state, req.post, req.state)
                top.post = 'chain'
            return PUSHED
        if req.post is not None:
            r = POSTS[req.post](self, r, req.state)
            if type(r) is CallReq:
                return self.push_req(f, r)
        return r

    def run_request(self, req: CallReq):
        """Run a CallReq to completion from host code (nested loop)."""
        r = self.call_sync(req.func, req.args, req.kwargs)
        if req.post is not None:
            r = POSTS[req.post](self, r, req.state)
            if type(r) is CallReq:
                return self.run_request(r)
        return r

    def call_sync(self, func, args: tuple, kwargs: dict | None):
        """Call from host code and wait for the result (the nested frames cannot pause)."""
        f = self.frame
        r = self.call(f, func, args, kwargs)
        if r is not PUSHED:
            if type(r) is CallReq:
                return self.run_request(r)
            return r
        top = self.frame
        top.entry = True
        post, state = top.post, top.post_state
        top.post = None
        saved_pc = f.pc if f is not None else 0
        kind, value = self.execute(top)
        if f is not None:
            f.pc = saved_pc
        if kind == 'stop':
            raise StopIteration(value)
        if post is not None:
            value = POSTS[post](self, value, state)
            if type(value) is CallReq:
                return self.run_request(value)
        return value

    def make_frame(self, func: Function, args: tuple, kwargs: dict | None) -> Frame:
        code = func.code
        n = len(args)
        if not kwargs and n == code.argcount and not code.kwonlycount and \
                not code.flags & (VARARGS | VARKW):
            locals_ = list(args)
            if code.nslots > n:
                locals_ += [UNBOUND] * (code.nslots - n)
        else:
            locals_ = bind_arguments(func, args, kwargs)
        if code.cellvars or code.freevars:
            base = len(code.varnames)
            for i in range(len(code.cellvars)):
                locals_[base + i] = Cell()
            for pslot, cslot in code.cell_params:
                locals_[cslot].v = locals_[pslot]
            base += len(code.cellvars)
            for i, cell in enumerate(func.closure):
                locals_[base + i] = cell
        frame = Frame(self, code, locals_, func.globals)
        frame.func = func
        if code.flags & NAME_SCOPE:
            frame.ns = {}
        return frame

    def yield_from_other(self, f: Frame, sub, value, yield_pc: int, exit_pc: int) -> int:
        """``yield from`` over a non-generator iterator: one step, synchronously."""
        try:
            if value is None:
                x = protocol.next_value(sub)
            else:
                m = T.type_of(sub).lookup('send')
                if m is UNBOUND:
                    raise AttributeError(f"'{T.type_name(sub)}' object has no attribute 'send'")
                x = protocol.call_method_sync(m, sub, value)
        except StopIteration as e:
            f.stack[-1] = e.value
            return exit_pc
        except MontyRaise as e:
            if T.EXC_BY_NAME['StopIteration'] in e.exc.mcls.mro:
                f.stack[-1] = e.exc.args[0] if e.exc.args else None
                return exit_pc
            raise
        f.stack.append(x)
        return yield_pc

    def undefined_name(self, f: Frame, name: str, is_callee: bool):
        """A global that is defined nowhere: an external function, a host lookup, or NameError."""
        from ..host.external import ExternalFunction
        if is_callee and self.pause_unknown_calls:
            return ExternalFunction(name)
        if self.name_lookup is not None:
            return self.name_lookup(self, f, name)
        raise NameError(f"name '{name}' is not defined")

    # -- the outside world ----------------------------------------------------------------
    def call_external(self, name: str, args: tuple, kwargs: dict | None, kind: str = 'call'):
        """Call an external function: push a pending frame that pauses for the host's answer.

        In a nested host-recursive run (``nesting > 1``) the frames cannot pause, so a callable
        registered in ``externals`` is called directly and anything else is a RuntimeError.
        """
        if self.nesting > 1:
            fn = (self.externals or {}).get(name)
            if fn is None:
                raise RuntimeError(f"external function '{name}' cannot pause here: it was called "
                                   'from Monty code running inside a builtin operation')
            from ..host.calls import call_host
            return call_host(self, fn, args, kwargs)
        self.next_call_id += 1
        self.push_pending(kind, [name, args, kwargs or {}, self.next_call_id, False])
        return PUSHED

    def push_pending(self, kind: str, data: list) -> Frame:
        """Push a pending frame; its first instruction raises ``Suspend(kind, frame)``."""
        from ..host.external import PENDING_CODE
        frame = Frame(self, PENDING_CODE, [kind] + data, {})
        self.push(frame)
        return frame

    def wait_external_futures(self, ids: list):
        """Hook for event loops: every task is blocked on these external futures.

        Call it from a native invoked by a call instruction and return its result (``PUSHED``):
        the VM pauses with a FutureSnapshot; after the host resolves some futures the call
        returns None and the loop can look at the futures again.
        """
        if self.nesting > 1:
            raise RuntimeError('cannot wait for external futures inside a builtin operation')
        self.push_pending('futures', [sorted(ids)])
        return PUSHED

    def top_level_await(self, f: Frame, value):
        """``await`` in module code reached a value its awaitable yielded: wait on the host."""
        from ..host.external import ExternalFuture
        if type(value) is not ExternalFuture:
            raise RuntimeError(f'await at top level got an unexpected value: '
                               f'{T.type_name(value)}')
        ids = sorted(k for k, fut in self.pending_futures.items() if not fut.done)
        self.wait_external_futures(ids or [value.call_id])
        return None

    def pause_name_lookup(self, vm, f: Frame, name: str):
        """``name_lookup`` hook for start(): a global defined nowhere asks the host."""
        from ..compiler.opcodes import LOAD_GLOBAL
        if self.nesting > 1 or f.code.ops[f.pc] != (LOAD_GLOBAL, name):
            raise NameError(f"name '{name}' is not defined")
        raise Suspend('name', f)

    # -- classes and instances ------------------------------------------------------------------
    def instantiate(self, f: Frame, cls: MClass, args: tuple, kwargs: dict | None):
        meta = cls.meta
        if meta is not None:
            call = meta.lookup('__call__')
            if type(call) is Function:
                return self.call(f, call, (cls,) + args, kwargs)
        return self.construct(f, cls, args, kwargs)

    def construct(self, f: Frame, cls: MClass, args: tuple, kwargs: dict | None):
        """``type.__call__(cls, ...)``: ``__new__`` then ``__init__``."""
        if cls.native:
            ctor = NATIVE_CTORS.get(cls)
            if ctor is None:
                if cls.is_exc:
                    if kwargs:
                        from ..builtins.methods import exc_init
                        inst = create_instance(cls, args, None)
                        exc_init(inst, *args, **kwargs)    # ImportError's name=, path=
                        return inst
                    return create_instance(cls, args, kwargs)
                raise TypeError(f"cannot create '{T.error_name(cls)}' instances")
            try:
                r = ctor(self, *args, **kwargs) if kwargs else ctor(self, *args)
            except TypeError as e:
                raise (argerrors.constructor_error(e, cls, args, kwargs)
                       or arity_error(str(e), cls.name, None, True) or e) from None
            if type(r) is CallReq:
                return self.push_req(f, r)
            return r
        new = cls.lookup('__new__')
        if type(new) is StaticMethod:
            new = new.func
        if type(new) is Function or cls.instance_kind is MClass:
            return self.push_req(f, CallReq(new, (cls,) + args, kwargs, 'new',
                                            (cls, args, kwargs)))
        inst = create_instance(cls, args, kwargs)
        init = cls.lookup('__init__')
        if type(init) is Function:
            return self.push_req(f, CallReq(init, (inst,) + args, kwargs, 'init', inst))
        if type(init) is NativeFunction:
            if init.name == '__init__' and init.self_type == 'object':
                if (args or kwargs) and new is UNBOUND or (args or kwargs) and \
                        getattr(new, 'self_type', None) == 'object':
                    raise TypeError(f'{T.error_name(cls)}() takes no arguments')
                return inst
            r = init.fn(inst, *args, **(kwargs or {}))
            if type(r) is CallReq:
                return self.push_req(f, r)
            return inst
        return inst

    def init_request(self, init, inst, args, kwargs):
        if type(init) is Function:
            return CallReq(init, (inst,) + tuple(args), kwargs, 'init', inst)
        init.fn(inst, *args, **(kwargs or {}))
        return inst

    def finish_class(self, cell, state):
        from ..builtins.classes import build_class
        return build_class(self, cell, state)

    # -- exceptions ------------------------------------------------------------------------
    def new_exception(self, name: str, *args) -> ExcInstance:
        cls = T.EXC_BY_NAME[name]
        if len(args) == 1 and args[0] is None and name in ('StopIteration', 'StopAsyncIteration'):
            args = ()
        exc = ExcInstance(cls, tuple(args))
        return exc

    def from_host(self, e: BaseException) -> ExcInstance:
        """Convert a host exception raised by a host operation into a Monty exception."""
        t = type(e)
        if t is RecursionError:
            return ExcInstance(T.EXC_BY_NAME['RecursionError'],
                               ('maximum recursion depth exceeded',))
        cls = T.monty_class_for_host_exc(t)
        args = e.args
        if t is StopIteration:
            args = (e.value,) if e.args else ()
        if isinstance(e, (UnicodeError,)) and t is not UnicodeError:
            args = (str(e),)
            cls = T.monty_class_for_host_exc(t)
        exc = ExcInstance(cls, tuple(args))
        if isinstance(e, OSError):
            from ..builtins.os_errors import from_host
            from_host(exc, e)
        if isinstance(e, ImportError) and e.name is not None:
            exc.attrs['name'] = e.name      # the module a failed import named
        if isinstance(e, (KeyboardInterrupt,)):
            exc = ExcInstance(T.EXC_BY_NAME['KeyboardInterrupt'], ())
        return exc


_ARITY = re.compile(r'^\S+\(\) takes (?:from (\d+) to )?(\d+) positional arguments? but (\d+) '
                    r'(?:were|was) given$')


def arity_error(msg: str, name: str, self_type, needs_vm: bool):
    """CPython's wording for a builtin called with too many positional arguments."""
    m = _ARITY.match(msg)
    if m is None:
        return None
    shift = (1 if needs_vm else 0) + (1 if self_type else 0)
    low = int(m.group(1)) - shift if m.group(1) else None
    high = int(m.group(2)) - shift
    given = int(m.group(3)) - shift
    if self_type:
        if high == 1 and low is None:
            return TypeError(f'{self_type}.{name}() takes exactly one argument ({given} given)')
        return None
    if low is None and high == 1:
        return TypeError(f'{name} expected 1 argument, got {given}')
    return TypeError(f'{name} expected at most {high} argument{"s" if high != 1 else ""}, '
                     f'got {given}')


def native_type_error(e: TypeError, func, args=(), kwargs=None, *receiver) -> TypeError:
    """CPython's argument error for a builtin, else the host's with the Monty name."""
    msg = str(e)
    exact = argerrors.native_call_message(func, args, kwargs, *receiver)
    if exact is not None:
        return TypeError(exact)
    better = arity_error(msg, func.name, func.self_type, func.needs_vm)
    if better is not None:
        return better
    fn = func.fn
    host_name = getattr(fn, '__qualname__', getattr(fn, '__name__', ''))
    for candidate in (host_name, getattr(fn, '__name__', '')):
        if candidate and msg.startswith(candidate + '()'):
            return TypeError(func.name + msg[len(candidate):])
    named = with_monty_type_names(msg, (*receiver, *args))
    return e if named == msg else TypeError(named)


def with_monty_type_names(msg: str, values) -> str:
    """``msg`` with the host class names of our objects among ``values`` (and the items of
    list/tuple values) replaced by their Monty type names, as the host words them."""
    import re
    for v in _with_items(values):
        host = type(v).__name__
        if isinstance(v, MontyObject) and host in msg:
            msg = re.sub(rf'\b{host}\b', T.type_name(v), msg)
    return msg


def _with_items(values):
    for v in values:
        yield v
        if type(v) in (list, tuple):
            yield from v


FUSE = True   # False: every Code runs the plain handlers (tests compare the two)


def build_instrs(code):
    from .ops import compile_instrs
    from . import match_ops  # noqa: F401 - registers the match opcodes
    from . import async_ops  # noqa: F401 - registers the async with/for opcodes
    from .fuse import fuse
    base = compile_instrs(code)
    code.instrs = base if not FUSE or _runs_once(code) else fuse(code, base)
    return code.instrs


def _runs_once(code) -> bool:
    """Module code without a loop: fusing it would cost more than the dispatches it saves."""
    from ..compiler.opcodes import JUMP
    return code.name == '<module>' and not any(
        op == JUMP and arg <= pc for pc, (op, arg) in enumerate(code.ops))


_unused = (BoundNative, Instance, ClassMethod, Returned, CREATED)
