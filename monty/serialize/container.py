"""The snapshot container: a 7-byte header, a msgpack payload and an optional HMAC-SHA256.

Layout: ``b'MNTY'`` | format version (1 byte) | kind (1 byte) | flags (1 byte) | payload |
signature (32 bytes, present when flag ``SIGNED`` is set; it covers header and payload).
"""
from __future__ import annotations

import hashlib
import hmac

MAGIC = b'MNTY'
FORMAT_VERSION = 2
HEADER_SIZE = 7
SIGNED = 1
SIG_SIZE = 32

KINDS = {'program': 1, 'function': 2, 'os': 3, 'name': 4, 'future': 5, 'repl': 6,
         'repl-paused': 7}
KIND_NAMES = {v: k for k, v in KINDS.items()}


def kind_code(kind: str) -> int:
    try:
        return KINDS[kind]
    except (KeyError, TypeError):
        raise ValueError(f'unknown snapshot kind {kind!r}') from None


def _check_key(key) -> None:
    if key is not None and not isinstance(key, (bytes, bytearray)):
        raise TypeError(f'key must be bytes, not {type(key).__name__}')


def wrap(kind: str, payload: bytes, key: bytes | None = None) -> bytes:
    """Put ``payload`` in a container of ``kind``, signed when ``key`` is given."""
    _check_key(key)
    flags = SIGNED if key is not None else 0
    head = MAGIC + bytes((FORMAT_VERSION, kind_code(kind), flags))
    body = head + payload
    if key is not None:
        body += hmac.new(bytes(key), body, hashlib.sha256).digest()
    return body


def unwrap(data, kinds, key: bytes | None = None) -> tuple[int, str, bytes]:
    """Check the header (and signature); returns ``(version, kind, payload)``."""
    _check_key(key)
    if not isinstance(data, (bytes, bytearray, memoryview)):
        raise TypeError(f'snapshot data must be bytes, not {type(data).__name__}')
    data = bytes(data)
    if len(data) < HEADER_SIZE or data[:4] != MAGIC:
        raise ValueError('not a Monty snapshot (bad magic bytes)')
    version, code, flags = data[4], data[5], data[6]
    if version == 0 or version > FORMAT_VERSION:
        raise ValueError(f'unsupported snapshot format version {version} '
                         f'(this Monty reads versions 1 to {FORMAT_VERSION})')
    kind = KIND_NAMES.get(code)
    if kind is None:
        raise ValueError(f'unknown snapshot kind code {code}')
    if kind not in kinds:
        raise ValueError(f'expected a {" or ".join(kinds)} snapshot, got a {kind} snapshot')
    if flags & ~SIGNED:
        raise ValueError(f'unknown snapshot flags {flags:#x}')
    payload = data[HEADER_SIZE:]
    if flags & SIGNED:
        if len(payload) < SIG_SIZE:
            raise ValueError('snapshot truncated: signature missing')
        payload, sig = payload[:-SIG_SIZE], payload[-SIG_SIZE:]
        if key is None:
            raise ValueError('snapshot is signed: pass key= to load it')
        want = hmac.new(bytes(key), data[:-SIG_SIZE], hashlib.sha256).digest()
        if not hmac.compare_digest(sig, want):
            raise ValueError('snapshot signature does not match (wrong key or tampered data)')
    elif key is not None:
        raise ValueError('snapshot is not signed but a key was given')
    return version, kind, payload
