"""An abandoned generator runs its ``finally``/``__exit__`` when the last reference goes, as
under CPython's reference counting; each program runs under the host CPython as a script
(so its shutdown is the reference too) and under Monty, and the outputs must be equal."""
from __future__ import annotations

import re
import subprocess
import sys
import textwrap

import pytest

from monty import FunctionSnapshot, Monty, MontyComplete, load_snapshot

GEN = '''
def gen(n=0):
    try:
        yield 1
        yield 2
    finally:
        print("cleanup", n)
'''

CASES = {
    'break': 'for x in gen():\n    break\nprint("after")',
    'return_from_loop': 'def first():\n    for x in gen():\n        return x\nprint(first())',
    'del': 'g = gen(); next(g); del g; print("deleted")',
    'next_of_genexp': 'print(next(x for x in gen()))\nprint(next((x for x in gen(1)), 0))',
    'rebinding': 'g = gen(); next(g); g = None\nprint("rebound")',
    'rebinding_local': 'def f():\n    g = gen(); next(g); g = 5\n    print("in f")\nf()',
    'still_held_at_exit': 'h = gen("h"); next(h)\nk = gen("k"); next(k)\nprint("end")',
    'exit_order': ('c = [gen("c")]; next(c[0])\na = gen("a"); next(a)\n'
                   'class K: pass\nk = K(); k.g = gen("k"); next(k.g)\nprint("end")'),
    'other_holder_keeps_it': 'g = gen(); next(g); h = g; del g\nprint("kept")\ndel h\nprint("gone")',
    'exception_through_loop': ('try:\n    for x in gen():\n        raise KeyError(1)\n'
                               'except KeyError:\n    print("caught")'),
    'with_block': '''
class CM:
    def __enter__(self):
        print("enter")
    def __exit__(self, *a):
        print("exit", a[0].__name__)
def wg():
    with CM():
        yield 1
g = wg(); next(g); del g
print("after")''',
    'yield_from_abandoned': '''
def outer():
    yield from gen("inner")
o = outer(); next(o); del o
print("after")''',
    'abandoned_inside_a_generator': '''
def mid():
    for x in gen("mid"):
        yield x
m = mid(); next(m); del m
def holder():
    g = gen("held")
    next(g)
    yield 5
h = holder(); next(h); h = None
print("after")''',
    'list_cleared_and_deleted': '''
gs = [gen(1), gen(2)]
for g in gs:
    next(g)
del g
gs.clear()
print("cleared")
more = [gen(3), gen(4)]
for g in more:
    next(g)
del g
del more
print("deleted")''',
    'exception_in_finally_is_ignored': '''
def bad():
    try:
        yield 1
    finally:
        print("bad cleanup")
        raise ValueError("boom")
b = bad(); next(b); del b
for x in bad():
    break
print("went on")''',
    'yield_in_finally_is_ignored': '''
def stubborn():
    try:
        yield 1
    finally:
        yield 2
s = stubborn(); next(s); del s
print("went on")''',
    'local_released_at_return': '''
def use():
    g = gen("local")
    print(next(g))
    return "done"
print(use())
def mk():
    return gen("made")
def use_made():
    g = mk()
    next(g)
    return 2
print(use_made())
print([use() for i in range(2)])''',
    'returned_generator_stays_open': '''
def keep():
    g = gen("kept")
    next(g)
    return g
k = keep()
print("returned")
del k
print("end")''',
    'generator_local_released_when_it_finishes': '''
def outer():
    g = gen("inner")
    next(g)
    yield 1
for x in outer():
    print("got", x)
print("after")''',
    'finished_and_unstarted_need_nothing': 'g = gen(); list(g); del g\nu = gen(); del u\nprint("ok")',
}


AGEN = '''
import asyncio
async def agen(name, n=5):
    try:
        for i in range(n):
            await asyncio.sleep(0)
            yield i
    finally:
        print("closing", name)
        await asyncio.sleep(0)
        print("closed", name)
async def other():
    for i in range(4):
        print("other", i)
        await asyncio.sleep(0)
'''

ASYNC_CASES = {
    'async_for_break': '''
async def main():
    t = asyncio.create_task(other())
    async for x in agen("a"):
        if x == 2:
            break
    print("after a")
    await asyncio.sleep(0)
    print("tick")
    await t
asyncio.run(main())
print("done")''',
    'deleted_after_anext': '''
async def main():
    t = asyncio.create_task(other())
    g = agen("b")
    print(await g.__anext__())
    del g
    print("after del")
    await t
    async for x in agen("c", 1):
        pass
    print("exhausted")
asyncio.run(main())''',
    'dropped_by_a_plain_function': '''
def first(g):
    return g.__anext__()
async def main():
    t = asyncio.create_task(other())
    print(await first(agen("f")))
    print("after first")
    await t
asyncio.run(main())''',
}


