"""``json``: CPython-compatible encoding and decoding of Monty values.

Encoding is our own iterative walk (so deep or cyclic structures give CPython's errors, not a
host crash, and Monty instances reach only ``default``); decoding uses the host parser, which
runs no code of its own, with Monty callables wrapped as its hooks.
"""
from __future__ import annotations

import json as _host
from json import encoder as _host_encoder

from ...objects.model import ExcInstance, Instance, MClass, Module, NativeFunction
from ...vm import protocol as P
from ...vm.signals import MontyRaise
from .. import types as T
from ..constructors import NATIVE_CTORS

_END = object()
DECODE_ERROR = MClass('JSONDecodeError', (T.EXC_BY_NAME['ValueError'],), {},
                      module='json.decoder', native=True)
ENCODER = MClass('JSONEncoder', (T.OBJECT,), {}, module='json.encoder', native=True)
DECODE_ERROR.dict['__module__'] = 'json.decoder'
ENCODER.dict['__module__'] = 'json.encoder'
ENCODER_OPTIONS = ('skipkeys', 'ensure_ascii', 'check_circular', 'allow_nan', 'sort_keys',
                   'indent')


# -- errors ---------------------------------------------------------------------------------
def decode_error(msg: str, doc: str, pos: int) -> ExcInstance:
    """A Monty ``json.JSONDecodeError`` with CPython's message and attributes."""
    exc = ExcInstance(DECODE_ERROR, ())
    _fill_decode_error(exc, msg, doc, pos)
    return exc


def _fill_decode_error(exc: ExcInstance, msg, doc, pos) -> None:
    lineno = doc.count('\n', 0, pos) + 1
    colno = pos - doc.rfind('\n', 0, pos)
    exc.args = ('%s: line %d column %d (char %d)' % (msg, lineno, colno, pos),)
    exc.attrs.update(msg=msg, doc=doc, pos=pos, lineno=lineno, colno=colno)


def _decode_error_init(self, msg, doc, pos):
    _fill_decode_error(self, msg, doc, pos)


def _make_decode_error(vm, msg, doc, pos):
    return decode_error(msg, doc, pos)


def _recursion(message: str) -> MontyRaise:
    return MontyRaise(ExcInstance(T.EXC_BY_NAME['RecursionError'], (message,)))


# -- encoding -------------------------------------------------------------------------------
class Options:
    """Settings of one encode, as ``JSONEncoder.__init__`` normalises them."""
    __slots__ = ('skipkeys', 'ensure_ascii', 'check_circular', 'allow_nan', 'sort_keys',
                 'indent', 'item_sep', 'key_sep', 'default')

    def __init__(self, skipkeys=False, ensure_ascii=True, check_circular=True, allow_nan=True,
                 sort_keys=False, indent=None, separators=None, default=None):
        self.skipkeys = skipkeys
        self.ensure_ascii = ensure_ascii
        self.check_circular = check_circular
        self.allow_nan = allow_nan
        self.sort_keys = sort_keys
        if indent is not None and not isinstance(indent, str):
            indent = ' ' * P.sync(_index(indent))
        self.indent = indent
        if separators is not None:
            self.item_sep, self.key_sep = separators
        else:
            self.item_sep = ', ' if indent is None else ','
            self.key_sep = ': '
        self.default = default


def _index(n):
    if isinstance(n, int):
        return int(n)
    raise TypeError(f"can't multiply sequence by non-int of type '{T.type_name(n)}'")


class Level:
    """One open container (or a ``default`` result) during the iterative walk."""
    __slots__ = ('items', 'is_dict', 'depth', 'first', 'marker', 'closer')

    def __init__(self, items, is_dict, depth, marker, closer):
        self.items = items
        self.is_dict = is_dict
        self.depth = depth
        self.first = True
        self.marker = marker
        self.closer = closer


