"""Tuples nested too deep for the host's hash (which recurses in C) are a clean RecursionError.

CPython hashes a tuple by recursing without a depth check; a tuple nested ~100k deep overflows
the host's stack.  Monty checks tuples before any host hash, so the run ends with a Monty
``RecursionError`` and the host keeps running.
"""
import subprocess
import sys

import pytest

from monty.vm.hashing import DEPTH_MESSAGE, MAX_HASH_DEPTH

from .helpers import raises, run, timed

DEEP = f't = ()\nfor _ in range({MAX_HASH_DEPTH + 10}):\n    t = (t,)\n'

HASHING_USES = {
    'hash()': 'hash(t)',
    'dict display': '{t: 1}',
    'set display': '{t}',
    'in set': 't in {1}',
    'in dict': 't in {}',
    'in frozenset': 't in frozenset()',
    'subscript': '{}[t]',
    'store': 'd = {}\nd[t] = 1',
    'delete': 'd = {}\ndel d[t]',
    'set comprehension': '{x for x in [t]}',
    'dict comprehension': '{x: 1 for x in [t]}',
    'set()': 'set([t])',
    'frozenset()': 'frozenset([t])',
    'dict()': 'dict([(t, 1)])',
    'dict() of zip': 'dict(zip([t], [1]))',
    'set() of zip': 'set(zip([t], [1]))',
    'dict.fromkeys': 'dict.fromkeys([t])',
    'dict.get': '{}.get(t)',
    'dict.setdefault': '{}.setdefault(t)',
    'dict.update': 'd = {}\nd.update([(t, 1)])',
    'set.add': 'set().add(t)',
    'set.discard': 'set().discard(t)',
    'set.union': 'set().union([t])',
    'set.update of a generator': 's = set()\ns.update(x for x in [t])',
    'set.issubset': '{1}.issubset([t])',
    'frozenset.isdisjoint': 'frozenset({1}).isdisjoint([t])',
    'tuple.__hash__': 't.__hash__()',
    'object.__hash__': 'object.__hash__(t)',
    'items view == set': '{1: t}.items() == {(1, 2)}',
    'set >= items view': '{(1, 2)} >= {1: t}.items()',
    'items view & set': '{1: t}.items() & {1}',
    'keys view | list': '{1: 2}.keys() | [t]',
    'frozenset of values': 'frozenset({1: t}.values())',
    'dict subclass': 'class D(dict): pass\nd = D()\nd[t] = 1',
    'set subclass': 'class S(set): pass\nS([t])',
    'namedtuple': 'import collections\nP = collections.namedtuple("P", "x")\nhash(P(t))',
    'tuple subclass': 'class T(tuple): pass\nhash(T((t,)))',
    'Counter': 'import collections\ncollections.Counter([t])',
    'lru_cache': 'import functools\n@functools.cache\ndef f(x): return 1\nf(t)',
    'frozen dataclass': ('import dataclasses\n@dataclasses.dataclass(frozen=True)\nclass A:\n'
                         '    x: object\nhash(A(t))'),
    '__hash__ returning it': 'class A:\n    def __hash__(self): return hash(t)\n{(A(),)}',
}


@pytest.mark.parametrize('use', list(HASHING_USES))
def test_hashing_a_deep_tuple_is_a_recursion_error(use):
    raises(DEEP + HASHING_USES[use], 'RecursionError', DEPTH_MESSAGE)


def test_the_error_is_catchable_and_shallower_tuples_hash_as_in_cpython():
    code = DEEP + 'try:\n    {t}\nexcept RecursionError as e:\n    r = str(e)\nr'
    assert run(code) == DEPTH_MESSAGE
    shallow = f't = ()\nfor _ in range({MAX_HASH_DEPTH}):\n    t = (t,)\n'
    t = ()
    for _ in range(MAX_HASH_DEPTH):
        t = (t,)
    assert run(shallow + 'd = {t: 1}\n(hash(t), d[t], t in {t})') == (hash(t), 1, True)


def test_plain_tuple_keys_keep_working():
    code = ('d = {}\nfor i in range(3):\n    d[(i, (i, "x"))] = i\n'
            '((1, (1, "x")) in d, d[(2, (2, "x"))], sorted(set(d)), {(1, 2): 3}.get((1, 2)))')
    assert run(code) == (True, 2, [(0, (0, 'x')), (1, (1, 'x')), (2, (2, 'x'))], 3)


@pytest.mark.parametrize('use', ['t == t2', 't < t2', 'repr(t)', 'str(t)', 'f"{t}"',
                                 'sorted([t, t2])', 't in [t2]', '[t2].index(t)',
                                 'import copy\ncopy.deepcopy(t)', 'import json\njson.dumps(t)'])
def test_other_deep_tuple_operations_are_recursion_errors(use):
    build = 't = t2 = ()\nfor _ in range(100000):\n    t = (t,)\n    t2 = (t2,)\n'
    raises(build + use, 'RecursionError')


CRASHING = '''
from monty import Monty, MontyError
code = "t = ()\\nfor _ in range(200000):\\n    t = (t,)\\n"
for use in ["hash(t)", "{t: 1}", "t in {1}", "set().add(t)"]:
    try:
        Monty(code + use).run()
    except MontyError as e:
        print(e.type_name)
'''


def test_the_host_survives_a_tuple_deep_enough_to_overflow_its_stack():
    out = subprocess.run([sys.executable, '-c', CRASHING], capture_output=True, text=True,
                         timeout=120, cwd=__file__.rsplit('/tests/', 1)[0])
    assert out.returncode == 0, out.stderr
    assert out.stdout.split() == ['RecursionError'] * 4


def test_hashing_a_tuple_of_shared_parts_stays_within_the_time_limit():
    # (t, t) doubled 60 times: 2**60 paths for the host hash to follow
    err, seconds = timed('t = ()\nfor _ in range(60):\n    t = (t, t)\nhash(t)',
                         {'max_duration_secs': 0.5})
    assert err.type_name == 'TimeoutError' and seconds < 2
