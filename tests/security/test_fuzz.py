"""Random small programs under tight limits: a normal result or a Monty error, nothing else."""
import random
import time

from monty import Monty, MontyRuntimeError, MontySyntaxError

from .helpers import is_plain

LIMITS = {'max_duration_secs': 0.2, 'max_allocations': 2000, 'max_memory': 2_000_000}
CASES = 300
SEED = 20240611

ATOMS = ['0', '1', '-3', '10**6', '2.5', "'ab'", "b'xy'", '[1, 2]', '(1,)', "{'k': 1}", 'None',
         'True', 'x', 'y', 'len', 'A', 'A()', 'f', 'g()', 'range(5)', 'e']
BINOPS = ['+', '-', '*', '//', '%', '**', '<<', '>>', '&', '|', '^', '==', '<', 'in', 'is']
PROBES = ['__class__', '__dict__', '__globals__', '__code__', '__subclasses__', '__bases__',
          '__mro__', '__reduce__', '__self__', '__func__', '__closure__', 'gi_frame',
          '__builtins__', '__init__', '__getattribute__', '__traceback__', 'tb_frame', 'args']
CALLS = ['str', 'repr', 'list', 'sorted', 'sum', 'max', 'hash', 'type', 'dir', 'iter', 'format',
         'vars', 'getattr', 'bytes', 'int', 'set', 'tuple', 'abs', 'bool', 'id']
PRELUDE = ('x = 3\ny = "s"\ne = ValueError("v")\n'
           'class A:\n    n = 1\n    def m(self):\n        return self.n\n'
           'def f(n=2):\n    return f(n - 1) if n > 0 else n\n'
           'def g():\n    yield 1\n    yield 2\n')


def expr(rng: random.Random, depth: int = 0) -> str:
    """A random expression (small, syntactically valid, often nonsensical)."""
    if depth > 2 or rng.random() < 0.3:
        return rng.choice(ATOMS)
    kind = rng.randrange(7)
    sub = expr(rng, depth + 1)
    if kind == 0:
        return f'({sub} {rng.choice(BINOPS)} {expr(rng, depth + 1)})'
    if kind == 1:
        return f'{sub}.{rng.choice(PROBES)}'
    if kind == 2:
        return f"getattr({sub}, '{rng.choice(PROBES)}', 0)"
    if kind == 3:
        return f'{rng.choice(CALLS)}({sub})'
    if kind == 4:
        return f'[{sub} for _ in range({rng.choice(["3", "10**9", "x"])})]'
    if kind == 5:
        return f"'{{0.{rng.choice(PROBES)}}}'.format({sub})"
    return f'{sub}[{rng.choice(["0", "-1", "1:", "::2", "x"])}]'


def statement(rng: random.Random, indent: str = '') -> str:
    """One random statement, sometimes a compound one with a nested body."""
    kind = rng.randrange(8)
    e = expr(rng)
    if kind == 0:
        return f'{indent}{rng.choice("xyz")} = {e}\n'
    if kind == 1:
        return f'{indent}for i in range({rng.choice(["3", "10**9"])}):\n' + \
            statement(rng, indent + '    ')
    if kind == 2:
        return f'{indent}while {e}:\n{indent}    x = [x] * 10\n'
    if kind == 3:
        return (f'{indent}try:\n' + statement(rng, indent + '    ') +
                f'{indent}except {rng.choice(["Exception", "BaseException", "TypeError"])}:\n'
                f'{indent}    pass\n')
    if kind == 4:
        return f'{indent}class C({rng.choice(["", "A", "Exception", "dict"])}):\n' \
            f'{indent}    def __repr__(self):\n{indent}        return {e}\n'
    if kind == 5:
        return f'{indent}def h(n):\n{indent}    return h(n + 1) + {e}\n{indent}h(0)\n'
    if kind == 6:
        return f'{indent}print({e})\n'
    return f'{indent}{e}\n'


def program(rng: random.Random) -> str:
    return PRELUDE + ''.join(statement(rng) for _ in range(rng.randint(1, 4)))


def test_random_programs_only_end_in_monty_outcomes():
    rng = random.Random(SEED)
    kinds = {'ok': 0, 'runtime': 0, 'syntax': 0}
    started = time.monotonic()
    for _ in range(CASES):
        src = program(rng)
        begin = time.monotonic()
        try:
            out = Monty(src).run(limits=LIMITS, print_callback=lambda stream, text: None)
        except MontyRuntimeError as err:
            kinds['runtime'] += 1
            assert is_plain(err.exception().args), src
        except MontySyntaxError:
            kinds['syntax'] += 1
        else:
            kinds['ok'] += 1
            assert is_plain(out), src
        assert time.monotonic() - begin < 1.5, src
    assert kinds['ok'] > 10 and kinds['runtime'] > 10
    assert time.monotonic() - started < 30
