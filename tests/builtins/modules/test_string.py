"""string under Monty: constants, capwords and Template as in CPython."""
import pytest

from .oracle import assert_same

CASES = [
    '''
    import string
    print(string.ascii_letters, string.digits, string.hexdigits, string.octdigits)
    print(string.punctuation, repr(string.printable), repr(string.whitespace))
    print(string.capwords("  hello   wORLD  again "), string.capwords("a-b-c", "-"))
    ''',
    '''
    from string import Template
    t = Template("$who likes ${what}, costs $$5")
    print(t.substitute(who="tim", what="kung pao"), t.substitute({"who": 1, "what": [2]}))
    print(t.safe_substitute(who="x"), t.template, t.get_identifiers(), t.is_valid())
    print(Template("$ bad").is_valid(), Template("$x $y").safe_substitute({"x": 1}, y=2))
    try:
        t.substitute(who="x")
    except KeyError as e:
        print("KeyError", e)
    try:
        Template("ab\\n cd $ x").substitute(x=1)
    except ValueError as e:
        print(e)
    ''',
    '''
    from string import Template
    class P(Template):
        delimiter = "%"
    t = P("%a and %%")
    print(t.substitute(a=5), type(t).__name__, isinstance(t, Template))
    class M:
        def __getitem__(self, k): return k.upper()
    print(Template("$a-$b").substitute(M()))
    ''',
]


@pytest.mark.parametrize('src', CASES)
def test_matches_cpython(src):
    assert_same(src)


def test_string_formatter_matches_str_format_and_can_be_overridden():
    from tests.builtins.modules.oracle import assert_same
    assert_same('''
        import string
        f = string.Formatter()
        print(f.format('{} and {}', 1, 'two'), f.format('{0!r:>10}|{x:.2f}', 'a', x=3.14159))
        print(list(f.parse('a{0}b{x!r:>3}c{{')), f.format('{0[a]} {1.real}', {'a': 5}, 3))
        print(f.format('{:{}}', 'x', 5) + '|', f.vformat('{a}', (), {'a': 1}))
        class Point:
            def __init__(self):
                self.x = 1
        print(f.format('{p.x}', p=Point()))
        class Up(string.Formatter):
            def format_field(self, value, spec):
                return str(value).upper()
            def get_value(self, key, args, kwargs):
                if isinstance(key, str) and key not in kwargs:
                    return '<' + key + '>'
                return super().get_value(key, args, kwargs)
        print(Up().format('{a} {b} {0}', 'zero', a='hi'))
        for fmt, args in [('{0}{}', ('a', 'b')), ('{}{0}', ('a',)), ('{2}', ('a',)),
                          ('{x}', ()), ('{0!z}', (1,)), ('}', ()), ('{0.nope}', (1,)),
                          ('{:{:{:{}}}}', (1, 2, 3, 4))]:
            try:
                print(f.format(fmt, *args))
            except Exception as e:
                print(type(e).__name__, e)
        print(string.Formatter, string.Formatter.__module__)
        ''')
