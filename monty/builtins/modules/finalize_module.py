"""``close()`` of abandoned generators (see ``vm/finalize.py``), written in Monty so that an
external call inside a ``finally`` pauses like any other.  As in CPython, an exception escaping
the close is reported on stderr ("Exception ignored in: ...") and goes no further.  Frames of
this module are left out of tracebacks.
"""
from __future__ import annotations

from ...objects.model import NativeFunction
from ...vm import finalize
from ...vm.signals import CallReq
from ...vm.traceback import exception_line, tb_lines
from ..generator_methods import gen_throw
from .asyncio_module import running_loop

NAME = '<finalize>'
MISSING = object()

SOURCE = '''
def close_all(gens):
    i = 0
    while i < len(gens):
        g = gens[i]
        i += 1
        if _is_async(g):
            loop = _running_loop()
            loop.call_soon(loop.create_task, _aclose(g))
            continue
        try:
            _throw(g, GeneratorExit)
        except (GeneratorExit, StopIteration):
            pass
        except BaseException as e:
            _unraisable(g, e)
        else:
            _ignored(g)
        _release(g, gens)


async def _aclose(agen):
    await agen.aclose()


def next_of(g):
    v = _next(g)
    del g           # a temporary generator is released here, closed if it needs it
    return v


def next_or(g, default):
    v = _next(g, default)
    del g
    return v
'''


def _unraisable(vm, gen, exc) -> None:
    """Write what CPython's default unraisable hook prints for an error while finalizing."""
    lines = [f'Exception ignored in: {gen!r}'] + tb_lines(exc.tb) + [exception_line(exc)]
    vm.write('stderr', '\n'.join(lines) + '\n')


def _ignored(vm, gen) -> None:
    """The report of a generator that yielded instead of closing: CPython's traceback is the
    one frame that dropped it, at the dropping instruction (none once the program is over)."""
    from ...compiler.code import PROGRAM_EXIT
    exc = vm.new_exception('RuntimeError', 'generator ignored GeneratorExit')
    here = vm.frame.back
    if here is not None and not (here.code.flags & PROGRAM_EXIT and
                                 here.pc == len(here.code.ops) - 1):
        exc.tb = [(here.code, here.pc - 1)]
    _unraisable(vm, gen, exc)


def natives(vm) -> dict:
    return {'_throw': NativeFunction('_throw', gen_throw, True),
            '_unraisable': NativeFunction('_unraisable', _unraisable, True),
            '_ignored': NativeFunction('_ignored', _ignored, True),
            '_release': NativeFunction('_release', finalize.release_frame),
            '_next': NativeFunction('next', plain_next, True),
            '_is_async': NativeFunction('_is_async', lambda g: g.kind == 'async_generator'),
            '_running_loop': NativeFunction('_running_loop', running_loop, True)}


def function(vm, name: str = 'close_all'):
    """The Monty function ``name`` of this module, loaded into ``vm`` on first use."""
    mod = vm.modules.get(NAME)
    if mod is None:
        from . import _load
        mod = _load(vm, NAME)
    return mod.dict[name]


def plain_next(vm, it, default=MISSING):
    """``next`` itself, without the temporary-generator detour."""
    from ..functions import _MISSING, next_impl
    return next_impl(vm, it, _MISSING if default is MISSING else default, False)


def next_temp(vm, gen, default, missing) -> CallReq:
    """``next`` of a generator that may be a temporary: run by a frame that drops it after."""
    if default is missing:
        return CallReq(function(vm, 'next_of'), (gen,), None, None, None)
    return CallReq(function(vm, 'next_or'), (gen, default), None, None, None)
