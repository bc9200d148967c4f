"""Dunder traversal: every classic path from a value to the host's internals fails cleanly."""
import pytest

from .helpers import raises, run

NO_ATTR = [
    ('().__class__.__bases__[0].__subclasses__()', "type object 'object' has no attribute "
     "'__subclasses__'"),
    ('object.__subclasses__()', "type object 'object' has no attribute '__subclasses__'"),
    ('type.__subclasses__(object)', "type object 'type' has no attribute '__subclasses__'"),
    ('def f(): pass\nf.__globals__', "'function' object has no attribute '__globals__'"),
    ('def f(): pass\nf.__code__', "'function' object has no attribute '__code__'"),
    ('(lambda: 0).__closure__', "'function' object has no attribute '__closure__'"),
    ('def g(): yield 1\ng().gi_frame', "'generator' object has no attribute 'gi_frame'"),
    ('def g(): yield 1\ng().gi_code', "'generator' object has no attribute 'gi_code'"),
    ('async def c(): pass\nc().cr_frame', "'coroutine' object has no attribute 'cr_frame'"),
    ('(1).__reduce__()', "'int' object has no attribute '__reduce__'"),
    ('[].__reduce_ex__(2)', "'list' object has no attribute '__reduce_ex__'"),
    ('len.__dict__', "'builtin_function_or_method' object has no attribute '__dict__'"),
    ('len.__self__', "'builtin_function_or_method' object has no attribute '__self__'"),
]


@pytest.mark.parametrize('code, message', NO_ATTR)
def test_dunder_paths_are_attribute_errors(code, message):
    raises(code, 'AttributeError', message)


def test_builtins_name_is_not_defined():
    raises('__builtins__', 'NameError', "name '__builtins__' is not defined")
    raises('def f(): return __builtins__\nf()', 'NameError')


def test_traceback_objects_expose_no_frames():
    code = 'try:\n    1/0\nexcept ZeroDivisionError as e:\n    t = e.__traceback__\nt'
    assert run(code) is None
    raises('try:\n    1/0\nexcept Exception as e:\n    e.__traceback__.tb_frame',
           'AttributeError', "'NoneType' object has no attribute 'tb_frame'")


def test_class_reachable_through_values_is_a_monty_class():
    # type objects are reachable, but lead nowhere: no subclasses, no dict, no host methods
    assert run('().__class__.__bases__[0].__name__') == 'object'
    assert run('type(type).__name__, type.__mro__[-1].__name__') == ('type', 'object')
    raises('type(len).__call__', 'AttributeError')
    raises('class M(type): pass\nM.__subclasses__', 'AttributeError')


@pytest.mark.parametrize('fn, args', [
    ('getattr', "(1, '__class__').__subclasses__"),
    ('getattr', "(lambda: 0, '__globals__')"),
    ('getattr', "(len, '__self__')"),
    ('getattr', "(iter([]), '__reduce__')"),
])
def test_getattr_with_dunder_names(fn, args):
    raises(f'{fn}{args}', 'AttributeError')


def test_hasattr_setattr_delattr_with_dunder_names():
    assert run("def f(): pass\n[hasattr(f, n) for n in ('__globals__', '__code__', "
               "'__closure__', '__builtins__')]") == [False] * 4
    raises("setattr(len, '__name__', 'x')", 'AttributeError')
    raises("class A: pass\ndelattr(A, '__dict__')", 'AttributeError')
    raises("def f(): pass\nf.__code__ = 1", 'AttributeError')
    raises("def f(): pass\nsetattr(f, '__globals__', {})", 'AttributeError')


def test_type_with_three_arguments_builds_a_sandboxed_class():
    code = ("T = type('T', (), {'x': 1, 'get': lambda self: self.x})\n"
            't = T()\n(t.get(), type(t).__name__, [c.__name__ for c in T.__mro__])')
    assert run(code) == (1, 'T', ['T', 'object'])
    for probe in ('T.__subclasses__()', "T.__dict__['get'].__globals__",
                  'T().get.__func__.__globals__',
                  'T().get.__func__.__code__', 'T.get.__closure__'):
        raises(f"T = type('T', (), {{'get': lambda self: 1}})\n{probe}", 'AttributeError')


def test_type_dicts_are_copies_and_generic_getattribute_is_checked():
    assert run("d = int.__dict__\nd['zz'] = 5\nhasattr(1, 'zz')") is False
    assert run("class A: pass\nA.__dict__['x'] = 1\nhasattr(A, 'x')") is False
    raises("int.bit_length = 5", 'TypeError',
           "cannot set 'bit_length' attribute of immutable type 'int'")
    raises("object.__getattribute__(lambda: 0, '__globals__')", 'AttributeError')
    raises("object.__getattribute__(len, '__self__')", 'AttributeError')
    raises("type.__dict__['__call__'].__self__", 'AttributeError')


def test_user_getattr_hooks_do_not_widen_access():
    code = ("class A:\n    def __getattr__(self, name):\n        return name\n"
            "a = A()\n(a.anything, a.__class__.__name__)")
    assert run(code) == ('anything', 'A')
    raises("class A:\n    pass\nA().__class__.__subclasses__()", 'AttributeError')


def test_bound_methods_reach_only_monty_values():
    assert run('[].append.__self__') == []
    assert run('(1).__init__.__self__') == 1
    raises('def f(): pass\nclass A:\n    m = f\nA().m.__func__.__globals__', 'AttributeError')
