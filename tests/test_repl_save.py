"""Saving a MontyRepl with standard-library modules and their values, and loading it back."""
import json
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from monty import MontyRepl, MontyRuntimeError
from monty.builtins.modules import REGISTRY

ROOT = Path(__file__).resolve().parent.parent

# module -> (snippet run before saving, expression evaluated before saving and after loading)
MODULE_CASES = {
    'sys': ('import sys\nv = sys.version_info\nout = sys.stdout',
            'sys.maxsize > 2 ** 31, v[0], out.write("")'),
    'asyncio': ('import asyncio\nasync def twice(x):\n    await asyncio.sleep(0)\n    return x * 2',
                'asyncio.run(twice(4))'),
    'math': ('import math\nfrom math import sqrt\nfloor = math.floor',
             'floor(2.5), sqrt(16), math.pi'),
    'cmath': ('import cmath\nroot = cmath.sqrt(-4)', 'root, cmath.polar(1j), cmath.phase(-1)'),
    'enum': ('from enum import Enum, IntFlag, auto\nclass Color(Enum):\n    RED = auto()\n'
             '    BLUE = auto()\nclass Perm(IntFlag):\n    R = 4\n    W = 2\nblue = Color.BLUE\n'
             'rw = Perm.R | Perm.W',
             'blue, Color(1), blue is Color.BLUE, list(Color), rw, repr(rw), Perm(6) is rw, '
             'len(Color)'),
    'typing': ('import typing\nfrom typing import cast, Any',
               'cast(int, 3), typing.TYPE_CHECKING, Any is typing.Any'),
    'collections': ('from collections import OrderedDict, deque, defaultdict, Counter, '
                    'namedtuple\nPoint = namedtuple("Point", "x y")\np = Point(1, 2)\n'
                    'od = OrderedDict(a=1)\ndq = deque([1, 2], maxlen=3)\n'
                    'dd = defaultdict(list)\ndd["k"].append(1)\nc = Counter("abca")',
                    'p, p._replace(y=5), od, dq, dd, dd["new"], c.most_common(1)'),
    'itertools': ('import itertools\ncount = itertools.count(5)\nnext(count)\n'
                  'chain = itertools.chain([1], [2, 3])\nnext(chain)\n'
                  'perms = itertools.permutations([1, 2, 3])\nnext(perms)',
                  'next(count), list(chain), list(perms)'),
    'functools': ('import functools\nlimit = functools.partial(min, 3)\n'
                  '@functools.lru_cache(maxsize=None)\ndef fib(n):\n'
                  '    return n if n < 2 else fib(n - 1) + fib(n - 2)\nfib(10)',
                  'limit(7), fib(30), functools.reduce(lambda a, b: a * b, [1, 2, 3])'),
    'dataclasses': ('from dataclasses import dataclass, field, asdict\n'
                    '@dataclass(order=True)\nclass Item:\n    name: str\n'
                    '    tags: list = field(default_factory=list)\nitem = Item("a", [1])',
                    'item, asdict(item), item < Item("b"), Item("z")'),
    'abc': ('from abc import ABC, abstractmethod\nclass Shape(ABC):\n    @abstractmethod\n'
            '    def area(self): ...\nclass Square(Shape):\n    def area(self):\n'
            '        return 4\nsq = Square()',
            'sq.area(), isinstance(sq, Shape)'),
    'enum': ('from enum import Enum\nclass Color(Enum):\n    RED = 1\n    BLUE = 2\n'
             'fav = Color.RED',
             'fav, Color(2), fav.name, list(Color), fav is Color.RED'),
    'contextlib': ('from contextlib import contextmanager, suppress, ExitStack\n'
                   '@contextmanager\ndef tag(log):\n    log.append("in")\n    yield len(log)\n'
                   '    log.append("out")\nlog = []\nstack = ExitStack()\n'
                   'stack.enter_context(tag(log))',
                   'stack.close(), log, [suppress(KeyError).__exit__(KeyError, None, None)]'),
    'json': ('import json\ntext = json.dumps({"a": [1, 2.5, None]})\ndumps = json.dumps',
             'json.loads(text), dumps([True])'),
    're': ('import re\nword = re.compile(r"(\\w+)@(?P<host>\\w+)")\n'
           'found = word.search("mail bob@example now")',
           'word, found, found.groups(), found.group("host"), found.span(), '
           're.sub("o", "0", "foo")'),
    'random': ('import random\nrng = random.Random(42)\nrng.random()',
               'rng.random(), rng.randint(1, 100), random.Random(42).random()'),
    'heapq': ('import heapq\nqueue = [(3, "c"), (1, "a")]\nheapq.heapify(queue)\n'
              'merged = heapq.merge([1, 4], [2, 3])\nnext(merged)',
              'heapq.heappop(queue), queue, list(merged), heapq.nlargest(1, [5, 9])'),
    'bisect': ('import bisect\nfrom bisect import insort\nmarks = [10, 20, 30]',
               'bisect.bisect(marks, 20), insort(marks, 15), marks'),
    'textwrap': ('import textwrap\nwrapper = textwrap.TextWrapper(width=12, max_lines=2)',
                 'wrapper.wrap("the quick brown fox jumps over"), textwrap.dedent("  a\\n   b")'),
    'statistics': ('import statistics\nfrom statistics import mean\ndata = [1, 2, 4, 7]',
                   'mean(data), statistics.stdev(data), statistics.median(data)'),
    'operator': ('import operator\nsecond = operator.itemgetter(1)\n'
                 'upper = operator.methodcaller("upper")\nreal = operator.attrgetter("real")',
                 'second([1, 2]), upper("a"), real(3), operator.add(1, 2)'),
    'copy': ('import copy\nnested = [[1]]\nclone = copy.deepcopy(nested)',
             'clone, clone[0] is nested[0], copy.copy([1])'),
    'string': ('import string\ntemplate = string.Template("$who!")\n'
               'fmt = string.Formatter()',
               'template.substitute(who="you"), string.ascii_lowercase[:3], '
               'string.capwords("a b"), fmt.format("{0}-{k}", 1, k=2)'),
    'time': ('import time\nclock = time.monotonic', 'clock is time.monotonic, time.__name__'),
    'os': ('import os\nsep = os.sep', 'sep, os.name, os.path.join("a", "b"), os.curdir'),
    'os.path': ('import os.path\nbase = os.path.basename',
                'base("/a/b.txt"), os.path.splitext("x.tar.gz"), os.path.isabs("/x")'),
    'posixpath': ('import posixpath\nnorm = posixpath.normpath',
                  'norm("/a//b/../c"), posixpath.dirname("/a/b")'),
    'traceback': ('import traceback\ntry:\n    {}["k"]\nexcept KeyError as err:\n'
                  '    tb_text = traceback.format_exc()\n    tb_err = err',
                  'tb_text, traceback.format_exception_only(tb_err)'),
    'io': ('import io\nsio = io.StringIO("ab\\ncd")\nsio.readline()\nraw = io.BytesIO()\n'
           'raw.write(b"xy")',
           'sio.read(), sio.tell(), raw.getvalue(), print("z", file=sio), sio.getvalue()'),
    'pprint': ('import pprint\nprinter = pprint.PrettyPrinter(width=20, indent=2)\n'
               'pp_data = {"b": list(range(8)), "a": ("x" * 30,)}',
               'printer.pformat(pp_data), pprint.pformat(pp_data, compact=True)'),
    'collections.abc': ('from collections.abc import Mapping, Sequence\n'
                        'class Pair(Mapping):\n    def __getitem__(self, k): return {"a": 1}[k]\n'
                        '    def __iter__(self): return iter("a")\n'
                        '    def __len__(self): return 1\npair = Pair()',
                        'dict(pair.items()), pair.get("b", 2), isinstance([], Sequence), '
                        'isinstance(pair, Mapping)'),
    'fractions': ('from fractions import Fraction\nthird = Fraction("1/3")\nhalf = Fraction(0.5)',
                  'third + half, third * 3 == 1, hash(half) == hash(0.5), str(third - 1), '
                  'round(third, 2)'),
    'graphlib': ('from graphlib import TopologicalSorter\n'
                 'sorter = TopologicalSorter({"b": ["a"], "c": ["b", "a"]})\nsorter.prepare()\n'
                 'first = sorter.get_ready()',
                 'first, sorter.done(*first), sorter.get_ready(), sorter.is_active()'),
    'types': ('from types import SimpleNamespace, MappingProxyType\n'
              'ns = SimpleNamespace(a=1, b=[2])\nview = MappingProxyType({"k": ns})',
              'ns, view, view["k"] is ns, ns == SimpleNamespace(b=[2], a=1), len(view)'),
    'pathlib': ('from pathlib import PurePosixPath\nplace = PurePosixPath("/srv/data.txt")',
                'place, place.name, place.suffix, place.parent, place / "x"'),
    'datetime': ('import datetime\nfrom datetime import date, timedelta, timezone\n'
                 'when = datetime.datetime(2020, 1, 2, 3, 4, 5, 6, tzinfo=timezone.utc)\n'
                 'day = date(2020, 2, 28)\nstep = timedelta(days=1, seconds=5)\n'
                 'zone = timezone(timedelta(hours=2), "X")\n'
                 'clock = datetime.time(1, 2, tzinfo=zone)',
                 'when, day + step, step, zone, when.astimezone(zone), clock, '
                 'when.isoformat()'),
}


