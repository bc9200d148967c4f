"""dataclasses under Monty prints exactly what it prints under CPython."""
import pytest

from .oracle import assert_same

CASES = {
    'basics': '''
        from dataclasses import dataclass, fields, asdict, astuple, replace, is_dataclass
        @dataclass
        class Point:
            x: int
            y: int = 0
        p = Point(1, 2)
        print(p, Point(3), Point(x=4, y=5), p == Point(1, 2), p != Point(1, 3), p == (1, 2))
        print(Point.__match_args__, [f.name for f in fields(p)], asdict(p), astuple(p))
        print(replace(p, y=9), is_dataclass(p), is_dataclass(Point), is_dataclass(3))
        print(Point.__hash__, Point.__dataclass_fields__['y'].default)
    ''',
    'init_errors': '''
        from dataclasses import dataclass
        @dataclass
        class Point:
            x: int
            y: int = 0
        @dataclass
        class Two:
            a: int
            b: int
        cases = [(Point, (), {}), (Point, (1, 2, 3), {}), (Point, (1,), {'z': 2}),
                 (Point, (1,), {'x': 2}), (Two, (), {}), (Two, (1, 2, 3), {})]
        for cls, args, kw in cases:
            try:
                cls(*args, **kw)
            except TypeError as e:
                print(e)
    ''',
    'order_and_frozen': '''
        from dataclasses import dataclass, FrozenInstanceError
        @dataclass(order=True, frozen=True)
        class V:
            a: int
            b: str = 'x'
        print(V(1) < V(2), V(1, 'a') <= V(1, 'b'), sorted([V(3), V(1), V(2)]))
        print(hash(V(1)) == hash(V(1)), len({V(1), V(1), V(2)}))
        try:
            V(1).a = 3
        except FrozenInstanceError as e:
            print('frozen', e, isinstance(e, AttributeError))
        try:
            del V(1).a
        except AttributeError as e:
            print(e)
        try:
            V(1) < 3
        except TypeError as e:
            print(e)
    ''',
    'field_options': '''
        from dataclasses import dataclass, field, fields
        from typing import ClassVar
        @dataclass
        class Inv:
            items: list = field(default_factory=list)
            count: int = field(default=0, repr=False)
            hidden: int = field(default=7, init=False)
            tag: str = field(default='t', compare=False)
            cv: ClassVar = 10
        i = Inv(); i.items.append(1)
        print(i, Inv(), i.hidden, Inv.cv, len(fields(Inv)), Inv(tag='a') == Inv(tag='b'))
        print(Inv.count, Inv.items if hasattr(Inv, 'items') else 'no class attr')
    ''',
    'definition_errors': '''
        from dataclasses import dataclass, field
        try:
            @dataclass
            class Bad:
                x: list = []
        except ValueError as e:
            print(e)
        try:
            @dataclass
            class Bad2:
                x: int = 1
                y: int
        except TypeError as e:
            print(e)
        try:
            field(default=1, default_factory=list)
        except ValueError as e:
            print(e)
        try:
            @dataclass(order=True)
            class Bad3:
                x: int
                def __lt__(self, other):
                    return True
        except TypeError as e:
            print(e)
    ''',
    'kw_only_and_initvar': '''
        from dataclasses import dataclass, field, KW_ONLY, InitVar
        @dataclass
        class K:
            a: int
            _: KW_ONLY
            b: int = 2
            c: int = 3
        print(K(1, c=5), K.__match_args__)
        try:
            K(1, 2)
        except TypeError as e:
            print(e)
        @dataclass(kw_only=True)
        class All:
            a: int
        try:
            All()
        except TypeError as e:
            print(e)
        print(All(a=1))
        @dataclass
        class Post:
            a: int
            scale: InitVar[int] = 2
            b: int = field(init=False)
            def __post_init__(self, scale):
                self.b = self.a * scale
        print(Post(3), Post(3, 5))
    ''',
    'inheritance_and_nesting': '''
        from dataclasses import dataclass, asdict, astuple
        @dataclass
        class Point:
            x: int
            y: int
        @dataclass
        class Base:
            x: int
        @dataclass
        class Child(Base):
            y: int = 1
        print(Child(5), Child(5, 6), asdict(Child(1)), isinstance(Child(1), Base))
        @dataclass
        class Nest:
            p: Point
            ps: list
        print(asdict(Nest(Point(1, 2), [Point(3, 4)])), astuple(Nest(Point(1, 2), [])))
    ''',
    'hash_rules_and_custom_methods': '''
        from dataclasses import dataclass
        @dataclass(unsafe_hash=True)
        class H:
            a: int
        print(hash(H(1)) == hash(H(1)), {H(1), H(1)})
        @dataclass(eq=False)
        class NE:
            a: int
        print(NE(1) == NE(1), NE.__hash__ is not None)
        @dataclass
        class R:
            a: int
            def __repr__(self):
                return 'custom'
        print(R(1), R(1) == R(1))
        try:
            hash(R(1))
        except TypeError as e:
            print(e)
    ''',
    'match_statement': '''
        from dataclasses import dataclass
        @dataclass
        class Point:
            x: int
            y: int
        for p in [Point(0, 1), Point(2, 3)]:
            match p:
                case Point(0, y):
                    print('on axis', y)
                case Point(x, y):
                    print('at', x, y)
    ''',
    'helper_errors': '''
        from dataclasses import fields, asdict, replace, dataclass, field
        for fn in (fields, asdict):
            try:
                fn(3)
            except TypeError as e:
                print(e)
        @dataclass
        class A:
            x: int
            y: int = field(default=0, init=False)
        try:
            replace(A(1), y=2)
        except ValueError as e:
            print(e)
    ''',
}


@pytest.mark.parametrize('name', sorted(CASES))
def test_matches_cpython(name):
    assert_same(CASES[name])
