"""OS operations inside Monty: they pause as OsSnapshot, or a host handler answers them."""
import datetime
import os as host_os
import posixpath
import textwrap
from pathlib import PurePosixPath

import pytest

import monty
from monty import MontyComplete, OsSnapshot


def start(src: str):
    return monty.Monty(textwrap.dedent(src)).start()


@pytest.mark.parametrize('src, name, args, kwargs', [
    ('from pathlib import Path; Path("/tmp/t.txt").exists()', 'Path.exists',
     (PurePosixPath('/tmp/t.txt'),), {}),
    ('from pathlib import Path; (Path("/home") / "u" / "f.txt").read_text()', 'Path.read_text',
     (PurePosixPath('/home/u/f.txt'),), {}),
    ('from pathlib import Path; Path("a/b").mkdir(parents=True)', 'Path.mkdir',
     (PurePosixPath('a/b'),), {'parents': True, 'exist_ok': False}),
    ('from pathlib import Path; Path("x").write_text("hi")', 'Path.write_text',
     (PurePosixPath('x'), 'hi'), {}),
    ('import os; os.getenv("HOME")', 'os.getenv', ('HOME', None), {}),
    ('import os; os.getenv("HOME", "/root")', 'os.getenv', ('HOME', '/root'), {}),
    ('import os; os.environ["HOME"]', 'os.environ', (), {}),
    ('import os.path; os.path.isfile("/etc/passwd")', 'Path.is_file',
     (PurePosixPath('/etc/passwd'),), {}),
    ('open("/data/in.csv")', 'Path.read_text', (PurePosixPath('/data/in.csv'),), {}),
    ('open("/data/in.bin", "rb")', 'Path.read_bytes', (PurePosixPath('/data/in.bin'),), {}),
    ('import time; time.time()', 'time.time', (), {}),
    ('import datetime; datetime.datetime.now()', 'datetime.now', (), {}),
    ('from datetime import date; date.today()', 'date.today', (), {}),
])
def test_os_operations_pause_as_os_snapshots(src, name, args, kwargs):
    snap = start(src)
    assert type(snap) is OsSnapshot and isinstance(snap, monty.FunctionSnapshot)
    assert snap.is_os_function is True
    assert (snap.function_name, snap.args, snap.kwargs) == (name, args, kwargs)


def test_resuming_gives_the_answer_to_the_code():
    snap = start('''
        from pathlib import Path
        p = Path('/tmp/hello.txt')
        p.read_text().upper() if p.exists() else 'missing'
    ''')
    assert snap.function_name == 'Path.exists'
    snap = snap.resume(return_value=True)
    assert snap.function_name == 'Path.read_text'
    assert snap.resume(return_value='hi\r\nthere') == MontyComplete('HI\nTHERE')


def test_a_host_exception_is_raised_inside_monty_with_its_message():
    snap = start('''
        try:
            open('/nope.txt')
        except FileNotFoundError as e:
            r = (str(e), e.errno, e.filename, e.args)
        r
    ''')
    done = snap.resume(exception=FileNotFoundError(2, 'No such file or directory', '/nope.txt'))
    assert done.output == ("[Errno 2] No such file or directory: '/nope.txt'", 2, '/nope.txt',
                           (2, 'No such file or directory'))


def test_stat_answers_become_stat_results():
    snap = start('''
        from pathlib import Path
        st = Path('/f').stat()
        (st.st_size, st.st_mode, st.st_mtime, st[6], len(st), repr(st))
    ''')
    answer = host_os.stat_result((0o100644, 1, 2, 1, 0, 0, 512, 10, 20, 30, 10.5, 20.5, 30.5))
    size, mode, mtime, item, n, text = snap.resume(return_value=answer).output
    assert (size, mode, mtime, item, n) == (512, 0o100644, 20.5, 512, 10)
    assert text == repr(answer)


def test_an_os_snapshot_dumps_loads_and_resumes():
    snap = start('''
        from pathlib import Path
        with open('/out.txt', 'w') as f:
            f.write('abc')
        Path('/out.txt').name
    ''')
    assert snap.function_name == 'Path.write_text'
    data = snap.dump()
    again = monty.load_snapshot(data)
    assert type(again) is OsSnapshot
    assert (again.function_name, again.args) == ('Path.write_text', (PurePosixPath('/out.txt'), ''))
    closing = again.resume(return_value=0)
    assert closing.args == (PurePosixPath('/out.txt'), 'abc')
    loaded = OsSnapshot.load(closing.dump())
    assert loaded.resume(return_value=3) == MontyComplete('out.txt')


def test_run_with_an_os_handler_answers_every_call():
    calls = []

    def handler(name, args, kwargs):
        calls.append((name, args, kwargs))
        return {'os.getenv': 'alice', 'Path.exists': True, 'time.time': 1.5,
                'datetime.now': datetime.datetime(2024, 5, 6, 7, 8)}[name]

    out = monty.Monty(textwrap.dedent('''
        import os, time, datetime
        from pathlib import Path
        (os.getenv('USER'), Path('a.txt').exists(), time.time(), datetime.datetime.now().year)
    ''')).run(os=handler)
    assert out == ('alice', True, 1.5, 2024)
    assert [c[0] for c in calls] == ['os.getenv', 'Path.exists', 'time.time', 'datetime.now']
    assert calls[1][1] == (PurePosixPath('a.txt'),)


