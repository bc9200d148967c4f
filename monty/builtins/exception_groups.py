"""``BaseExceptionGroup``'s constructor checks and its ``split``/``subgroup``/``derive`` methods."""
from __future__ import annotations

from ..objects.model import ExcInstance, Instance, MClass
from ..vm import protocol as P
from . import types as T

_SEQUENCES = (list, tuple, str, range, bytes)
BAD_COND = 'expected a function, exception type or tuple of exception types'


def _is_sequence(obj) -> bool:
    """CPython's ``PySequence_Check``: builtin sequences and classes defining ``__getitem__``."""
    if isinstance(obj, _SEQUENCES):
        return True
    return isinstance(obj, Instance) and any('__getitem__' in k.dict for k in obj.mcls.mro
                                             if k is not T.OBJECT)


def _members(excs) -> tuple:
    """The validated members of the ``exceptions`` argument."""
    if not _is_sequence(excs):
        raise TypeError('second argument (exceptions) must be a sequence')
    items = tuple(P.iterate(excs))
    if not items:
        raise ValueError('second argument (exceptions) must be a non-empty sequence')
    for i, item in enumerate(items):
        if not isinstance(item, ExcInstance):
            raise ValueError(f'Item {i} of second argument (exceptions) is not an exception')
    return items


def _target_class(cls: MClass, items: tuple) -> MClass:
    """``BaseExceptionGroup`` of only Exceptions is an ``ExceptionGroup``; Exception groups
    may not hold BaseExceptions."""
    nests_base = any(T.EXCEPTION not in e.mcls.mro for e in items)
    group, plain = T.EXC_BY_NAME['BaseExceptionGroup'], T.EXC_BY_NAME['ExceptionGroup']
    if cls is group:
        return group if nests_base else plain
    if nests_base and T.EXCEPTION in cls.mro:
        where = 'an ExceptionGroup' if cls is plain else f"'{cls.name}'"
        raise TypeError(f'Cannot nest BaseExceptions in {where}')
    return cls


def group_new(cls: MClass, *args) -> ExcInstance:
    """``BaseExceptionGroup.__new__(cls, message, exceptions)``."""
    if len(args) != 2:
        raise TypeError(f'BaseExceptionGroup.__new__() takes exactly 2 arguments '
                        f'({len(args)} given)')
    if not isinstance(args[0], str):
        raise TypeError(f'BaseExceptionGroup.__new__() argument 1 must be str, '
                        f'not {T.type_name(args[0])}')
    return ExcInstance(_target_class(cls, _members(args[1])), args)


def _matcher(cond):
    """A host predicate for ``split``'s condition: a type, a tuple of types or a callable."""
    if isinstance(cond, MClass) and cond.is_exc:
        return lambda e: cond in e.mcls.mro
    if type(cond) is tuple and all(isinstance(c, MClass) and c.is_exc for c in cond):
        return lambda e: any(c in e.mcls.mro for c in cond)
    if isinstance(cond, MClass) or not P.is_callable(cond):
        raise TypeError(BAD_COND)
    return lambda e: P.truthy(P.call_sync(cond, e))


def _is_group(exc) -> bool:
    return T.EXC_BY_NAME['BaseExceptionGroup'] in exc.mcls.mro


def _members_of(group) -> tuple:
    return tuple(group.args[1]) if len(group.args) > 1 else ()


def _derived(group, items: list):
    """``group.derive(items)`` carrying over the cause, context and notes, or None if empty."""
    if not items:
        return None
    new = P.call_sync(P.sync(P.get_attr(group, 'derive')), items)
    if not isinstance(new, ExcInstance) or not _is_group(new):
        raise TypeError('derive must return an instance of BaseExceptionGroup')
    new.cause, new.context, new.suppress = group.cause, group.context, True
    if group.notes is not None:
        new.notes = list(P.iterate(group.notes)) if _is_sequence(group.notes) else group.notes
    return new


def _split(exc, match, rest: bool = True) -> tuple:
    """``(matching, rest)`` of ``exc``, walking nested groups; either part may be None."""
    if match(exc):
        return exc, None
    if not _is_group(exc):
        return None, exc if rest else None
    hits, misses = [], []
    for member in _members_of(exc):
        hit, miss = _split(member, match, rest)
        if hit is not None:
            hits.append(hit)
        if miss is not None:
            misses.append(miss)
    return _derived(exc, hits), _derived(exc, misses)


def group_split(self, cond):
    """``eg.split(cond)``: the ``(match, rest)`` pair of derived groups."""
    return _split(self, _matcher(cond))


def group_subgroup(self, cond):
    """``eg.subgroup(cond)``: the matching part only."""
    return _split(self, _matcher(cond), rest=False)[0]


def group_derive(self, excs):
    """``eg.derive(excs)``: a new group with the same message."""
    return group_new(T.EXC_BY_NAME['BaseExceptionGroup'], self.args[0] if self.args else '',
                     excs)


def install(add_method) -> None:
    """Attach the methods to ``BaseExceptionGroup`` (``constructors`` calls ``group_new``)."""
    group = T.EXC_BY_NAME['BaseExceptionGroup']
    add_method(group, 'split', group_split)
    add_method(group, 'subgroup', group_subgroup)
    add_method(group, 'derive', group_derive)
