"""Host objects behind standard-library values (``random.Random``, ``re`` patterns, matches
and ``finditer`` progress, ``datetime`` values), written as plain state and rebuilt in the
loading VM.

Each kind is a fixed entry: ``reduce(obj)`` gives Monty-encodable state, ``rebuild(vm, state)``
checks it and makes a fresh object bound to the loading interpreter (importing the sandboxed
module there first).  Nothing outside this table is ever constructed.
"""
from __future__ import annotations

import datetime as _dt

_table: dict = {}


def _load(vm, module: str):
    if vm is None:
        raise ValueError(f'snapshot refers to module {module!r} but has no interpreter')
    from ..builtins.modules import import_module
    import_module(vm, module, ('*',))


def _random(vm, state):
    from ..builtins.modules.random_module import make_random
    _load(vm, 'random')
    if type(state) is not tuple or len(state) != 2 or type(state[1]) is not int:
        raise ValueError('malformed random.Random state')
    rng = make_random(vm, 0)
    try:
        rng.setstate(state[0])
    except (TypeError, ValueError, IndexError, OverflowError) as e:
        raise ValueError(f'malformed random.Random state ({e})') from None
    if state[1]:
        rng.fake_id = state[1]
    return rng


def _pattern(vm, state):
    from ..builtins.modules.re_module import compile_
    _load(vm, 're')
    if type(state) is not tuple or len(state) != 2 or type(state[0]) not in (str, bytes) or \
            type(state[1]) is not int:
        raise ValueError('malformed re.Pattern state')
    return compile_(vm, state[0], state[1])


def _match(vm, state):
    from ..builtins.regex.match import Match
    from ..builtins.regex.pattern import Pattern
    _load(vm, 're')
    if type(state) is not tuple or len(state) != 5:
        raise ValueError('malformed re.Match state')
    pattern, string, pos, endpos, caps = state
    if type(pattern) is not Pattern or type(string) not in (str, bytes) or \
            not all(type(n) is int and 0 <= n <= len(string) for n in (pos, endpos)) or \
            type(caps) is not tuple or len(caps) != 2 * pattern.groups + 3 or \
            not all(type(c) is int and -1 <= c <= len(string) for c in caps[:-1]) or \
            type(caps[-1]) is not int or not -1 <= caps[-1] <= pattern.groups:
        raise ValueError('malformed re.Match state')
    return Match(pattern, string, pos, endpos, list(caps))


def _scan(vm, state):
    from ..builtins.modules.re_module import MatchScan
    from ..builtins.regex.pattern import Pattern
    _load(vm, 're')
    if type(state) is not tuple or len(state) != 6:
        raise ValueError('malformed re.finditer state')
    pattern, string, pos, endpos, at, forbid = state
    if type(pattern) is not Pattern or type(string) not in (str, bytes) or \
            not all(type(n) is int for n in (pos, endpos, at, forbid)) or \
            not 0 <= pos <= endpos <= len(string) or not pos <= at <= endpos + 1 or \
            not -1 <= forbid <= endpos:
        raise ValueError('malformed re.finditer state')
    scan = MatchScan(pattern, string, pos, endpos)
    scan.at, scan.forbid = at, forbid
    return scan


def _datetime_value(kind):
    def rebuild(vm, state):
        _load(vm, 'datetime')
        if type(state) is not tuple:
            raise ValueError(f'malformed datetime.{kind.__name__} state')
        if kind is _dt.timezone and state and type(state[0]) is not _dt.timedelta:
            raise ValueError('malformed datetime.timezone state')
        try:
            return kind(*state)
        except (TypeError, ValueError, OverflowError) as e:
            raise ValueError(f'malformed datetime.{kind.__name__} state ({e})') from None
    return rebuild


def _dt_state(v) -> tuple:
    t = type(v)
    if t is _dt.date:
        return (v.year, v.month, v.day)
    if t is _dt.datetime:
        return (v.year, v.month, v.day, v.hour, v.minute, v.second, v.microsecond, v.tzinfo,
                v.fold and 1)
    if t is _dt.time:
        return (v.hour, v.minute, v.second, v.microsecond, v.tzinfo, v.fold and 1)
    if t is _dt.timedelta:
        return (v.days, v.seconds, v.microseconds)
    return v.__getinitargs__()


def _with_fold(kind):
    """``datetime``/``time``: the last state item is ``fold``, which is keyword-only."""
    base = _datetime_value(kind)

    def rebuild(vm, state):
        if type(state) is not tuple or not state or type(state[-1]) is not int:
            raise ValueError(f'malformed datetime.{kind.__name__} state')
        obj = base(vm, state[:-1])
        return obj.replace(fold=state[-1]) if state[-1] else obj
    return rebuild


def table() -> dict:
    """``host class -> (kind name, reduce, rebuild)``, built on first use."""
    if not _table:
        from ..builtins.modules.random_module import SandboxRandom
        from ..builtins.modules.re_module import MatchScan
        from ..builtins.regex.match import Match
        from ..builtins.regex.pattern import Pattern
        entries = {
            SandboxRandom: ('random.Random', lambda r: (r.getstate(), getattr(r, 'fake_id', 0)),
                            _random),
            Pattern: ('re.Pattern', lambda p: (p.pattern, p.flags), _pattern),
            Match: ('re.Match', lambda m: (m.re, m.string, m.pos, m.endpos, tuple(m._caps)),
                    _match),
            MatchScan: ('re.finditer', lambda s: (s.pattern, s.string, s.pos, s.endpos, s.at,
                                                   s.forbid), _scan),
            _dt.date: ('datetime.date', _dt_state, _datetime_value(_dt.date)),
            _dt.datetime: ('datetime.datetime', _dt_state, _with_fold(_dt.datetime)),
            _dt.time: ('datetime.time', _dt_state, _with_fold(_dt.time)),
            _dt.timedelta: ('datetime.timedelta', _dt_state, _datetime_value(_dt.timedelta)),
            _dt.timezone: ('datetime.timezone', _dt_state, _datetime_value(_dt.timezone)),
        }
        _table.update(entries)
        _table.update({name: (cls, rebuild) for cls, (name, _, rebuild) in entries.items()})
    return _table


def reduce(v):
    """``(kind name, state)`` for a host value in the table, else None."""
    entry = table().get(type(v))
    if entry is None:
        return None
    name, red, _ = entry
    return name, red(v)


def rebuild(vm, name, state):
    """The object of kind ``name`` from its decoded ``state``; ValueError for anything else."""
    entry = table().get(name) if type(name) is str else None
    if entry is None:
        raise ValueError(f'snapshot refers to an unknown host value kind {name!r}')
    return entry[1](vm, state)
