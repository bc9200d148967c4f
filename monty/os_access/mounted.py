"""``MountedDirOS``: one host directory seen at a virtual path, and nothing else of the host.

Every virtual path is normalised, must lie under the mount point, and its host counterpart is
resolved with ``os.path.realpath`` and checked to stay inside the directory, so ``..``,
absolute paths elsewhere and symlinks pointing out are all refused with PermissionError.
"""
from __future__ import annotations

import datetime as _dt
import errno
import os
import posixpath
import time
from pathlib import PurePosixPath

from .base import OSHandler, denied, os_error


class MountedDirOS(OSHandler):
    """``host_dir`` shown at ``mount`` (the working directory), writable only if asked."""

    def __init__(self, host_dir, mount: str = '/data', writable: bool = False,
                 env: dict | None = None, now=None):
        mount = posixpath.normpath('/' + str(mount).lstrip('/'))
        super().__init__(env, now, cwd=mount)
        self.root = os.path.realpath(os.fspath(host_dir))
        if not os.path.isdir(self.root):
            raise NotADirectoryError(f'not a directory: {host_dir!r}')
        self.mount = mount
        self.writable = writable
        self.local_tz = _dt.datetime.now().astimezone().tzinfo

    # confinement
    def host_path(self, path) -> str:
        """The host path behind virtual ``path``; PermissionError if it would leave the mount."""
        full = self.absolute(path)
        if full != self.mount and not full.startswith(self.mount.rstrip('/') + '/'):
            raise denied(path)
        rel = full[len(self.mount):].lstrip('/')
        real = os.path.realpath(os.path.join(self.root, rel))
        if os.path.commonpath([real, self.root]) != self.root:
            raise denied(path)
        return real

    def _writable(self, path) -> str:
        real = self.host_path(path)
        if not self.writable:
            raise denied(path)
        return real

    def _run(self, path, fn, *args, target=None):
        """Run ``fn`` on the host, reporting errors with the virtual path names."""
        try:
            return fn(*args)
        except OSError as e:
            names = (path,) if target is None else (path, target)
            raise os_error(type(e), e.errno or errno.EIO, *names) from None

    # queries
    def _probe(self, path, test) -> bool:
        try:
            return test(self.host_path(path))
        except PermissionError:
            return False

    def exists(self, path) -> bool:
        return self._probe(path, os.path.exists)

    def is_file(self, path) -> bool:
        return self._probe(path, os.path.isfile)

    def is_dir(self, path) -> bool:
        return self._probe(path, os.path.isdir)

    def read_bytes(self, path) -> bytes:
        real = self.host_path(path)
        return self._run(path, _read, real, 'rb')

    def iterdir(self, path) -> list:
        real = self.host_path(path)
        return sorted(self._run(path, os.listdir, real))

    def stat(self, path) -> os.stat_result:
        return self._run(path, os.stat, self.host_path(path))

    def resolve(self, path) -> PurePosixPath:
        real = self.host_path(path)
        rel = os.path.relpath(real, self.root)
        return PurePosixPath(self.mount if rel == '.' else posixpath.join(self.mount, rel))

    # changes
    def write_bytes(self, path, data) -> int:
        real = self._writable(path)
        self._run(path, _write, real, bytes(data))
        return len(data)

    def mkdir(self, path, parents: bool = False, exist_ok: bool = False) -> None:
        real = self._writable(path)
        if parents:
            self._run(path, os.makedirs, real, 0o777, exist_ok)
            return
        try:
            self._run(path, os.mkdir, real)
        except FileExistsError:
            if not (exist_ok and os.path.isdir(real)):
                raise

    def unlink(self, path, missing_ok: bool = False) -> None:
        real = self._writable(path)
        try:
            self._run(path, os.unlink, real)
        except FileNotFoundError:
            if not missing_ok:
                raise

    def rmdir(self, path) -> None:
        self._run(path, os.rmdir, self._writable(path))

    def rename(self, path, target) -> PurePosixPath:
        src, dst = self._writable(path), self._writable(target)
        self._run(path, os.rename, src, dst, target=target)
        return PurePosixPath(str(target))

    # the real clock, unless fixed
    def _now(self) -> float:
        if self._fixed is None:
            return time.time()
        return super()._now()

    def sleep(self, secs) -> None:
        if self._fixed is None:
            time.sleep(secs)
        else:
            super().sleep(secs)


def _read(real: str, mode: str):
    with open(real, mode) as f:
        return f.read()


def _write(real: str, data: bytes) -> None:
    with open(real, 'wb') as f:
        f.write(data)
