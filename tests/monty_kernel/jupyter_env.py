"""A throwaway Jupyter environment: the monty kernelspec installed in a temp dir, home untouched."""
from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

from monty_kernel.kernelspec import install

# Every place Jupyter or IPython may read or write, pointed into the temp dir.
_DIRS = {'JUPYTER_DATA_DIR': 'data', 'JUPYTER_RUNTIME_DIR': 'runtime',
         'JUPYTER_CONFIG_DIR': 'config', 'IPYTHONDIR': 'ipython', 'MPLCONFIGDIR': 'mpl'}


@contextlib.contextmanager
def jupyter_env(**extra: str):
    """Install the kernelspec under a temp prefix and point Jupyter at it for the duration."""
    saved = dict(os.environ)
    with tempfile.TemporaryDirectory(prefix='monty-kernel-') as tmp:
        root = Path(tmp)
        os.environ.update({key: str(root / sub) for key, sub in _DIRS.items()})
        os.environ['JUPYTER_PATH'] = str(root / 'prefix' / 'share' / 'jupyter')
        install(prefix=str(root / 'prefix'))
        os.environ.update(extra)
        try:
            yield root
        finally:
            os.environ.clear()
            os.environ.update(saved)
