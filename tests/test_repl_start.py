"""MontyRepl.start(): snippets that pause for the host, with snapshots bound to the session."""
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from monty import MontyRepl, MontyRuntimeError, MontySyntaxError
from monty.snapshots import (FunctionSnapshot, FutureSnapshot, MontyComplete,
                             NameLookupSnapshot, load_snapshot)

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def repl():
    out = []
    r = MontyRepl(print_callback=lambda stream, text: out.append(text))
    r.output = out
    r.feed('def price(item):\n    return lookup(item) * 2\nbase = 1')
    return r


def test_resuming_to_the_end_updates_the_session(repl):
    snap = repl.start('total = price("tea") + base\nprint("total", total)\ntotal')
    assert isinstance(snap, FunctionSnapshot) and snap.repl is repl
    assert (snap.function_name, snap.args, snap.kwargs) == ('lookup', ('tea',), {})
    done = snap.resume(return_value=20)
    assert done == MontyComplete(41)
    assert repl.output == ['total 41\n']
    assert repl.feed('total, _') == (41, 41)
    assert repl.history[-2] == 'total = price("tea") + base\nprint("total", total)\ntotal'


def test_snippet_without_pauses_completes_at_once(repl):
    assert repl.start('x = base + 1\nx * 10') == MontyComplete(20)
    assert repl.start('y = 5') == MontyComplete(None)
    assert repl.feed('_') == 20          # a None result leaves `_` alone, as in feed()
    assert repl.feed('x, y') == (2, 5)


def test_session_is_locked_while_a_snapshot_is_outstanding(repl):
    snap = repl.start('a = lookup(1)')
    for action in (lambda: repl.feed('1'), lambda: repl.start('1'), repl.names,
                   lambda: repl.complete('ba')):
        with pytest.raises(RuntimeError, match='paused in a snippet run by start'):
            action()
    with pytest.raises(RuntimeError, match=r'dump\(\) the paused snapshot instead'):
        repl.dump()
    with pytest.raises(RuntimeError, match='cannot take a checkpoint'):
        repl.checkpoint()
    snap.resume(return_value=3)
    assert repl.feed('a') == 3           # unlocked again
    with pytest.raises(RuntimeError, match='already resumed'):
        snap.resume(return_value=4)


def test_name_lookups_and_unknown_functions_pause(repl):
    snap = repl.start('v = rate * 2')
    assert isinstance(snap, NameLookupSnapshot) and snap.variable_name == 'rate'
    assert snap.resume(value=21) == MontyComplete(None)
    snap = repl.start('w = undeclared(v)')
    assert isinstance(snap, FunctionSnapshot) and snap.function_name == 'undeclared'
    snap.resume(return_value='ok')
    assert repl.feed('v, w') == (42, 'ok')
    snap = repl.start('nothing')
    with pytest.raises(MontyRuntimeError, match="name 'nothing' is not defined"):
        snap.resume()


def test_error_after_a_pause_keeps_earlier_results_and_unlocks(repl):
    snap = repl.start('got = lookup("a")\nprice("b")')
    snap = snap.resume(return_value='x')
    with pytest.raises(MontyRuntimeError) as info:
        snap.resume(exception=KeyError('b'))
    assert [f.filename for f in info.value.traceback()] == ['<python-input-1>',
                                                           '<python-input-0>']
    assert info.value.display().endswith("KeyError: 'b'\n")
    assert repl.feed('got') == 'x'


def test_host_exception_is_catchable_inside_the_snippet(repl):
    snap = repl.start('try:\n    lookup(0)\nexcept ValueError as e:\n    caught = str(e)')
    assert snap.resume(exception=ValueError('no price')) == MontyComplete(None)
    assert repl.feed('caught') == 'no price'


def test_syntax_error_in_start_leaves_the_session_free(repl):
    with pytest.raises(MontySyntaxError):
        repl.start('x = (')
    assert repl.feed('base') == 1


def test_limit_hit_while_resuming_unlocks_with_a_traceback(repl):
    repl.set_limits(max_duration_secs=0.05)
    snap = repl.start('n = lookup(0)\nwhile True:\n    n += 1')
    with pytest.raises(MontyRuntimeError) as info:
        snap.resume(return_value=0)
    assert info.value.type_name == 'TimeoutError'
    assert '<python-input-1>' in info.value.display()
    assert repl.feed('n > 0') is True


