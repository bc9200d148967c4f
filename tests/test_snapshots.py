"""Pausing at external calls, answering from the host, and resuming in another process."""
import json
import subprocess
import sys
from pathlib import Path

import pytest

import monty
from monty import (FunctionSnapshot, FutureSnapshot, Monty, MontyComplete, MontyRuntimeError,
                   NameLookupSnapshot, load_snapshot)

ROOT = Path(__file__).resolve().parents[1]

GATHER = '''
async def one(x):
    return await fetch(x)

async def gather(*coros):
    """A hand-written driver: step every coroutine, wait while all are blocked."""
    pending = {}
    results = [None] * len(coros)
    for i, c in enumerate(coros):
        try:
            pending[i] = (c, c.send(None))
        except StopIteration as e:
            results[i] = e.value
    while pending:
        await next(iter(pending.values()))[1]
        for i, (c, fut) in list(pending.items()):
            if fut.done():
                try:
                    pending[i] = (c, c.send(None))
                except StopIteration as e:
                    results[i] = e.value
                    del pending[i]
    return results

await gather(one(1), one(2), one(3))
'''


def test_function_snapshot_fields_and_resume():
    p = Monty('r = fetch(1, b=2)\nr + 1', script_name='job.py').start()
    assert isinstance(p, FunctionSnapshot)
    assert (p.function_name, p.args, p.kwargs, p.call_id) == ('fetch', (1,), {'b': 2}, 1)
    assert (p.script_name, p.is_os_function, p.is_method_call) == ('job.py', False, False)
    done = p.resume(return_value=41)
    assert done == MontyComplete(42)


def test_dict_form_and_argument_errors():
    p = Monty('fetch()').start()
    with pytest.raises(TypeError):
        p.resume()
    with pytest.raises(TypeError):
        p.resume(return_value=1, exception=ValueError())
    with pytest.raises(TypeError):
        p.resume({'bogus': 1})
    assert p.resume({'return_value': 'ok'}).output == 'ok'


def test_resume_only_once():
    p = Monty('fetch()').start()
    p.resume(return_value=1)
    with pytest.raises(RuntimeError, match='Progress already resumed'):
        p.resume(return_value=2)


def test_host_exception_is_catchable_inside_monty():
    code = '''
log = []
try:
    try:
        fetch()
    finally:
        log.append('finally')
except KeyError as e:
    log.append(repr(e))
log
'''
    p = Monty(code).start()
    assert p.resume(exception=KeyError('k')).output == ['finally', "KeyError('k')"]


def test_uncaught_exception_has_monty_traceback():
    p = Monty('def f():\n    return fetch()\nf()\n').start()
    with pytest.raises(MontyRuntimeError) as info:
        p.resume(exception=ValueError('nope'))
    err = info.value
    assert err.type_name == 'ValueError'
    assert [fr.function_name for fr in err.traceback()] == ['<module>', 'f']
    assert err.display().endswith('ValueError: nope\n')


def test_name_lookup_snapshot():
    p = Monty('x = answer + 1\nx').start()
    assert isinstance(p, NameLookupSnapshot) and p.variable_name == 'answer'
    assert p.resume(value=41).output == 42
    p = Monty('answer').start()
    with pytest.raises(MontyRuntimeError, match="name 'answer' is not defined"):
        p.resume()


def test_pause_in_generator_comprehension_and_method():
    code = '''
class Box:
    def __init__(self, n):
        self.items = [get(i) for i in range(n)]
def gen(box):
    for x in box.items:
        yield x + get(x)
list(gen(Box(2))) if False else [v for v in gen(Box(2))]
'''
    p = Monty(code).start()
    seen = []
    while isinstance(p, FunctionSnapshot):
        seen.append(p.args[0])
        p = load_snapshot(p.dump()).resume(return_value=p.args[0] * 10)
    assert seen == [0, 1, 0, 10]
    assert p.output == [0, 110]


def test_pause_inside_a_nested_host_run_is_a_clear_error():
    code = """
class Item:
    def __hash__(self):
        return 1
    def __eq__(self, other):
        return fetch()
{Item(): 1, Item(): 2}
"""
    with pytest.raises(MontyRuntimeError, match="RuntimeError: external function 'fetch' cannot"):
        Monty(code).start()


def test_run_with_external_functions_and_exceptions():
    code = '''
try:
    bad()
except ZeroDivisionError as e:
    caught = str(e)
add(2, 3), caught
'''
    def bad():
        raise ZeroDivisionError('host says no')
    out = Monty(code).run(external_functions={'add': lambda a, b: a + b, 'bad': bad})
    assert out == (5, 'host says no')


