"""MontyRepl: a persistent namespace fed snippet by snippet, as the REPL and the kernel use it."""
import subprocess
import sys
import textwrap
import threading
import time
from pathlib import Path

import pytest

from monty import (ContinuationMode, MontyRepl, MontyRuntimeError, MontySyntaxError,
                   MontyObjectRepr, ResourceLimits, detect_continuation_mode)

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def repl():
    out = []
    r = MontyRepl(print_callback=lambda stream, text: out.append(text))
    r.output = out
    return r


# -- feeding -------------------------------------------------------------------------------
def test_trailing_expression_value_and_underscore(repl):
    assert repl.feed('x = 20') is None
    assert repl.feed('x + 1') == 21
    assert repl.feed('_ * 2') == 42
    assert repl.feed('None') is None
    assert repl.feed('_') == 42          # None does not replace `_`
    assert repl.feed('[x, (1, "a"), {"k": {2}}]') == [20, (1, 'a'), {'k': {2}}]


def test_state_persists_functions_and_classes(repl):
    repl.feed('def double(v):\n    return v * 2\n')
    repl.feed('class Box:\n    def __init__(self, v):\n        self.v = v\n')
    repl.feed('b = Box(double(4))')
    assert repl.feed('b.v') == 8
    value = repl.feed('b')
    assert isinstance(value, MontyObjectRepr) and value.type_name == 'Box'
    repl.feed('print("hi", b.v)')
    assert repl.output == ['hi 8\n']


def test_feed_repr_matches_python_repl(repl):
    repl.feed('class A:\n    def __repr__(self):\n        return "A()"\n')
    assert repl.feed_repr('"it\'s"') == '"it\'s"'
    assert repl.feed_repr('[A(), {1: A()}, 1.5, b"x"]') == "[A(), {1: A()}, 1.5, b'x']"
    assert repl.feed_repr('x = 1') is None
    assert repl.feed_repr('None') is None
    assert repl.feed_repr('A') == "<class '__main__.A'>"
    assert repl.feed('_') == MontyObjectRepr('type', "<class '__main__.A'>")


def test_snippets_are_named_like_cpython_inputs(repl):
    repl.feed('def boom(n):\n    return 1 / n\n')
    with pytest.raises(MontyRuntimeError) as info:
        repl.feed('boom(0)')
    lines = info.value.display().splitlines()
    assert [line for line in lines if line.startswith('  File')] == [
        '  File "<python-input-1>", line 1, in <module>',
        '  File "<python-input-0>", line 2, in boom']
    assert lines[-1] == 'ZeroDivisionError: division by zero'
    frames = info.value.traceback()
    assert [(f.filename, f.line, f.source_line) for f in frames] == [
        ('<python-input-1>', 1, 'boom(0)'), ('<python-input-0>', 2, 'return 1 / n')]
    assert repl.history == ['def boom(n):\n    return 1 / n\n', 'boom(0)']


def test_error_keeps_earlier_assignments_and_session_usable(repl):
    with pytest.raises(MontyRuntimeError) as info:
        repl.feed('a = 1\nb = [a]\nraise ValueError("nope")\nc = 3')
    assert info.value.type_name == 'ValueError'
    assert info.value.display().endswith('ValueError: nope\n')
    assert repl.feed('a, b') == (1, [1])
    with pytest.raises(MontyRuntimeError, match="name 'c' is not defined"):
        repl.feed('c')
    assert repl.feed('a + 1') == 2


def test_syntax_error_changes_nothing(repl):
    repl.feed('a = 1')
    with pytest.raises(MontySyntaxError) as info:
        repl.feed('a = (')
    assert info.value.filename == '<python-input-1>'
    assert repl.feed('a') == 1


def test_inputs_print_callback_and_external_functions():
    calls = []
    repl = MontyRepl(external_functions={'fetch': lambda key: {'key': key}},
                     print_callback=lambda s, t: calls.append(('session', t)))
    repl.feed('def get(k):\n    return fetch(k)["key"] * 2\n')
    assert repl.feed('get(n)', inputs={'n': 21}) == 42
    assert repl.feed('n') == 21
    repl.feed('print(1)', print_callback=lambda s, t: calls.append(('once', t)))
    repl.feed('print(2)')
    assert calls == [('once', '1\n'), ('session', '2\n')]
    assert repl.feed('echo([1])', external_functions={'echo': lambda v: v + [2]}) == [1, 2]
    with pytest.raises(MontyRuntimeError, match="name 'echo' is not defined"):
        repl.feed('echo(1)')


