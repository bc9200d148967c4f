"""The example notebooks run headlessly on the monty kernel and show the expected outputs."""
from __future__ import annotations

from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

from .jupyter_env import jupyter_env

EXAMPLES = Path(__file__).resolve().parents[2] / 'examples'


def run_notebook(name: str, workdir: Path) -> list:
    """Execute an example notebook in ``workdir`` and return its code cells."""
    book = nbformat.read(EXAMPLES / name, as_version=4)
    NotebookClient(book, timeout=60, kernel_name='monty',
                   resources={'metadata': {'path': str(workdir)}}).execute()
    return [cell for cell in book.cells if cell.cell_type == 'code']


def text_of(cell) -> str:
    """Everything a cell printed or showed, as plain text."""
    parts = []
    for out in cell.outputs:
        if out.output_type == 'stream':
            parts.append(out.text)
        elif out.output_type == 'execute_result':
            parts.append(out.data['text/plain'])
        elif out.output_type == 'error':
            parts.append(f'{out.ename}: {out.evalue}')
    return ''.join(parts)


@pytest.fixture(scope='module')
def workdir():
    with jupyter_env() as root:
        yield root


def test_kernel_tour(workdir):
    cells = run_notebook('kernel_tour.ipynb', workdir)
    texts = [text_of(cell) for cell in cells]
    assert texts[0] == 'fib(10) = 55\n'
    assert texts[1] == '{0: 0, 1: 1, 2: 4, 3: 9, 4: 16}'
    assert cells[2].outputs[0].traceback[-1] == 'KeyError: 7'
    assert 'squares' in texts[4] and '5: 25' not in texts[4]
    assert texts[5] == 'max_duration_secs = 2\n'
    assert texts[6].startswith('TimeoutError')
    assert texts[7] == 'max_duration_secs = None\n5'


def test_handlers_and_saved_session(workdir):
    cells = run_notebook('kernel_handlers_and_sessions.ipynb', workdir)
    texts = [text_of(cell) for cell in cells]
    assert 'get_weather' in texts[0] and 'list_cities' in texts[0]
    assert texts[1] == 'london: rain, 14 C\nparis: sun, 21 C\ntokyo: cloud, 18 C\n'
    assert texts[2] == "handler said: no forecast for 'Atlantis'\n"
    assert texts[3] == "Trip('paris')"
    assert (workdir / 'weather_session.monty').is_file()
    assert texts[5] == 'Session reset\nNo variables\n'
    assert texts[6].endswith("(Trip('paris'), 'paris')")
