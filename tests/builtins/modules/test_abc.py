"""abc under Monty prints exactly what it prints under CPython."""
import pytest

from .oracle import assert_same

CASES = {
    'abstract_instantiation': '''
        from abc import ABC, abstractmethod
        class Shape(ABC):
            @abstractmethod
            def area(self): pass
            @abstractmethod
            def name(self): pass
            def describe(self):
                return f'{self.name()} {self.area()}'
        try:
            Shape()
        except TypeError as e:
            print(e)
        class Half(Shape):
            def area(self): return 1
        try:
            Half()
        except TypeError as e:
            print(e)
        class Sq(Half):
            def __init__(self, s): self.s = s
            def area(self): return self.s ** 2
            def name(self): return 'sq'
        print(Sq(3).describe(), isinstance(Sq(2), Shape), sorted(Shape.__abstractmethods__))
        print(Sq.__abstractmethods__, Half.__abstractmethods__)
    ''',
    'plain_abc': '''
        import abc
        class Plain(abc.ABC):
            pass
        print(type(Plain()).__name__, isinstance(Plain(), abc.ABC))
        def f(): pass
        print(abc.abstractmethod(f) is f, f.__isabstractmethod__)
    ''',
}


@pytest.mark.parametrize('name', sorted(CASES))
def test_matches_cpython(name):
    assert_same(CASES[name])
