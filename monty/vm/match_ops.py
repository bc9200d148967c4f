"""Runtime support for ``match``: sequence/mapping tests, key lookup and class patterns."""
from __future__ import annotations

from ..builtins import types as T
from ..objects.model import UNBOUND, DictInstance, ListInstance, MClass, TupleInstance
from . import protocol as P
from .ops import op

SEQUENCE_TYPES = (list, tuple, range, ListInstance, TupleInstance)
SELF_MATCHING = frozenset(('bool', 'bytearray', 'bytes', 'dict', 'float', 'frozenset', 'int',
                           'list', 'set', 'str', 'tuple'))


def is_sequence(v) -> bool:
    if isinstance(v, SEQUENCE_TYPES):
        return True
    from collections import deque
    return isinstance(v, deque)


@op('MATCH_SEQUENCE')
def _match_sequence(arg, nxt, code, pc):
    def fn(f):
        f.stack.append(is_sequence(f.stack[-1]))
        return nxt
    return fn


@op('MATCH_MAPPING')
def _match_mapping(arg, nxt, code, pc):
    def fn(f):
        v = f.stack[-1]
        f.stack.append(isinstance(v, (dict, DictInstance)))
        return nxt
    return fn


@op('GET_LEN')
def _get_len(arg, nxt, code, pc):
    def fn(f):
        f.stack.append(len(f.stack[-1]))
        return nxt
    return fn


_MISSING = object()


@op('MATCH_KEYS')
def _match_keys(arg, nxt, code, pc):
    def fn(f):
        s = f.stack
        keys = s[-1]
        subject = s[-2]
        if len(set(keys)) != len(keys):
            raise ValueError(f'mapping pattern checks duplicate key ({keys!r})')
        values = []
        for k in keys:
            v = subject.get(k, _MISSING) if not isinstance(subject, DictInstance) else \
                dict.get(subject, k, _MISSING)
            if v is _MISSING:
                s.append(None)
                return nxt
            values.append(v)
        s.append(tuple(values))
        return nxt
    return fn


@op('COPY_DICT_WITHOUT_KEYS')
def _copy_dict_without_keys(arg, nxt, code, pc):
    def fn(f):
        s = f.stack
        keys = s.pop()
        subject = s.pop()
        rest = dict(subject)
        for k in keys:
            rest.pop(k, None)
        s.append(rest)
        return nxt
    return fn


@op('MATCH_CLASS')
def _match_class(arg, nxt, code, pc):
    npos, kwnames = arg

    def fn(f):
        s = f.stack
        cls = s.pop()
        subject = s.pop()
        s.append(match_class(subject, cls, npos, kwnames))
        return nxt
    return fn


def match_class(subject, cls, npos: int, kwnames: tuple):
    if type(cls) is not MClass:
        raise TypeError('called match pattern must be a class')
    if cls not in T.type_of(subject).mro:
        return None
    values = []
    if npos:
        match_args = cls.lookup('__match_args__')
        if match_args is UNBOUND:
            if cls.native and cls.name in SELF_MATCHING or _builtin_base(cls):
                if npos > 1:
                    raise TypeError(f'{T.error_name(cls)}() accepts 1 positional sub-pattern '
                                    f'({npos} given)')
                values.append(subject)
                match_args = ()
            else:
                raise TypeError(f'{T.error_name(cls)}() accepts 0 positional sub-patterns '
                                f'({npos} given)')
        else:
            if not isinstance(match_args, tuple):
                raise TypeError(f'{T.error_name(cls)}.__match_args__ must be a tuple (got '
                                f'{T.type_name(match_args)})')
            if npos > len(match_args):
                raise TypeError(f'{T.error_name(cls)}() accepts {len(match_args)} positional '
                                f'sub-pattern{"s" if len(match_args) != 1 else ""} ({npos} given)')
            for name in match_args[:npos]:
                v = P.attr_or_missing(subject, name)
                if v is UNBOUND:
                    return None
                values.append(v)
    for name in kwnames:
        v = P.attr_or_missing(subject, name)
        if v is UNBOUND:
            return None
        values.append(v)
    return tuple(values)


def _builtin_base(cls):
    return any(c.native and c.name in SELF_MATCHING for c in cls.mro) and \
        cls.lookup('__match_args__') is UNBOUND and False
