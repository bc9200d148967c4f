"""Every script in examples/ runs to completion and prints what it promises."""
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / 'examples'

# script -> lines its output must contain
EXPECTED = {
    'code_cache.py': ['832040', '55 ('],
    'durable_workflow.py': ["answered price('tea',)", "answered send_invoice('ada', 8)", 'done: 8'],
    'what_if.py': ['rate 0.9: fine', 'rate 1.2: expensive'],
}


def test_every_example_is_listed():
    assert sorted(p.name for p in EXAMPLES.glob('*.py')) == sorted(EXPECTED)


@pytest.mark.parametrize('script', sorted(EXPECTED))
def test_example_runs(script, tmp_path):
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    proc = subprocess.run([sys.executable, str(EXAMPLES / script)], cwd=tmp_path, env=env,
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    for line in EXPECTED[script]:
        assert line in proc.stdout
