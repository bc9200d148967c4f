"""bytes and bytearray methods behave like CPython's, and their size bombs hit the limits."""
import pytest

from monty import Monty, MontyRuntimeError, ResourceLimits

from tests.builtins.modules.oracle import assert_same


def test_bytearray_has_the_bytes_methods():
    assert_same('''
        ba = bytearray(b"hello world\\tx")
        print(ba.upper(), ba.title(), ba.split(), ba.center(20, b"*"), ba.zfill(16))
        print(ba.replace(b"o", b"0"), bytearray(b"-").join([b"a", bytearray(b"b")]), ba.expandtabs(4))
        print(ba.startswith(b"he"), ba.isalpha(), ba.partition(b" "), ba.strip(b"hx"))
        print(bytearray.fromhex("41 42"), bytes.maketrans(b"ab", b"xy"), ba.translate(None, b"l"))
        ba.insert(0, 33); print(ba, type(ba.upper()).__name__, type(ba.split()[0]).__name__)
        print(b"a\\tb".expandtabs(3), bytes.fromhex("ff00").hex(":"), b"x".ljust(3, b"."))
    ''')


@pytest.mark.parametrize('bomb', [
    "b''.join([b'x' * 1000] * 100000)",
    "bytearray(b'').join([b'x' * 1000] * 100000)",
    "(b'ab' * 1000).replace(b'', b'x' * 10000)",
    "bytearray(b'ab' * 1000).replace(b'a', b'y' * 100000)",
    "b'x'.center(10**9)",
    "bytearray(b'x').ljust(10**9)",
    "(b'\\t' * 1000).expandtabs(10**6)",
])
def test_bytes_size_bombs_are_refused(bomb):
    with pytest.raises(MontyRuntimeError) as err:
        Monty(bomb).run(limits=ResourceLimits(max_memory=10_000_000))
    assert type(err.value.exception()) is MemoryError
