"""The descriptor protocol, attribute hooks, ``__slots__`` and ``__dict__``, against CPython."""
import pytest

from monty import Monty
from tests.builtins.modules.oracle import assert_same

SNIPPETS = {
    'data_descriptor_wins': '''
        class Typed:
            def __set_name__(self, owner, name):
                self.name = '_' + name
            def __get__(self, obj, objtype=None):
                if obj is None:
                    return self
                return getattr(obj, self.name, 0) * 10
            def __set__(self, obj, value):
                if not isinstance(value, int):
                    raise TypeError(f'{self.name[1:]} must be int')
                setattr(obj, self.name, value)
            def __delete__(self, obj):
                print('deleting', self.name)
                delattr(obj, self.name)
        class C:
            x = Typed()
        c = C()
        c.x = 4
        print(c.x, C.x.name, vars(c))
        try:
            c.x = 'a'
        except TypeError as e:
            print(e)
        del c.x
        print(c.x)
        c.__dict__['x'] = 'shadow'
        print(c.x)
    ''',
    'non_data_descriptor_shadowed': '''
        class Lazy:
            def __init__(self, func):
                self.func = func
            def __get__(self, obj, objtype=None):
                if obj is None:
                    return self
                value = self.func(obj)
                obj.__dict__[self.func.__name__] = value
                print('computed')
                return value
        class Circle:
            def __init__(self, r):
                self.r = r
            @Lazy
            def area(self):
                return 3 * self.r * self.r
        c = Circle(2)
        print(c.area, c.area, type(Circle.__dict__['area']).__name__)
        c.area = 1
        print(c.area)
    ''',
    'descriptor_on_class_access': '''
        class Const:
            def __get__(self, obj, objtype=None):
                return ('class' if obj is None else 'instance', objtype.__name__)
        class K:
            c = Const()
        class Sub(K):
            pass
        print(K.c, K().c, Sub.c, Sub().c)
    ''',
    'getattr_and_setattr_hooks': '''
        class Proxy:
            def __init__(self, target):
                object.__setattr__(self, '_target', target)
                object.__setattr__(self, 'log', [])
            def __getattr__(self, name):
                self.log.append(name)
                return getattr(self._target, name)
            def __setattr__(self, name, value):
                self.log.append('set ' + name)
                setattr(self._target, name, value)
            def __delattr__(self, name):
                self.log.append('del ' + name)
                delattr(self._target, name)
        class T:
            pass
        t = T()
        p = Proxy(t)
        p.a = 1
        print(p.a, t.a, hasattr(p, 'zz'))
        del p.a
        print(p.log, vars(t))
        print(object.__getattribute__(p, 'log') is p.log)
        try:
            object.__getattribute__(p, 'nope')
        except AttributeError as e:
            print('AttributeError', e)
    ''',
    'slots': '''
        class P:
            __slots__ = ('x', 'y')
            def __init__(self, x):
                self.x = x
        p = P(1)
        p.y = 2
        print(p.x, p.y, P.__slots__)
        try:
            p.z = 3
        except AttributeError as e:
            print(e)
        q = P(5)
        try:
            q.y
        except AttributeError as e:
            print(e)
        del p.y
        print(hasattr(p, 'y'), hasattr(p, '__dict__'))
        class Q(P):
            pass
        q = Q(1)
        q.z = 3
        print(q.z, q.x)
        class R(P):
            __slots__ = ('w',)
        r = R(1)
        r.w = 2
        try:
            r.v = 1
        except AttributeError as e:
            print(e)
        try:
            class Bad:
                __slots__ = ('a',)
                a = 1
        except ValueError as e:
            print(e)
    ''',
    'instance_dict': '''
        class A:
            def __init__(self):
                self.a = 1
        a = A()
        d = a.__dict__
        d['b'] = 2
        print(a.b, sorted(a.__dict__), vars(a) is a.__dict__)
        a.__dict__ = {'c': 3}
        print(a.c, hasattr(a, 'a'))
        try:
            a.__dict__ = [1]
        except TypeError as e:
            print(e)
        print(sorted(k for k in A.__dict__ if not k.startswith('__')))
    ''',
    'object_setattr_with_property': '''
        class Frozen:
            def __init__(self, x):
                object.__setattr__(self, 'x', x)
            def __setattr__(self, name, value):
                raise AttributeError(f'cannot set {name}')
            @property
            def double(self):
                return self.x * 2
        f = Frozen(3)
        print(f.x, f.double)
        try:
            f.x = 4
        except AttributeError as e:
            print(e)
        try:
            (1).__setattr__('y', 2)
        except AttributeError as e:
            print(e)
    ''',
    'property_and_setattr_order': '''
        class Log:
            def __setattr__(self, name, value):
                print('setattr', name)
                super().__setattr__(name, value)
            @property
            def p(self):
                return self._p
            @p.setter
            def p(self, v):
                print('setter', v)
                self._p = v
        o = Log()
        o.p = 5
        print(o.p)
    ''',
    'slot_members_are_data_descriptors': '''
        class Base:
            __slots__ = ('v',)
        class Wrapped(Base):
            @property
            def v(self):
                return ('wrapped', Base.v.__get__(self))
            @v.setter
            def v(self, value):
                Base.v.__set__(self, value * 2)
        w = Wrapped()
        w.v = 4
        print(w.v, w.__dict__, Base.v.__get__(w))
        def reader(o):
            return o.v
        b = Base()
        b.v = 1
        print([reader(o) for o in (b, w, b, w)])
        print(isinstance(Base.v, type(Base.v)), hasattr(type(Base.v), '__set__'))
    ''',
}


@pytest.mark.parametrize('name', sorted(SNIPPETS))
def test_matches_cpython(name):
    assert_same(SNIPPETS[name])


def run(src):
    out = []
    Monty(src, _return_last=False).run(print_callback=lambda stream, text: out.append(text))
    return ''.join(out)


@pytest.mark.parametrize('attr', ['__globals__', '__code__', '__builtins__', '__closure__'])
def test_host_reaching_attributes_stay_blocked(attr):
    src = f'''
def f():
    pass
for target in (f, f.__get__ if hasattr(f, '__get__') else f, object, type):
    try:
        getattr(target, {attr!r})
        print('reached')
    except AttributeError:
        print('blocked')
try:
    object.__getattribute__(f, {attr!r})
    print('reached')
except AttributeError:
    print('blocked')
'''
    assert 'reached' not in run(src)


def test_dict_of_instance_is_a_plain_monty_dict():
    out = run('''
class A:
    pass
a = A()
a.x = 1
d = a.__dict__
print(type(d).__name__, d)
d.clear()
print(hasattr(a, 'x'))
''')
    assert out == "dict {'x': 1}\nFalse\n"
