"""`import monty` (and running, dumping and loading with it) needs only the stdlib and msgpack."""
import subprocess
import sys

CHILD = r'''
import sys
before = set(sys.modules)
import monty
program = monty.Monty('import json, re, asyncio, dataclasses, enum, typing, os, pathlib\nfetch()',
                      external_functions=['fetch'])
monty.load_snapshot(program.start().dump()).resume(return_value=1)
monty.MontyRepl.load(monty.MontyRepl().dump())
new = {name.split('.')[0] for name in set(sys.modules) - before}
allowed = set(sys.stdlib_module_names) | set(sys.builtin_module_names) | {'monty', 'msgpack'}
print(sorted(n for n in new - allowed if 'cython' not in n))  # msgpack's compiled helpers
'''


def test_engine_imports_only_stdlib_and_msgpack():
    proc = subprocess.run([sys.executable, '-c', CHILD], capture_output=True, text=True,
                          timeout=60)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == '[]'
