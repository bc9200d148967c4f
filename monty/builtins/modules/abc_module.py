"""``abc``: ``ABC`` and ``abstractmethod``, refusing to instantiate classes with abstract
methods left (computed when each subclass is created)."""
from __future__ import annotations

from .lib_support import helpers


def natives(vm) -> dict:
    """Host helpers the Monty source below relies on."""
    return helpers('abc', '_new_instance', '_class_ns', '_class_mro', '_set_class_attr')


SOURCE = r'''
def abstractmethod(funcobj):
    funcobj.__isabstractmethod__ = True
    return funcobj


def _is_abstract(value):
    return getattr(value, '__isabstractmethod__', False) is True


def _compute_abstracts(cls):
    abstracts = set()
    for name, value in _class_ns(cls).items():
        if _is_abstract(value):
            abstracts.add(name)
    for base in _class_mro(cls)[1:]:
        for name in _class_ns(base).get('__abstractmethods__', ()):
            if _is_abstract(getattr(cls, name, None)):
                abstracts.add(name)
    return frozenset(abstracts)


def update_abstractmethods(cls):
    _set_class_attr(cls, '__abstractmethods__', _compute_abstracts(cls))
    return cls


class ABCMeta(type):
    pass


class ABC:
    """Base class whose subclasses cannot be instantiated while abstract methods remain."""
    __slots__ = ()

    def __init_subclass__(cls, **kwargs):
        update_abstractmethods(cls)

    def __new__(cls, *args, **kwargs):
        abstracts = _class_ns(cls).get('__abstractmethods__')
        if abstracts is None:
            abstracts = _compute_abstracts(cls)
        if abstracts:
            names = ', '.join(sorted(abstracts))
            s = 's' if len(abstracts) > 1 else ''
            raise TypeError(f"Can't instantiate abstract class {cls.__name__} "
                            f"with abstract method{s} {names}")
        return _new_instance(cls)


def get_cache_token():
    return 0
'''
