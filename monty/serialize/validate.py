"""Type checks for decoded objects and frames, so loaded state cannot confuse the VM."""
from __future__ import annotations

from ..compiler.code import Code
from ..host.external import PENDING_CODE, PC_RAISE, PC_RETURN, ExternalFunction, ExternalFuture
from ..objects import model as M
from ..vm import protocol as P
from ..vm.frame import Frame
from ..vm.generators import Generator
from ..vm.posts import POSTS

ANY = object()
GEN_KINDS = ('generator', 'coroutine', 'async_generator')
RESUME_MODES = {'for': 2, 'yf': 2, 'push': 1, 'sync': 1, 'next': 1}


def _types(*ts):
    return lambda v: type(v) in ts


def _is_int(lo, hi):
    return lambda v: type(v) is int and lo <= v < hi


STR, INT, DICT, TUPLE = _types(str), _types(int), _types(dict), _types(tuple)
OPT_DICT, OPT_STR = _types(dict, type(None)), _types(str, type(None))
SCHEMAS = {
    M.Function: {'code': _types(Code), 'globals': DICT, 'defaults': TUPLE,
                 'kwdefaults': OPT_DICT, 'closure': lambda v: type(v) is tuple and
                 all(type(c) is M.Cell for c in v), 'name': STR, 'qualname': STR},
    M.Instance: {'mcls': _types(M.MClass), 'attrs': DICT},
    M.ExcInstance: {'mcls': _types(M.MClass), 'attrs': DICT, 'args': TUPLE,
                    'tb': lambda v: type(v) is list and all(_tb_entry(e) for e in v),
                    'suppress': _types(bool)},
    M.MClass: {'name': STR, 'qualname': STR, 'bases': lambda v: _classes(v),
               'mro': lambda v: _classes(v) and len(v) > 0, 'dict': _types(M.ClassDict),
               'native': lambda v: v is False, 'is_exc': _types(bool),
               'meta': _types(M.MClass, type(None)), 'tp_name': OPT_STR},
    M.SlotMember: {'name': STR, 'owner': lambda v: type(v) is M.MClass and not v.native},
    M.BoundMethod: {}, M.Cell: {},
    P.GenericAlias: {'origin': _types(M.MClass), 'args': TUPLE},
    Generator: {'frame': _types(Frame), 'state': _is_int(0, 4),
                'kind': lambda v: v in GEN_KINDS, 'name': STR, 'qualname': STR},
    ExternalFunction: {'name': STR},
    ExternalFuture: {'call_id': INT, 'done': _types(bool)},
    Frame: {'code': _types(Code), 'pc': INT, 'locals': _types(list), 'stack': _types(list),
            'globals': DICT, 'ns': OPT_DICT, 'back': _types(Frame, type(None)),
            'blocks': _types(list), 'handling': _types(list), 'post': OPT_STR,
            'gen': _types(Generator, type(None)), 'entry': _types(bool),
            'drops': _types(bool, type(None)), 'func': _types(M.Function, type(None))},
}


def _classes(v) -> bool:
    return type(v) is tuple and all(type(c) is M.MClass for c in v)


def _tb_entry(e) -> bool:
    return type(e) is tuple and len(e) == 2 and type(e[0]) is Code and type(e[1]) is int \
        and 0 <= e[1] < len(e[0].ops)


def check_objects(objs, vm) -> None:
    """Check every decoded object against its schema (ValueError on the first mismatch)."""
    for obj in objs:
        schema = SCHEMAS.get(type(obj))
        if schema is None:
            continue
        for slot, ok in schema.items():
            if not ok(getattr(obj, slot, None)):
                raise ValueError(f'malformed {type(obj).__name__}: bad {slot}')
        if type(obj) is Frame:
            check_frame(obj, vm)
        elif type(obj) is M.MClass:
            check_class(obj)
    for obj in objs:
        if isinstance(obj, SLOTTED) and getattr(obj, 'slotvals', None) is not None:
            check_slot_values(obj)


SLOTTED = (M.Instance,) + M.HOST_SUBCLASS_KINDS


def check_slot_values(obj) -> None:
    """``__slots__`` values: a dict keyed by members of the instance's own classes."""
    values, mro = obj.slotvals, getattr(getattr(obj, 'mcls', None), 'mro', None)
    if type(values) is not dict or type(mro) is not tuple or \
            not all(type(m) is M.SlotMember and m.owner in mro for m in values):
        raise ValueError(f'malformed {type(obj).__name__}: bad slotvals')


def check_class(cls) -> None:
    from .registry import host_classes
    allowed = host_classes().values()
    if cls.host_type is not None and cls.host_type not in allowed:
        raise ValueError('malformed class: bad host type')
    if cls.instance_kind not in allowed or cls.mro[0] is not cls:
        raise ValueError('malformed class layout')


def check_frame(f: Frame, vm) -> None:
    code = f.code
    if f.vm is not vm:
        raise ValueError('malformed frame: foreign interpreter')
    if getattr(f, 'drops', None) is None:
        f.drops = False   # a frame saved before ``drops`` existed holds no marked locals
    if code is PENDING_CODE:
        if f.pc not in (0, PC_RETURN, PC_RAISE) or not f.locals or \
                f.locals[0] not in ('call', 'futures', 'os'):
            raise ValueError('malformed pending call frame')
        return
    if not 0 <= f.pc < len(code.ops):
        raise ValueError(f'malformed frame: pc {f.pc} out of range in {code.qualname}')
    if len(f.locals) != code.nslots:
        raise ValueError(f'malformed frame: wrong number of locals in {code.qualname}')
    for b in f.blocks:
        if not (type(b) is tuple and len(b) == 3 and all(type(x) is int and x >= 0 for x in b)
                and b[0] < len(code.ops)):
            raise ValueError('malformed frame: bad block')
    if f.post is not None and f.post not in POSTS:
        raise ValueError(f'malformed frame: unknown continuation {f.post!r}')
    mode = f.resume_mode
    if mode is not None:
        if type(mode) is not tuple or not mode or type(mode[0]) is not str or \
                (mode[0] in RESUME_MODES and len(mode) != RESUME_MODES[mode[0]]):
            raise ValueError('malformed frame: bad resume mode')


def check_chain(top, limit: int) -> int:
    """The length of the frame stack from ``top`` (no cycles, within the depth limit)."""
    n = 0
    f = top
    seen = set()
    while f is not None:
        if id(f) in seen or n > limit + 10:
            raise ValueError('malformed frame stack')
        seen.add(id(f))
        n += 1
        f = f.back
    return n
