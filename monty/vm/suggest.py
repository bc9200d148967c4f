"""The ``. Did you mean: 'x'?`` hint CPython 3.11 adds when it prints a NameError/AttributeError.

The hint is not part of the exception's message: it is computed when the traceback is printed,
from the names visible where the error happened (NameError: the code's local names, then its
globals, then the builtins) or from ``dir()`` of the object (AttributeError).  ``remember``
records just enough at the failure point (references, no copies of namespaces) and
``hint`` does the matching.
"""
from __future__ import annotations

import builtins
import re
import weakref

from ..compiler import opcodes as O

MOVE_COST = 2          # inserting, deleting or replacing a character
CASE_COST = 1          # replacing a character by the same letter in the other case
MAX_NAME = 40          # longer names are never matched
MAX_CANDIDATES = 750   # larger namespaces are not searched

_NAME_ERROR = re.compile(r"^name '(.+)' is not defined$")
_ATTR_OPS = frozenset((O.LOAD_ATTR, O.LOAD_METHOD))
_HOST_BUILTINS = tuple(vars(builtins))
_facts: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def remember(exc, f, pc: int, host_error: BaseException) -> None:
    """Note what a hint for ``exc`` (just raised by the VM at ``f``/``pc``) will need."""
    t = type(host_error)
    if t is NameError:
        m = _NAME_ERROR.match(str(host_error))
        if m is not None:
            _facts[exc] = ('name', m.group(1), _local_names(f), f.globals)
    elif t is AttributeError and f.stack and 0 <= pc < len(f.code.ops):
        opcode, name = f.code.ops[pc]
        if opcode in _ATTR_OPS and isinstance(name, str) and \
                str(host_error).endswith(f"attribute '{name}'"):
            _facts[exc] = ('attr', name, f.stack[-1])


def _local_names(f) -> list[str]:
    """The code's local variable names, bound or not (module and class bodies have none)."""
    return [] if f.ns is not None else list(f.code.varnames)


def hint(exc) -> str:
    """``". Did you mean: 'x'?"`` for ``exc``, or ``''``."""
    facts = _facts.get(exc)
    if facts is None:
        return ''
    try:
        if facts[0] == 'name':
            _, name, local_names, globals_ = facts
            groups = (local_names, list(globals_), _HOST_BUILTINS)
        else:
            from ..builtins.functions import dir_
            _, name, obj = facts
            groups = (dir_(None, obj),)
        for candidates in groups:
            found = best_match(name, candidates)
            if found is not None:
                return f". Did you mean: '{found}'?"
    except Exception:  # noqa: BLE001 - a hint must never break the traceback
        return ''
    return ''


def best_match(name: str, candidates) -> str | None:
    """The candidate closest to ``name`` that needs at most a third of its characters changed."""
    if len(candidates) > MAX_CANDIDATES:
        return None
    best, best_cost = None, None
    for item in candidates:
        if not isinstance(item, str) or item == name:
            continue
        limit = (len(name) + len(item) + 3) * MOVE_COST // 6
        if best_cost is not None:
            limit = min(limit, best_cost - 1)
        cost = edit_cost(name, item, limit)
        if cost <= limit:
            best, best_cost = item, cost
    return best


def edit_cost(a: str, b: str, limit: int) -> int:
    """Weighted edit distance (case-only changes are cheap); ``limit + 1`` once it exceeds it."""
    if a == b:
        return 0
    start = 0
    while start < len(a) and start < len(b) and a[start] == b[start]:
        start += 1
    a, b = a[start:], b[start:]
    while a and b and a[-1] == b[-1]:
        a, b = a[:-1], b[:-1]
    if not a or not b:
        return (len(a) + len(b)) * MOVE_COST
    if len(a) > MAX_NAME or len(b) > MAX_NAME:
        return limit + 1
    if len(b) < len(a):
        a, b = b, a
    if (len(b) - len(a)) * MOVE_COST > limit:
        return limit + 1
    row = [(i + 1) * MOVE_COST for i in range(len(a))]
    result = 0
    for j, cb in enumerate(b):
        diagonal = j * MOVE_COST
        result = diagonal + MOVE_COST
        lowest = result
        for i, ca in enumerate(a):
            if ca == cb:
                step = 0
            elif ca.lower() == cb.lower():
                step = CASE_COST
            else:
                step = MOVE_COST
            value = min(diagonal + step, row[i] + MOVE_COST, result + MOVE_COST)
            diagonal = row[i]
            row[i] = result = value
            lowest = min(lowest, value)
        if lowest > limit:
            return limit + 1
    return result
