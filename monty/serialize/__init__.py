"""Saving engine state to bytes and back: programs, paused executions, REPL sessions.

``dump_state(kind, payload)`` writes any value the VM can hold (a dict of globals, frames,
...) as a versioned, optionally signed container; ``load_state`` reads it back, checking
everything, and raises ValueError for anything malformed.  See docs/SNAPSHOTS.md.
"""
from __future__ import annotations

import gc
from contextlib import contextmanager

import msgpack

from ..vm import protocol as P
from .container import FORMAT_VERSION, KINDS, unwrap, wrap
from .graph import Decoder, Encoder, ext_hook
from .tags import N_LIST
from .inline import pack_default
from .modstate import module_states, restore_module_states
from .registry import VMRegistry, builtin_registry
from .validate import check_objects

__all__ = ['dump_state', 'load_state', 'encode_payload', 'decode_payload', 'FORMAT_VERSION',
           'KINDS', 'MIGRATIONS', 'register_class']

from .classes import register_class  # noqa: E402



def _v1_to_v2(raw):
    """Version 2 added in-place containers (a version 1 payload never has them) and the
    modules' own state as a sixth payload item (none in version 1)."""
    if type(raw) is not tuple or len(raw) != 5:
        raise ValueError('malformed version 1 payload')
    return raw + ((N_LIST,),)      # an empty in-place list


# version -> function turning a decoded payload of that version into the next version's
MIGRATIONS: dict = {1: _v1_to_v2}
MAX_PAYLOAD = 1 << 30


class _BaseRegistry:
    """A registry view for dumping/loading without an interpreter (builtins only)."""

    def __init__(self):
        self.base = builtin_registry()

    def name_of(self, obj):
        return self.base.name_of(obj)

    def id_tables(self) -> tuple:
        return self.base.by_id, {}, self.base.containers

    def lookup(self, name: str):
        obj = self.base.by_name.get(name)
        if obj is None:
            raise ValueError(f'snapshot refers to an unknown builtin object {name!r}')
        return obj

    def import_module(self, name: str):
        raise ValueError(f'snapshot refers to module {name!r} but has no interpreter')


def _registry(vm):
    return VMRegistry(vm) if vm is not None else _BaseRegistry()


@contextmanager
def _collector_paused():
    """Building thousands of containers would run the cycle collector many times over
    objects that are all alive; pause it for the duration."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


def encode_payload(root, vm=None) -> bytes:
    """The msgpack bytes of ``root`` and everything it reaches."""
    with _collector_paused():
        enc = Encoder(_registry(vm), vm)
        modules = module_states(vm) if vm is not None else ()
        payload = enc.encode(root, modules)
        try:
            return msgpack.packb(payload, use_bin_type=True, default=pack_default)
        except UnicodeEncodeError:       # a str holding lone surrogates (legal in Python)
            return msgpack.packb(payload, use_bin_type=True, default=pack_default,
                                 unicode_errors='surrogatepass')


def decode_payload(data: bytes, vm=None, version: int = FORMAT_VERSION):
    """Inverse of ``encode_payload``; every failure is a ValueError."""
    prev = P.current[0]
    try:
        with _collector_paused():
            return _decode(data, vm, version)
    except ValueError as e:
        raise ValueError(f'cannot load snapshot: {e}') from None
    except Exception as e:  # noqa: BLE001 - malformed input must only ever give ValueError
        raise ValueError(f'cannot load snapshot: malformed data ({type(e).__name__}: {e})') \
            from None
    finally:
        P.current[0] = prev


def _decode(data: bytes, vm, version: int):
    raw = msgpack.unpackb(data, use_list=False, raw=False, ext_hook=ext_hook,
                          strict_map_key=False, unicode_errors='surrogatepass')
    for v in range(version, FORMAT_VERSION):
        raw = MIGRATIONS[v](raw)
    if vm is not None:
        P.current[0] = vm
    registry = _registry(vm)
    dec = Decoder(registry, vm)
    root = dec.decode(raw)
    restore_module_states(vm, registry, dec.module_states)
    check_objects(dec.objs, vm)
    dec.bump_ids()
    return root


def dump_state(kind: str, payload, key: bytes | None = None, *, vm=None) -> bytes:
    """Serialize ``payload`` as a container of ``kind`` (signed with HMAC-SHA256 if ``key``)."""
    return wrap(kind, encode_payload(payload, vm), key)


def load_state(data, kind, key: bytes | None = None, *, vm=None):
    """Read a container written by ``dump_state``; ``kind`` is a name or a tuple of names."""
    kinds = (kind,) if isinstance(kind, str) else tuple(kind)
    version, _, payload = unwrap(data, kinds, key)
    return decode_payload(payload, vm, version)


def load_kind(data, kinds, key=None, *, vm=None):
    """Like ``load_state`` but also returns which kind it was."""
    version, got, payload = unwrap(data, tuple(kinds), key)
    return got, decode_payload(payload, vm, version)
