"""``%`` formatting of instances and user ``__getattribute__``, with the host CPython as oracle.

Each program runs under the host interpreter and under Monty; what it prints (values and
``Type: message`` lines of caught errors) must be identical.
"""
import contextlib
import io

import pytest

from monty import Monty

CLASSES = '''
class Foo: pass
class S:
    def __str__(self): return 'S!'
    def __repr__(self): return 'R!'
class I:
    def __index__(self): return 5
class F:
    def __float__(self): return 2.5
class N:
    def __int__(self): return 7
class BadF:
    def __float__(self): return 'x'
class BadI:
    def __index__(self): return 'x'
class BadB:
    def __bytes__(self): return 'x'
class B:
    def __bytes__(self): return b'ok'
def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(f'{type(e).__name__}: {e}')
'''

PERCENT = [
    '"%d" % Foo()', '"%x" % Foo()', '"%f" % Foo()', '"%c" % Foo()', '"%o" % F()',
    '"%d" % I()', '"%x" % I()', '"%c" % I()', '"%e" % I()', '"%f" % F()', '"%d" % F()',
    '"%d" % N()', '"%i" % N()', '"%(a)d" % {"a": Foo()}', '"%d %s" % (Foo(), S())',
    '"%s %d" % (S(), Foo())', '"%f" % BadF()', '"%d" % BadI()', '"%f" % BadI()',
    '"%s %r %a" % (S(), S(), S())',
    'b"%s" % Foo()', 'b"%s" % S()', 'b"%d" % Foo()', 'b"%r" % S()', 'b"%a" % S()',
    'b"%d" % I()', 'b"%x" % I()', 'b"%f" % F()', 'b"%c" % I()', 'b"%c" % Foo()',
    'b"%s" % B()', 'b"%b" % (B(),)', 'b"%s" % BadB()', 'b"%s" % (Foo(),)',
    'b"%(a)s" % {b"a": B()}', 'bytearray(b"%s-%d") % (B(), I())',
]


def _host_output(src: str) -> str:
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        exec(compile(src, 'main.py', 'exec'), {'__name__': '__main__'})
    return out.getvalue()


def _monty_output(src: str) -> str:
    parts = []
    Monty(src).run(print_callback=lambda stream, text: parts.append(text))
    return ''.join(parts)


@pytest.mark.parametrize('expr', PERCENT)
def test_percent_formatting_of_instances(expr):
    src = CLASSES + f'show(lambda: {expr})\n'
    assert _monty_output(src) == _host_output(src)


GETATTRIBUTE = {
    'override_with_fallback': '''
log = []
class A:
    x = 1
    def __init__(self):
        self.y = 2
    def __getattribute__(self, name):
        log.append(name)
        if name == 'boom':
            raise AttributeError('boom!')
        if name == 'z':
            return 'zz'
        return super().__getattribute__(name)
    def m(self):
        return 'm'
    def __getattr__(self, name):
        return 'fallback:' + name
a = A()
print(a.x, a.y, a.z, a.m(), a.boom, a.missing)
for i in range(3):
    print(a.y, a.m())
print(getattr(a, 'q'), hasattr(a, 'boom'), getattr(a, 'x', 5))
print(log)
''',
    'object_getattribute_inside': '''
class B:
    def __getattribute__(self, name):
        if name.startswith('_'):
            return object.__getattribute__(self, name)
        return name.upper()
b = B()
print(b.hello, b.__class__.__name__)
show(lambda: b.__code__)
''',
    'no_getattr_fallback': '''
class C:
    def __getattribute__(self, name):
        raise AttributeError(name)
show(lambda: C().foo)
class D:
    def __getattribute__(self, name):
        return self.other
show(lambda: D().x)
''',
    'set_after_caches_are_warm': '''
class E:
    def f(self):
        return 1
e = E()
def g(o):
    return o.f()
print(g(e), g(e))
E.__getattribute__ = lambda self, n: (lambda: 'patched ' + n)
print(g(e), e.f())
del E.__getattribute__
print(g(e), e.f())
''',
    'builtin_subclasses_and_properties': '''
class L(list):
    def __getattribute__(self, n):
        if n == 'append':
            return lambda x: print('no append', x)
        return super().__getattribute__(n)
l = L()
l.append(3)
l.extend([1])
print(l, len(l))
class Err(Exception):
    def __getattribute__(self, n):
        return ('fake',) if n == 'args' else super().__getattribute__(n)
print(Err('real').args)
class P:
    @property
    def p(self):
        return 'prop'
    def __getattribute__(self, n):
        return ('wrapped', object.__getattribute__(self, n))
print(P().p)
class Q:
    def __getattribute__(self, n):
        return 5
q = Q()
q.a = 1
print(q.a, q.__dict__, type(q) is Q)
''',
}


@pytest.mark.parametrize('name', list(GETATTRIBUTE))
def test_user_getattribute(name):
    src = CLASSES + GETATTRIBUTE[name]
    assert _monty_output(src) == _host_output(src)
