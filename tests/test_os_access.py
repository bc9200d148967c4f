"""Ready-made OS handlers: an in-memory system and a confined host directory."""
import datetime
import os
import textwrap

import pytest

import monty
from monty.os_access import MemoryOS, MountedDirOS


def run(src: str, handler):
    return monty.Monty(textwrap.dedent(src)).run(os=handler)


def errors_of(src_lines: list, handler) -> list:
    """``type: message`` of each statement's exception (or its value) inside Monty."""
    body = ''.join(f'try:\n    out.append({line})\nexcept OSError as e:\n'
                   f'    out.append(f"{{type(e).__name__}}: {{e}}")\n' for line in src_lines)
    return run('from pathlib import Path\nout = []\n' + body + 'out', handler)


# -- MemoryOS --------------------------------------------------------------------------------
def test_memory_os_reads_writes_and_lists():
    fs = MemoryOS({'/data/a.txt': 'alpha\r\n', 'rel.bin': b'\x00'})
    out = run('''
        from pathlib import Path
        import os
        d = Path('/data')
        (d / 'sub').mkdir()
        (d / 'sub' / 'n.txt').write_text('new')
        with open('/data/log.txt', 'a') as f:
            f.write('1')
        with open('/data/log.txt', 'a') as f:
            f.write('2')
        (sorted(p.name for p in d.iterdir()), (d / 'a.txt').read_text(),
         Path('/rel.bin').read_bytes(), open('/data/log.txt').read(), os.listdir('/data/sub'),
         (d / 'sub').is_dir(), (d / 'a.txt').stat().st_size, os.path.exists('/nowhere'))
    ''', fs)
    assert out == (['a.txt', 'log.txt', 'sub'], 'alpha\n', b'\x00', '12', ['n.txt'], True, 7,
                   False)
    assert fs.files['/data/sub/n.txt'] == b'new'


def test_memory_os_errors_read_like_the_real_os():
    fs = MemoryOS({'/d/f.txt': 'x', '/d/sub/g.txt': 'y'})
    assert errors_of([
        "Path('/d/missing.txt').read_text()", "Path('/d').read_text()",
        "Path('/d/f.txt/x').read_text()", "Path('/d/f.txt').iterdir()",
        "Path('/d').mkdir()", "Path('/a/b').mkdir()", "Path('/d/sub').rmdir()",
        "Path('/d/gone').unlink()", "Path('/d/gone').unlink(missing_ok=True)",
        "Path('/d/gone').rename('/d/new')", "open('/d/f.txt', 'x')",
    ], fs) == [
        "FileNotFoundError: [Errno 2] No such file or directory: '/d/missing.txt'",
        "IsADirectoryError: [Errno 21] Is a directory: '/d'",
        "NotADirectoryError: [Errno 20] Not a directory: '/d/f.txt/x'",
        "NotADirectoryError: [Errno 20] Not a directory: '/d/f.txt'",
        "FileExistsError: [Errno 17] File exists: '/d'",
        "FileNotFoundError: [Errno 2] No such file or directory: '/a/b'",
        "OSError: [Errno 39] Directory not empty: '/d/sub'",
        "FileNotFoundError: [Errno 2] No such file or directory: '/d/gone'",
        None,
        "FileNotFoundError: [Errno 2] No such file or directory: '/d/gone' -> '/d/new'",
        "FileExistsError: [Errno 17] File exists: '/d/f.txt'",
    ]


def test_memory_os_matches_cpython_messages_on_a_real_directory(tmp_path):
    real = []
    for fn in (lambda: open(tmp_path / 'no.txt'), lambda: open(tmp_path, 'rb'),
               lambda: os.mkdir(tmp_path)):
        try:
            fn()
        except OSError as e:
            real.append(f'{type(e).__name__}: {e}'.replace(str(tmp_path), '/t'))
    fs = MemoryOS({'/t/keep': ''})
    assert errors_of(["open('/t/no.txt')", "open('/t', 'rb')", "Path('/t').mkdir()"],
                     fs) == real