def test_run_with_external_functions_and_an_os_handler():
    out = monty.Monty('double(len(open("f").read()))').run(
        external_functions={'double': lambda n: 2 * n},
        os=lambda name, args, kwargs: 'four')
    assert out == 8


def test_handler_exceptions_are_catchable_in_monty():
    def handler(name, args, kwargs):
        raise PermissionError(13, 'Permission denied', str(args[0]))
    out = monty.Monty(textwrap.dedent('''
        from pathlib import Path
        try:
            Path('/secret').read_bytes()
        except PermissionError as e:
            r = str(e)
        r
    ''')).run(os=handler)
    assert out == "[Errno 13] Permission denied: '/secret'"


def test_without_a_handler_file_operations_are_permission_errors():
    out = monty.Monty(textwrap.dedent('''
        from pathlib import Path
        try:
            Path('/etc/passwd').read_text()
        except PermissionError as e:
            r = (type(e).__name__, str(e))
        r
    ''')).run()
    assert out == ('PermissionError', "[Errno 13] Permission denied: '/etc/passwd'")
    with pytest.raises(monty.MontyRuntimeError, match='PermissionError'):
        monty.Monty('open("x.txt", "w")').run(external_functions={'f': len})


@pytest.mark.parametrize('src, name', [
    ('import os; os.getenv("HOME")', 'os.getenv'),
    ('import time; time.time()', 'time.time'),
    ('import datetime; datetime.date.today()', 'date.today'),
])
def test_without_a_handler_other_operations_are_runtime_errors(src, name):
    with pytest.raises(monty.MontyRuntimeError) as info:
        monty.Monty(src).run()
    assert f'RuntimeError: {name}() is not available: the host has not allowed OS access' \
        in str(info.value)


def test_a_non_callable_handler_is_refused():
    with pytest.raises(TypeError, match='os must be callable'):
        monty.Monty('1').run(os=123)


def test_wrong_answers_are_type_errors_inside_monty():
    with pytest.raises(monty.MontyRuntimeError, match='must answer Path.exists with a bool'):
        monty.Monty('from pathlib import Path; Path("a").exists()').run(
            os=lambda *a: 'yes')


def test_os_calls_inside_builtin_callbacks_use_the_handler():
    out = monty.Monty('from pathlib import Path\n'
                      'sorted(["a", "bb", "c"], key=lambda n: Path(n).read_text())').run(
        os=lambda name, args, kw: {'a': '3', 'bb': '1', 'c': '2'}[str(args[0])])
    assert out == ['bb', 'c', 'a']


def test_the_os_module_is_sandboxed():
    out = monty.Monty(textwrap.dedent('''
        import os
        (os.name, os.sep, os.linesep, os.path.sep, hasattr(os, 'system'), hasattr(os, 'popen'),
         os.fspath('a'), sorted(k for k in dir(os) if not k.startswith('_'))[:3])
    ''')).run()
    assert out[:7] == ('posix', '/', '\n', '/', False, False, 'a')


PURE_CASES = ['', '.', '/', '//', '///', 'a/b/../c', '/a/./b/', '//a//b', '../x/..', 'a.tar.gz',
              '.bashrc', '/x/y.', 'dir/', 'a/b/c.txt']


@pytest.mark.parametrize('path', PURE_CASES)
def test_os_path_pure_helpers_match_posixpath(path):
    src = (f'import os.path as p\nx = {path!r}\n'
           '(p.normpath(x), p.basename(x), p.dirname(x), p.split(x), p.splitext(x), p.isabs(x),'
           ' p.join(x, "q"), p.join("q", x))')
    expected = (posixpath.normpath(path), posixpath.basename(path), posixpath.dirname(path),
                posixpath.split(path), posixpath.splitext(path), posixpath.isabs(path),
                posixpath.join(path, 'q'), posixpath.join('q', path))
    assert monty.Monty(src).run() == expected


@pytest.mark.parametrize('path', [p for p in PURE_CASES if p])
def test_pathlib_pure_parts_match_cpython(path):
    from pathlib import PosixPath, PurePosixPath as PPP
    src = (f'from pathlib import Path, PurePosixPath\np = Path({path!r})\n'
           '(str(p), repr(p), p.name, p.stem, p.suffix, p.suffixes, str(p.parent), p.parts,'
           ' str(p / "z"), str("z" / p), p.is_absolute(), p == PurePosixPath(p), hash(p) == '
           'hash(Path(str(p))), repr(PurePosixPath(p).joinpath("k", "l")), p.as_posix())')
    p = PosixPath(path)
    expected = (str(p), repr(p), p.name, p.stem, p.suffix, p.suffixes, str(p.parent), p.parts,
                str(p / 'z'), str('z' / p), p.is_absolute(), p == PPP(p), True,
                repr(PPP(p).joinpath('k', 'l')), p.as_posix())
    assert monty.Monty(src).run() == expected


