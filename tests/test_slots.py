"""``__slots__`` as CPython 3.11 has them: no ``__dict__``, member descriptors, separate
storage from a subclass's ``__dict__``, and the errors of a bad declaration."""
import pytest

from tests.builtins.modules.oracle import assert_same

POINT = '''
class P:
    __slots__ = ("x", "y")
    def __init__(self):
        self.x = 1
p = P()
def attempt(fn):
    try:
        print(fn())
    except Exception as e:
        print(type(e).__name__, e)
'''

CASES = {
    'no_dict': '''
attempt(lambda: p.__dict__)
attempt(lambda: vars(p))
attempt(lambda: p.y)
attempt(lambda: setattr(p, "z", 3))
attempt(lambda: object.__setattr__(p, "z", 3))
print(p.x, hasattr(p, "y"), P.__slots__)
''',
    'subclass_dict_holds_only_its_own': '''
class Q(P):
    def __init__(self):
        super().__init__()
        self.z = 5
        self.y = 2
q = Q()
print(q.__dict__, vars(q), q.x, q.y, q.__dict__ is q.__dict__)
setattr(q, "x", 7)
q.__dict__["w"] = 0
print(q.__dict__, q.x, q.w)
''',
    'delete': '''
del p.x
attempt(lambda: p.x)
def again():
    del p.x
attempt(again)
p.x = 4
print(p.x)
''',
    'member_descriptor': '''
print(P.x, type(P.x).__name__, P.x.__name__, P.x.__objclass__ is P, P.x.__qualname__)
print(P.x.__get__(p), P.x.__set__(p, 9), p.x, P.x.__delete__(p), hasattr(p, "x"))
print(P.x.__get__(None, P) is P.x)
attempt(lambda: P.x.__get__(3))
attempt(lambda: P.x.__set__(3, 4))
attempt(lambda: P.__dict__["y"].__get__(p))
''',
    'declaration_errors': '''
def declare(slots, base=object, **ns):
    def make():
        return type("K", (base,), dict(ns, __slots__=slots)).__slots__
    attempt(make)
declare(("a",), a=1)
declare(("a", "a"))
declare(("__dict__", "__dict__"))
declare(("__weakref__",), base=P.__base__)
declare((1,))
declare(("not ok",))
declare(("a",), base=int)
declare(("a",), base=tuple)
declare((), base=int)
declare(("a",), base=list)
declare("abc")
class D(P):
    pass
declare(("__dict__",), base=D)
declare(("__weakref__",), base=D)
''',
    'dict_and_weakref_slots': '''
class D:
    __slots__ = ("a", "__dict__", "__weakref__")
d = D()
d.a = 1
d.b = 2
print(d.__dict__, vars(d), d.a)
class E(P):
    __slots__ = ()
attempt(lambda: E().__dict__)
''',
    'private_names_are_mangled': '''
class M:
    __slots__ = ("__priv", "_M__other")
    def __init__(self):
        self.__priv = 3
print(M.__dict__["_M__priv"], M()._M__priv)
''',
    'copies': '''
import copy
class Q(P):
    pass
q = Q()
q.y = [1]
q.z = 5
c = copy.copy(p)
print(c.x, hasattr(c, "y"))
d = copy.deepcopy(q)
print(d.__dict__, d.y, d.y is q.y, d.x)
s = copy.copy(q)
print(s.y is q.y, s.__dict__)
''',
    'same_name_in_two_classes': '''
class A:
    __slots__ = ("v",)
class B(A):
    __slots__ = ("v",)
b = B()
A.v.__set__(b, 1)
b.v = 2
print(A.v.__get__(b), b.v, B.v, A.v)
''',
    'list_subclass_with_slots': '''
class L(list):
    __slots__ = ("tag",)
l = L([1, 2])
l.tag = "t"
print(l, l.tag)
attempt(lambda: l.__dict__)
attempt(lambda: setattr(l, "other", 1))
''',
    'class_value_shadowing_a_slot_is_read_only': '''
P.y = "class"
attempt(lambda: setattr(p, "y", 1))
attempt(lambda: delattr(p, "y"))
attempt(lambda: delattr(p, "nope"))
attempt(lambda: setattr(p, "__dict__", {}))
print(p.y)
''',
    'warm_caches_keep_restrictions': '''
def read(o):
    return o.x
def store(o, name, v):
    setattr(o, name, v)
for _ in range(5):
    read(p)
    store(p, "x", 2)
class Open:
    pass
o = Open()
o.x = 1
for _ in range(5):
    read(o)
def put(o):
    o.z = 1
attempt(lambda: put(p))
attempt(lambda: put(p))
del p.x
attempt(lambda: read(p))
''',
}


@pytest.mark.parametrize('name', sorted(CASES))
def test_slots_match_cpython(name):
    assert_same(POINT + CASES[name])


def test_repl_restore_puts_slot_values_back():
    from monty import MontyRepl
    repl = MontyRepl()
    repl.feed(POINT + 'class L(list):\n    __slots__ = ("t",)\nl = L()\nq = P()')
    token = repl.checkpoint()
    repl.feed('p.x = 2\np.y = 3\nl.t = 5\nq.x = [1]')
    repl.restore(token)
    assert repl.feed('p.x, hasattr(p, "y"), hasattr(l, "t"), q.x') == (1, False, False, 1)


def test_member_descriptor_methods_check_their_receiver():
    assert_same(POINT + '''
attempt(lambda: type(P.x).__get__(3, p))
attempt(lambda: type(P.x).__set__(3, p, 1))
attempt(lambda: type(P.x).__delete__("s", p))
print(type(P.x).__set__(P.x, p, 8), p.x)
''')
