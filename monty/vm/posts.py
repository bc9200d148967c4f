"""Continuations applied to a frame's return value, by name (so paused frames serialize).

Each takes ``(vm, value, state)`` and returns the value to push, ``DISCARD``, or a new CallReq.
"""
from __future__ import annotations

from ..builtins import types as T
from ..objects.model import UNBOUND
from .signals import DISCARD, CallReq


def post_discard(vm, value, state):
    return DISCARD


def post_init(vm, value, state):
    if value is not None:
        raise TypeError(f"__init__() should return None, not '{T.type_name(value)}'")
    return state


def post_new(vm, value, state):
    cls, args, kwargs = state
    if not T.is_instance(value, cls):
        return value
    init = T.type_of(value).lookup('__init__')
    if init is UNBOUND or (type(init).__name__ == 'NativeFunction' and init.name == '__init__'
                           and getattr(init, 'self_type', None) == 'object'):
        return value
    return vm.init_request(init, value, args, kwargs)


def post_check_str(vm, value, state):
    if not isinstance(value, str):
        raise TypeError(f"{state}returned non-string (type {T.type_name(value)})")
    return value


def post_check_iter(vm, value, state):
    from .protocol import HOST_ITER_TYPES
    t = type(value)
    if t in HOST_ITER_TYPES or t.__name__ == 'Generator':
        return value
    cls = T.type_of(value)
    if cls.lookup('__next__') is UNBOUND:
        raise TypeError(f"iter() returned non-iterator of type '{T.error_name(cls)}'")
    return value


def post_check_int(vm, value, state):
    if not isinstance(value, int):
        raise TypeError(f"'{T.type_name(value)}' object cannot be interpreted as an integer")
    if value < 0 and state == 'len':
        raise ValueError('__len__() should return >= 0')
    return value


_CONVERSION_KINDS = {'__int__': (int, 'int'), '__index__': (int, 'int'),
                     '__trunc__': (int, 'Integral'), '__float__': (float, 'float')}


def post_conversion(vm, value, state):
    """Check what ``__int__``/``__index__``/``__trunc__``/``__float__`` returned (``state``
    names the method as CPython's message does: ``__int__``, ``A.__float__``)."""
    kind, label = _CONVERSION_KINDS[state.rpartition('.')[2]]
    if not isinstance(value, kind):
        raise TypeError(f'{state} returned non-{label} (type {T.type_name(value)})')
    return value


def post_bool(vm, value, state):
    if not isinstance(value, bool):
        if state == '__len__':
            if not isinstance(value, int):
                raise TypeError(f"'{T.type_name(value)}' object cannot be interpreted as an integer")
            if value < 0:
                raise ValueError('__len__() should return >= 0')
            return value != 0
        raise TypeError(f'__bool__ should return bool, returned {T.type_name(value)}')
    return value


def post_retest(vm, value, state):
    """A conditional jump's truth test answered: check it, then run the jump again on it."""
    name, pc = state
    answer = post_bool(vm, value, name)
    vm.frame.pc = pc
    return answer


def post_retest_mark(vm, value, state):
    """Like ``retest`` for ``and``/``or``: the answer lands above the tested value as a mark."""
    from .dispatch import TRUTHS
    return TRUTHS[post_retest(vm, value, state)]


def post_not(vm, value, state):
    return not post_bool(vm, value, state)


def post_truth_mark(vm, value, state):
    from .dispatch import TRUTHS
    return TRUTHS[post_bool(vm, value, state)]


def post_check_format(vm, value, state):
    if not isinstance(value, str):
        raise TypeError(f'__format__ must return a str, not {T.type_name(value)}')
    return value


def post_format_text(vm, value, state):
    """Format the text an f-string conversion (``!s``/``!r``) produced with the field's spec."""
    from ..builtins.formatting import format_value
    return format_value(value, state)


