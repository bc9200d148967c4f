"""Methods of generators and coroutines: ``send``, ``throw``, ``close``, ``__next__``."""
from __future__ import annotations

from ..objects.model import ExcInstance, MClass, NativeAttr, NativeFunction
from ..vm import generators as G
from ..vm.signals import PUSHED, MontyRaise
from . import types as T


def gen_send(vm, gen, value):
    vm.resume_gen(vm.frame, gen, value, ('next',))
    return PUSHED


def gen_next(vm, gen):
    return gen_send(vm, gen, None)


def _as_exception(vm, typ, val=None):
    if isinstance(typ, ExcInstance):
        return typ
    if type(typ) is MClass and typ.is_exc:
        if isinstance(val, ExcInstance):
            return val
        args = () if val is None else (val if isinstance(val, tuple) else (val,))
        return ExcInstance(typ, args)
    raise TypeError('exceptions must be classes or instances deriving from BaseException, '
                    f'not {T.type_name(typ)}')


def gen_throw(vm, gen, typ, val=None, tb=None):
    exc = _as_exception(vm, typ, val)
    if gen.state in (G.CREATED, G.CLOSED):
        gen.state = G.CLOSED
        raise MontyRaise(exc)
    vm.throw_into(vm.frame, gen, exc, ('next',))
    return PUSHED


def gen_close(vm, gen):
    if gen.state in (G.CREATED, G.CLOSED):
        gen.state = G.CLOSED
        return None
    exc = ExcInstance(T.EXC_BY_NAME['GeneratorExit'], ())
    frame = gen.frame
    try:
        vm.throw_into(vm.frame, gen, exc, ('sync',))
        frame.entry = True
        kind, _ = vm.execute(vm.frame)
    except MontyRaise as e:
        mro = e.exc.mcls.mro
        if T.EXC_BY_NAME['GeneratorExit'] in mro or T.EXC_BY_NAME['StopIteration'] in mro:
            return None
        raise
    if kind == 'yield':
        raise RuntimeError('generator ignored GeneratorExit')
    return None


def _make(name: str) -> MClass:
    cls = T.native_class(name, None, (T.OBJECT,))
    cls.mro = (cls, T.OBJECT)
    T.GENERATOR_CLASSES[name] = cls
    return cls


def install() -> None:
    gen = _make('generator')
    coro = _make('coroutine')
    agen = _make('async_generator')
    for cls in (gen, coro):
        cls.dict['send'] = NativeFunction('send', gen_send, True, cls.name)
        cls.dict['throw'] = NativeFunction('throw', gen_throw, True, cls.name)
        cls.dict['close'] = NativeFunction('close', gen_close, True, cls.name)
    gen.dict['__next__'] = NativeFunction('__next__', gen_next, True, 'generator')
    gen.dict['__iter__'] = NativeFunction('__iter__', lambda g: g, False, 'generator')
    for cls in (gen, coro, agen):
        cls.dict['__name__'] = NativeAttr('__name__', lambda g: g.name)
        cls.dict['__qualname__'] = NativeAttr('__qualname__', lambda g: g.qualname)
    gen.dict['gi_running'] = NativeAttr('gi_running', lambda g: g.state == G.RUNNING)
    coro.dict['__await__'] = NativeFunction('__await__', lambda c: c, False, 'coroutine')
    from .modules.asyncgen_module import METHODS   # needs the functions above
    for name, fn in METHODS.items():
        agen.dict[name] = NativeFunction(name, fn, True, 'async_generator')
    agen.dict['__aiter__'] = NativeFunction('__aiter__', lambda g: g, False, 'async_generator')


install()
