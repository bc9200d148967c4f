"""``re``: the pure-Python regex engine exposed to Monty code.

Patterns and matches are the engine's host objects, reachable only through the method tables
below.  Matching calls the VM's clock check, so a catastrophic pattern stops at the time limit.
"""
from __future__ import annotations

import sys

from ...objects.model import ExcInstance, Module, NativeAttr, NativeFunction
from ...vm import protocol as P
from ...vm.signals import MontyRaise
from .. import regex as R
from .. import types as T
from ..constructors import NATIVE_CTORS
from ..regex import flags as F
from ..regex.match import Match
from ..regex.pattern import Pattern

PATTERN = T.native_class('Pattern', Pattern, (T.OBJECT,), module='re')
MATCH = T.native_class('Match', Match, (T.OBJECT,), module='re')
ERROR = T.native_class('error', None, (T.EXC_BY_NAME['Exception'],), module='re')
ERROR.is_exc = True
ERROR.instance_kind = ExcInstance
for _c in (PATTERN, MATCH, ERROR):
    _c.dict['__module__'] = 're'
    _c.final = _c is not ERROR

FLAG_ORDER = ('ASCII', 'IGNORECASE', 'LOCALE', 'UNICODE', 'MULTILINE', 'DOTALL', 'VERBOSE',
              'TEMPLATE', 'DEBUG')
FLAG_ALIASES = {'A': 'ASCII', 'I': 'IGNORECASE', 'L': 'LOCALE', 'U': 'UNICODE',
                'M': 'MULTILINE', 'S': 'DOTALL', 'X': 'VERBOSE', 'T': 'TEMPLATE'}


class RegexFlag(int):
    """An ``re`` flag value: an int that prints as ``re.IGNORECASE|re.MULTILINE``."""

    def __repr__(self) -> str:
        value = int(self)
        names = [f're.{n}' for n in FLAG_ORDER if value & getattr(F, n)]
        rest = value & ~sum(getattr(F, n) for n in FLAG_ORDER)
        if rest:
            names.append(hex(rest))
        return '|'.join(names) or 're.NOFLAG'

    __str__ = __repr__


FLAG = T.native_class('RegexFlag', RegexFlag, (T.INT,), module='re')
FLAG.mro = (FLAG, T.INT, T.OBJECT)


def _flag_op(op):
    def fn(a, b):
        if not isinstance(b, int):
            return NotImplemented
        r = op(int(a), int(b))
        return RegexFlag(r) if isinstance(b, RegexFlag) or op is not int.__xor__ else r
    return fn


def _setup_flag_class() -> None:
    d = FLAG.dict
    for name, op in (('or', int.__or__), ('and', int.__and__), ('xor', int.__xor__)):
        f = _flag_op(op)
        d[f'__{name}__'] = NativeFunction(f'__{name}__', f, self_type='RegexFlag')
        d[f'__r{name}__'] = NativeFunction(f'__r{name}__', f, self_type='RegexFlag')
    d['__repr__'] = NativeFunction('__repr__', RegexFlag.__repr__, self_type='RegexFlag')
    d['__str__'] = NativeFunction('__str__', RegexFlag.__repr__, self_type='RegexFlag')
    d['__format__'] = NativeFunction('__format__', lambda s, spec: format(repr(s), spec)
                                     if not spec else format(int(s), spec),
                                     self_type='RegexFlag')


# -- errors -----------------------------------------------------------------------------------
def monty_error(e: R.error) -> MontyRaise:
    """Our ``re.error`` carrying the engine error's message and position facts."""
    exc = ExcInstance(ERROR, (e.args[0],))
    exc.attrs.update(msg=e.msg, pattern=e.pattern, pos=e.pos, lineno=e.lineno, colno=e.colno)
    return MontyRaise(exc)


def _error_init(self, msg, pattern=None, pos=None):
    host = R.error(msg, pattern, pos)
    self.args = host.args
    self.attrs.update(msg=msg, pattern=pattern, pos=pos, lineno=host.lineno, colno=host.colno)


def _make_error(vm, *args, **kwargs):
    exc = ExcInstance(ERROR, ())
    _error_init(exc, *args, **kwargs)
    return exc


