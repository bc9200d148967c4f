"""datetime under Monty: CPython's values, reprs and arithmetic; the clock is an OS call."""
import datetime as host_dt

import pytest

import monty
from monty.runner import make_vm, run_to_end
from monty.vm.frame import Frame

from .oracle import assert_same

CASES = [
    '''
    from datetime import date, timedelta
    d = date(2024, 2, 28)
    print(d, repr(d), d.year, d.month, d.day, d.weekday(), d.isoweekday(), d.isoformat(), d.toordinal())
    print(d + timedelta(days=2), d - date(2024, 1, 1), d.replace(day=1), d.strftime("%d/%m/%Y %A"), f"{d:%b %d}")
    ic = d.isocalendar(); print(ic, ic.week, ic[0], tuple(ic), list(ic))
    print(date.fromisoformat("2020-05-06"), date.fromordinal(700000), date.min, date.max)
    ''',
    '''
    from datetime import date, datetime as DT, time, timedelta
    dt = DT(2024, 3, 1, 12, 30, 15, 500)
    print(dt, repr(dt), dt.hour, dt.minute, dt.second, dt.microsecond, dt.tzinfo, dt.date(), dt.time())
    print(dt.isoformat(), dt.isoformat(" ", "seconds"), dt.strftime("%Y-%m-%dT%H:%M"), dt.ctime(), f"{dt:%H}")
    print(dt.replace(hour=1), dt + timedelta(hours=13), dt - DT(2024, 1, 1), dt > DT(2020, 1, 1), dt == dt.replace())
    print(DT.fromisoformat("2024-01-02T03:04:05"), DT.strptime("2021-07-08 09:10", "%Y-%m-%d %H:%M"))
    print(DT.combine(date(2024, 2, 28), time(1, 2)), DT.utcfromtimestamp(0), DT.min)
    ''',
    '''
    from datetime import timedelta
    td = timedelta(days=1, hours=2, minutes=3, seconds=4.5)
    print(td, repr(td), td.days, td.seconds, td.microseconds, td.total_seconds(), -td, abs(-td))
    print(td * 2, td / 2, td // timedelta(hours=1), td % timedelta(hours=1), 2 * td)
    print(divmod(td, timedelta(hours=5)), bool(timedelta()), timedelta(0) == timedelta())
    print(timedelta.max, timedelta.resolution, timedelta(weeks=1) > timedelta(days=6))
    ''',
    '''
    import datetime
    from datetime import datetime as DT, timedelta, timezone
    tz = timezone(timedelta(hours=5, minutes=30), "IST")
    a = DT(2024, 1, 1, 10, tzinfo=timezone.utc)
    print(tz, repr(tz), timezone.utc, repr(timezone.utc), a, a.astimezone(tz), a.utcoffset())
    print(a.tzname(), a.timestamp(), DT.fromtimestamp(86400, timezone.utc), datetime.UTC is timezone.utc)
    print(datetime.MINYEAR, datetime.MAXYEAR)
    ''',
    '''
    from datetime import date, datetime as DT, time
    d = date(2024, 2, 28)
    print(type(d), type(DT(2020, 1, 1)), isinstance(DT(2020, 1, 1), date), issubclass(DT, date))
    print({d: 1}[date(2024, 2, 28)], sorted([DT(2020, 1, 2), DT(2019, 5, 5)]), max(d, date(2025, 1, 1)))
    print(time(1, 2, 3), repr(time(1, 2, 3, 4)), time(5).isoformat(), time(23, 59) < time(23, 59, 1))
    for call in (lambda: date(2024, 2, 30), lambda: DT.fromisoformat("nope"), lambda: d + 1):
        try:
            call()
        except (ValueError, TypeError) as e:
            print(type(e).__name__)
    ''',
]


@pytest.mark.parametrize('src', CASES)
def test_matches_cpython(src):
    assert_same(src)


def run_with_os(src: str, os_handler) -> str:
    """Monty's output when the host answers OS calls with ``os_handler(name, args, kwargs)``."""
    out = []
    program = monty.Monty(src)
    vm = make_vm(lambda stream, text: out.append(text))
    vm.os_handler = os_handler
    run_to_end(vm, Frame(vm, program.compiled, [], program._globals(None)))
    return ''.join(out)


def test_now_without_os_access_is_a_clear_runtime_error():
    with pytest.raises(monty.MontyRuntimeError) as info:
        monty.Monty('import datetime\ndatetime.datetime.now()').run()
    assert 'datetime.now() is not available: the host has not allowed OS access' in str(
        info.value)


def test_now_and_today_ask_the_host():
    calls = []

    def handler(name, args, kwargs):
        calls.append(name)
        if name == 'date.today':
            return host_dt.date(2001, 2, 3)
        return host_dt.datetime(2001, 2, 3, 4, 5, 6)
    src = ('import datetime\nprint(datetime.datetime.now(), datetime.date.today(), '
           'datetime.datetime.utcnow().year)')
    assert run_with_os(src, handler) == '2001-02-03 04:05:06 2001-02-03 2001\n'
    assert calls == ['datetime.now', 'date.today', 'datetime.utcnow']
