"""Binding call arguments to parameter slots, with CPython's exact error messages."""
from __future__ import annotations

from ..compiler.code import VARARGS, VARKW
from ..objects.model import UNBOUND


def quoted_names(names: list[str]) -> str:
    """``'a'``, ``'a' and 'b'``, ``'a', 'b', and 'c'``: how CPython lists parameter names."""
    quoted = [f"'{n}'" for n in names]
    if len(quoted) == 1:
        return quoted[0]
    if len(quoted) == 2:
        return f'{quoted[0]} and {quoted[1]}'
    return ', '.join(quoted[:-1]) + f', and {quoted[-1]}'


def bind_arguments(func, args: tuple, kwargs: dict | None) -> list:
    """Return the frame's slot list for ``func(*args, **kwargs)`` or raise TypeError."""
    code = func.code
    name = func.qualname
    argcount = code.argcount
    kwonly = code.kwonlycount
    flags = code.flags
    slots = [UNBOUND] * code.nslots
    nargs = len(args)
    params = code.varnames
    defaults = func.defaults or ()
    kwdefaults = func.kwdefaults or {}
    n = min(nargs, argcount)
    slots[:n] = args[:n]
    extra_slot = argcount + kwonly
    if flags & VARARGS:
        slots[extra_slot] = tuple(args[argcount:])
        kw_slot = extra_slot + 1
    else:
        kw_slot = extra_slot
    kwdict = {} if flags & VARKW else None
    if kwdict is not None:
        slots[kw_slot] = kwdict
    if kwargs:
        posonly_clash = []
        for key, value in kwargs.items():
            if type(key) is not str:
                raise TypeError('keywords must be strings')
            idx = code.param_index.get(key)
            if idx is None or idx < code.posonlycount:
                if idx is not None and kwdict is None:
                    posonly_clash.append(key)
                    continue
                if kwdict is None:
                    raise TypeError(f"{name}() got an unexpected keyword argument '{key}'")
                kwdict[key] = value
                continue
            if slots[idx] is not UNBOUND:
                raise TypeError(f"{name}() got multiple values for argument '{key}'")
            slots[idx] = value
        if posonly_clash:
            raise TypeError(f'{name}() got some positional-only arguments passed as keyword '
                            f"arguments: '{', '.join(posonly_clash)}'")
    if nargs > argcount and not flags & VARARGS:
        _too_many(name, argcount, len(defaults), nargs, slots, code)
    if n < argcount:
        first_default = argcount - len(defaults)
        missing = []
        for i in range(n, argcount):
            if slots[i] is UNBOUND:
                if i >= first_default:
                    slots[i] = defaults[i - first_default]
                else:
                    missing.append(params[i])
        if missing:
            s = 's' if len(missing) > 1 else ''
            raise TypeError(f'{name}() missing {len(missing)} required positional argument{s}: '
                            f'{quoted_names(missing)}')
    if kwonly:
        missing = []
        for i in range(argcount, argcount + kwonly):
            if slots[i] is UNBOUND:
                pname = params[i]
                if pname in kwdefaults:
                    slots[i] = kwdefaults[pname]
                else:
                    missing.append(pname)
        if missing:
            s = 's' if len(missing) > 1 else ''
            raise TypeError(f'{name}() missing {len(missing)} required keyword-only argument{s}: '
                            f'{quoted_names(missing)}')
    return slots


def _too_many(name, argcount, ndefaults, nargs, slots, code):
    kwonly_given = sum(1 for i in range(argcount, argcount + code.kwonlycount)
                       if slots[i] is not UNBOUND)
    if ndefaults:
        takes = f'from {argcount - ndefaults} to {argcount} positional arguments'
    else:
        s = '' if argcount == 1 else 's'
        takes = f'{argcount} positional argument{s}'
    given = f'{nargs} positional argument{"" if nargs == 1 else "s"}'
    if kwonly_given:
        ks = '' if kwonly_given == 1 else 's'
        given += f' (and {kwonly_given} keyword-only argument{ks})'
        verb = 'were'
    else:
        given = f'{nargs}'
        verb = 'was' if nargs == 1 else 'were'
    raise TypeError(f'{name}() takes {takes} but {given} {verb} given')
