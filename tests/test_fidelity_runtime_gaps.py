"""Behaviours generated programs lean on, each compared with CPython: unpacking native
iterators, abstract properties, ``type.mro()``, ``sys`` facts and streams, awaiting inside
comprehensions, ``eval``/``exec`` namespaces and the frames of exec'd code."""
from __future__ import annotations

import pytest

from monty import Monty, MontyRuntimeError
from tests.builtins.modules.oracle import assert_same
from tests.test_traceback_format import cpython_traceback, monty_traceback

SNIPPETS = {
    'unpack_map_and_filter': '''
        y, m, d = map(int, "2024-03-09".split("-"))
        a, b = filter(None, [0, "x", "", "y"])
        first, *rest = map(str.upper, "abc")
        print(y, m, d, a, b, first, rest)
        try:
            p, q = map(int, "123")
        except ValueError as e:
            print(e)
    ''',
    'abstract_property_and_wrappers': '''
        from abc import ABC, abstractmethod
        class Animal(ABC):
            @property
            @abstractmethod
            def legs(self): ...
            @classmethod
            @abstractmethod
            def make(cls): ...
            @staticmethod
            @abstractmethod
            def kind(): ...
        print(sorted(Animal.__abstractmethods__))
        class Fish(Animal):
            @classmethod
            def make(cls):
                return cls()
            @staticmethod
            def kind():
                return "fish"
        try:
            Fish()
        except TypeError as e:
            print(e)
        print(property(lambda s: 1).__isabstractmethod__)
    ''',
    'type_mro_method': '''
        class A: pass
        class B(A): pass
        class M(type): pass
        class C(B, metaclass=M): pass
        class D:
            def mro(self):
                return "own method"
        print(B.mro(), type.mro(B), C.mro(), int.mro(), D().mro())
        print(B.mro() == list(B.__mro__), type(B.mro).__name__)
    ''',
    'slot_member_repr': '''
        class Shape:
            __slots__ = ("w", "h")
        print(Shape.w, repr(Shape.h))
    ''',
    'sys_struct_sequences_and_exc_info': '''
        import sys
        print(sys.float_info.max, sys.float_info.epsilon, sys.float_info.dig)
        print(sys.version_info.major, sys.version_info >= (3, 8), sys.version_info[:2])
        print(type(sys.version_info).__name__, sys.exc_info())
        try:
            1 / 0
        except ZeroDivisionError:
            kind, value, _ = sys.exc_info()
            print(kind, repr(value), repr(sys.exception()))
    ''',
    'print_follows_rebound_stdout': '''
        import sys
        class Upper:
            def __init__(self, real):
                self.real = real
            def write(self, text):
                self.real.write(text.upper())
        saved = sys.stdout
        sys.stdout = Upper(saved)
        print("shout", [1, "a"], sep="|")
        sys.stdout = None
        print("dropped")
        sys.stdout = saved
        print("quiet again")
    ''',
    'await_inside_comprehensions': '''
        import asyncio
        async def f(n):
            await asyncio.sleep(0)
            return n
        async def main():
            print([await f(n) for n in range(3)])
            print({n: await f(n) for n in range(2)}, {await f(n) for n in range(2)})
            print([[await f(i * j) for j in range(2)] for i in range(3)])
            print([x for x in range(3) if await f(x)])
            g = (await f(n) for n in range(3))
            print(type(g).__name__, [x async for x in g])
        asyncio.run(main())
    ''',
    'eval_exec_namespaces': '''
        def f(x):
            y = 10
            def inner():
                return y
            return eval("x + y"), eval("inner() * 2")
        print(f(2))
        print(eval("a + b", {}, {"a": 1, "b": 2}), eval("a * k", {"k": 5}, {"a": 3}))
        ns = {}
        exec("def sq(n):\\n    return n * n\\nval = sq(7)", {}, ns)
        print(sorted(ns), ns["val"])
        class C:
            w = 4
            v = eval("w * 2")
        print(C.v)
        loc = {"n": 3}
        exec("n += 1", {}, loc)
        print(loc)
        print(eval("max(a, 4)", {"__builtins__": {"max": max}}, {"a": 9}))
        for args in (("1", []), ("1", {}, 5)):
            for fn in (eval, exec):
                try:
                    fn(*args)
                except TypeError as e:
                    print(e)
    ''',
    'import_error_fields': '''
        for stmt in ("import nothere.sub", "import math.foo", "import collections.foo",
                     "import os.path.q"):
            try:
                exec(stmt)
            except ImportError as e:
                print(type(e).__name__, "|", e, "|", e.name, e.path, e.msg)
        class PluginMissing(ImportError):
            pass
        e = PluginMissing("no plugin", name="plug", path="/p")
        print(e.name, e.path, e.msg, e.args, repr(e))
        e.name = "other"
        print(e.name, ImportError("a", "b").msg)
        for make in (lambda: ImportError("x", bad=1), lambda: KeyError("x", bad=1)):
            try:
                make()
            except TypeError as err:
                print(err)
    ''',
}


@pytest.mark.parametrize('name', sorted(SNIPPETS))
def test_matches_cpython(name: str) -> None:
    assert_same(SNIPPETS[name])


TRACEBACKS = {
    'exec_frame_without_source_line': 'exec("x = 1\\ny = 0\\nz = x / y")\n',
    'eval_in_function': 'def f(x):\n    return eval("1 / x")\nf(0)\n',
    'unpack_map_too_many': 'a, b = map(int, "123")\n',
}


@pytest.mark.parametrize('name', sorted(TRACEBACKS))
def test_traceback_matches_cpython(name: str, tmp_path) -> None:
    src = TRACEBACKS[name]
    assert monty_traceback(src) == cpython_traceback(src, tmp_path)


def test_exec_locals_name_error_is_reported_from_the_string_frame():
    with pytest.raises(MontyRuntimeError) as info:
        Monty('eval("missing + 1", {}, {"present": 1})', script_name='main.py').run()
    assert info.value.display().splitlines()[-2:] == [
        '  File "<string>", line 1, in <module>', "NameError: name 'missing' is not defined"]
