"""Kernelspec install from the command line, handlers from argv and env, autosave on restart."""
from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
from jupyter_client.manager import start_new_kernel

from .jupyter_env import jupyter_env

ROOT = Path(__file__).resolve().parents[2]
TIMEOUT = 20


def cli(*args: str) -> str:
    """Run a command with the repository importable and return its stdout."""
    env = {**os.environ, 'PYTHONPATH': str(ROOT)}
    done = subprocess.run(args, env=env, capture_output=True, text=True, timeout=60, check=True)
    return done.stdout


def shell_reply(kc, msg_id: str) -> dict:
    """The reply to request msg_id, skipping stray replies (e.g. to wait_for_ready's probes)."""
    while True:
        msg = kc.get_shell_msg(timeout=TIMEOUT)
        if msg['parent_header'].get('msg_id') == msg_id:
            return msg['content']


def run_cell(kc, code: str) -> tuple[dict, str]:
    """Execute code; return the reply content and everything shown (streams and results)."""
    msg_id = kc.execute(code)
    shown = []
    while True:
        msg = kc.get_iopub_msg(timeout=TIMEOUT)
        if msg['parent_header'].get('msg_id') != msg_id:
            continue
        kind, content = msg['msg_type'], msg['content']
        if kind == 'stream':
            shown.append(content['text'])
        elif kind == 'execute_result':
            shown.append(content['data']['text/plain'])
        elif kind == 'status' and content['execution_state'] == 'idle':
            break
    return shell_reply(kc, msg_id), ''.join(shown)


@pytest.fixture
def env(tmp_path):
    (tmp_path / 'tools.py').write_text(textwrap.dedent('''
        import time
        def add(a, b):
            return a + b
        def nap(seconds):
            time.sleep(seconds)
            return 'rested'
    '''))
    (tmp_path / 'more_tools.py').write_text('HANDLERS = {"triple": lambda x: 3 * x}\n')
    with jupyter_env(MONTY_HANDLERS=str(tmp_path / 'more_tools.py')) as root:
        yield root, tmp_path


def test_install_command_writes_a_listed_kernelspec(env):
    root, tools = env
    prefix = root / 'cli-prefix'
    out = cli(sys.executable, '-m', 'monty_kernel', 'install', '--prefix', str(prefix),
              '--handlers', str(tools / 'tools.py'))
    spec_dir = prefix / 'share' / 'jupyter' / 'kernels' / 'monty'
    assert str(spec_dir) in out
    spec = json.loads((spec_dir / 'kernel.json').read_text())
    assert spec['display_name'] == 'Monty (sandboxed Python)'
    assert spec['argv'][1:] == ['-m', 'monty_kernel', '-f', '{connection_file}',
                                '--handlers', str(tools / 'tools.py')]
    assert spec['interrupt_mode'] == 'signal'
    os.environ['JUPYTER_PATH'] = str(prefix / 'share' / 'jupyter')
    assert 'monty' in cli('jupyter', 'kernelspec', 'list').split()


def test_user_install_goes_to_the_jupyter_data_dir(env):
    root, _ = env
    cli(sys.executable, '-m', 'monty_kernel', 'install', '--user')
    assert (root / 'data' / 'kernels' / 'monty' / 'kernel.json').is_file()


def test_handlers_autosave_and_restart(env):
    root, tools = env
    save = root / 'auto.monty'
    cli(sys.executable, '-m', 'monty_kernel', 'install', '--prefix', str(root / 'prefix'),
        '--handlers', str(tools / 'tools.py'), '--autosave', str(save))
    km, kc = start_new_kernel(kernel_name='monty')
    try:
        reply, shown = run_cell(kc, 'total = add(40, 2)\ntriple(total)')
        assert (reply['status'], shown) == ('ok', '126')
        assert save.is_file()
        km.restart_kernel()
        kc.wait_for_ready(timeout=TIMEOUT)
        reply, shown = run_cell(kc, 'total')
        assert shown == '42'
        msg_id = kc.history(hist_access_type='tail', n=5, output=False, raw=True)
        history = shell_reply(kc, msg_id)['history']
        assert [entry[2] for entry in history] == ['total = add(40, 2)\ntriple(total)', 'total']
        assert history[0][0] + 1 == history[1][0]
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=True)


def test_interrupt_inside_a_slow_handler(env):
    root, tools = env
    cli(sys.executable, '-m', 'monty_kernel', 'install', '--prefix', str(root / 'prefix'),
        '--handlers', str(tools / 'tools.py'))
    km, kc = start_new_kernel(kernel_name='monty')
    try:
        msg_id = kc.execute('nap(30)')
        time.sleep(1.0)
        km.interrupt_kernel()
        reply = shell_reply(kc, msg_id)
        assert reply['ename'] == 'KeyboardInterrupt'
        assert run_cell(kc, 'add(1, 2)')[1] == '3'
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=True)
