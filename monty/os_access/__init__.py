"""Ready-made answers to Monty's OS calls: pass one as ``Monty.run(os=...)``.

``MemoryOS`` is a file system, environment and clock kept in memory; ``MountedDirOS`` shows one
host directory at a virtual path, read-only unless asked, and nothing outside it.
"""
from .base import OPERATIONS, OSHandler
from .memory import MemoryOS
from .mounted import MountedDirOS

__all__ = ['OSHandler', 'MemoryOS', 'MountedDirOS', 'OPERATIONS']
