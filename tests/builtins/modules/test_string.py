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