def test_top_level_await_pauses_with_future_snapshots(repl):
    snap = repl.start(textwrap.dedent('''\
        import asyncio
        async def both():
            return await asyncio.gather(lookup(1), lookup(2))
        pair = await both()
        pair
        '''))
    snap = snap.resume(future=...)
    snap = snap.resume(future=...)
    assert isinstance(snap, FutureSnapshot) and snap.pending_call_ids == [1, 2]
    done = snap.resume({1: {'return_value': 'a'}, 2: {'return_value': 'b'}})
    assert done == MontyComplete(['a', 'b'])
    assert repl.feed('pair') == ['a', 'b']


def test_reset_abandons_a_paused_snippet(repl):
    snap = repl.start('z = lookup(1)')
    repl.reset()
    with pytest.raises(RuntimeError, match='no longer belongs'):
        snap.resume(return_value=1)
    assert repl.feed('1 + 1') == 2


def test_checkpoint_before_start_undoes_the_snippet(repl):
    repl.feed('items = [1]')
    token = repl.checkpoint()
    repl.start('items.append(lookup(0))').resume(return_value=2)
    assert repl.feed('items') == [1, 2]
    repl.restore(token)
    assert repl.feed('items') == [1]


# -- saving a paused session ----------------------------------------------------------------
def test_dumped_snapshot_restores_the_pause_and_the_session(repl):
    repl.feed('class Cart:\n    def __init__(self):\n        self.items = []\ncart = Cart()')
    snap = repl.start('cart.items.append(price("tea"))\nlen(cart.items)')
    data = snap.dump()
    assert isinstance(data, bytes)
    loaded = MontyRepl.load_snapshot(data)
    assert isinstance(loaded, FunctionSnapshot) and loaded.args == ('tea',)
    assert loaded.repl is not repl and loaded.repl.history == repl.history
    assert loaded.resume(return_value=5) == MontyComplete(1)
    assert loaded.repl.feed('cart.items, _') == ([10], 1)
    assert snap.resume(return_value=1) == MontyComplete(1)   # the original is independent
    assert repl.feed('cart.items') == [2]


def test_paused_session_snapshot_signing_and_bad_data(repl):
    snap = repl.start('v = rate')
    data = snap.dump(key=b'secret')
    with pytest.raises(ValueError, match='signed'):
        MontyRepl.load_snapshot(data)
    with pytest.raises(ValueError, match='signature does not match'):
        MontyRepl.load_snapshot(data[:-1] + bytes([data[-1] ^ 1]), key=b'secret')
    with pytest.raises(ValueError, match='expected a repl-paused snapshot, got a repl'):
        MontyRepl.load_snapshot(MontyRepl().dump())
    with pytest.raises(ValueError, match='expected a repl snapshot, got a repl-paused'):
        MontyRepl.load(data, key=b'secret')
    with pytest.raises(ValueError, match='got a repl-paused snapshot'):
        load_snapshot(data, key=b'secret')
    loaded = MontyRepl.load_snapshot(data, key=b'secret')
    assert isinstance(loaded, NameLookupSnapshot)
    loaded.resume(value=7)
    assert loaded.repl.feed('v') == 7


def test_loaded_snapshot_keeps_limits_and_external_functions():
    repl = MontyRepl(limits={'max_recursion_depth': 60}, external_functions={'ext': len})
    snap = repl.start('a = ext([1, 2])\nb = ext("abc")')
    snap = snap.resume(return_value=2)
    loaded = MontyRepl.load_snapshot(snap.dump(), external_functions={'ext': len})
    assert loaded.repl.limits.max_recursion_depth == 60
    assert loaded.resume(return_value=3) == MontyComplete(None)
    assert loaded.repl.feed('a, b, ext("four")') == (2, 3, 4)   # feed() answers at once


CONTINUE_PAUSED = textwrap.dedent('''\
    import sys
    from monty import MontyRepl
    snap = MontyRepl.load_snapshot(sys.stdin.buffer.read())
    print(snap.function_name, snap.args)
    print(snap.resume(return_value=100).output)
    print(snap.repl.feed('next(gen), acct.balance, more()'))
    ''')


def test_paused_session_continues_in_another_process():
    repl = MontyRepl()
    repl.feed(textwrap.dedent('''\
        class Account:
            def __init__(self):
                self.balance = 0
        def counter():
            n = 0
            while True:
                n += 1
                yield n
        gen = counter()
        next(gen)
        acct = Account()
        def more():
            return acct.balance + 1
        '''))
    snap = repl.start('acct.balance = deposit(acct.balance, 5)\nacct.balance')
    result = subprocess.run([sys.executable, '-c', CONTINUE_PAUSED], input=snap.dump(),
                            capture_output=True, cwd=ROOT, timeout=60)
    assert result.returncode == 0, result.stderr.decode()
    assert result.stdout.decode().splitlines() == ['deposit (0, 5)', '100', '(2, 100, 101)']