class Encoder:
    """Turns a Monty value into JSON text without host recursion."""

    def __init__(self, vm, opts: Options):
        self.vm = vm
        self.o = opts
        self.out: list = []
        self.stack: list = []
        self.markers: dict | None = {} if opts.check_circular else None
        self.limit = max(vm.max_depth - vm.depth - 2, 1)
        self.quote = (_host_encoder.encode_basestring_ascii if opts.ensure_ascii
                      else _host_encoder.encode_basestring)

    def encode(self, value) -> str:
        self.value(value)
        tracker = self.vm.tracker
        while self.stack:
            if tracker is not None:
                tracker.tick()
            self.step(self.stack[-1])
        return ''.join(self.out)

    def step(self, level: Level) -> None:
        item = next(level.items, _END)
        if item is _END:
            self.close(level)
            return
        if level.is_dict:
            key = self.key(item[0])
            if key is None:
                return
        self.separator(level)
        if level.is_dict:
            self.out.append(self.quote(key))
            self.out.append(self.o.key_sep)
            item = item[1]
        self.value(item)

    def separator(self, level: Level) -> None:
        if not level.first:
            self.out.append(self.o.item_sep)
        level.first = False
        if self.o.indent is not None:
            self.out.append('\n' + self.o.indent * level.depth)

    def close(self, level: Level) -> None:
        self.stack.pop()
        if level.marker is not None and self.markers is not None:
            del self.markers[level.marker]
        if level.closer:
            if self.o.indent is not None:
                self.out.append('\n' + self.o.indent * (level.depth - 1))
            self.out.append(level.closer)

    def depth(self) -> int:
        return self.stack[-1].depth if self.stack else 0

    def value(self, v) -> None:
        if v is None:
            self.out.append('null')
        elif v is True:
            self.out.append('true')
        elif v is False:
            self.out.append('false')
        elif isinstance(v, str):
            self.out.append(self.quote(v))
        elif isinstance(v, int):
            self.out.append(int.__repr__(v))
        elif isinstance(v, float):
            self.out.append(self.floatstr(v))
        elif isinstance(v, (list, tuple)):
            self.open(v, iter(v), False, '[', ']')
        elif isinstance(v, dict):
            self.open(v, self.dict_items(v), True, '{', '}')
        else:
            self.fallback(v)

    def enter(self, container):
        if len(self.stack) >= self.limit:
            raise _recursion('maximum recursion depth exceeded while encoding a JSON object')
        if self.markers is None:
            return None
        marker = id(container)
        if marker in self.markers:
            raise ValueError('Circular reference detected')
        self.markers[marker] = container
        return marker

    def open(self, container, items, is_dict, opener, closer) -> None:
        if not container:
            self.out.append(opener + closer)
            return
        marker = self.enter(container)
        self.out.append(opener)
        self.stack.append(Level(items, is_dict, self.depth() + 1, marker, closer))

    def dict_items(self, d: dict):
        items = list(d.items())
        if self.o.sort_keys:
            items.sort()
        return iter(items)

    def fallback(self, v) -> None:
        default = self.o.default
        if default is None:
            raise TypeError(f'Object of type {T.type_name(v)} is not JSON serializable')
        marker = self.enter(v)
        self.stack.append(Level(iter(()), False, self.depth(), marker, ''))
        self.value(P.call_sync(default, v))

    def floatstr(self, v: float) -> str:
        if v != v:
            text = 'NaN'
        elif v == float('inf'):
            text = 'Infinity'
        elif v == -float('inf'):
            text = '-Infinity'
        else:
            return float.__repr__(v)
        if not self.o.allow_nan:
            raise ValueError('Out of range float values are not JSON compliant')
        return text

    def key(self, k):
        """The text of a dict key, or None to skip it."""
        if isinstance(k, str):
            return k
        if isinstance(k, float):
            return self.floatstr(k)
        if k is True:
            return 'true'
        if k is False:
            return 'false'
        if k is None:
            return 'null'
        if isinstance(k, int):
            return int.__repr__(k)
        if self.o.skipkeys:
            return None
        raise TypeError(f'keys must be str, int, float, bool or None, not {T.type_name(k)}')


def encode(vm, obj, opts: Options) -> str:
    return Encoder(vm, opts).encode(obj)


def dumps(vm, obj, *, skipkeys=False, ensure_ascii=True, check_circular=True, allow_nan=True,
          cls=None, indent=None, separators=None, default=None, sort_keys=False, **kw):
    """``json.dumps``: JSON text for ``obj`` (``cls`` may be a JSONEncoder subclass)."""
    if cls is None and not kw:
        opts = Options(skipkeys, ensure_ascii, check_circular, allow_nan, sort_keys, indent,
                       separators, default)
        return encode(vm, obj, opts)
    enc = P.call_sync(cls if cls is not None else ENCODER, skipkeys=skipkeys,
                      ensure_ascii=ensure_ascii, check_circular=check_circular,
                      allow_nan=allow_nan, indent=indent, separators=separators,
                      default=default, sort_keys=sort_keys, **kw)
    return P.call_sync(P.sync(P.get_attr(enc, 'encode')), obj)


def dump(vm, obj, fp, **kwargs):
    """``json.dump``: write the text to ``fp.write``."""
    text = dumps(vm, obj, **kwargs)
    P.call_sync(P.sync(P.get_attr(fp, 'write')), text)
    return None


