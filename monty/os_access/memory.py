"""``MemoryOS``: files, directories, environment and clock that live only in memory."""
from __future__ import annotations

import errno
import os
import posixpath
from pathlib import PurePosixPath

from .base import OSHandler, denied, not_found, os_error

FILE_MODE, DIR_MODE = 0o100644, 0o040755


class MemoryOS(OSHandler):
    """An in-memory file system: ``files`` maps absolute paths to text or bytes.

    Directories holding the given files exist from the start; relative paths are taken from
    ``/``.  Errors are the ones a real system raises, worded the same way.
    """

    def __init__(self, files: dict | None = None, env: dict | None = None, now=None):
        super().__init__(env, now)
        self.files: dict = {}
        self.dirs: set = {'/'}
        self.mtimes: dict = {}
        for path, content in (files or {}).items():
            full = self.absolute(path)
            self._make_parents(full)
            self._store(full, content)

    # helpers
    def _store(self, full: str, content) -> None:
        data = content.encode('utf-8') if isinstance(content, str) else bytes(content)
        self.files[full] = data
        self.mtimes[full] = self._now()

    def _make_parents(self, full: str) -> None:
        parent = posixpath.dirname(full)
        while parent not in self.dirs:
            self.dirs.add(parent)
            parent = posixpath.dirname(parent)

    def _parent_ok(self, path, full: str) -> None:
        """Raise like the OS when ``full``'s directory is missing or is a file."""
        parent = posixpath.dirname(full)
        if parent in self.files:
            raise os_error(NotADirectoryError, errno.ENOTDIR, path)
        if parent not in self.dirs:
            raise not_found(path)

    def _file(self, path) -> str:
        full = self.absolute(path)
        if full in self.dirs:
            raise os_error(IsADirectoryError, errno.EISDIR, path)
        if full not in self.files:
            self._parent_ok(path, full)
            raise not_found(path)
        return full

    def _dir(self, path) -> str:
        """The absolute path of an existing directory, raising as the OS does otherwise."""
        full = self.absolute(path)
        if full in self.files:
            raise os_error(NotADirectoryError, errno.ENOTDIR, path)
        if full not in self.dirs:
            raise not_found(path)
        return full

    def _children(self, full: str) -> list:
        prefix = full.rstrip('/') + '/'
        names = {p[len(prefix):].split('/')[0] for p in list(self.files) + list(self.dirs)
                 if p.startswith(prefix) and p != prefix}
        return sorted(names)

    # queries
    def exists(self, path) -> bool:
        full = self.absolute(path)
        return full in self.files or full in self.dirs

    def is_file(self, path) -> bool:
        return self.absolute(path) in self.files

    def is_dir(self, path) -> bool:
        return self.absolute(path) in self.dirs

    def read_bytes(self, path) -> bytes:
        return self.files[self._file(path)]

    def iterdir(self, path) -> list:
        return self._children(self._dir(path))

    def stat(self, path) -> os.stat_result:
        full = self.absolute(path)
        if full in self.dirs:
            return _stat(DIR_MODE, 4096, self.mtimes.get(full, 0.0))
        return _stat(FILE_MODE, len(self.read_bytes(path)), self.mtimes[full])

    # changes
    def write_bytes(self, path, data) -> int:
        full = self.absolute(path)
        if full in self.dirs:
            raise os_error(IsADirectoryError, errno.EISDIR, path)
        self._parent_ok(path, full)
        self._store(full, bytes(data))
        return len(data)

    def mkdir(self, path, parents: bool = False, exist_ok: bool = False) -> None:
        full = self.absolute(path)
        if full in self.dirs or full in self.files:
            if exist_ok and full in self.dirs:
                return
            raise os_error(FileExistsError, errno.EEXIST, path)
        if parents and posixpath.dirname(full) not in self.files:
            self._make_parents(full)
        self._parent_ok(path, full)
        self.dirs.add(full)
        self.mtimes[full] = self._now()

    def unlink(self, path, missing_ok: bool = False) -> None:
        full = self.absolute(path)
        if full in self.dirs:
            raise os_error(IsADirectoryError, errno.EISDIR, path)
        if full not in self.files:
            if missing_ok:
                return
            raise not_found(path)
        del self.files[full]

    def rmdir(self, path) -> None:
        full = self._dir(path)
        if full == '/':
            raise denied(path)
        if self._children(full):
            raise os_error(OSError, errno.ENOTEMPTY, path)
        self.dirs.discard(full)

    def rename(self, path, target) -> PurePosixPath:
        src, dst = self.absolute(path), self.absolute(target)
        if src not in self.files and src not in self.dirs:
            raise os_error(FileNotFoundError, errno.ENOENT, path, target)
        if posixpath.dirname(dst) not in self.dirs:
            raise os_error(FileNotFoundError, errno.ENOENT, path, target)
        if src in self.files:
            if dst in self.dirs:
                raise os_error(IsADirectoryError, errno.EISDIR, path, target)
            self.files[dst] = self.files.pop(src)
            self.mtimes[dst] = self.mtimes.pop(src)
        else:
            self._move_tree(src, dst)
        return PurePosixPath(str(target))

    def _move_tree(self, src: str, dst: str) -> None:
        prefix = src.rstrip('/') + '/'

        def moved(p):
            return dst + p[len(src):] if p == src or p.startswith(prefix) else p
        self.files = {moved(p): d for p, d in self.files.items()}
        self.mtimes = {moved(p): t for p, t in self.mtimes.items()}
        self.dirs = {moved(p) for p in self.dirs}


def _stat(mode: int, size: int, mtime: float) -> os.stat_result:
    whole = int(mtime)
    return os.stat_result((mode, 0, 0, 1, 0, 0, size, whole, whole, whole,
                           mtime, mtime, mtime))
