"""Error messages name C types of library modules as CPython does: ``'datetime.date'``.

Each snippet prints ``Type: message`` of the error it catches; the host CPython's output is the
expectation.  Classes CPython writes in Python (``Counter``, user classes) keep bare names, and
``__name__``/``repr`` of every class stay unchanged.
"""
import pytest

from tests.builtins.modules.oracle import cpython_output, monty_output

IMPORTS = ('import datetime, collections, types, functools, operator, itertools, re, io, '
           'asyncio\nd = datetime.date(2020, 1, 1)\n')

FAILING = [
    'd + 1', '1 - d', 'd < 1', '{} < collections.OrderedDict()',
    'hash(collections.defaultdict())', 'hash(types.SimpleNamespace())', 'd[0]', 'd()',
    'iter(d)', 'd.foo', 'datetime.date.foo', 'd.year = 3', 'len(d)', '1 in d', '-d',
    'next(d)', 'reversed(d)', 'divmod(d, 1)', 'float(d)', 'int(d)', 'complex(d)', '[][d]',
    'd[0] = 1', 'types.SimpleNamespace()[0]', 'functools.partial(len)[0]',
    'operator.itemgetter(1) + 1', 'operator.attrgetter("x") + 1',
    'operator.methodcaller("x") + 1', 'itertools.count() + 1', 'itertools.repeat(1) + 1',
    're.compile("a") + 1', 're.match("a", "a") + 1', 'io.StringIO() + 1', 'io.BytesIO() + 1',
    '"%d" % d', 'with d: pass', 'datetime.timedelta(1) @ 1', 'datetime.time() @ 1',
    'datetime.datetime(2020, 1, 1) @ 1', 'datetime.timezone.utc @ 1', 'collections.deque() @ 1',
    'collections.deque().foo', 'collections.OrderedDict().foo', 'datetime.date.foo = 1',
    '{**d}', '"a".join([d])', 'sum([d])', 'abs(d)', 'round(d)', 'range(d)', 'min([d, 1])',
    '[*d]', 'a, b = d', '(int | str) + 1', 'list[int] + 1', 'import sys\nsys.version_info + 1',
    'object.__new__(datetime.date)',
    'async def main():\n    return asyncio.Future() + 1\nasyncio.run(main())',
    # classes CPython writes in Python keep their bare names
    'collections.Counter() @ 1', 'collections.ChainMap() @ 1', 'hash(collections.Counter())',
    'class D(collections.deque): pass\nD() @ 1', 'class E(collections.OrderedDict): pass\nE()[0]',
    'import enum\nenum.Enum @ 1',
]

NAMES = [
    'print(datetime.date.__name__, repr(datetime.date), type(d).__qualname__)',
    'print(collections.deque.__name__, repr(collections.OrderedDict), repr(type(d)))',
    'print(repr(types.SimpleNamespace), functools.partial.__name__, re.Pattern)',
]


def wrap(src: str) -> str:
    """``src`` after the imports, printing the message of the error it raises."""
    body = ''.join(f'    {line}\n' for line in (IMPORTS + src).splitlines())
    return (f'try:\n{body}except Exception as e:\n    print(f"{{type(e).__name__}}: {{e}}")\n'
            'else:\n    print("no error")\n')


@pytest.mark.parametrize('src', FAILING)
def test_error_names_match_cpython_output(src):
    expected = cpython_output(wrap(src))
    assert expected != 'no error\n'
    assert monty_output(wrap(src)) == expected


@pytest.mark.parametrize('src', NAMES)
def test_names_and_reprs_stay_bare(src):
    assert monty_output(IMPORTS + src) == cpython_output(IMPORTS + src)