def test_host_exception_from_external_function_is_catchable():
    def fail(_):
        raise KeyError('missing')
    repl = MontyRepl(external_functions={'fail': fail})
    assert repl.feed('try:\n    fail(1)\nexcept KeyError as e:\n    r = repr(e)\nr') == \
        "KeyError('missing')"


# -- limits and interruption ----------------------------------------------------------------
def test_limits_apply_per_feed_and_can_change(repl):
    repl.set_limits(max_duration_secs=0.2)
    assert repl.limits == ResourceLimits(max_duration_secs=0.2)
    with pytest.raises(MontyRuntimeError, match='TimeoutError'):
        repl.feed('kept = 1\nwhile True:\n    pass')
    assert repl.feed('kept') == 1        # a fresh time budget for each feed
    repl.set_limits(ResourceLimits(max_recursion_depth=50))
    with pytest.raises(MontyRuntimeError, match='RecursionError'):
        repl.feed('def r(n):\n    return r(n + 1)\nr(0)')
    assert repl.feed('sum(range(10))') == 45


def test_limit_errors_carry_a_traceback_and_leave_the_session_usable(repl):
    repl.feed('def spin(n):\n    while True:\n        n += 1\n')
    repl.set_limits(max_duration_secs=0.05)
    with pytest.raises(MontyRuntimeError) as info:
        repl.feed('before = 1\nspin(0)')
    err = info.value
    assert err.type_name == 'TimeoutError'
    assert [(f.filename, f.line, f.function_name) for f in err.traceback()] == [
        ('<python-input-1>', 2, '<module>'), ('<python-input-0>', 2, 'spin')]
    assert err.display().startswith('Traceback (most recent call last):\n'
                                    '  File "<python-input-1>", line 2, in <module>\n'
                                    '    spin(0)\n')
    assert err.display().endswith('TimeoutError: time limit exceeded: 0.05s\n')
    repl.set_limits(max_duration_secs=None, max_memory=1000)
    with pytest.raises(MontyRuntimeError) as info:
        repl.feed('def grow():\n    return "ab" * 10_000\ngrow()')
    assert info.value.type_name == 'MemoryError'
    assert [f.source_line for f in info.value.traceback()] == ['grow()', 'return "ab" * 10_000']
    assert isinstance(info.value.exception(), MemoryError)
    assert repl.feed('before + 1') == 2


def test_interrupt_from_another_thread_raises_keyboard_interrupt(repl):
    timer = threading.Timer(0.1, repl.interrupt)
    timer.start()
    with pytest.raises(MontyRuntimeError) as info:
        repl.feed('n = 0\nwhile True:\n    n += 1')
    assert info.value.type_name == 'KeyboardInterrupt'
    assert repl.feed('n > 0') is True
    repl.interrupt()                     # nothing running: no effect on the next feed
    assert repl.feed('n >= 0') is True


def test_interrupted_generator_is_closed_and_session_usable(repl):
    repl.feed('def spin():\n    while True:\n        yield 1\n'
              'def drain(g):\n    for _ in g:\n        pass\ng = spin()')
    timer = threading.Timer(0.1, repl.interrupt)
    timer.start()
    with pytest.raises(MontyRuntimeError):
        repl.feed('drain(g)')
    assert repl.feed('list(spin.__name__)') == list('spin')


# -- checkpoints ------------------------------------------------------------------------------
def test_restore_undoes_bindings_and_in_place_mutations(repl):
    repl.feed(textwrap.dedent('''\
        class Counter:
            total = 0
            def __init__(self):
                self.hits = []
            def hit(self, v):
                self.hits.append(v)
                Counter.total += 1
        c = Counter()
        alias = c.hits
        data = {'a': [1]}
        def gen():
            yield 1
            yield 2
            yield 3
        g = gen()
        next(g)
        '''))
    token = repl.checkpoint()
    repl.feed('c.hit(5)\ndata["a"].append(2)\ndata["b"] = 0\nnew = 1\nnext(g)\nimport math')
    repl.feed('del alias\nc.extra = True')
    repl.restore(token)
    assert repl.feed('c.hits, Counter.total, data, next(g)') == ([], 0, {'a': [1]}, 2)
    assert repl.feed('alias is c.hits') is True       # identity and aliasing survive
    for name in ('new', 'math'):
        with pytest.raises(MontyRuntimeError, match='NameError'):
            repl.feed(name)
    assert repl.feed('hasattr(c, "extra")') is False