# -- JSONEncoder ----------------------------------------------------------------------------
def _encoder_init(self, *, skipkeys=False, ensure_ascii=True, check_circular=True,
                  allow_nan=True, sort_keys=False, indent=None, separators=None, default=None):
    values = (skipkeys, ensure_ascii, check_circular, allow_nan, sort_keys, indent)
    self.attrs.update(zip(ENCODER_OPTIONS, values))
    if separators is not None:
        self.attrs['item_separator'], self.attrs['key_separator'] = separators
    else:
        self.attrs['item_separator'] = ', ' if indent is None else ','
        self.attrs['key_separator'] = ': '
    if default is not None:
        self.attrs['default'] = default
    return None


def _encoder_default(self, o):
    raise TypeError(f'Object of type {T.type_name(o)} is not JSON serializable')


def _encoder_encode(vm, self, o):
    a = self.attrs
    opts = Options(a.get('skipkeys', False), a.get('ensure_ascii', True),
                   a.get('check_circular', True), a.get('allow_nan', True),
                   a.get('sort_keys', False), a.get('indent'),
                   (a.get('item_separator', ', '), a.get('key_separator', ': ')),
                   P.sync(P.get_attr(self, 'default')))
    return encode(vm, o, opts)


def _encoder_iterencode(vm, self, o, _one_shot=False):
    return iter([_encoder_encode(vm, self, o)])


def _make_encoder(vm, *args, **kwargs):
    if args:
        raise TypeError(f'JSONEncoder.__init__() takes 1 positional argument but '
                        f'{len(args) + 1} were given')
    inst = Instance(ENCODER)
    _encoder_init(inst, **kwargs)
    return inst


# -- decoding -------------------------------------------------------------------------------
def _hook(fn):
    """A host-callable wrapper that runs a Monty callable (or None)."""
    if fn is None:
        return None
    return lambda *args: P.call_sync(fn, *args)


def loads(vm, s, *, cls=None, object_hook=None, parse_float=None, parse_int=None,
          parse_constant=None, object_pairs_hook=None, **kw):
    """``json.loads``: parse JSON text into Monty values."""
    if not isinstance(s, (str, bytes, bytearray)):
        raise TypeError(f'the JSON object must be str, bytes or bytearray, not '
                        f'{T.type_name(s)}')
    if isinstance(s, str) and s.startswith('\ufeff'):
        raise decode_error_from('Unexpected UTF-8 BOM (decode using utf-8-sig)', s, 0)
    if isinstance(s, (bytes, bytearray)):
        s = s.decode(_host.detect_encoding(s), 'surrogatepass')
    try:
        return _host.loads(s, object_hook=_hook(object_hook), parse_float=_hook(parse_float),
                           parse_int=_hook(parse_int), parse_constant=_hook(parse_constant),
                           object_pairs_hook=_hook(object_pairs_hook))
    except _host.JSONDecodeError as e:
        raise MontyRaise(decode_error(e.msg, e.doc, e.pos)) from None
    except RecursionError as e:
        raise _recursion(str(e)) from None


def decode_error_from(msg, doc, pos) -> MontyRaise:
    return MontyRaise(decode_error(msg, doc, pos))


def load(vm, fp, **kwargs):
    """``json.load``: parse the text returned by ``fp.read()``."""
    return loads(vm, P.call_sync(P.sync(P.get_attr(fp, 'read'))), **kwargs)


def _setup_classes() -> None:
    DECODE_ERROR.dict['__init__'] = NativeFunction('__init__', _decode_error_init,
                                                   self_type='JSONDecodeError')
    NATIVE_CTORS[DECODE_ERROR] = _make_decode_error
    table = {'__init__': NativeFunction('__init__', _encoder_init, self_type='JSONEncoder'),
             'default': NativeFunction('default', _encoder_default, self_type='JSONEncoder'),
             'encode': NativeFunction('encode', _encoder_encode, True, 'JSONEncoder'),
             'iterencode': NativeFunction('iterencode', _encoder_iterencode, True,
                                          'JSONEncoder')}
    ENCODER.dict.update(table)
    NATIVE_CTORS[ENCODER] = _make_encoder


_setup_classes()


def build(vm) -> Module:
    fns = {'dumps': dumps, 'dump': dump, 'loads': loads, 'load': load}
    ns = {name: NativeFunction(name, fn, needs_vm=True, module='json')
          for name, fn in fns.items()}
    ns.update(JSONDecodeError=DECODE_ERROR, JSONEncoder=ENCODER)
    return Module('json', ns)