def quiet_repl():
    return MontyRepl(print_callback=lambda stream, text: None)


def test_every_registered_module_has_a_case():
    assert set(MODULE_CASES) == {name for name in REGISTRY if not name.startswith('<')}


@pytest.mark.parametrize('module', sorted(MODULE_CASES))
def test_session_with_module_values_survives_save_and_load(module):
    setup, use = MODULE_CASES[module]
    before = quiet_repl()
    before.feed(setup)
    data = before.dump()
    expected = before.feed_repr(use)
    after = MontyRepl.load(data, print_callback=lambda stream, text: None)
    assert after.feed_repr(use) == expected
    assert after.feed(f'import {module}\n{module.split(".")[0]}.__name__') == module.split('.')[0]


CONTINUE_ALL = textwrap.dedent('''\
    import json, sys
    from monty import MontyRepl
    uses = json.loads(sys.argv[1])
    repl = MontyRepl.load(sys.stdin.buffer.read(), print_callback=lambda s, t: None)
    print(json.dumps([repl.feed_repr(use) for use in uses]))
    ''')


def test_all_modules_in_one_session_continue_in_a_fresh_process():
    repl = quiet_repl()
    uses = []
    for module in sorted(MODULE_CASES):
        setup, use = MODULE_CASES[module]
        repl.feed(setup)
        uses.append(use)
    data = repl.dump()
    expected = [repl.feed_repr(use) for use in uses]
    result = subprocess.run([sys.executable, '-c', CONTINUE_ALL, json.dumps(uses)], input=data,
                            capture_output=True, cwd=ROOT, timeout=60)
    assert result.returncode == 0, result.stderr.decode()
    assert json.loads(result.stdout) == expected


