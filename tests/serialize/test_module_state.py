"""Module-level state of sandboxed modules survives a snapshot, in the same process and in a
fresh one: every program prints before and after pausing at ``ext()``, and the output must be
what CPython prints for the same program with ``ext`` a plain function."""
import contextlib
import io
import subprocess
import sys
from pathlib import Path

import pytest

from monty import FunctionSnapshot, Monty, MontyComplete, load_snapshot
from monty.serialize import dump_state

ROOT = Path(__file__).resolve().parents[2]

CASES = {
    'random_global_generator': '''
import random
random.seed(1)
a = random.random()
ext()
print(a, random.random(), random.randint(1, 100), random.choice('abcdef'))
''',
    'random_generator_instance': '''
import random
r = random.Random(5)
r.random()
ext()
print(r.random(), r.gauss(0, 1), r.gauss(0, 1))
''',
    'itertools_count_and_cycle': '''
import itertools
c = itertools.count(10, 3)
cy = itertools.cycle('ab')
next(c); next(cy)
ext()
print(next(c), next(c), next(cy), next(cy), next(cy))
''',
    'itertools_chain_islice_product': '''
import itertools
ch = itertools.chain([1, 2], (3, 4))
isl = itertools.islice(range(100), 2, 50, 7)
pr = itertools.product('ab', repeat=2)
acc = itertools.accumulate([1, 2, 3, 4])
next(ch); next(isl); next(pr); next(acc)
ext()
print(list(ch), list(isl), list(pr), list(acc))
''',
    're_finditer_midway': '''
import re
it = re.finditer(r'\\d+', 'a1 b22 c333 d4444')
print(next(it).group())
ext()
print([m.group() for m in it])
''',
    'collections_containers': '''
from collections import deque, Counter, OrderedDict, defaultdict
def make():
    return ['fresh']
dq = deque([1, 2, 3], maxlen=4)
dq.appendleft(0)
cnt = Counter('abracadabra')
od = OrderedDict(a=1, b=2)
od.move_to_end('a')
dd = defaultdict(make)
dd['x'].append(1)
ext()
dq.append(9)
dd['y'].append(2)
print(dq, dq.maxlen, cnt.most_common(2), od, list(od), dict(dd), dd.default_factory is make)
''',
    'functools_partial_and_lru_cache': '''
import functools
def add(a, b, c=0):
    return a + b + c
p = functools.partial(add, 1, c=10)
calls = []
@functools.lru_cache(maxsize=None)
def square(n):
    calls.append(n)
    return n * n
square(3); square(4)
ext()
square(3); square(5)
print(p(2), p.args, p.keywords, calls, square.cache_info())
''',
    'enum_members_keep_identity': '''
import enum
class Color(enum.Enum):
    RED = 1
    GREEN = 2
class Perm(enum.IntFlag):
    R = 4
    W = 2
favourite = Color.RED
mode = Perm.R | Perm.W
ext()
print(favourite is Color.RED, Color(2) is Color.GREEN, favourite, repr(mode), mode & Perm.W)
''',
    'dataclass_instances': '''
from dataclasses import dataclass, field, asdict
@dataclass(order=True)
class P:
    x: int
    tags: list = field(default_factory=list)
@dataclass(frozen=True)
class F:
    a: str
p = P(1, ['t'])
f = F('k')
ext()
print(p, f, p < P(2), asdict(p), hash(f) == hash(F('k')), {f: 1}[F('k')])
''',
    'datetime_values': '''
import datetime as dt
d = dt.date(2024, 2, 29)
t = dt.datetime(2024, 1, 2, 3, 4, 5, 6, tzinfo=dt.timezone(dt.timedelta(hours=2), 'X'))
delta = dt.timedelta(days=1, seconds=5)
ext()
print(d + delta, t.isoformat(), t.tzname(), delta * 2, dt.time(1, 2, fold=1).fold)
''',
    'os_environ_changes': '''
import os
os.environ['MONTY_TEST_VAR'] = 'set before pause'
os.environ['MONTY_GONE'] = 'x'
del os.environ['MONTY_GONE']
ext()
print(os.getenv('MONTY_TEST_VAR'), os.getenv('MONTY_GONE'), os.getenv('MONTY_GONE', 'd'))
''',
    'os_path_is_posixpath': '''
import os, posixpath
import os.path as osp
ext()
print(os.path is posixpath, osp is posixpath, os.path.join('a', 'b'), posixpath.basename('/x/y'))
''',
}

