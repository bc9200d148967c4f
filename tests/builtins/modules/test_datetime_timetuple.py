"""``datetime.timetuple()`` gives CPython's ``time.struct_time``."""
from __future__ import annotations

from .oracle import assert_same


def test_timetuple_fields_and_repr():
    assert_same('''
        from datetime import date, datetime, timezone
        dt = datetime(2023, 12, 31, 23, 59, 30, 123456)
        tt = dt.timetuple()
        print(tt, tt.tm_yday, tt.tm_wday, tt[:6], type(tt).__name__, len(tt), tt.tm_isdst)
        print(date(2024, 3, 1).timetuple(), dt.replace(tzinfo=timezone.utc).utctimetuple())
        print(dt.strftime("%j %U %W %w %u %V %G %a %b %p %y"))
    ''')
