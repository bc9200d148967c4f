"""Write the ``monty`` kernelspec so Jupyter can find and start the kernel."""
from __future__ import annotations

import json
import os
import sys
import sysconfig
import tempfile
from pathlib import Path

from jupyter_client.kernelspec import KernelSpecManager

KERNEL_NAME = 'monty'
DISPLAY_NAME = 'Monty (sandboxed Python)'


def kernel_json(handlers: list[str] = (), autosave: str | None = None,
                python: str | None = None) -> dict:
    """The kernelspec: how to launch the kernel and which language it speaks."""
    argv = [python or sys.executable, '-m', 'monty_kernel', '-f', '{connection_file}']
    for spec in handlers:
        argv += ['--handlers', spec]
    if autosave:
        argv += ['--autosave', str(Path(autosave).expanduser().resolve())]
    spec = {'argv': argv, 'display_name': DISPLAY_NAME, 'language': 'python',
            'interrupt_mode': 'signal', 'metadata': {'debugger': False}}
    path = _source_root()
    if path is not None:
        spec['env'] = {'PYTHONPATH': path + os.pathsep + '${PYTHONPATH}'}
    return spec


def _source_root() -> str | None:
    """The folder holding ``monty_kernel`` when it is run from a source tree, not installed."""
    root = Path(__file__).resolve().parent.parent
    installed = {Path(p).resolve() for p in (sysconfig.get_paths()['purelib'],
                                              sysconfig.get_paths()['platlib'])}
    return None if root in installed else str(root)


def install(user: bool = False, prefix: str | None = None, name: str = KERNEL_NAME,
            handlers: list[str] = (), autosave: str | None = None) -> str:
    """Install the kernelspec and return the directory it went to."""
    with tempfile.TemporaryDirectory() as tmp:
        Path(tmp, 'kernel.json').write_text(json.dumps(kernel_json(handlers, autosave), indent=1))
        return KernelSpecManager().install_kernel_spec(tmp, name, user=user, prefix=prefix)


def sys_prefix() -> str:
    """The prefix of the running Python (its virtualenv or conda env when there is one)."""
    return os.path.abspath(sys.prefix)