def post_ascii_text(vm, value, state):
    return post_format_text(vm, value.encode('ascii', 'backslashreplace').decode('ascii'), state)


def post_hash_then(vm, value, state):
    from .hashing import post_hash_then as step
    return step(vm, value, state)


def post_dict_kwargs(vm, value, state):
    """``dict(source, **kwargs)`` after the Monty loop filled the dict from ``source``."""
    value.update(state)
    return value


def post_dict_kwargs_none(vm, value, state):
    value.update(state)
    return None


def post_index_then(vm, value, state):
    """``bin``/``oct``/``hex`` of the int a Monty ``__index__`` returned."""
    from ..builtins.functions import INDEX_USERS
    if type(value) is not int and not isinstance(value, int):
        raise TypeError(f'__index__ returned non-int (type {T.type_name(value)})')
    return INDEX_USERS[state](int(value))


def post_prepared(vm, value, state):
    from ..builtins.classes import post_prepared as step
    return step(vm, value, state)


def post_class_body(vm, value, state):
    return vm.finish_class(value, state)


def post_call_then(vm, value, state):
    """Call ``state[0]`` with the value as first argument (decorator-like chaining)."""
    func, extra = state
    return CallReq(func, (value,) + tuple(extra))


def post_contains(vm, value, state):
    from .protocol import truthy
    r = truthy(value)
    return (not r) if state else r


def post_native_step(vm, value, state):
    """Continue a resumable native (a named step function with plain-data state)."""
    from ..builtins.steps import STEPS
    name, data = state
    return STEPS[name](vm, value, data)


def post_identity(vm, value, state):
    return value


def post_method_null(vm, value, state):
    return value


def post_class_ready(vm, value, state):
    return state


def post_chain(vm, value, state):
    """Two continuations in a row: a native's own, then its caller's."""
    first, first_state, second, second_state = state
    r = POSTS[first](vm, value, first_state)
    if type(r) is CallReq:
        if r.post is None:
            return CallReq(r.func, r.args, r.kwargs, second, second_state)
        return CallReq(r.func, r.args, r.kwargs, 'chain', (r.post, r.state, second, second_state))
    if r is DISCARD:
        return r
    return POSTS[second](vm, r, second_state)


def post_class_step(vm, value, state):
    """Continue creating a class after a ``__set_name__`` call."""
    from ..builtins.classes import class_steps
    return class_steps(vm, *state)


def post_try_next(vm, value, state):
    """Operator dispatch: move to the next candidate dunder on NotImplemented."""
    from .dispatch import post_try_next as step
    return step(vm, value, state)


def post_ne_from_eq(vm, value, state):
    from .dispatch import post_ne_from_eq as step
    return step(vm, value, state)


def post_none(vm, value, state):
    return None


POSTS = {
    'none': post_none,
    'chain': post_chain,
    'class_step': post_class_step,
    'class_ready': post_class_ready,
    'for_next': post_identity,
    'releases': post_identity,   # a plain frame marked by ``finalize.mark_holder``
    'discard': post_discard,
    'init': post_init,
    'new': post_new,
    'check_str': post_check_str,
    'check_iter': post_check_iter,
    'check_int': post_check_int,
    'conversion': post_conversion,
    'bool': post_bool,
    'not': post_not,
    'retest': post_retest,
    'retest_mark': post_retest_mark,
    'truth_mark': post_truth_mark,
    'prepared': post_prepared,
    'index_then': post_index_then,
    'state': post_class_ready,
    'dict_kwargs': post_dict_kwargs,
    'dict_kwargs_none': post_dict_kwargs_none,
    'hash_then': post_hash_then,
    'check_format': post_check_format,
    'format_text': post_format_text,
    'ascii_text': post_ascii_text,
    'class_body': post_class_body,
    'call_then': post_call_then,
    'contains': post_contains,
    'step': post_native_step,
    'try_next': post_try_next,
    'ne_from_eq': post_ne_from_eq,
}
