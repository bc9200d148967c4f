"""Attribute and method lookups cached per instruction stay exact when classes change later:
every program warms the caches in a loop, mutates a class, and must then see the change."""
import pytest

from monty import Monty, load_snapshot


def cpython_value(src: str):
    ns = {'__name__': '__main__'}
    exec(compile(src, 'main.py', 'exec'), ns)
    return ns['result']


def monty_value(src: str):
    return Monty(src + '\nresult').run()


WARM = '''
def read(o):
    return o.x
def call(o):
    return o.m()
def store(o, v):
    o.x = v
    return o.__dict__.get('x', 'absent')
def bump(o):
    o.x += 1
    return o.x
def warm(o):
    return [(read(o), call(o)) for _ in range(3)]
'''

PROGRAMS = {
    'method_replaced': WARM + '''
class A:
    x = 1
    def m(self): return 'old'
a = A()
before = warm(a)
A.m = lambda self: 'new'
result = (before, call(a))
''',
    'instance_attribute_shadows_class_value': WARM + '''
class A:
    x = 'class'
    def m(self): return 1
a = A()
before = warm(a)
a.x = 'instance'
a.m = lambda: 'instance method'
result = (before, read(a), call(a))
''',
    'property_added_later': WARM + '''
class A:
    def m(self): return 0
a = A()
a.x = 5
before = warm(a)
A.x = property(lambda self: 'prop')
result = (before, read(a), store(a, 3) if False else None)
''',
    'setter_property_added_after_stores': WARM + '''
class A:
    def m(self): return 0
a = A()
log = []
before = [store(a, i) for i in range(3)]
A.x = property(lambda self: 'p', lambda self, v: log.append(v))
result = (before, store(a, 9), log, read(a))
''',
    'getattr_added_later': WARM + '''
class A:
    x = 0
    def m(self): return 0
a = A()
before = warm(a)
del A.x
A.__getattr__ = lambda self, name: 'hook:' + name
result = (before, read(a))
''',
    'setattr_added_later': WARM + '''
class A:
    def m(self): return 0
a = A()
seen = []
before = [store(a, i) for i in range(3)]
def hook(self, name, value):
    seen.append((name, value))
A.__setattr__ = hook
result = (before, store(a, 7), seen)
''',
    'base_class_mutated': WARM + '''
class Base:
    x = 1
    def m(self): return 'base'
class Child(Base):
    pass
c = Child()
before = warm(c)
Base.m = lambda self: 'patched'
Base.x = 2
result = (before, call(c), read(c))
''',
    'augmented_attribute_with_descriptor_added': WARM + '''
class A:
    def m(self): return 0
a = A()
a.x = 0
before = [bump(a) for _ in range(3)]
store_log = []
A.x = property(lambda self: 100, lambda self, v: store_log.append(v))
result = (before, bump(a), store_log)
''',
    'data_descriptor_instance_added': WARM + '''
class D:
    def __get__(self, obj, owner): return 'descr'
class A:
    def m(self): return 0
a = A()
a.x = 'inst'
before = warm(a)
A.x = D()
mid = read(a)
D.__set__ = lambda self, obj, value: None
result = (before, mid, read(a))
''',
    'super_method_replaced': '''
class Base:
    def m(self): return 'base'
class Child(Base):
    def m(self): return 'child+' + super().m()
c = Child()
before = [c.m() for _ in range(3)]
Base.m = lambda self: 'patched'
result = (before, c.m())
''',
    'super_method_added_between': '''
class Base:
    def m(self): return 'base'
class Mid(Base):
    pass
class Child(Mid):
    def m(self): return 'child+' + super().m()
c = Child()
before = [c.m() for _ in range(3)]
Mid.m = lambda self: 'mid'
result = (before, c.m())
''',
    'super_shadowed_name': '''
class Base:
    def m(self): return 'base'
class Child(Base):
    def m(self): return super().m()
c = Child()
before = [c.m() for _ in range(3)]
def super():
    class Fake:
        def m(self): return 'fake'
    return Fake()
result = (before, c.m())
''',
    'slots_class_rejects_new_attributes': '''
class A:
    __slots__ = ('x',)
def store(o, v):
    o.x = v
    return o.x
a = A()
before = [store(a, i) for i in range(3)]
try:
    a.y = 1
    err = None
except AttributeError as e:
    err = str(e)
result = (before, err)
''',
    'slot_member_replaced_after_warm_reads': WARM + '''
class A:
    __slots__ = ('x',)
    def m(self): return 'm'
a = A()
a.x = 1
before = warm(a)
A.x = 'plain'
try:
    a.x = 2
    err = None
except AttributeError as e:
    err = str(e)
result = (before, read(a), err)
''',
    'slot_storage_never_in_subclass_dict': WARM + '''
class S:
    __slots__ = ('x',)
    def m(self): return 's'
class D(S):
    pass
class Plain:
    def m(self): return 'p'
p = Plain()
d = D()
for o in (p, d, p, d):
    store(o, 3)
    bump(o)
result = (warm(p), warm(d), p.__dict__, d.__dict__, store(d, 9), vars(d))
''',
    'host_method_cache_per_type': '''
def count(o, x):
    return o.count(x)
result = [count(v, x) for v, x in (([1, 1, 2], 1), ((1, 2), 2), ('a1a', 'a'), ([1], 3), (b'xx', b'x'))]
''',
}


@pytest.mark.parametrize('name', sorted(PROGRAMS))
def test_cached_lookup_sees_class_changes(name):
    src = PROGRAMS[name]
    assert monty_value(src) == cpython_value(src)


def test_method_cache_is_per_class():
    src = '''
class A:
    def m(self): return 'A'
class B:
    def m(self): return 'B'
def call(o):
    return o.m()
result = [call(o) for o in (A(), B(), A(), B())]
'''
    assert monty_value(src) == ['A', 'B', 'A', 'B']


def test_class_changed_after_a_snapshot_round_trip_is_seen():
    m = Monty('''
class A:
    def m(self): return 1
def call(o):
    return o.m()
a = A()
x = [call(a) for _ in range(3)]
y = ask()
A.m = lambda self: 2
(x, y, call(a))
''')
    state = m.start()
    assert state.function_name == 'ask'
    state = load_snapshot(state.dump())
    assert state.resume(return_value=0).output == ([1, 1, 1], 0, 2)


def test_class_namespace_dumps_to_the_same_bytes():
    src = 'class A:\n    k = 1\n    def m(self): return 2\na = A()\nv = ask(a.m())\nv'
    first = Monty(src).start().dump()
    assert first == Monty(src).start().dump()
    assert load_snapshot(first).dump() == first
