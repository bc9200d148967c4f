"""``types``: SimpleNamespace, MappingProxyType and the builtin type names, as in CPython."""
from __future__ import annotations

from tests.builtins.modules.oracle import assert_same


def test_simple_namespace_repr_eq_and_attributes():
    out = assert_same('''
        import types
        n = types.SimpleNamespace(a=1, b='x')
        print(n, n == types.SimpleNamespace(b='x', a=1), n != 1, vars(n))
        n.c = n
        print(n)
        del n.c
        n.d = [1]
        print(n, getattr(n, 'd'))
        class S(types.SimpleNamespace):
            pass
        print(S(z=1), S(z=1) == types.SimpleNamespace(z=1), types.SimpleNamespace())
        try:
            types.SimpleNamespace(1)
        except TypeError as e:
            print(e)
        print(types.SimpleNamespace, types.SimpleNamespace.__module__)
        ''')
    assert "namespace(a=1, b='x', c=namespace(...))" in out


def test_mapping_proxy_is_a_read_only_view():
    assert_same('''
        import types
        base = {'a': 1}
        m = types.MappingProxyType(base)
        print(m, repr(m), m['a'], len(m), list(m), m.get('z'), m.copy(), m == {'a': 1})
        print('a' in m, m | {'b': 2}, type(m), type(m).__name__, sorted(m.items()))
        base['b'] = 2
        print(m, list(m.keys()), list(m.values()))
        for attempt in ("m['a'] = 2", "del m['a']", "types.MappingProxyType(3)", "m['zz']"):
            try:
                exec(attempt)
            except Exception as e:
                print(type(e).__name__, e)
        ''')


def test_type_names_are_the_types_of_values():
    assert_same('''
        import types
        def f():
            yield 1
        class C:
            def m(self):
                pass
        print(types.FunctionType, types.LambdaType, types.GeneratorType, types.MethodType)
        print(types.BuiltinFunctionType, types.ModuleType, types.NoneType)
        print(isinstance(f, types.FunctionType), isinstance(f(), types.GeneratorType),
              isinstance(C().m, types.MethodType), isinstance(len, types.BuiltinFunctionType),
              type(None) is types.NoneType)
        ''')