def test_random_generator_state_continues_exactly():
    repl = quiet_repl()
    repl.feed('import random\nrng = random.Random(7)\nfirst = [rng.random() for _ in range(3)]')
    shown = repl.feed_repr('rng')
    loaded = MontyRepl.load(repl.dump())
    assert loaded.feed('[rng.random() for _ in range(3)]') == \
        repl.feed('[rng.random() for _ in range(3)]')
    assert loaded.feed_repr('rng') == shown            # the same (fake) address


def test_shared_host_values_keep_their_identity():
    repl = quiet_repl()
    repl.feed('import re\npat = re.compile("a+")\nboth = [pat, pat]\nm = pat.match("aa")')
    loaded = MontyRepl.load(repl.dump())
    assert loaded.feed('both[0] is both[1] is pat, m.re is pat, m.group()') == (True, True, 'aa')


def test_session_dump_is_signed_and_checked():
    repl = quiet_repl()
    repl.feed('import math\nx = [math.pi]')
    data = repl.dump(key=b'k')
    assert MontyRepl.load(data, key=b'k').feed('x') == [3.141592653589793]
    with pytest.raises(ValueError, match='signed'):
        MontyRepl.load(data)
    for bad in (data[:20], b'MNTY' + data[4:-40], b'not a snapshot'):
        with pytest.raises(ValueError):
            MontyRepl.load(bad, key=b'k')
    with pytest.raises(TypeError):
        MontyRepl.load('text')


def test_loaded_session_rejects_nothing_it_saved_and_stays_usable_after_errors():
    repl = quiet_repl()
    repl.feed('import json\nitems = {"a": 1}')
    loaded = MontyRepl.load(repl.dump())
    with pytest.raises(MontyRuntimeError, match='JSONDecodeError'):
        loaded.feed('json.loads("{")')
    assert loaded.feed('json.dumps(items)') == '{"a": 1}'