def guarded(fn):
    """Run an engine call, turning its ``error`` into Monty's ``re.error``."""
    def wrapper(*args, **kwargs):
        try:
            return fn(*args, **kwargs)
        except R.error as e:
            raise monty_error(e) from None
    wrapper.__name__ = fn.__name__
    return wrapper


# -- argument checks --------------------------------------------------------------------------
def _subject(s):
    if isinstance(s, (str, bytes, bytearray)):
        return s
    raise TypeError(f"expected string or bytes-like object, got '{T.type_name(s)}'")


def _tick(vm):
    return vm.tracker.check_time if vm.tracker is not None else None


def _flags(flags) -> int:
    if not isinstance(flags, int):
        raise TypeError(f"unsupported operand type(s) for &: '{T.type_name(flags)}' and 'int'")
    return int(flags)


def _repl(repl):
    """A host-callable replacement for a Monty callable, else the template unchanged."""
    if isinstance(repl, (str, bytes)) or not P.is_callable(repl):
        return repl

    def call(match):
        value = P.call_sync(repl, match)
        if type(value) not in P.HOST_VALUE_TYPES and value is not None:
            raise TypeError(f'expected str instance, {T.type_name(value)} found')
        return value
    return call


class CallableIterator:
    """The iterator ``finditer`` returns (``callable_iterator`` in CPython)."""
    __slots__ = ('it',)

    def __init__(self, it):
        self.it = it

    def __iter__(self):
        return self

    def __next__(self):
        try:
            return next(self.it)
        except R.error as e:
            raise monty_error(e) from None


class MatchScan:
    """``finditer``'s progress as plain data (pattern, subject, bounds, where the next search
    starts and which empty match is forbidden there), so a paused iterator can be saved."""
    __slots__ = ('pattern', 'string', 'pos', 'endpos', 'at', 'forbid', 'machine')

    def __init__(self, pattern: Pattern, string, pos: int = 0, endpos: int = sys.maxsize):
        self.pattern, self.string = pattern, string
        self.pos, self.endpos = pattern._bounds(string, pos, endpos)
        self.at, self.forbid = self.pos, -1
        self.machine = None

    def __iter__(self):
        return self

    def __next__(self) -> Match:
        if self.at > self.endpos:
            raise StopIteration
        if self.machine is None:
            self.machine = self.pattern._machine(self.string, self.pos, self.endpos)[0]
        self.machine.forbid = self.forbid
        caps = self.machine.search(self.at)
        if caps is None:
            self.at = self.endpos + 1
            raise StopIteration
        self.at = caps[1]
        self.forbid = self.at if caps[0] == self.at else -1
        return Match(self.pattern, self.string, self.pos, self.endpos, caps)


CALLABLE_ITERATOR = T.native_class('callable_iterator', CallableIterator, (T.OBJECT,))
P.HOST_ITER_TYPES.add(CallableIterator)


# -- module functions -------------------------------------------------------------------------
def compile_(vm, pattern, flags=0):
    if not isinstance(pattern, (str, bytes, Pattern)):
        raise TypeError('first argument must be string or compiled pattern')
    return R.compile(pattern, _flags(flags), _tick(vm))


def search(vm, pattern, string, flags=0):
    return compile_(vm, pattern, flags).search(_subject(string))


def match(vm, pattern, string, flags=0):
    return compile_(vm, pattern, flags).match(_subject(string))


def fullmatch(vm, pattern, string, flags=0):
    return compile_(vm, pattern, flags).fullmatch(_subject(string))


def findall(vm, pattern, string, flags=0):
    return compile_(vm, pattern, flags).findall(_subject(string))


def finditer(vm, pattern, string, flags=0):
    return CallableIterator(MatchScan(compile_(vm, pattern, flags), _subject(string)))


def sub(vm, pattern, repl, string, count=0, flags=0):
    return compile_(vm, pattern, flags).sub(_repl(repl), _subject(string), count)


def subn(vm, pattern, repl, string, count=0, flags=0):
    return compile_(vm, pattern, flags).subn(_repl(repl), _subject(string), count)


def split(vm, pattern, string, maxsplit=0, flags=0):
    return compile_(vm, pattern, flags).split(_subject(string), maxsplit)


def escape(pattern):
    if not isinstance(pattern, (str, bytes)):
        raise TypeError(f"expected str or bytes, not {T.type_name(pattern)}")
    return R.escape(pattern)


