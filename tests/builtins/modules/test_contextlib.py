"""``contextlib`` inside Monty: every helper checked against what CPython prints."""
import pytest

from monty import Monty, MontyRuntimeError
from tests.builtins.modules.oracle import assert_same


def test_contextmanager_enter_exit_and_exceptions():
    assert_same('''
        from contextlib import contextmanager
        @contextmanager
        def tag(name, log):
            log.append("open " + name)
            try:
                yield name.upper()
            except KeyError as e:
                log.append(f"{name} handled {e}")
            finally:
                log.append("close " + name)
        log = []
        with tag("a", log) as t:
            log.append("body " + t)
        with tag("b", log):
            {}["missing"]
        try:
            with tag("c", log):
                raise ValueError("passes through")
        except ValueError as e:
            log.append(repr(e))
        print(log)
        print(tag.__name__, type(tag("x", [])).__name__)
    ''')


def test_contextmanager_misuse_messages():
    assert_same('''
        from contextlib import contextmanager
        @contextmanager
        def twice():
            yield 1
            yield 2
        @contextmanager
        def never():
            if False:
                yield
        @contextmanager
        def keeps_going():
            while True:
                try:
                    yield
                except ValueError:
                    pass
        for cm in (twice, never):
            try:
                with cm():
                    pass
            except RuntimeError as e:
                print(e)
        try:
            with keeps_going():
                raise ValueError("x")
        except RuntimeError as e:
            print(e)
    ''')


def test_wrapping_exception_keeps_cause_and_context():
    assert_same('''
        from contextlib import contextmanager
        @contextmanager
        def wrap():
            try:
                yield
            except ValueError as e:
                raise RuntimeError(f"wrapped {e}") from e
        try:
            with wrap():
                raise ValueError("inner")
        except RuntimeError as e:
            print(e, repr(e.__cause__), e.__context__ is e.__cause__)
    ''')


def test_contextmanager_as_decorator_makes_a_fresh_manager_per_call():
    assert_same('''
        from contextlib import contextmanager
        @contextmanager
        def counting():
            counting.n += 1
            print("enter", counting.n)
            yield
            print("exit", counting.n)
        counting.n = 0
        @counting()
        def work(x):
            return x * 2
        print(work(3), work(4), work.__name__)
    ''')


def test_suppress_closing_nullcontext_redirect_stdout():
    assert_same('''
        import sys
        from contextlib import suppress, closing, nullcontext, redirect_stdout
        with suppress(KeyError, ZeroDivisionError):
            1 / 0
        print("suppressed")
        try:
            with suppress(KeyError):
                raise IndexError("kept")
        except IndexError as e:
            print("kept", e)
        class Res:
            def close(self):
                print("closed")
        with closing(Res()) as r:
            print(type(r).__name__)
        with nullcontext(5) as v:
            print(v)
        class Buf:
            def __init__(self):
                self.parts = []
            def write(self, s):
                self.parts.append(s)
        buf = Buf()
        with redirect_stdout(buf) as target:
            print("captured", 1)
        print(target is buf, buf.parts)
    ''')


def test_exit_stack_unwinds_newest_first_and_chains_errors():
    assert_same('''
        from contextlib import ExitStack, contextmanager
        @contextmanager
        def named(n):
            print("enter", n)
            yield n
            print("exit", n)
        with ExitStack() as stack:
            stack.callback(print, "callback", 1, sep="-")
            names = [stack.enter_context(named(n)) for n in "xyz"]
            later = stack.pop_all()
            print(names)
        print("after with")
        later.close()
        def boom():
            raise KeyError("from cleanup")
        try:
            with ExitStack() as st:
                st.callback(boom)
                raise ValueError("body")
        except KeyError as e:
            print(repr(e), repr(e.__context__))
        with ExitStack() as st:
            st.push(lambda *exc: True)
            raise IndexError("swallowed")
        try:
            with ExitStack() as st:
                st.enter_context(42)
        except TypeError as e:
            print(e)
    ''')


def test_async_helpers():
    assert_same('''
        import asyncio
        from contextlib import asynccontextmanager, AsyncExitStack, aclosing
        @asynccontextmanager
        async def conn(name):
            print("connect", name)
            try:
                yield "conn-" + name
            finally:
                await asyncio.sleep(0)
                print("disconnect", name)
        async def ticks():
            for i in range(5):
                yield i
        async def main():
            async with conn("db") as c:
                print(c)
            try:
                async with conn("x"):
                    raise ValueError("oops")
            except ValueError as e:
                print("caught", e)
            async with AsyncExitStack() as stack:
                got = [await stack.enter_async_context(conn(n)) for n in "ab"]
                stack.callback(print, "sync callback")
                print(got)
            async with aclosing(ticks()) as t:
                async for v in t:
                    if v == 2:
                        break
            @conn("deco")
            async def decorated(x):
                return x + 1
            print(await decorated(1))
        asyncio.run(main())
    ''')


def test_uncaught_error_in_body_shows_no_generator_frame():
    src = ('from contextlib import contextmanager\n@contextmanager\ndef tag():\n'
           '    try:\n        yield\n    finally:\n        print("cleanup")\n'
           'with tag():\n    raise TypeError("escapes")\n')
    with pytest.raises(MontyRuntimeError) as info:
        Monty(src, script_name='main.py').run(print_callback=lambda s, t: None)
    assert info.value.display() == (
        'Traceback (most recent call last):\n'
        '  File "main.py", line 9, in <module>\n'
        '    raise TypeError("escapes")\n'
        'TypeError: escapes\n')
