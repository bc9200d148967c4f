"""The snapshot format: container, graph fidelity, determinism, sizes and validation."""
import subprocess
import sys
from pathlib import Path

import msgpack
import pytest

from monty import Monty, load_snapshot
from monty.serialize import dump_state, load_state
from monty.serialize.container import FORMAT_VERSION, HEADER_SIZE, MAGIC

ROOT = Path(__file__).resolve().parents[2]


def test_container_header():
    data = dump_state('repl', {'a': 1})
    assert data[:4] == MAGIC and data[4] == FORMAT_VERSION
    assert load_state(data, 'repl') == {'a': 1}


def test_shared_references_and_cycles_survive():
    inner = [1, 2]
    d = {'x': inner, 'y': inner, 't': (inner, 'a' * 100), 'big': 2 ** 100, 'c': 1 - 2j}
    d['me'] = d
    out = load_state(dump_state('repl', d), 'repl')
    assert out['x'] is out['y'] is out['t'][0]
    assert out['me'] is out
    assert (out['big'], out['c'], out['t'][1]) == (2 ** 100, 1 - 2j, 'a' * 100)


def test_monty_objects_keep_identity_across_a_snapshot():
    code = '''
class Node:
    def __init__(self, name):
        self.name = name
        self.peers = []
a, b = Node('a'), Node('b')
a.peers.append(b)
b.peers.append(a)
fetch()
(a.peers[0].peers[0] is a, type(a).__name__, isinstance(b, Node))
'''
    p = Monty(code).start()
    assert load_snapshot(p.dump()).resume(return_value=None).output == (True, 'Node', True)


def test_load_state_rejects_other_kinds_and_versions():
    data = dump_state('repl', [1])
    with pytest.raises(ValueError, match='expected a program snapshot'):
        load_state(data, 'program')
    future = data[:4] + bytes([FORMAT_VERSION + 1]) + data[5:]
    with pytest.raises(ValueError, match='unsupported snapshot format version'):
        load_state(future, 'repl')
    with pytest.raises(ValueError, match='bad magic'):
        load_state(b'XXXX' + data[4:], 'repl')
    with pytest.raises(ValueError, match='unknown snapshot kind'):
        dump_state('nonsense', 1)


def test_bytes_are_deterministic_even_across_hash_seeds():
    script = ('import sys; from monty import Monty; '
              'p = Monty("s = {\'pear\', \'fig\', \'kiwi\', (1, \'x\')}\\nfetch(s)").start(); '
              'sys.stdout.write(p.dump().hex())')
    outs = set()
    for seed in ('1', '2'):
        env = {'PYTHONHASHSEED': seed, 'PATH': '/usr/bin:/bin'}
        proc = subprocess.run([sys.executable, '-c', script], capture_output=True, text=True,
                              cwd=ROOT, env=env, timeout=60)
        assert proc.returncode == 0, proc.stderr
        outs.add(proc.stdout)
    assert len(outs) == 1
    p = Monty('x = [1, 2]\nfetch()').start()
    assert p.dump() == p.dump()


def test_sizes():
    assert len(Monty('').dump()) <= 100
    ten = '\n'.join(f'v{i} = {i} * 2' for i in range(10))
    assert len(Monty(ten).dump()) <= 500
    code = 'class P:\n    def __init__(self, i):\n        self.i = i\n' \
           'objs = [P(i) for i in range(1000)]\nfetch()'
    assert len(Monty(code).start().dump()) <= 50_000


def _rewrite(data: bytes, change) -> bytes:
    """Decode a payload, let ``change`` edit the code table, encode it again."""
    from monty.serialize.graph import ext_hook
    raw = msgpack.unpackb(data[HEADER_SIZE:], use_list=True, raw=False, ext_hook=ext_hook,
                          strict_map_key=False)
    change(raw)
    from monty.serialize.codes import CodeIndex
    from monty.serialize.graph import NamedRef, Ref, SPECIALS
    from monty.serialize import tags as G

    def default(o):
        kind = {Ref: G.EXT_REF, NamedRef: G.EXT_NAMED, CodeIndex: G.EXT_CODE}.get(type(o))
        if kind is not None:
            return msgpack.ExtType(kind, o.i.to_bytes(4, 'big'))
        if any(o is s for s in SPECIALS):
            return msgpack.ExtType(G.EXT_SPECIAL, bytes([[id(s) for s in SPECIALS].index(id(o))]))
        raise TypeError(type(o))
    return data[:HEADER_SIZE] + msgpack.packb(raw, default=default, use_bin_type=True)


@pytest.mark.parametrize('change, message', [
    (lambda raw: raw[2][0][12].__setitem__(0, 250), 'unknown opcode'),
    (lambda raw: raw[2][0][12].__setitem__(1, 'x' * 3) if False else
     raw[2][0][12].__setitem__(slice(0, 2), [5, 99]), 'malformed operand for LOAD_FAST'),
])
def test_bad_instructions_are_rejected(change, message):
    data = Monty('a = 1\nfetch(a)').dump()
    with pytest.raises(ValueError, match=message):
        Monty.load(_rewrite(data, change))


def test_unknown_builtin_names_are_rejected():
    p = Monty('x = len\nfetch()').start()
    data = p.dump()
    bad = data.replace(b'b:len', b'b:xen')
    with pytest.raises(ValueError, match="unknown builtin object 'b:xen'"):
        load_snapshot(bad)