def test_run_awaits_async_host_functions():
    import asyncio

    async def fetch(x):
        await asyncio.sleep(0)
        return x * 2
    assert Monty(GATHER).run(external_functions={'fetch': fetch}) == [2, 4, 6]
    assert asyncio.run(Monty(GATHER).run_async(external_functions={'fetch': fetch})) == [2, 4, 6]


def test_gather_gives_one_future_snapshot_with_partial_resolution():
    p = Monty(GATHER).start()
    while isinstance(p, FunctionSnapshot):
        p = p.resume(future=...)
    assert isinstance(p, FutureSnapshot) and p.pending_call_ids == [1, 2, 3]
    p = p.resume({2: {'return_value': 20}})
    assert p.pending_call_ids == [1, 3]
    with pytest.raises(TypeError):
        load_snapshot(p.dump()).resume({7: {'return_value': 0}})
    p = load_snapshot(p.dump()).resume({1: {'return_value': 10}, 3: {'return_value': 30}})
    assert p.output == [10, 20, 30]


def test_program_dump_and_load():
    m = Monty('x * 2', inputs=['x'])
    m2 = Monty.load(m.dump())
    assert m2.run(inputs={'x': 21}) == 42
    with pytest.raises(ValueError):
        FunctionSnapshot.load(m.dump())


def test_wrong_kind_is_rejected():
    p = Monty('answer').start()
    with pytest.raises(ValueError, match='expected a function or os snapshot'):
        FunctionSnapshot.load(p.dump())
    assert isinstance(NameLookupSnapshot.load(p.dump()), NameLookupSnapshot)


def test_signed_dumps():
    p = Monty('fetch()').start()
    data = p.dump(key=b'secret')
    assert load_snapshot(data, key=b'secret').resume(return_value=3).output == 3
    with pytest.raises(ValueError, match='signature'):
        load_snapshot(data, key=b'other')
    with pytest.raises(ValueError, match='signed'):
        load_snapshot(data)


def test_print_callback_after_load():
    out = []
    p = Monty('print("a")\nfetch()\nprint("b")').start(print_callback=lambda s, t: out.append(t))
    load_snapshot(p.dump(), print_callback=lambda s, t: out.append(t.upper())).resume(
        return_value=None)
    assert ''.join(out) == 'a\nB\n'


# -- resuming in a fresh process --------------------------------------------------------------
CHILD = r'''
import json, sys
import monty
results = {}
for name, path, answer in json.load(sys.stdin):
    p = monty.load_snapshot(open(path, 'rb').read())
    while not isinstance(p, monty.MontyComplete):
        if isinstance(p, monty.FutureSnapshot):
            p = p.resume({i: {'return_value': i * 100} for i in p.pending_call_ids})
        elif isinstance(p, monty.NameLookupSnapshot):
            p = p.resume(value=answer)
        else:
            p = p.resume(return_value=answer)
    results[name] = p.output
print(json.dumps(results))
'''


def _paused(code):
    p = Monty(code).start()
    while isinstance(p, FunctionSnapshot) and p.function_name == 'fetch' and 'await' in code:
        p = p.resume(future=...)
    return p


def test_resume_every_kind_in_another_process(tmp_path):
    cases = {
        'function': ('def f(x):\n    return ext(x) * 2\n[f(i) for i in range(1)][0]', 5, 10),
        'name': ('value + 1', 41, 42),
        'os': ('from pathlib import Path\nPath("/notes.txt").read_text() + "!"', 'hi', 'hi!'),
        'generator': ('def g():\n    yield 1\n    yield ext()\n[x for x in g()]', 7, [1, 7]),
        'future': ('async def one():\n    return await fetch(1)\nawait one()', None, 100),
        'gather': (GATHER, None, [100, 200, 300]),
    }
    jobs = []
    for name, (code, answer, _) in cases.items():
        path = tmp_path / f'{name}.bin'
        path.write_bytes(_paused(code).dump())
        jobs.append([name, str(path), answer])
    proc = subprocess.run([sys.executable, '-c', CHILD], input=json.dumps(jobs), text=True,
                          capture_output=True, cwd=ROOT, timeout=60)
    assert proc.returncode == 0, proc.stderr
    got = json.loads(proc.stdout)
    assert got == {name: want for name, (_, _, want) in cases.items()}
