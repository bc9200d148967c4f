"""What every OS handler shares: dispatch by operation name, errors, environment and clock."""
from __future__ import annotations

import datetime as _dt
import errno
import os
import posixpath
import time
from pathlib import PurePosixPath

# operation name (as Monty sends it) -> handler method
OPERATIONS = {
    'Path.exists': 'exists', 'Path.is_file': 'is_file', 'Path.is_dir': 'is_dir',
    'Path.read_text': 'read_text', 'Path.read_bytes': 'read_bytes',
    'Path.write_text': 'write_text', 'Path.write_bytes': 'write_bytes',
    'Path.iterdir': 'iterdir', 'Path.mkdir': 'mkdir', 'Path.unlink': 'unlink',
    'Path.rmdir': 'rmdir', 'Path.stat': 'stat', 'Path.rename': 'rename',
    'Path.resolve': 'resolve', 'os.getcwd': 'getcwd', 'os.getenv': 'getenv',
    'os.environ': 'environ', 'time.sleep': 'sleep', 'random.entropy': 'entropy',
    'datetime.now': 'now', 'datetime.today': 'today', 'datetime.utcnow': 'utcnow',
    'date.today': 'date_today', 'datetime.fromtimestamp': 'fromtimestamp',
    'date.fromtimestamp': 'date_fromtimestamp', 'datetime.astimezone': 'astimezone',
    'datetime.timestamp': 'timestamp',
}
CLOCKS = ('time', 'monotonic', 'perf_counter', 'process_time')
for _name in CLOCKS:
    OPERATIONS[f'time.{_name}'] = 'clock'
    OPERATIONS[f'time.{_name}_ns'] = 'clock_ns'


def os_error(cls, code: int, *paths) -> OSError:
    """``cls(code, strerror, path[, None, path2])`` worded like the real OS."""
    names = [str(p) for p in paths]
    if len(names) == 2:
        return cls(code, os.strerror(code), names[0], None, names[1])
    return cls(code, os.strerror(code), *names)


def not_found(path) -> OSError:
    return os_error(FileNotFoundError, errno.ENOENT, path)


def denied(path) -> OSError:
    return os_error(PermissionError, errno.EACCES, path)


class OSHandler:
    """Answers OS calls by name; subclasses supply the file operations.

    The clock is the host's unless ``now`` fixes it (a datetime, naive meaning UTC, or a POSIX
    timestamp); ``time.sleep`` then moves it forward instead of waiting.
    """

    def __init__(self, env: dict | None = None, now=None, cwd: str = '/'):
        self.env = {str(k): str(v) for k, v in (env or {}).items()}
        self.cwd = cwd
        self.local_tz = _dt.timezone.utc
        self._fixed = _timestamp(now) if now is not None else None
        self._slept = 0.0

    def __call__(self, function_name: str, args: tuple = (), kwargs: dict | None = None):
        method = OPERATIONS.get(function_name)
        if method is None:
            raise NotImplementedError(f'OS operation {function_name!r} is not supported')
        return getattr(self, method)(*args, **(kwargs or {}))

    # paths
    def absolute(self, path) -> str:
        """The normalised absolute virtual path for ``path``."""
        return posixpath.normpath(posixpath.join(self.cwd, str(path)))

    def getcwd(self) -> str:
        return self.cwd

    def resolve(self, path) -> PurePosixPath:
        return PurePosixPath(self.absolute(path))

    # text files, through the backend's read_bytes/write_bytes
    def read_text(self, path) -> str:
        return self.read_bytes(path).decode('utf-8')

    def write_text(self, path, data) -> int:
        self.write_bytes(path, data.encode('utf-8'))
        return len(data)

    # environment
    def getenv(self, key: str, default=None):
        return self.env.get(key, default)

    def environ(self) -> dict:
        return dict(self.env)

    def entropy(self) -> int:
        return int.from_bytes(os.urandom(16), 'big')

    # clock
    def _now(self) -> float:
        base = self._fixed if self._fixed is not None else time.time()
        return base + self._slept

    def clock(self) -> float:
        return self._now()

    def clock_ns(self) -> int:
        return int(self._now() * 1_000_000_000)

    def sleep(self, secs) -> None:
        self._slept += secs

    def now(self, tz=None):
        if tz is not None:
            return _dt.datetime.fromtimestamp(self._now(), tz)
        return self.fromtimestamp(self._now())

    def today(self):
        return self.now()

    def utcnow(self):
        return _dt.datetime.fromtimestamp(self._now(), _dt.timezone.utc).replace(tzinfo=None)

    def date_today(self):
        return self.now().date()

    def fromtimestamp(self, t):
        return _dt.datetime.fromtimestamp(t, self.local_tz).replace(tzinfo=None)

    def date_fromtimestamp(self, t):
        return self.fromtimestamp(t).date()

    def astimezone(self, value):
        if value.tzinfo is None:
            return value.replace(tzinfo=self.local_tz)
        return value.astimezone(self.local_tz)

    def timestamp(self, value) -> float:
        return value.replace(tzinfo=self.local_tz).timestamp()


def _timestamp(now) -> float:
    if isinstance(now, _dt.datetime):
        if now.tzinfo is None:
            now = now.replace(tzinfo=_dt.timezone.utc)
        return now.timestamp()
    if isinstance(now, (int, float)) and not isinstance(now, bool):
        return float(now)
    raise TypeError(f'now must be a datetime or a timestamp, not {type(now).__name__}')
