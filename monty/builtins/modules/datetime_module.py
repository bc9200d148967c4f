"""``datetime``: the host's datetime value types behind explicit Monty method tables.

Values are host ``date``/``datetime``/``time``/``timedelta``/``timezone`` objects (pure data);
Monty code reaches only the names listed here.  Reading the clock or the local time zone is an
OS call (see ``host.osaccess``).
"""
from __future__ import annotations

import datetime as _dt

from ...objects.model import Module, NativeAttr, NativeFunction, StaticMethod
from .. import types as T
from ..constructors import NATIVE_CTORS
from ...host.osaccess import os_call, then


def _cls(name: str, host, bases=(T.OBJECT,)):
    cls = T.native_class(name, host, bases, module='datetime')
    cls.dict['__module__'] = 'datetime'
    return cls


DATE = _cls('date', _dt.date)
DATETIME = _cls('datetime', _dt.datetime, (DATE,))
TIME = _cls('time', _dt.time)
TIMEDELTA = _cls('timedelta', _dt.timedelta)
TZINFO = _cls('tzinfo', _dt.tzinfo)
TIMEZONE = _cls('timezone', _dt.timezone, (TZINFO,))
ISOCAL = _cls('IsoCalendarDate', type(_dt.date(2000, 1, 1).isocalendar()), (T.TUPLE,))
STRUCT_TIME = T.native_class('struct_time', type(_dt.date(2000, 1, 1).timetuple()), (T.TUPLE,),
                             module='time')
STRUCT_TIME.dict['__module__'] = 'time'

COMPARE = '__eq__ __ne__ __lt__ __le__ __gt__ __ge__ __hash__ __format__ __reduce__'
ARITH = '__add__ __radd__ __sub__ __rsub__'
TD_ARITH = (ARITH + ' __mul__ __rmul__ __truediv__ __floordiv__ __mod__ __divmod__ __neg__ '
            '__pos__ __abs__ __bool__')
TZ_METHODS = 'utcoffset dst tzname'

# class -> (attributes, instance methods, class-level constants, alternate constructors)
TABLES = {
    DATE: ('year month day',
           'replace toordinal weekday isoweekday isocalendar isoformat ctime strftime timetuple '
           + COMPARE
           + ' ' + ARITH,
           'min max resolution',
           'fromordinal fromisoformat fromisocalendar'),
    DATETIME: ('hour minute second microsecond tzinfo fold',
               'date time timetz utcoffset dst tzname replace isoformat ctime strftime timetuple '
               'utctimetuple '
               + COMPARE + ' ' + ARITH,
               'min max resolution',
               'combine fromisoformat strptime utcfromtimestamp fromordinal fromisocalendar'),
    TIME: ('hour minute second microsecond tzinfo fold',
           'replace isoformat strftime ' + TZ_METHODS + ' ' + COMPARE,
           'min max resolution',
           'fromisoformat'),
    TIMEDELTA: ('days seconds microseconds', 'total_seconds ' + COMPARE + ' ' + TD_ARITH,
                'min max resolution', ''),
    TZINFO: ('', TZ_METHODS + ' fromutc', '', ''),
    TIMEZONE: ('', TZ_METHODS + ' fromutc ' + COMPARE, 'utc min max', ''),
    ISOCAL: ('year week weekday', '', '', ''),
    STRUCT_TIME: ('tm_year tm_mon tm_mday tm_hour tm_min tm_sec tm_wday tm_yday tm_isdst '
                  'tm_zone tm_gmtoff', '', '', ''),
}
SKIP = {'__reduce__'}


def _attr(name: str):
    return lambda obj: getattr(obj, name)


def _fill(cls, attrs: str, methods: str, consts: str, ctors: str) -> None:
    host = cls.host_type
    for name in attrs.split():
        cls.dict[name] = NativeAttr(name, _attr(name))
    for name in methods.split():
        if name not in SKIP:
            cls.dict[name] = NativeFunction(name, getattr(host, name), self_type=cls.name)
    for name in consts.split():
        cls.dict[name] = getattr(host, name)
    for name in ctors.split():
        cls.dict[name] = StaticMethod(NativeFunction(name, getattr(host, name),
                                                     module='datetime'))


