"""``traceback``: the text matches CPython 3.11's, frames, carets and chains included."""
from __future__ import annotations

import contextlib
import io
import linecache
import textwrap

from monty import Monty


def cpython_both(src: str) -> str:
    """What CPython writes to stdout and stderr for ``src`` run as ``main.py``."""
    linecache.cache['main.py'] = (len(src), None, src.splitlines(True), 'main.py')
    buf = io.StringIO()
    try:
        with contextlib.redirect_stdout(buf), contextlib.redirect_stderr(buf):
            exec(compile(src, 'main.py', 'exec', dont_inherit=True), {'__name__': '__main__'})
    finally:
        del linecache.cache['main.py']
    return buf.getvalue()


def monty_both(src: str) -> str:
    out = []
    Monty(src, _return_last=False).run(print_callback=lambda stream, text: out.append(text))
    return ''.join(out)


def same(src: str) -> str:
    src = textwrap.dedent(src)
    expected = cpython_both(src)
    assert monty_both(src) == expected
    return expected


def test_format_exc_inside_except_shows_frames_and_carets():
    out = same('''
        import traceback
        def f(x):
            return g(x) + 1
        def g(x):
            return 1 / x
        try:
            f(0)
        except ZeroDivisionError:
            print(traceback.format_exc())
        ''')
    assert '~~^~~' in out and 'line 6, in g' in out


def test_print_exc_writes_to_stderr_and_to_a_file():
    out = same('''
        import sys, traceback
        try:
            {}['missing']
        except KeyError:
            traceback.print_exc()
            traceback.print_exc(file=sys.stdout)
        ''')
    assert out.count("KeyError: 'missing'") == 2


def test_chains_limits_and_chain_false():
    same('''
        import traceback
        def inner():
            raise ValueError('bad')
        try:
            try:
                inner()
            except ValueError as e:
                raise KeyError('k') from e
        except KeyError as e:
            print(traceback.format_exc())
            print(traceback.format_exc(chain=False))
            print(traceback.format_exc(limit=0))
            print(traceback.format_exc(limit=1))
            print(traceback.format_exc(limit=-1))
            print(traceback.format_exception(e))
        try:
            try:
                1 / 0
            except ZeroDivisionError:
                [][1]
        except IndexError as e:
            print(repr(traceback.format_exc()))
        ''')


def test_format_exception_forms_and_only():
    out = same('''
        import sys, traceback
        e = ValueError('plain')
        print(traceback.format_exception(e))
        print(traceback.format_exception(type(e), e, None))
        print(traceback.format_exception_only(e))
        print(traceback.format_exception_only(ValueError, ValueError('x')))
        print(repr(traceback.format_exc()))
        class MyError(Exception):
            pass
        print(traceback.format_exception_only(MyError('mine')))
        try:
            undefined_name
        except NameError as err:
            print(''.join(traceback.format_exception(err)))
            traceback.print_exception(err, file=sys.stdout)
            print(sys.exc_info()[0].__name__)
        try:
            raise OSError(2, 'No such file')
        except OSError as err:
            print(traceback.format_exception_only(err))
        te = traceback.TracebackException.from_exception(e)
        print(list(te.format()), list(te.format_exception_only()), str(te))
        ''')
    assert "['NoneType: None\\n']" not in out
    assert "'NoneType: None\\n'" in out
    assert 'Did you mean' not in out


def test_recursion_collapses_repeated_lines():
    same('''
        import traceback
        def down(n):
            if n == 0:
                raise RuntimeError('bottom')
            return down(n - 1)
        try:
            down(8)
        except RuntimeError:
            print(traceback.format_exc())
        ''')


def test_notes_are_separate_lines():
    same('''
        import traceback
        e = ValueError('v')
        e.add_note('first note')
        e.add_note('second')
        print(traceback.format_exception_only(e))
        ''')


def test_non_exceptions_fail_like_cpython():
    same('''
        import traceback
        for call in (lambda: traceback.format_exception(42),
                     lambda: traceback.format_exception_only(object()),
                     lambda: traceback.format_exception(ValueError, 3, None)):
            try:
                call()
            except Exception as e:
                print(type(e).__name__, e)
        ''')