def test_restore_rewinds_snippet_numbers_and_invalidates_newer_tokens(repl):
    repl.feed('x = 1')
    first = repl.checkpoint()
    repl.feed('x = 2')
    second = repl.checkpoint()
    repl.feed('x = 3')
    repl.restore(second)
    assert repl.feed('x') == 2
    repl.restore(first)
    assert repl.feed('x') == 1
    assert repl.history == ['x = 1', 'x']
    repl.restore(first)                  # a token can be used again
    assert repl.feed('x') == 1
    with pytest.raises(ValueError, match='no longer valid'):
        repl.restore(second)


def test_restore_after_failed_snippet(repl):
    repl.feed('items = [1, 2]')
    token = repl.checkpoint()
    with pytest.raises(MontyRuntimeError):
        repl.feed('items.append(3)\n1 / 0')
    assert repl.feed('items') == [1, 2, 3]
    repl.restore(token)
    assert repl.feed('items') == [1, 2]


def test_checkpoint_is_cheap_with_100k_objects(repl):
    rows = [[i, str(i)] for i in range(100_000)]
    repl.feed('big = rows\nsmall = []', inputs={'rows': rows})
    start = time.perf_counter()
    token = repl.checkpoint()
    elapsed = time.perf_counter() - start
    print(f'checkpoint() with 100k objects: {elapsed * 1000:.3f} ms')
    assert elapsed < 0.05
    start = time.perf_counter()
    repl.feed('small.append(1)')         # cannot name `big`: nothing of it is copied
    print(f'feed not touching them: {(time.perf_counter() - start) * 1000:.3f} ms')
    repl.feed('big[5][0] = -1')
    repl.restore(token)
    assert repl.feed('big[5], small') == ([5, '5'], [])


def test_reset_forgets_everything_but_limits():
    repl = MontyRepl(limits={'max_recursion_depth': 123})
    repl.feed('x = 1')
    token = repl.checkpoint()
    repl.reset()
    with pytest.raises(MontyRuntimeError, match='NameError'):
        repl.feed('x')
    assert repl.limits.max_recursion_depth == 123
    with pytest.raises(ValueError):
        repl.restore(token)


# -- front-end helpers ------------------------------------------------------------------------
def test_names_lists_user_variables(repl):
    repl.feed('b = [1, 2]\na = "text"\ndef f():\n    pass\n3')
    f_repr = repl.feed_repr('f')
    assert repl.names() == [('a', 'str', "'text'"), ('b', 'list', '[1, 2]'),
                            ('f', 'function', f_repr)]
    assert repl.feed('_').type_name == 'function'   # `_` is not a variable: it is not listed
    repl.feed('_ = "mine"\nimport math\nlong = "x" * 200')
    rows = {name: (kind, text) for name, kind, text in repl.names()}
    assert rows['_'] == ('str', "'mine'")      # a global named `_` is
    assert rows['math'] == ('module', "<module 'math' (built-in)>")
    assert len(rows['long'][1]) == 80 and rows['long'][1].endswith('...')


def test_complete_names_attributes_and_modules(repl):
    repl.feed(textwrap.dedent('''\
        import math
        class Point:
            def __init__(self):
                self.x_coord = 1
            def distance(self):
                return 0
        p = Point()
        pair = [1]
        '''))
    assert repl.complete('pri') == ['print']
    assert repl.complete('pa') == ['pair', 'pass']
    assert repl.complete('p.') == ['distance', 'x_coord']
    assert repl.complete('y = p.di', 8) == ['distance']
    assert repl.complete('p.__in') == ['__init__', '__init_subclass__']   # as dir(p) has
    assert repl.complete('pair.app') == ['append']
    assert repl.complete('math.sq') == ['sqrt']
    assert repl.complete('nothing.at') == []
    assert '__init__' not in repl.complete('p.')


