"""``seq * n`` between a host sequence and a Monty object, with CPython's rules and message.

CPython never offers a sequence's repeat to the operator protocol as ``__mul__``/``__rmul__``:
only when both operands' numeric methods decline does it repeat the sequence operand by the
other's ``__index__``, failing with "can't multiply sequence by non-int of type 'X'".
"""
from __future__ import annotations

import operator

from ..builtins import types as T
from ..objects.model import UNBOUND, NativeFunction
from . import protocol as P

SEQUENCES = (str, bytes, bytearray, list, tuple)


def is_host_repeat(meth, receiver) -> bool:
    """Whether ``meth`` is a host sequence's own ``__mul__``/``__rmul__``/``__imul__``."""
    return type(meth) is NativeFunction and type(receiver) in SEQUENCES


def repeat(a, b, inplace: bool):
    """``a * b`` (``a *= b``) after every numeric method declined."""
    if type(a) in SEQUENCES:
        seq, count = a, b
    elif type(b) in SEQUENCES:
        seq, count = b, a
    else:
        return UNBOUND
    index = T.type_of(count).lookup('__index__')
    if index is UNBOUND:
        raise TypeError(f"can't multiply sequence by non-int of type '{T.type_name(count)}'")
    n = P.call_method_sync(index, count)
    if not isinstance(n, int):
        raise TypeError(f'__index__ returned non-int (type {T.type_name(n)})')
    P.check_size(2, seq, n)
    return operator.imul(seq, n) if inplace and seq is a else seq * n
