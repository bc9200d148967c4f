"""``io``: in-memory text and byte streams (``StringIO``, ``BytesIO``), written in Monty.

Writes at the end of the buffer are queued and joined on the next read, seek or ``getvalue``,
so building a text with many ``write``/``print(..., file=s)`` calls stays linear; writing past
the end pads with NULs like CPython (the padding is an ordinary, limit-checked allocation).
"""
from __future__ import annotations

SOURCE = r'''
__all__ = ['StringIO', 'BytesIO', 'IOBase', 'TextIOBase', 'BufferedIOBase', 'SEEK_SET',
           'SEEK_CUR', 'SEEK_END', 'UnsupportedOperation']

SEEK_SET = 0
SEEK_CUR = 1
SEEK_END = 2


class UnsupportedOperation(OSError, ValueError):
    __module__ = 'io'


def _size(size):
    if size is None:
        return -1
    if not isinstance(size, int):
        raise TypeError(f'argument should be integer or None, not {type(size).__name__!r}')
    return size


class _IOBase:
    __module__ = '_io'

    def __enter__(self):
        self._check()
        return self

    def __exit__(self, *exc):
        self.close()

    def __iter__(self):
        if self._closed:
            raise ValueError('I/O operation on closed file.')
        return self

    def __next__(self):
        line = self.readline()
        if not line:
            raise StopIteration
        return line

    @property
    def closed(self):
        return self._closed

    def close(self):
        self._closed = True

    def flush(self):
        self._check()

    def readable(self):
        self._check()
        return True

    def writable(self):
        self._check()
        return True

    def seekable(self):
        self._check()
        return True

    def isatty(self):
        self._check()
        return False

    def _check(self):
        if self._closed:
            raise ValueError('I/O operation on closed file')

    def _value(self):
        """The whole buffer, pending end-writes joined in."""
        if self._pending:
            self._buf = self._buf + self._EMPTY.join(self._pending)
            self._pending = []
        return self._buf

    def getvalue(self):
        self._check()
        return self._value()

    def tell(self):
        self._check()
        return self._pos

    def seek(self, pos, whence=0):
        self._check()
        pos = pos.__index__() if not isinstance(pos, int) else pos
        if whence == 0:
            if pos < 0:
                raise ValueError(f'Negative seek position {pos}')
            self._pos = pos
        elif whence == 1 or whence == 2:
            if pos != 0 and self._STRICT_SEEK:
                raise OSError(f"Can't do nonzero {('cur', 'end')[whence - 1]}-relative seeks")
            base = self._pos if whence == 1 else len(self._value())
            self._pos = max(0, base + pos)
        else:
            raise ValueError(f'Invalid whence ({whence}, should be 0, 1 or 2)')
        return self._pos

    def write(self, s):
        self._check()
        s = self._accept(s)
        n = len(s)
        if not n:
            return 0
        end = len(self._buf) + self._pending_len()
        if self._pos == end:
            self._pending.append(s)
        else:
            buf = self._value()
            if self._pos > len(buf):
                buf = buf + self._PAD * (self._pos - len(buf))
            self._buf = buf[:self._pos] + s + buf[self._pos + n:]
        self._pos += n
        return n

    def _pending_len(self):
        total = 0
        for piece in self._pending:
            total += len(piece)
        return total

    def writelines(self, lines):
        self._check()
        for line in lines:
            self.write(line)

    def read(self, size=-1):
        self._check()
        size = _size(size)
        buf = self._value()
        start = min(self._pos, len(buf))
        end = len(buf) if size < 0 else min(len(buf), start + size)
        self._pos = max(self._pos, end)
        return buf[start:end]

    def readline(self, size=-1):
        self._check()
        size = _size(size)
        buf = self._value()
        start = min(self._pos, len(buf))
        end = buf.find(self._NL, start)
        end = len(buf) if end < 0 else end + 1
        if size >= 0:
            end = min(end, start + size)
        self._pos = max(self._pos, end)
        return buf[start:end]

    def readlines(self, hint=-1):
        self._check()
        hint = _size(hint)
        lines = []
        total = 0
        while True:
            line = self.readline()
            if not line:
                return lines
            lines.append(line)
            total += len(line)
            if 0 < hint <= total:
                return lines

    def truncate(self, size=None):
        self._check()
        size = self._pos if size is None else _size(size)
        if size < 0:
            raise ValueError(f'Negative size value {size}')
        buf = self._value()
        if size < len(buf):
            self._buf = buf[:size]
        return size


class _TextIOBase(_IOBase):
    __module__ = '_io'


class _BufferedIOBase(_IOBase):
    __module__ = '_io'


class StringIO(_TextIOBase):
    """Text I/O implementation using an in-memory buffer."""
    __module__ = '_io'
    _EMPTY = ''
    _PAD = '\x00'
    _NL = '\n'
    _STRICT_SEEK = True

    def __init__(self, initial_value='', newline='\n'):
        if initial_value is None:
            initial_value = ''
        if not isinstance(initial_value, str):
            raise TypeError(f'initial_value must be str or None, not '
                            f'{type(initial_value).__name__}')
        self._buf = initial_value
        self._pending = []
        self._pos = 0
        self._closed = False

    def _accept(self, s):
        if not isinstance(s, str):
            raise TypeError(f'string argument expected, got {type(s).__name__!r}')
        return s


class BytesIO(_BufferedIOBase):
    """Buffered I/O implementation using an in-memory bytes buffer."""
    __module__ = '_io'
    _EMPTY = b''
    _PAD = b'\x00'
    _NL = b'\n'
    _STRICT_SEEK = False

    def __init__(self, initial_bytes=b''):
        self._buf = self._accept(b'' if initial_bytes is None else initial_bytes)
        self._pending = []
        self._pos = 0
        self._closed = False

    def _accept(self, s):
        if isinstance(s, bytearray):
            return bytes(s)
        if not isinstance(s, bytes):
            raise TypeError(f"a bytes-like object is required, not '{type(s).__name__}'")
        return s

    def read1(self, size=-1):
        return self.read(size)


IOBase = _IOBase
TextIOBase = _TextIOBase
BufferedIOBase = _BufferedIOBase
'''
