"""The sandboxed ``typing`` module: reprs, aliases, generics and helpers match CPython."""
import pytest

from tests.builtins.modules.oracle import assert_same

SNIPPETS = {
    'alias_reprs': '''
        import typing
        from typing import (Any, Callable, Dict, FrozenSet, List, Literal, Optional, Set, Tuple,
                            Type, Union, Final, ClassVar, Iterable, Iterator, Sequence, Mapping,
                            Annotated)
        print(Optional[int], List[int], Dict[str, int], Union[int, str], Union[int], Union[int, None])
        print(Callable[[int], str], Callable[..., int], Callable[[], None], Tuple[int, ...], Tuple[()])
        print(Set[int], FrozenSet[str], Type[int], Literal[1, 'a'], Final[int], ClassVar[List[int]])
        print(Any, List, Optional, Union, Callable, typing.Dict, Iterable[int], Iterator[str])
        print(Optional[List[int]], Union[int, Union[str, float]], Union[int, int], Union[int, str, None])
        print(Dict[str, Any], Sequence[int], Mapping[str, int], Annotated[int, 'meta'], List['Node'])
        print(Optional[int] == Union[int, None], List[int] == List[int], Union[int, str] == Union[str, int])
        print(hash(List[int]) == hash(List[int]), Literal[1, 2] == Literal[2, 1], List[int] | None)
    ''',
    'builtin_generics_and_unions': '''
        print(list[int], dict[str, list[int]], tuple[int, ...], type[int], set[str], tuple[()])
        print(int | str, int | None, str | int | str, isinstance(3, int | str), isinstance('a', int | None))
        print((int | str) == (str | int), list[int] == list[int], list[int].__origin__, dict[str, int].__args__)
        print(list[int]([1, 2]), type(int | str).__name__)
    ''',
    'typevars_and_generic': '''
        from typing import Dict, Generic, List, TypeVar
        T = TypeVar('T')
        K = TypeVar('K', bound=int)
        S = TypeVar('S', int, str)
        C = TypeVar('C', covariant=True)
        print(T, K, S, C, T.__name__, K.__bound__, S.__constraints__, List[T], Dict[K, T])
        print(Dict[K, T][int, str], List[T][float])
        class Box(Generic[T]):
            def __init__(self, value: T):
                self.value = value
            def get(self) -> T:
                return self.value
        class Pair(Generic[K, T]):
            pass
        class IntBox(Box[int]):
            pass
        print(Box[int], Box(3).get(), Box.__mro__, Box.__parameters__, Pair.__parameters__)
        print(IntBox.__mro__, IntBox(5).get(), Pair[int, str])
        print(type(Generic()).__name__)
        try:
            Box[int, str]
        except TypeError as e:
            print(type(e).__name__)
    ''',
    'helpers': '''
        import typing
        from typing import (Callable, Dict, List, Literal, Optional, TYPE_CHECKING, Union, cast,
                            get_args, get_origin, get_type_hints, overload, NewType, Annotated)
        print(cast(int, 'x'), cast('List[int]', 3), TYPE_CHECKING)
        print(get_origin(List[int]), get_args(Dict[str, int]), get_origin(Union[int, str]))
        print(get_args(Optional[int]), get_origin(Literal[1]), get_args(Callable[[int], str]))
        print(get_origin(int), get_args(int), get_origin(list[int]), get_args(list[int]))
        print(get_args(int | str), get_origin(Annotated[int, 'x']), get_args(Annotated[int, 'x']))
        def f(x: int, y: 'List[int]' = None) -> Optional[str]:
            pass
        print(get_type_hints(f))
        class A:
            x: int
            y: 'str'
        class B(A):
            z: List[A]
        print(get_type_hints(A), get_type_hints(B))
        UserId = NewType('UserId', int)
        print(UserId(5), UserId, UserId.__supertype__)
        @overload
        def g(x: int) -> int: ...
        def g(x):
            return x
        print(g(4))
        if TYPE_CHECKING:
            print('never')
    ''',
    'named_tuple': '''
        from typing import NamedTuple
        class P(NamedTuple):
            x: int
            y: str = 'a'
            def both(self):
                return f'{self.x}{self.y}'
        p = P(1)
        print(p, p.x, p.y, p._fields, p._asdict(), P._field_defaults, P.__annotations__)
        print(p.both(), p._replace(x=5), P(2, 'b') == (2, 'b'), isinstance(p, tuple), len(p))
        x, y = P(7, 'q')
        print(x, y)
        Q = NamedTuple('Q', [('a', int), ('b', float)])
        print(Q(1, 2.0), Q._fields)
        try:
            class Bad(NamedTuple):
                a: int = 1
                b: int
        except TypeError as e:
            print(e)
    ''',
    'typed_dict': '''
        from typing import TypedDict
        class Movie(TypedDict):
            title: str
            year: int
        class Extra(Movie, total=False):
            rating: float
        m = Movie(title='Jaws', year=1975)
        print(m, type(m), Movie.__annotations__, sorted(Movie.__required_keys__))
        print(sorted(Extra.__optional_keys__), sorted(Extra.__required_keys__), Extra.__total__)
        m2: Movie = {'title': 'Up', 'year': 2009}
        print(m2['title'])
    ''',
    'protocols': '''
        from typing import Protocol, runtime_checkable
        class Greeter(Protocol):
            def greet(self) -> str: ...
        @runtime_checkable
        class Closable(Protocol):
            def close(self) -> None: ...
        class File:
            def close(self):
                return 'closed'
        class Rock:
            pass
        def welcome(g: Greeter) -> str:
            return g.greet()
        class English:
            def greet(self):
                return 'hello'
        print(welcome(English()), isinstance(File(), Closable), isinstance(Rock(), Closable))
        try:
            isinstance(English(), Greeter)
        except TypeError as e:
            print(e)
        class Impl(Closable):
            def close(self):
                return 'impl'
        print(Impl().close(), isinstance(Impl(), Closable))
    ''',
    'isinstance_with_aliases': '''
        from typing import Any, Callable, Iterable, List, Mapping, Sequence, Sized
        print(isinstance([1], Iterable), isinstance(3, Iterable), isinstance(len, Callable))
        print(isinstance([], List), isinstance({}, Mapping), isinstance('ab', Sequence), isinstance(3, Sized))
        for bad in (List[int], Any):
            try:
                isinstance(1, bad)
            except TypeError as e:
                print(e)
        try:
            List()
        except TypeError as e:
            print(e)
    ''',
    'star_import': '''
        from typing import *
        def f(x: Optional[List[int]] = None) -> Dict[str, Any]:
            return {'x': x}
        print(f([1]), f.__annotations__)
    ''',
}


@pytest.mark.parametrize('name', sorted(SNIPPETS))
def test_matches_cpython(name):
    assert_same(SNIPPETS[name])
