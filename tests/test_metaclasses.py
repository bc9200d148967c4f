"""Metaclasses, class creation hooks and ``__new__``: Monty prints what CPython prints."""
import pytest

from tests.builtins.modules.oracle import assert_same

SNIPPETS = {
    'new_init_call': '''
        class Meta(type):
            def __new__(mcls, name, bases, ns, **kw):
                print('new', mcls.__name__, name, sorted(k for k in ns if not k.startswith('__')), kw)
                cls = super().__new__(mcls, name, bases, ns)
                cls.tag = name.lower()
                return cls
            def __init__(cls, name, bases, ns, **kw):
                print('init', name)
                super().__init__(name, bases, ns)
            def __call__(cls, *args, **kwargs):
                print('call', cls.__name__, args)
                return super().__call__(*args, **kwargs)
        class A(metaclass=Meta, flag=1):
            x = 1
            def __init__(self, v):
                self.v = v
        class B(A):
            pass
        print(type(A), type(B), A.tag, B.tag, isinstance(A, Meta), isinstance(A, type))
        b = B(5)
        print(b.v, type(b).__name__, type(type(b)).__name__)
    ''',
    'prepare_and_order': '''
        class OrderedMeta(type):
            @classmethod
            def __prepare__(mcls, name, bases, **kw):
                print('prepare', name, kw)
                return {'injected': 42}
            def __new__(mcls, name, bases, ns, **kw):
                cls = super().__new__(mcls, name, bases, ns)
                cls.order = [k for k in ns if not k.startswith('__')]
                return cls
        class C(metaclass=OrderedMeta, debug=True):
            b = 1
            a = 2
            def m(self):
                return injected
        print(C.order, C.injected, C().m.__name__)
    ''',
    'registry_and_methods_on_meta': '''
        class Registry(type):
            classes = []
            def __new__(mcls, name, bases, ns):
                cls = super().__new__(mcls, name, bases, ns)
                mcls.classes.append(name)
                return cls
            def describe(cls):
                return f'<{cls.__name__} with {len(cls.__dict__)} names>'
            @property
            def upper(cls):
                return cls.__name__.upper()
            def __repr__(cls):
                return f'Registered({cls.__name__})'
            def __len__(cls):
                return 3
            def __iter__(cls):
                return iter(range(len(cls)))
            def __getitem__(cls, key):
                return key * 2
            def __contains__(cls, x):
                return x == 'yes'
        class Base(metaclass=Registry):
            pass
        class Child(Base):
            pass
        print(Registry.classes, Child.describe()[:7], Child.upper, repr(Child), Child)
        print(len(Child), list(Child), Child[21], 'yes' in Child, 'no' in Child, str(Child))
    ''',
    'instancecheck_subclasscheck': '''
        class Duck(type):
            def __instancecheck__(cls, obj):
                return hasattr(obj, 'quack')
            def __subclasscheck__(cls, sub):
                return hasattr(sub, 'quack')
        class Quacker(metaclass=Duck):
            pass
        class Mallard:
            def quack(self):
                return 'Quack'
        print(isinstance(Mallard(), Quacker), isinstance(3, Quacker), issubclass(Mallard, Quacker),
              issubclass(int, Quacker), isinstance(Quacker(), Quacker))
    ''',
    'init_subclass_kwargs': '''
        class Plugin:
            registry = {}
            def __init_subclass__(cls, /, key=None, **kwargs):
                super().__init_subclass__(**kwargs)
                cls.key = key
                Plugin.registry[key] = cls.__name__
        class A(Plugin, key='a'):
            pass
        class B(Plugin, key='b'):
            pass
        print(Plugin.registry, A.key, B.key)
        try:
            class C(Plugin, key='c', other=1):
                pass
        except TypeError as e:
            print('TypeError', e)
        try:
            class D(object, bad=1):
                pass
        except TypeError as e:
            print('TypeError', e)
    ''',
    'set_name': '''
        class Field:
            def __set_name__(self, owner, name):
                print('set_name', owner.__name__, name)
                self.name = name
        class Model:
            first = Field()
            second = Field()
        print(Model.first.name, Model.second.name)
    ''',
    'type_three_args': '''
        def hello(self):
            return f'hello from {type(self).__name__}'
        Dyn = type('Dyn', (object,), {'x': 5, 'hello': hello})
        d = Dyn()
        print(Dyn, Dyn.x, d.hello(), Dyn.__name__, Dyn.__bases__)
        class Meta(type):
            def __new__(mcls, name, bases, ns):
                ns['made_by'] = mcls.__name__
                return super().__new__(mcls, name, bases, ns)
        class Base(metaclass=Meta):
            pass
        Sub = type('Sub', (Base,), {})
        print(type(Sub).__name__, Sub.made_by)
        M2 = Meta('M2', (), {'y': 1})
        print(type(M2).__name__, M2.y, M2.made_by)
        print(type(3), type(Base), type(type))
    ''',
    'metaclass_conflict': '''
        class M1(type):
            pass
        class M2(type):
            pass
        class A(metaclass=M1):
            pass
        class B(metaclass=M2):
            pass
        try:
            class C(A, B):
                pass
        except TypeError as e:
            print(e)
        class M3(M1, M2):
            pass
        class D(A, B, metaclass=M3):
            pass
        print(type(D).__name__)
    ''',
    'class_getitem': '''
        class Box:
            def __class_getitem__(cls, item):
                return f'{cls.__name__}[{item.__name__}]'
        print(Box[int])
        try:
            class Plain:
                pass
            Plain[int]
        except TypeError as e:
            print(e)
    ''',
    'dunder_new': '''
        class Singleton:
            _instance = None
            def __new__(cls, *args, **kwargs):
                if cls._instance is None:
                    cls._instance = super().__new__(cls)
                return cls._instance
            def __init__(self, value):
                self.value = value
        a = Singleton(1)
        b = Singleton(2)
        print(a is b, a.value)
        class Point(tuple):
            def __new__(cls, x, y):
                return super().__new__(cls, (x, y))
        p = Point(1, 2)
        print(p, type(p).__name__, p[0] + p[1])
        class Tagged(int):
            def __new__(cls, value, tag):
                obj = int.__new__(cls, value)
                obj.tag = tag
                return obj
        t = Tagged(7, 'seven')
        print(t + 1, t.tag)
        try:
            object.__new__(int)
        except TypeError as e:
            print(e)
        try:
            int.__new__(list)
        except TypeError as e:
            print(e)
        class NotOne:
            def __new__(cls):
                return 42
            def __init__(self):
                print('never')
        print(NotOne())
    ''',
    'metaclass_class_attribute_guard': '''
        class Frozen(type):
            def __setattr__(cls, name, value):
                if name.startswith('locked'):
                    raise AttributeError(f'{name} is locked')
                super().__setattr__(name, value)
            def __delattr__(cls, name):
                raise AttributeError('no deleting')
        class K(metaclass=Frozen):
            locked_x = 1
        K.other = 2
        try:
            K.locked_x = 3
        except AttributeError as e:
            print(e)
        try:
            del K.other
        except AttributeError as e:
            print(e)
        print(K.locked_x, K.other)
    ''',
    'meta_getattr_fallback': '''
        class Lazy(type):
            def __getattr__(cls, name):
                return f'{cls.__name__}.{name}?'
        class Q(metaclass=Lazy):
            real = 1
        print(Q.real, Q.missing)
    ''',
    'function_as_metaclass': '''
        def meta(name, bases, ns):
            ns['extra'] = name * 2
            return type(name, bases, ns)
        class F(metaclass=meta):
            pass
        print(F.extra, type(F))
    ''',
}


@pytest.mark.parametrize('name', sorted(SNIPPETS))
def test_matches_cpython(name):
    assert_same(SNIPPETS[name])
