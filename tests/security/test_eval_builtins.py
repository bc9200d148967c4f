"""``eval``/``exec`` see only the builtins their globals' ``__builtins__`` entry gives, as in
CPython; a user ``__getattribute__`` never opens a blocked attribute."""
import pytest

from .helpers import raises, run


@pytest.mark.parametrize('builtins, message', [
    ('None', "'NoneType' object is not subscriptable"),
    ('5', "'int' object is not subscriptable"),
])
def test_a_non_mapping_builtins_entry_is_a_type_error(builtins, message):
    raises(f"eval('len([1])', {{'__builtins__': {builtins}}})", 'TypeError', message)


def test_an_empty_builtins_mapping_hides_every_builtin():
    raises("eval('len([1])', {'__builtins__': {}})", 'NameError',
           "name 'len' is not defined")
    raises("exec('print(1)', {'__builtins__': {}})", 'NameError',
           "name 'print' is not defined")
    raises("eval('x', {'__builtins__': {'len': len}})", 'NameError', "name 'x' is not defined")


def test_the_mapping_given_is_what_the_code_sees():
    assert run("eval('len([1, 2]) + abs(-1)', {'__builtins__': {'len': len, 'abs': abs}})") == 3
    assert run("eval('range', {'__builtins__': {'range': 'mine'}})") == 'mine'
    code = ("g = {'__builtins__': {'range': range}}\n"
            "exec('t = 0\\nfor i in range(4):\\n    t += i', g)\ng['t']")
    assert run(code) == 6


def test_builtins_come_back_after_the_call_even_when_it_fails():
    code = ("try:\n    eval('len', {'__builtins__': {}})\nexcept NameError:\n    pass\n"
            "len([1, 2, 3])")
    assert run(code) == 3
    assert run("g = {}\nexec('y = len([1])', g)\n(g['y'], '__builtins__' in g)") == (1, False)


GETATTRIBUTE_PROBES = [
    'a.__globals__', 'a.__code__', 'a.__subclasses__', 'a.__builtins__',
    'object.__getattribute__(a, "__globals__")', 'getattr(a, "__code__")',
    'a.get("__globals__")', 'a.get("__reduce_ex__")',
]


@pytest.mark.parametrize('probe', GETATTRIBUTE_PROBES)
def test_user_getattribute_cannot_reach_blocked_attributes(probe):
    code = ('class A:\n    def __getattribute__(self, n):\n'
            '        return object.__getattribute__(self, n)\n'
            '    def get(self, n):\n        return super().__getattribute__(n)\n'
            f'a = A()\n{probe}')
    raises(code, 'AttributeError')


def test_functions_and_library_code_called_from_there_keep_their_builtins():
    code = ('import collections\ndef helper(x):\n    return len(x) * 2\n'
            'g = {"__builtins__": {"sorted": sorted}, "helper": helper, '
            '"C": collections.Counter}\n'
            '(eval("helper([1, 2])", g), eval("sorted([3, 1, 2], key=lambda x: -x)", g),'
            ' eval("C([1, 1, 2]).most_common(1)", g))')
    assert run(code) == (4, [3, 2, 1], [(1, 2)])
    raises('eval("[len(x) for x in [[1]]]", {"__builtins__": {}})', 'NameError',
           "name 'len' is not defined")
