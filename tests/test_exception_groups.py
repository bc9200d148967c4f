"""Exception groups: construction, ``split``/``subgroup``/``derive`` and the boxed traceback
CPython 3.11 prints for an uncaught group, each compared with CPython itself."""
import pytest

from tests.builtins.modules.oracle import assert_same
from tests.test_traceback_format import cpython_traceback, monty_traceback

RAISED_MEMBERS = '''\
def f(n):
    raise ValueError(n)
excs = []
for i in range(2):
    try:
        f(i)
    except ValueError as e:
        excs.append(e)
try:
    raise KeyError('k')
except KeyError as k:
    try:
        raise TypeError('t') from k
    except TypeError as t:
        excs.append(t)
inner = ExceptionGroup("inner", [OSError(3), ExceptionGroup("deep", [ZeroDivisionError()])])
e = ExceptionGroup("many", excs + [inner])
e.add_note("a note")
raise e
'''
WIDE_AND_CHAINED = '''\
def g():
    raise ExceptionGroup("raised-inner", [ValueError(1)])
try:
    g()
except ExceptionGroup as e:
    inner = e
try:
    raise KeyError('ctx')
except KeyError:
    outer = ExceptionGroup("wide", [inner] + [TypeError(i) for i in range(17)])
    try:
        1 / 0
    except ZeroDivisionError as z:
        raise outer from z
'''
DEEP = '''\
e = ValueError('leaf')
for i in range(13):
    e = ExceptionGroup(f"d{i}", [e, TypeError(i)] if i % 2 else [e])
raise e
'''
REPEATED_IN_MEMBER = '''\
def h(n):
    if n:
        h(n - 1)
    raise NameError('x')
try:
    h(5)
except NameError as n:
    raise BaseExceptionGroup("b", [n, KeyboardInterrupt()])
'''
GROUPS = {
    'flat': 'raise ExceptionGroup("many", [ValueError(1), TypeError(2)])\n',
    'raised_members': RAISED_MEMBERS,
    'wide_and_chained': WIDE_AND_CHAINED,
    'deep': DEEP,
    'repeated_in_member': REPEATED_IN_MEMBER,
    'exactly_sixteen': 'raise ExceptionGroup("w", [ValueError(i) for i in range(16)])\n',
}


@pytest.mark.parametrize('name', sorted(GROUPS))
def test_uncaught_group_matches_cpython(name, tmp_path):
    src = GROUPS[name]
    assert monty_traceback(src) == cpython_traceback(src, tmp_path)


def test_traceback_module_boxes_groups():
    assert_same('''
        import traceback
        def h(n):
            if n:
                h(n - 1)
            raise NameError('x')
        try:
            try:
                h(4)
            except NameError as n:
                raise ExceptionGroup("x", [n, ExceptionGroup("y", [KeyError(1)])])
        except ExceptionGroup as g:
            text = ''.join(traceback.format_exception(g))
            keep = ('+', '|', 'Error', 'Traceback', 'repeated')   # not the file/source lines
            for line in text.splitlines():
                if 'File "' not in line and line.strip()[:1] and (
                        any(k in line for k in keep) and 'h(n - 1)' not in line
                        and 'raise ' not in line and 'h(4)' not in line):
                    print(line)
            print(traceback.format_exception_only(g))
    ''')


def test_split_subgroup_and_derive():
    assert_same('''
        eg = ExceptionGroup('x', [ValueError(1), ExceptionGroup('y', [TypeError(2), ValueError(3)])])
        eg.__cause__ = KeyError('c')
        eg.add_note('n')
        match, rest = eg.split(ValueError)
        print(repr(match), repr(rest))
        print(match.__cause__, match.__suppress_context__, match.__notes__,
              match.__notes__ is eg.__notes__)
        print(eg.split(lambda e: True)[0] is eg, eg.subgroup(BaseException) is eg)
        print(eg.split(KeyError), eg.subgroup(KeyError))
        print(repr(eg.split((TypeError, ValueError))))
        print(repr(eg.subgroup(lambda e: isinstance(e, ValueError))))
        print(eg.split(lambda e: print('visit', repr(e))))
        print(repr(eg.derive([KeyboardInterrupt()])), type(eg.derive([ValueError()])))
        for cond in (1, int, (ValueError, 1)):
            try:
                eg.split(cond)
            except TypeError as e:
                print(e)

        class D(ExceptionGroup):
            def derive(self, excs):
                print('derive', excs)
                return D(self.message + '!', excs)
        d = D('d', [ValueError(1), TypeError(2)])
        print(repr(d.split(ValueError)), repr(d.subgroup(TypeError)))
    ''')


def test_constructor_errors_and_class_choice():
    assert_same('''
        class M(ExceptionGroup):
            pass
        cases = [('x', 1), ('x', []), ('x', [1]), ('x', [KeyboardInterrupt()]), ('x',),
                 (1, [ValueError()]), ('x', {ValueError()})]
        for args in cases:
            try:
                ExceptionGroup(*args)
            except (TypeError, ValueError) as e:
                print(type(e).__name__, e)
        try:
            M('x', [KeyboardInterrupt()])
        except TypeError as e:
            print(e)
        print(type(BaseExceptionGroup('x', (ValueError(),))),
              type(BaseExceptionGroup('x', (KeyboardInterrupt(),))))
        g = ExceptionGroup('x', [ValueError(1)])
        print(g.args, g.exceptions, isinstance(BaseExceptionGroup('x', [ValueError()]), Exception))
        print(repr(M('x', [ValueError()]).derive([TypeError()])))
    ''')