def test_memory_os_environment_and_fixed_clock():
    fs = MemoryOS(env={'HOME': '/home/me'}, now=datetime.datetime(2024, 1, 2, 3, 4, 5))
    out = run('''
        import os, time, datetime
        t0 = time.time()
        time.sleep(2.5)
        (os.getenv('HOME'), os.getenv('NOPE', 'd'), dict(os.environ.items()),
         time.time() - t0, str(datetime.datetime.now()), str(datetime.date.today()),
         datetime.datetime.now(datetime.timezone.utc).isoformat())
    ''', fs)
    assert out == ('/home/me', 'd', {'HOME': '/home/me'}, 2.5, '2024-01-02 03:04:07.500000',
                   '2024-01-02', '2024-01-02T03:04:07.500000+00:00')


def test_memory_os_rejects_unknown_operations():
    with pytest.raises(NotImplementedError, match="'os.system'"):
        MemoryOS()('os.system', ('ls',), {})


# -- MountedDirOS ----------------------------------------------------------------------------
@pytest.fixture
def tree(tmp_path):
    inside = tmp_path / 'inside'
    (inside / 'sub').mkdir(parents=True)
    (inside / 'a.txt').write_text('hello')
    (tmp_path / 'secret.txt').write_text('top secret')
    (inside / 'link_out').symlink_to(tmp_path / 'secret.txt')
    (inside / 'dir_out').symlink_to(tmp_path)
    (inside / 'link_in').symlink_to(inside / 'a.txt')
    return tmp_path


def test_mounted_dir_reads_inside_the_mount(tree):
    fs = MountedDirOS(tree / 'inside', mount='/data')
    out = run('''
        from pathlib import Path
        import os
        (Path('/data/a.txt').read_text(), Path('a.txt').exists(), os.getcwd(),
         sorted(p.name for p in Path('/data').iterdir()), Path('/data/link_in').read_text(),
         str(Path('/data/link_in').resolve()), Path('/data/sub').is_dir(),
         os.path.getsize('/data/a.txt'))
    ''', fs)
    assert out == ('hello', True, '/data', ['a.txt', 'dir_out', 'link_in', 'link_out', 'sub'],
                   'hello', '/data/a.txt', True, 5)


@pytest.mark.parametrize('path', [
    '/data/../secret.txt', '../secret.txt', '/etc/passwd', '/data/link_out',
    '/data/dir_out/secret.txt', '/data/sub/../../secret.txt', '/', '/dat',
])
def test_mounted_dir_never_leaves_the_mount(tree, path):
    fs = MountedDirOS(tree / 'inside', mount='/data', writable=True)
    out = errors_of([f'Path({path!r}).read_text()', f'Path({path!r}).exists()',
                     f'Path({path!r}).write_text("x")'], fs)
    denied = f"PermissionError: [Errno 13] Permission denied: {path!r}"
    assert out == [denied, False, denied]
    assert (tree / 'secret.txt').read_text() == 'top secret'


def test_mounted_dir_is_read_only_unless_asked(tree):
    fs = MountedDirOS(tree / 'inside', mount='/data')
    out = errors_of(["Path('/data/new.txt').write_text('x')", "Path('/data/a.txt').unlink()",
                     "Path('/data/d').mkdir()", "open('/data/a.txt', 'w')",
                     "Path('/data/a.txt').read_text()"], fs)
    denied = "PermissionError: [Errno 13] Permission denied: "
    assert out == [denied + "'/data/new.txt'", denied + "'/data/a.txt'",
                   denied + "'/data/d'", denied + "'/data/a.txt'", 'hello']
    assert sorted(os.listdir(tree / 'inside')) == ['a.txt', 'dir_out', 'link_in', 'link_out',
                                                   'sub']


def test_mounted_dir_writes_when_writable(tree):
    fs = MountedDirOS(tree / 'inside', mount='/work', writable=True)
    out = run('''
        from pathlib import Path
        Path('/work/out').mkdir()
        with open('out/r.txt', 'w') as f:
            f.write('done')
        Path('/work/out/r.txt').rename('/work/out/final.txt')
        Path('/work/a.txt').unlink()
        try:
            Path('/work/missing.txt').read_text()
        except FileNotFoundError as e:
            err = str(e)
        (sorted(p.name for p in Path('/work/out').iterdir()), err)
    ''', fs)
    assert out == (['final.txt'],
                   "[Errno 2] No such file or directory: '/work/missing.txt'")
    assert (tree / 'inside' / 'out' / 'final.txt').read_text() == 'done'
    assert not (tree / 'inside' / 'a.txt').exists()


def test_mounted_dir_needs_a_directory(tmp_path):
    with pytest.raises(NotADirectoryError):
        MountedDirOS(tmp_path / 'none')
