"""`python -m monty FILE.py` behaves like `python3 FILE.py`: output, traceback, exit status."""
import subprocess
import sys

import pytest

PROGRAMS = {
    'ok.py': 'print("hi", 6 * 7)\n',
    'raises.py': 'def f(x):\n    return 1 / x\nprint("before")\nf(0)\n',
    'syntax.py': 'x = (1,\nprint(x)\n',
    'exits.py': 'import sys\nprint("a")\nsys.exit(3)\n',
}


def run(*argv: str, cwd) -> subprocess.CompletedProcess:
    return subprocess.run(argv, cwd=cwd, capture_output=True, text=True, timeout=60)


@pytest.mark.parametrize('name', sorted(PROGRAMS))
def test_file_runs_like_cpython(name, tmp_path):
    (tmp_path / name).write_text(PROGRAMS[name])
    want = run(sys.executable, name, cwd=tmp_path)
    got = run(sys.executable, '-m', 'monty', name, cwd=tmp_path)
    assert (got.stdout, got.stderr, got.returncode) == (want.stdout, want.stderr, want.returncode)


def test_dash_c_runs_a_string(tmp_path):
    got = run(sys.executable, '-m', 'monty', '-c', 'print(sum(range(5)))', cwd=tmp_path)
    assert (got.stdout, got.returncode) == ('10\n', 0)


def test_missing_file_is_reported_like_cpython(tmp_path):
    want = run(sys.executable, 'nope.py', cwd=tmp_path)
    got = run(sys.executable, '-m', 'monty', 'nope.py', cwd=tmp_path)
    assert (got.stderr, got.returncode) == (want.stderr, want.returncode)