def test_pathlib_errors_match_cpython():
    src = textwrap.dedent('''
        from pathlib import Path
        out = []
        for f in (lambda: Path('/').with_suffix('.x'), lambda: Path('a').with_suffix('x'),
                  lambda: Path('a').with_name(''), lambda: Path('/a/b').relative_to('/c'),
                  lambda: Path('a') / 1, lambda: Path(1), lambda: Path('a') < 'b'):
            try:
                f()
            except (ValueError, TypeError) as e:
                out.append(f'{type(e).__name__}: {e}')
        out.append(str(Path('/a/b/c').relative_to('/a')))
        out.append(str(Path('a.txt').with_suffix('.md')))
        out.append([str(x) for x in Path('/a/b/c').parents])
        out
    ''')
    assert monty.Monty(src).run() == [
        "ValueError: PosixPath('/') has an empty name", "ValueError: Invalid suffix 'x'",
        "ValueError: Invalid name ''",
        "ValueError: '/a/b' is not in the subpath of '/c' OR one path is relative and the "
        'other is absolute.',
        "TypeError: unsupported operand type(s) for /: 'PosixPath' and 'int'",
        'TypeError: expected str, bytes or os.PathLike object, not int',
        "TypeError: '<' not supported between instances of 'PosixPath' and 'str'",
        'b/c', 'a.md', ['/a/b', '/a', '/']]


def test_open_modes_and_file_object_errors_match_cpython():
    src = textwrap.dedent('''
        out = []
        for mode in ('q', 'rw', 'rbt', ''):
            try:
                open('f', mode)
            except ValueError as e:
                out.append(str(e))
        try:
            open('f', 'rb', encoding='utf-8')
        except ValueError as e:
            out.append(str(e))
        try:
            open(3.5)
        except TypeError as e:
            out.append(str(e))
        out
    ''')
    assert monty.Monty(src).run() == [
        "invalid mode: 'q'", 'must have exactly one of create/read/write/append mode',
        "can't have text and binary mode at once",
        'Must have exactly one of create/read/write/append mode and at most one plus',
        "binary mode doesn't take an encoding argument",
        'expected str, bytes or os.PathLike object, not float']


def test_file_objects_read_write_and_close():
    store = {'/in.txt': 'one\ntwo\nthree'}

    def handler(name, args, kwargs):
        key = str(args[0])
        if name == 'Path.read_text':
            return store[key]
        if name == 'Path.write_text':
            store[key] = args[1]
            return len(args[1])
        raise AssertionError(name)

    src = textwrap.dedent('''
        f = open('/in.txt')
        out = [repr(f), f.readline(), f.read(2), f.readlines(), f.read(), f.closed]
        f.close()
        out.append(f.closed)
        try:
            f.read()
        except ValueError as e:
            out.append(str(e))
        with open('/in.txt') as g:
            try:
                g.write('x')
            except OSError as e:
                out.append((type(e).__name__, str(e), isinstance(e, ValueError)))
        with open('/out.txt', 'w') as h:
            out.append(h.write('a\\n'))
            h.writelines(['b', 'c'])
        out
    ''')
    assert monty.Monty(src).run(os=handler) == [
        "<_io.TextIOWrapper name='/in.txt' mode='r' encoding='UTF-8'>", 'one\n', 'tw',
        ['o\n', 'three'], '', False, True, 'I/O operation on closed file.',
        ('UnsupportedOperation', 'not writable', True), 2]
    assert store['/out.txt'] == 'a\nbc'


def test_an_uncaught_unsupported_operation_names_its_module():
    with pytest.raises(monty.MontyRuntimeError) as info:
        monty.Monty('open("f").write("x")').run(os=lambda *a: 'text')
    assert info.value.display().endswith('io.UnsupportedOperation: not writable\n')


def test_environ_reads_the_host_and_keeps_local_changes():
    src = textwrap.dedent('''
        import os
        os.environ['NEW'] = 'v'
        del os.environ['HOME']
        (os.environ['NEW'], os.getenv('NEW'), os.getenv('HOME'), 'HOME' in os.environ,
         sorted(os.environ), os.environ.get('USER'))
    ''')
    out = monty.Monty(src).run(os=lambda name, args, kw: {'HOME': '/h', 'USER': 'u'}
                               if name == 'os.environ' else None)
    assert out == ('v', 'v', None, False, ['NEW', 'USER'], 'u')


def test_handler_exceptions_arrive_as_copies_without_host_objects():
    class Secret:
        pass

    def handler(name, args, kwargs):
        raise ValueError(Secret(), 'plain')

    src = ('import os\ntry:\n    os.getenv("X")\nexcept ValueError as e:\n'
           '    print(type(e.args[0]).__name__, e.args[1])')
    out = []
    monty.Monty(src).run(os=handler, print_callback=lambda stream, text: out.append(text))
    assert ''.join(out) == 'str plain\n'