def test_inspect_shows_signature_and_doc(repl):
    repl.feed(textwrap.dedent('''\
        def f(a, b=1, *args, c, d='x', **kw):
            "Add things."
        class Shape:
            """A shape."""
            def __init__(self, sides, /, name=None):
                self.sides = sides
            def area(self, scale=1.0):
                return 0
        s = Shape(3)
        '''))
    assert repl.inspect('f') == ("Type: function\nSignature: f(a, b=1, *args, c, d='x', **kw)"
                                 "\nDocstring:\nAdd things.")
    assert repl.inspect('Shape') == 'Type: type\nSignature: Shape(sides, /, name=None)\n' \
                                    'Docstring:\nA shape.'
    assert repl.inspect('s.area').startswith('Type: method\nSignature: area(scale=1.0)')
    assert repl.inspect('s.sides').startswith('Type: int\nValue: 3')
    assert repl.inspect('missing') is None
    assert repl.inspect('s.(') is None


def test_continuation_detection_is_exported():
    assert detect_continuation_mode('def f():') is ContinuationMode.INCOMPLETE_BLOCK
    assert detect_continuation_mode('x = (1,') is ContinuationMode.INCOMPLETE_IMPLICIT
    assert detect_continuation_mode('x = 1') is ContinuationMode.COMPLETE


# -- saving ---------------------------------------------------------------------------------
SESSION_SETUP = textwrap.dedent('''\
    class Account:
        def __init__(self, owner):
            self.owner = owner
            self.balance = 0
        def deposit(self, n):
            self.balance += n
            return self.balance
    def numbers():
        for i in range(5):
            yield i * i
    acct = Account('ann')
    acct.deposit(10)
    stream = numbers()
    next(stream), next(stream)
    ''')

CONTINUE = textwrap.dedent('''\
    import sys
    from monty import MontyRepl
    repl = MontyRepl.load(sys.stdin.buffer.read())
    print(repl.feed('acct.deposit(5), acct.owner, next(stream), list(stream), _'))
    print(repl.feed('def more(): return acct.balance + 1\\nmore()'))
    ''')


def test_session_saved_and_continued_in_a_fresh_process(repl):
    assert repl.feed(SESSION_SETUP) == (0, 1)
    data = repl.dump()
    assert isinstance(data, bytes)
    result = subprocess.run([sys.executable, '-c', CONTINUE], input=data, capture_output=True,
                            cwd=ROOT, timeout=60)
    assert result.returncode == 0, result.stderr.decode()
    assert result.stdout.decode().splitlines() == ["(15, 'ann', 4, [9, 16], (0, 1))", '16']
    assert repl.feed('acct.balance') == 10   # the saved session itself is unchanged


def test_loaded_session_keeps_history_counter_and_limits():
    repl = MontyRepl(limits={'max_recursion_depth': 77})
    repl.feed('x = 1')
    with pytest.raises(MontyRuntimeError):
        repl.feed('def bad():\n    return 1 / 0\nbad()')
    loaded = MontyRepl.load(repl.dump())
    assert loaded.history == repl.history
    assert loaded.limits.max_recursion_depth == 77
    with pytest.raises(MontyRuntimeError) as info:
        loaded.feed('bad()')
    assert '<python-input-2>' in info.value.display()
    assert '<python-input-1>' in info.value.display()


def test_public_api_signatures():
    import inspect
    sig = lambda f: str(inspect.signature(f, eval_str=True))  # noqa: E731
    assert sig(MontyRepl) == ("(*, script_name: str = '<repl>', limits=None, "
                              "external_functions=None, print_callback=None)")
    assert sig(MontyRepl.feed) == ('(self, code: str, *, inputs=None, external_functions=None, '
                                   'print_callback=None)')
    assert sig(MontyRepl.start) == ('(self, code: str, *, inputs=None, print_callback=None) '
                                    '-> monty.snapshots.Snapshot | monty.snapshots.MontyComplete')
    assert sig(MontyRepl.dump) == '(self, *, key: bytes | None = None) -> bytes'
    loading = '(data: bytes, *, key: bytes | None = None, limits=None, ' \
              'external_functions=None, print_callback=None)'
    assert sig(MontyRepl.load) == loading + " -> monty.repl.MontyRepl"
    assert sig(MontyRepl.load_snapshot) == loading + ' -> monty.snapshots.Snapshot'
    assert sig(MontyRepl.names) == '(self) -> list[tuple[str, str, str]]'
    assert sig(MontyRepl.complete) == '(self, text: str, cursor_pos: int | None = None) -> list[str]'
    assert sig(MontyRepl.inspect) == '(self, name_or_expr: str) -> str | None'
    assert sig(MontyRepl.checkpoint).endswith('-> monty.repl_undo.Checkpoint')
    assert sig(MontyRepl.restore) == "(self, token: monty.repl_undo.Checkpoint) -> None"