FRESH = ('random_global_generator', 'itertools_count_and_cycle', 're_finditer_midway',
         'collections_containers', 'enum_members_keep_identity', 'os_environ_changes')


def cpython(code: str) -> str:
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        exec(compile(code, '<case>', 'exec'), {'ext': lambda: None, '__name__': '__main__'})
    return out.getvalue()


def paused(code: str):
    out: list = []
    snap = Monty(code, external_functions=['ext']).start(
        print_callback=lambda stream, text: out.append(text))
    assert isinstance(snap, FunctionSnapshot) and snap.function_name == 'ext'
    return snap, out


def finish(snap, out: list) -> str:
    done = snap.resume(return_value=None)
    assert isinstance(done, MontyComplete)
    return ''.join(out)


@pytest.mark.parametrize('name', sorted(CASES))
def test_state_survives_dump_and_load_in_process(name):
    code = CASES[name]
    snap, out = paused(code)
    loaded = load_snapshot(snap.dump(), print_callback=lambda stream, text: out.append(text))
    assert finish(loaded, out) == cpython(code)


@pytest.mark.parametrize('name', FRESH)
def test_state_survives_a_fresh_process(name):
    code = CASES[name]
    snap, out = paused(code)
    script = ('import sys; from monty import load_snapshot; '
              'snap = load_snapshot(sys.stdin.buffer.read()); '
              'snap.resume(return_value=None)')
    proc = subprocess.run([sys.executable, '-c', script], input=snap.dump(),
                          capture_output=True, cwd=ROOT, timeout=60)
    assert proc.returncode == 0, proc.stderr.decode()
    assert ''.join(out) + proc.stdout.decode() == cpython(code)


def test_os_path_and_posixpath_stay_one_module_in_a_saved_session():
    from monty import MontyRepl
    repl = MontyRepl()
    repl.feed('import os, posixpath\nimport os.path as osp\nj = os.path.join\nk = posixpath.join')
    again = MontyRepl.load(repl.dump())
    assert again.feed('(os.path is posixpath is osp, j is k is posixpath.join, j("a", "b"))') \
        == (True, True, 'a/b')
    only = MontyRepl()
    only.feed('import posixpath\nb = posixpath.basename')
    assert MontyRepl.load(only.dump()).feed('import os\n(b is os.path.basename, b("/x/y"))') \
        == (True, 'y')


def test_views_aliases_and_unsaveable_values():
    snap, _ = paused('d = {1: 2}\nv = d.keys()\nt = list[int]\next()\nd[3] = 4\n'
                     'print(list(v), t)')
    out: list = []
    loaded = load_snapshot(snap.dump(), print_callback=lambda stream, text: out.append(text))
    assert finish(loaded, out) == '[1, 3] list[int]\n'
    with pytest.raises(ValueError, match="cannot snapshot a value of type 'generator'"):
        dump_state('repl', {'host': (i for i in range(3))})


def test_a_saved_session_keeps_enum_members_caches_and_generators():
    from monty import MontyRepl
    repl = MontyRepl()
    repl.feed('''
import enum, functools, random, collections
class Color(enum.Enum):
    RED = 1
saved = Color.RED
@functools.lru_cache
def twice(n):
    return 2 * n
twice(4)
random.seed(7)
random.random()
counts = collections.defaultdict(list)
counts['a'].append(1)
''')
    again = MontyRepl.load(repl.dump())
    got = again.feed('(saved is Color.RED, Color(1) is saved, twice.cache_info().hits, '
                     'twice(4), twice.cache_info().hits, random.random(), dict(counts))')
    import random
    random.seed(7)
    random.random()
    assert got == (True, True, 0, 8, 1, random.random(), {'a': [1]})