def purge():
    R.purge()


MODULE_FUNCS = {'compile': compile_, 'search': search, 'match': match, 'fullmatch': fullmatch,
                'findall': findall, 'finditer': finditer, 'sub': sub, 'subn': subn,
                'split': split}


# -- Pattern and Match tables -----------------------------------------------------------------
def _pos_args(fn):
    def method(p, string, pos=0, endpos=None):
        return fn(p, _subject(string), pos, len(string) if endpos is None else endpos)
    return method


PATTERN_METHODS = {
    'search': _pos_args(Pattern.search),
    'match': _pos_args(Pattern.match),
    'fullmatch': _pos_args(Pattern.fullmatch),
    'findall': _pos_args(Pattern.findall),
    'finditer': lambda p, s, pos=0, endpos=None: CallableIterator(
        _pos_args(MatchScan)(p, s, pos, endpos)),
    'sub': lambda p, repl, s, count=0: p.sub(_repl(repl), _subject(s), count),
    'subn': lambda p, repl, s, count=0: p.subn(_repl(repl), _subject(s), count),
    'split': lambda p, s, maxsplit=0: p.split(_subject(s), maxsplit),
    '__eq__': lambda p, o: p == o if isinstance(o, Pattern) else NotImplemented,
    '__ne__': lambda p, o: p != o if isinstance(o, Pattern) else NotImplemented,
    '__hash__': Pattern.__hash__,
    '__repr__': Pattern.__repr__,
    '__str__': Pattern.__repr__,
    '__copy__': lambda p: p,
    '__deepcopy__': lambda p, memo: p,
}
PATTERN_ATTRS = {
    'pattern': lambda p: p.pattern,
    'flags': lambda p: p.flags,
    'groups': lambda p: p.groups,
    'groupindex': lambda p: p.groupindex,
}
MATCH_METHODS = {
    'group': Match.group,
    'groups': Match.groups,
    'groupdict': Match.groupdict,
    'start': Match.start,
    'end': Match.end,
    'span': Match.span,
    'expand': Match.expand,
    '__getitem__': Match.__getitem__,
    '__repr__': Match.__repr__,
    '__str__': Match.__repr__,
    '__copy__': lambda m: m,
    '__deepcopy__': lambda m, memo: m,
}
MATCH_ATTRS = {
    'string': lambda m: m.string,
    're': lambda m: m.re,
    'pos': lambda m: m.pos,
    'endpos': lambda m: m.endpos,
    'lastindex': lambda m: m.lastindex,
    'lastgroup': lambda m: m.lastgroup,
    'regs': lambda m: m.regs,
}


def _fill(cls, methods: dict, attrs: dict) -> None:
    for name, fn in methods.items():
        cls.dict[name] = NativeFunction(name, guarded(fn), self_type=cls.name)
    for name, getter in attrs.items():
        cls.dict[name] = NativeAttr(name, getter)


def _no_ctor(name):
    def ctor(vm, *args, **kwargs):
        raise TypeError(f"cannot create 're.{name}' instances")
    return ctor


def _setup() -> None:
    _fill(PATTERN, PATTERN_METHODS, PATTERN_ATTRS)
    _fill(MATCH, MATCH_METHODS, MATCH_ATTRS)
    _setup_flag_class()
    ERROR.dict['__init__'] = NativeFunction('__init__', _error_init, self_type='error')
    NATIVE_CTORS[ERROR] = _make_error
    NATIVE_CTORS[PATTERN] = _no_ctor('Pattern')
    NATIVE_CTORS[MATCH] = _no_ctor('Match')


_setup()


def build(vm) -> Module:
    ns = {name: NativeFunction(name, guarded(fn), needs_vm=True, module='re')
          for name, fn in MODULE_FUNCS.items()}
    ns['escape'] = NativeFunction('escape', escape, module='re')
    ns['purge'] = NativeFunction('purge', purge, module='re')
    ns.update(error=ERROR, Pattern=PATTERN, Match=MATCH, RegexFlag=FLAG,
              NOFLAG=RegexFlag(0))
    for name in FLAG_ORDER:
        ns[name] = RegexFlag(getattr(F, name))
    for short, name in FLAG_ALIASES.items():
        ns[short] = ns[name]
    return Module('re', ns)
