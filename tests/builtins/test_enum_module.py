"""The sandboxed ``enum`` module prints, compares and fails exactly like CPython's."""
import pytest

from tests.builtins.modules.oracle import assert_same

# CPython warns that ``1 in Color`` will stop raising in 3.12; the TypeError is what we compare
pytestmark = pytest.mark.filterwarnings('ignore::DeprecationWarning')

SNIPPETS = {
    'basic_enum': '''
        from enum import Enum
        class Color(Enum):
            RED = 1
            GREEN = 2
            BLUE = 3
            CRIMSON = 1
        print(repr(Color.RED), str(Color.RED), Color.RED, f'{Color.GREEN}', f'{Color.BLUE:>12}|')
        print(Color(1), Color['GREEN'], Color.CRIMSON is Color.RED, Color.RED.name, Color.RED.value)
        print(list(Color), len(Color), Color.RED in Color, type(Color.RED), Color, repr(Color))
        print(Color.__members__)
        print(list(reversed(Color)), Color._member_names_, isinstance(Color.RED, Color))
        print(Color.RED == Color.RED, Color.RED == 1, Color.RED != Color.BLUE, Color.RED is Color(1))
        print(hash(Color.RED) == hash('RED'), {Color.RED: 'r'}[Color(1)], sorted(c.name for c in Color))
        print([c.value for c in Color], dict((c.name, c) for c in Color)['BLUE'])
    ''',
    'errors': '''
        from enum import Enum
        class Color(Enum):
            RED = 1
            GREEN = 2
        for bad in (7, 'x', None):
            try:
                Color(bad)
            except ValueError as e:
                print('ValueError', e)
        try:
            Color['NOPE']
        except KeyError as e:
            print('KeyError', e)
        try:
            Color.RED < Color.GREEN
        except TypeError as e:
            print('TypeError', e)
        try:
            Color.RED = 5
        except AttributeError as e:
            print('AttributeError', e)
        try:
            del Color.RED
        except AttributeError as e:
            print('AttributeError', e)
        try:
            1 in Color
        except TypeError as e:
            print('TypeError', e)
        try:
            class More(Color):
                BLUE = 3
        except TypeError as e:
            print('TypeError', e)
    ''',
    'auto_and_unique': '''
        from enum import Enum, auto, unique
        class A(Enum):
            X = auto()
            Y = auto()
            Z = 10
            W = auto()
        print(list(A))
        class Lower(Enum):
            def _generate_next_value_(name, start, count, last_values):
                return name.lower()
            NORTH = auto()
            SOUTH = auto()
        print(Lower.NORTH.value, Lower('south'))
        try:
            @unique
            class U(Enum):
                A = 1
                B = 1
                C = 2
                D = 2
        except ValueError as e:
            print('ValueError', e)
        @unique
        class Fine(Enum):
            ONE = 1
        print(Fine.ONE)
    ''',
    'int_and_str_enum': '''
        from enum import IntEnum, StrEnum, auto
        class N(IntEnum):
            ONE = 1
            TWO = 2
        print(repr(N.ONE), str(N.ONE), N.ONE, N.ONE + 1, N.ONE == 1, N(2), N.TWO > N.ONE)
        print(f'{N.TWO}', f'{N.TWO:03d}', sorted([N.TWO, N.ONE]), isinstance(N.ONE, int), N.ONE.real)
        print(hash(N.ONE) == hash(1), [1, 2, 3][N.ONE], '%s and %d' % (N.ONE, N.TWO))
        class S(StrEnum):
            A = auto()
            B = 'bee'
        print(repr(S.A), str(S.A), S.A, S.A == 'a', S.B.upper(), f'{S.B}', S('bee'), S.A + '!')
        try:
            class Bad(StrEnum):
                X = 1
        except TypeError as e:
            print('TypeError', e)
    ''',
    'flags': '''
        from enum import Flag, IntFlag, auto
        class Perm(Flag):
            R = 4
            W = 2
            X = 1
        rw = Perm.R | Perm.W
        print(repr(rw), str(rw), rw, Perm.R in rw, Perm.X in rw, list(rw), len(rw))
        print(bool(Perm(0)), repr(Perm(0)), str(Perm(0)), repr(~Perm.R), rw & Perm.R, rw ^ Perm.R)
        print(list(Perm), len(Perm), Perm(7), Perm(6) is rw, rw.name, Perm(0).name, rw.value)
        try:
            Perm(8)
        except ValueError as e:
            print('ValueError', e)
        class F(IntFlag):
            A = auto()
            B = auto()
            C = auto()
        print(repr(F.A | F.C), str(F.A | F.C), F.A | 8, repr(F.A | 8), F(3), list(F), F.B + 1)
        print(repr(F(0)), F.A & 3, isinstance(F.A | F.B, F))
        class Color(Flag):
            RED = auto()
            GREEN = auto()
            BLUE = auto()
            WHITE = RED | GREEN | BLUE
        print(Color.WHITE, list(Color), Color.RED | Color.GREEN | Color.BLUE is Color.WHITE)
    ''',
    'rich_members': '''
        from enum import Enum
        class Planet(Enum):
            MERCURY = (3.303e+23, 2.4397e6)
            EARTH = (5.976e+24, 6.37814e6)
            def __init__(self, mass, radius):
                self.mass = mass
                self.radius = radius
            @property
            def gravity(self):
                return round(6.673e-11 * self.mass / (self.radius * self.radius), 2)
            def describe(self):
                return f'{self.name.title()} pulls {self.gravity}'
            @classmethod
            def heaviest(cls):
                return max(cls, key=lambda p: p.mass)
        print(Planet.EARTH.mass, Planet.EARTH.describe(), Planet.MERCURY.value, Planet.heaviest())
        class Mood(Enum):
            HAPPY = 'h'
            SAD = 's'
            @classmethod
            def _missing_(cls, value):
                return cls.HAPPY
            def __str__(self):
                return self.name.lower()
        print(Mood('zzz'), Mood.SAD, repr(Mood.SAD), f'{Mood.SAD}')
        class Coord(int, Enum):
            def __new__(cls, value, label):
                obj = int.__new__(cls, value)
                obj._value_ = value
                obj.label = label
                return obj
            PX = (0, 'P.X')
            PY = (1, 'P.Y')
        print(Coord.PY, Coord.PY.label, Coord(0), repr(Coord.PX))
    ''',
    'functional_api': '''
        from enum import Enum, IntEnum, Flag
        Animal = Enum('Animal', 'ANT BEE CAT')
        print(list(Animal), Animal.BEE.value, Animal.__name__)
        Shape = Enum('Shape', [('SQUARE', 4), ('TRIANGLE', 3)])
        print(Shape.SQUARE, Shape(3), repr(Shape.TRIANGLE))
        Level = IntEnum('Level', {'LOW': 10, 'HIGH': 20})
        print(Level.HIGH + 1, list(Level))
        Opt = Flag('Opt', 'A B C')
        print(list(Opt), Opt.A | Opt.C)
    ''',
    'match_and_sets': '''
        from enum import Enum
        class Op(Enum):
            ADD = '+'
            SUB = '-'
        def apply(op, a, b):
            match op:
                case Op.ADD:
                    return a + b
                case Op.SUB:
                    return a - b
        print(apply(Op.ADD, 2, 3), apply(Op('-'), 2, 3), {Op.ADD, Op.ADD, Op.SUB} == {Op.SUB, Op.ADD})
    ''',
}


@pytest.mark.parametrize('name', sorted(SNIPPETS))
def test_matches_cpython(name):
    assert_same(SNIPPETS[name])
