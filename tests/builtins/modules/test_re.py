"""re under Monty prints exactly what it prints under CPython."""
import pytest

import monty

from .oracle import assert_same

CASES = [
    'import re\nprint(re.findall(r"\\d+", "a1b22c333"), re.findall(r"(a)(b)", "abab"))',
    '''
    import re
    m = re.match(r"(?P<x>a)(b)?", "ac")
    print(m, m.regs, m.lastgroup, m.lastindex, m.re, m.group(0), m[1], m.groups(), m.groupdict())
    print(m.span(), m.start(1), m.end(2), m.pos, m.endpos, m.string, m.expand(r"<\\1>"))
    print(type(m), type(m.re), isinstance(m, re.Match), re.Pattern)
    try:
        m.group(5)
    except IndexError as e:
        print(e)
    ''',
    '''
    import re
    print(re.sub(r"(\\w)(\\d)", r"\\2\\1", "a1 b2"), re.subn("a", "x", "banana"))
    print(re.sub(r"\\d", lambda m: str(int(m.group()) * 2), "a1b2c3"), re.sub("a", "b", "aaa", 2))
    print(re.split(r"[,;]\\s*", "a, b;c"), re.split(r"(,)", "a,b"), re.split(",", "a,b,c", 1))
    ''',
    '''
    import re
    print([m.span() for m in re.finditer(r"a", "banana")])
    it = re.finditer("x", "xx")
    print(next(it), list(it))
    ''',
    '''
    import re
    print(re.I, re.I | re.M, re.IGNORECASE | re.MULTILINE | re.X, re.NOFLAG, repr(re.A), int(re.S))
    p = re.compile(r"ab+", re.I)
    print(p, p.pattern, p.flags, p.groups, p.search("xABBy"), p.fullmatch("abb"), p.match("x"))
    print(p == re.compile(r"ab+", re.I), re.escape("a.b*c"), re.compile("a", re.I | re.S))
    print(re.search(r"^b", "a\\nb", re.M), re.compile(b"a+").findall(b"caab"), p.search("zab", 1, 3))
    ''',
    '''
    import re
    for bad in ["(", "a{2,1}", "[a", "(?P<1>x)", "a)"]:
        try:
            re.compile(bad)
        except re.error as e:
            print("error:", e, e.msg, e.pos, e.lineno, e.colno)
    e = re.error("bad thing", "ab\\nc", 3)
    print(e, e.lineno, e.colno, isinstance(e, Exception))
    ''',
    '''
    import re
    for call in (lambda: re.sub("a", lambda m: 1, "cab"), lambda: re.match("a", 5),
                 lambda: re.compile(5)):
        try:
            call()
        except TypeError as e:
            print(e)
    ''',
]


@pytest.mark.parametrize('src', CASES)
def test_matches_cpython(src):
    assert_same(src)


def test_catastrophic_pattern_stops_at_the_time_limit():
    src = 'import re\nre.match("(a+)+$", "a" * 40 + "b")'
    with pytest.raises(monty.MontyRuntimeError) as info:
        monty.Monty(src).run(limits={'max_duration_secs': 0.3})
    assert 'time limit exceeded' in str(info.value)