def _normal(text: str) -> str:
    return re.sub(r'0x[0-9a-f]+', '0x?', text)


def _cpython(src: str, tmp_path) -> tuple[str, str]:
    path = tmp_path / 'main.py'
    path.write_text(src)
    r = subprocess.run([sys.executable, 'main.py'], cwd=tmp_path, capture_output=True,
                       text=True, timeout=30)
    return r.stdout, r.stderr


def _monty(src: str, script: str = 'main.py') -> tuple[str, str]:
    out = {'stdout': [], 'stderr': []}
    Monty(src, script_name=script, _return_last=False).run(
        print_callback=lambda stream, text: out[stream].append(text))
    return ''.join(out['stdout']), ''.join(out['stderr'])


@pytest.mark.parametrize('name', sorted(CASES))
def test_finalization_matches_cpython(name, tmp_path):
    src = GEN + textwrap.dedent(CASES[name]).strip() + '\n'
    want_out, want_err = _cpython(src, tmp_path)
    got_out, got_err = _monty(src, str(tmp_path / 'main.py'))
    assert got_out == want_out
    assert _normal(got_err) == _normal(want_err)


@pytest.mark.parametrize('name', sorted(ASYNC_CASES))
def test_async_generator_finalization_matches_cpython(name, tmp_path):
    """A dropped async generator's ``aclose()`` is a task of the running loop, scheduled at
    the drop as CPython's finalizer hook does, not deferred to ``asyncio.run``'s shutdown."""
    src = AGEN + textwrap.dedent(ASYNC_CASES[name]).strip() + '\n'
    want = _cpython(src, tmp_path)
    assert _monty(src, str(tmp_path / 'main.py')) == want


def test_exception_in_finally_is_reported_on_stderr():
    src = GEN + 'def bad():\n    try:\n        yield 1\n    finally:\n        raise ValueError("x")\n' \
        'b = bad(); next(b); del b\nprint("on")\n'
    out, err = _monty(src)
    assert out == 'on\n'
    assert err.startswith('Exception ignored in: <generator object bad at 0x')
    assert err.endswith('    raise ValueError("x")\nValueError: x\n')


def test_repl_snippets_do_not_close_at_their_end():
    from monty import MontyRepl
    out = []
    repl = MontyRepl(print_callback=lambda stream, text: out.append(text))
    repl.feed(GEN)
    repl.feed('g = gen(); next(g)')
    assert out == []
    repl.feed('del g')
    assert ''.join(out) == 'cleanup 0\n'


PAUSING = GEN.replace('print("cleanup", n)', 'print("cleanup", ext(n))') + '''
for x in gen(7):
    break
print("after loop")
h = gen(8); next(h)
print("end")
'''


@pytest.mark.parametrize('dump_each_step', [False, True], ids=['resume', 'dump_load'])
def test_external_call_in_finally_pauses(dump_each_step):
    out = []
    p = Monty(PAUSING, external_functions=['ext']).start(
        print_callback=lambda stream, text: out.append(text))
    answers = []
    while isinstance(p, FunctionSnapshot):
        answers.append(p.args[0])
        if dump_each_step:
            p = load_snapshot(p.dump(), print_callback=lambda stream, text: out.append(text))
        p = p.resume(return_value=p.args[0] * 10)
    assert isinstance(p, MontyComplete)
    assert answers == [7, 8]
    assert ''.join(out) == 'cleanup 70\nafter loop\nend\ncleanup 80\n'


def test_bound_method_equality():
    src = '''
class A:
    def m(self):
        pass
a = A()
l = [1]
print(a.m == a.m, a.m != a.m, a.m == A().m, [1].append == [1].append)
print(l.append == l.append, l.append != l.append, {a.m: 1}[a.m], a.m in {a.m})
print(hash(a.m) == hash(a.m), A.m == A.m, a.m == A.m, a.m.__eq__(1))
'''
    assert _monty(src)[0] == ('True False False False\nTrue False 1 True\n'
                              'True True False NotImplemented\n')


def test_frozen_dataclass_error_shows_the_generated_frame():
    from monty import MontyRuntimeError
    src = ('from dataclasses import dataclass\n@dataclass(frozen=True)\nclass P:\n'
           '    x: int\nP(1).x = 2\n')
    with pytest.raises(MontyRuntimeError) as e:
        Monty(src, script_name='main.py').run()
    assert e.value.display() == (
        'Traceback (most recent call last):\n  File "main.py", line 5, in <module>\n'
        '    P(1).x = 2\n    ^^^^^^\n  File "<string>", line 4, in __setattr__\n'
        "dataclasses.FrozenInstanceError: cannot assign to field 'x'\n")
