"""Annotations are evaluated and recorded like CPython 3.11 (no postponed evaluation)."""
import pytest

from tests.builtins.modules.oracle import assert_same

SNIPPETS = {
    'function_annotations': '''
        def f(a: 1, /, b: 2, *c: 3, d: 4, **e: 5) -> 6:
            pass
        print(f.__annotations__)
        def g(x: int, y: 'str' = 'q', *, z: list[int] = None) -> None:
            pass
        print(g.__annotations__, g('a'))
        def plain(x, y=1):
            pass
        print(plain.__annotations__, plain.__annotations__ is plain.__annotations__)
        print((lambda x: x).__annotations__)
        class C:
            def m(self, __x: int, y: 'C') -> 'C':
                pass
        print(C.m.__annotations__, C().m.__annotations__)
        def outer():
            T = dict
            def inner(x: T) -> T:
                pass
            return inner
        print(outer().__annotations__)
        g.__annotations__ = {'new': 1}
        print(g.__annotations__)
    ''',
    'evaluated_at_def_time': '''
        log = []
        def note(x):
            log.append(x)
            return x
        def f(a: note('a'), b: note('b') = note('default')) -> note('ret'):
            pass
        print(log)
        try:
            def broken(x: undefined_name):
                pass
        except NameError as e:
            print('NameError', e)
    ''',
    'module_and_class_annotations': '''
        x: int = 5
        y: str
        print(__annotations__, 'y' in globals())
        class K:
            a: int
            b: 'list[str]' = []
            if True:
                c: float = 1.0
            def method(self):
                z: int = 3
                return z
        print(K.__annotations__, K.b, K().method(), hasattr(K, 'a'))
        class Empty:
            pass
        print(Empty.__annotations__)
        obj = K()
        obj.attr: int = 4
        print(obj.attr, K.__annotations__)
    ''',
    'dataclass_fields_from_annotations': '''
        from dataclasses import dataclass, field, fields
        from typing import ClassVar, List
        @dataclass
        class Item:
            name: str
            tags: List[str] = field(default_factory=list)
            count: ClassVar[int] = 0
        print(Item('a'), [f.name for f in fields(Item)], Item.__annotations__)
    ''',
}


@pytest.mark.parametrize('name', sorted(SNIPPETS))
def test_matches_cpython(name):
    assert_same(SNIPPETS[name])