# -- calls that read the clock or the local time zone ------------------------------------------
ANSWER_TYPES = {'date': _dt.date, 'datetime': _dt.datetime}


@then('datetime_answer')
def _checked(vm, value, state):
    """Reject an answer that is not a ``state[1]`` ('date' or 'datetime')."""
    name, kind = state
    if not isinstance(value, ANSWER_TYPES[kind]):
        raise TypeError(f'the OS handler must answer {name} with a {kind}')
    return value


def _ask(name: str, args: tuple, kwargs, result_type):
    return os_call(name, args, kwargs, 'datetime_answer', (name, result_type.__name__))


def _os(name: str, result_type):
    def fn(vm, *args, **kwargs):
        return _ask(name, args, kwargs, result_type)
    return fn


def _fromtimestamp(host_type, name: str):
    def fn(vm, t, tz=None):
        if tz is not None:
            return host_type.fromtimestamp(t, tz)
        return _ask(name, (t,), None, host_type)
    return fn


def _astimezone(vm, self, tz=None):
    if tz is not None:
        return self.astimezone(tz)
    return _ask('datetime.astimezone', (self,), None, _dt.datetime)


def _timestamp(vm, self):
    if self.tzinfo is not None and self.utcoffset() is not None:
        return self.timestamp()
    return os_call('datetime.timestamp', (self,), None, 'clock', ('datetime.timestamp', 'float'))


def _static(name: str, fn) -> StaticMethod:
    return StaticMethod(NativeFunction(name, fn, needs_vm=True, module='datetime'))


def _setup_os_calls() -> None:
    DATE.dict['today'] = _static('today', _os('date.today', _dt.date))
    DATE.dict['fromtimestamp'] = _static('fromtimestamp',
                                         _fromtimestamp(_dt.date, 'date.fromtimestamp'))
    DATETIME.dict['today'] = _static('today', _os('datetime.today', _dt.datetime))
    DATETIME.dict['now'] = _static('now', _os('datetime.now', _dt.datetime))
    DATETIME.dict['utcnow'] = _static('utcnow', _os('datetime.utcnow', _dt.datetime))
    DATETIME.dict['fromtimestamp'] = _static(
        'fromtimestamp', _fromtimestamp(_dt.datetime, 'datetime.fromtimestamp'))
    DATETIME.dict['astimezone'] = NativeFunction('astimezone', _astimezone, True, 'datetime')
    DATETIME.dict['timestamp'] = NativeFunction('timestamp', _timestamp, True, 'datetime')


def _ctor(host_type):
    def make(vm, *args, **kwargs):
        return host_type(*args, **kwargs)
    return make


def _no_ctor(name: str):
    def make(vm, *args, **kwargs):
        raise TypeError(f"cannot create 'datetime.{name}' instances")
    return make


def _setup() -> None:
    for cls, table in TABLES.items():
        _fill(cls, *table)
        NATIVE_CTORS[cls] = _ctor(cls.host_type)
    NATIVE_CTORS[TZINFO] = _no_ctor('tzinfo')
    NATIVE_CTORS[ISOCAL] = _no_ctor('IsoCalendarDate')
    NATIVE_CTORS[STRUCT_TIME] = _no_ctor('struct_time')
    _setup_os_calls()


_setup()


def build(vm) -> Module:
    ns = {'date': DATE, 'datetime': DATETIME, 'time': TIME, 'timedelta': TIMEDELTA,
          'tzinfo': TZINFO, 'timezone': TIMEZONE, 'MINYEAR': _dt.MINYEAR,
          'MAXYEAR': _dt.MAXYEAR, 'UTC': _dt.timezone.utc}
    return Module('datetime', ns)
