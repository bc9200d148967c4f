"""``string``: the character-class constants, ``capwords`` and ``Template``."""
from __future__ import annotations

import string as _host

from ...objects.model import UNBOUND, Instance, Module, NativeFunction
from ...vm import protocol as P
from ...vm.signals import MontyRaise
from .. import regex as R
from .. import types as T
from ..constructors import NATIVE_CTORS, to_str

CONSTANTS = ('ascii_letters ascii_lowercase ascii_uppercase digits hexdigits octdigits '
             'punctuation printable whitespace').split()
TEMPLATE = T.native_class('Template', None, (T.OBJECT,), module='string')
TEMPLATE.dict.update({'__module__': 'string', 'delimiter': '$',
                      'idpattern': r'(?a:[_a-z][_a-z0-9]*)', 'braceidpattern': None,
                      'flags': R.IGNORECASE})


def capwords(s, sep=None):
    """``string.capwords``: capitalize each word, then join with ``sep`` (or a space)."""
    if not isinstance(s, str):
        raise TypeError(f"descriptor 'split' for 'str' objects doesn't apply to a "
                        f"'{T.type_name(s)}' object")
    return (sep or ' ').join(map(str.capitalize, s.split(sep)))


# -- Template -------------------------------------------------------------------------------------
def _template_init(self, template):
    self.attrs['template'] = template
    return None


def _make_template(vm, template):
    inst = Instance(TEMPLATE)
    _template_init(inst, template)
    return inst


def _cls_attr(self, name):
    return P.sync(P.get_attr(self, name))


def _pattern(self):
    """The placeholder regex for this template's class (subclasses may change the parts)."""
    delim = R.escape(_cls_attr(self, 'delimiter'))
    ident = _cls_attr(self, 'idpattern')
    braced = _cls_attr(self, 'braceidpattern') or ident
    text = (f'{delim}(?:(?P<escaped>{delim})|(?P<named>{ident})|{{(?P<braced>{braced})}}|'
            f'(?P<invalid>))')
    return R.compile(text, _cls_attr(self, 'flags') | R.VERBOSE)


def _invalid(m):
    i = m.start('invalid')
    lines = m.string[:i].splitlines(keepends=True)
    if not lines:
        colno, lineno = 1, 1
    else:
        colno = i - len(''.join(lines[:-1]))
        lineno = len(lines)
    return ValueError(f'Invalid placeholder in string: line {lineno}, col {colno}')


def _lookup(mapping, kws, name):
    if name in kws:
        return kws[name]
    if mapping is UNBOUND:
        raise KeyError(name)
    return P.sync(P.get_item(mapping, name))


def _is_key_error(e) -> bool:
    if isinstance(e, KeyError):
        return True
    return isinstance(e, MontyRaise) and e.exc.mcls.is_subclass(T.EXC_BY_NAME['KeyError'])


def _substitute(self, mapping, kws, safe):
    template = _cls_attr(self, 'template')

    def convert(m):
        named = m.group('named') or m.group('braced')
        if named is not None:
            try:
                return P.sync(to_str(P.current[0], _lookup(mapping, kws, named)))
            except (KeyError, MontyRaise) as e:
                if safe and _is_key_error(e):
                    return m.group()
                raise
        if m.group('escaped') is not None:
            return _cls_attr(self, 'delimiter')
        if safe:
            return m.group()
        raise _invalid(m)
    return _pattern(self).sub(convert, template)


def substitute(self, mapping=UNBOUND, /, **kws):
    return _substitute(self, mapping, kws, False)


def safe_substitute(self, mapping=UNBOUND, /, **kws):
    return _substitute(self, mapping, kws, True)


def _identifiers(self, valid: bool):
    out = []
    for m in _pattern(self).finditer(_cls_attr(self, 'template')):
        named = m.group('named') or m.group('braced')
        if named is not None and named not in out:
            out.append(named)
        elif named is None and m.group('invalid') is not None and m.group('escaped') is None:
            if valid:
                return False
    return True if valid else out


def _setup() -> None:
    table = {'__init__': _template_init, 'substitute': substitute,
             'safe_substitute': safe_substitute,
             'is_valid': lambda self: _identifiers(self, True),
             'get_identifiers': lambda self: _identifiers(self, False)}
    for name, fn in table.items():
        TEMPLATE.dict[name] = NativeFunction(name, fn, self_type='Template')
    NATIVE_CTORS[TEMPLATE] = _make_template


_setup()


def build(vm) -> Module:
    ns = {name: getattr(_host, name) for name in CONSTANTS}
    ns['capwords'] = NativeFunction('capwords', capwords, module='string')
    ns['Template'] = TEMPLATE
    from . import _load
    ns['Formatter'] = _load(vm, '<string.Formatter>').dict['Formatter']
    return Module('string', ns)
