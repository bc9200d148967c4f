"""``io``: StringIO and BytesIO behave like CPython 3.11's in-memory streams."""
from __future__ import annotations

from tests.builtins.modules.oracle import assert_same, monty_output

SCRIPT = "import io\ns=io.StringIO('abc\\ndef\\n')\nprint(repr(s.read(2)), s.tell(), repr(s.readline()), s.readlines(), s.tell())\ns.seek(1); s.write('XY'); print(repr(s.getvalue()), s.tell())\ns.seek(20); s.write('z'); print(repr(s.getvalue()))\nfor e in [lambda: s.write(3), lambda: s.seek(1,1), lambda: s.seek(-1), lambda: s.seek(0,3), lambda: s.read('a'), lambda: io.StringIO(3), lambda: s.truncate(-1), lambda: io.BytesIO().write('x'), lambda: io.BytesIO('x'), lambda: s.readline(None) ]:\n  try: print(e())\n  except Exception as x: print(type(x).__name__, x)\nprint(s.seek(0,2), s.truncate(3), repr(s.getvalue()), s.tell())\ns.close(); print(s.closed)\nfor e in [lambda: s.write('a'), lambda: s.getvalue(), lambda: s.read(), lambda: s.tell(), lambda: iter(s), lambda: s.seek(0)]:\n  try: print(e())\n  except Exception as x: print(type(x).__name__, x)\nb=io.BytesIO(b'ab\\ncd'); print(b.read(1), b.readline(), list(b), b.getvalue(), b.seek(0), b.write(bytearray(b'zz')), b.getvalue())\nprint(io.StringIO(None).getvalue()=='', type(s), type(b))\nwith io.StringIO() as t:\n    print('x', 1, [2], file=t)\n    print(t.getvalue())\nprint(t.closed, io.StringIO().readable(), io.StringIO().writable(), io.StringIO().seekable())\nprint(io.StringIO('a').write('')); print(io.StringIO().writelines(['a','b']))\ns=io.StringIO('hello'); print(s.tell(), s.read(-5), s.read(), s.read(), s.readline(0) )\ns=io.StringIO()\nfor i in range(5): s.write(str(i)); s.write('\\n')\ns.seek(0)\nfor line in s: print(repr(line))\nprint(isinstance(s, io.StringIO), isinstance(s, io.TextIOBase), isinstance(s, io.IOBase), isinstance(b, io.BufferedIOBase))\nprint(io.SEEK_END, issubclass(io.UnsupportedOperation, OSError), issubclass(io.UnsupportedOperation, ValueError))\nb=io.BytesIO(); b.write(b'abc'); b.seek(-1, 2); print(b.read(), b.seek(-10, 1), b.tell())\nimport contextlib\nbuf = io.StringIO()\nwith contextlib.redirect_stdout(buf):\n    print('captured')\nprint(repr(buf.getvalue()))\n"


def test_stringio_and_bytesio_match_cpython():
    out = assert_same(SCRIPT)
    assert "'aXY\\ndef\\n" in out
    assert 'I/O operation on closed file' in out


def test_print_to_stringio_and_repr():
    out = assert_same("""
        import io
        s = io.StringIO()
        print('a', 'b', sep='-', end='!', file=s)
        print(s.getvalue(), type(s).__name__, type(s).__module__)
        """)
    assert out == 'a-b! StringIO _io\n'
    assert monty_output('import io\nprint(io.StringIO())').startswith('<_io.StringIO object at 0x')


def test_many_writes_build_the_value():
    assert_same("""
        import io
        s = io.StringIO()
        for i in range(2000):
            s.write(f'{i},')
        print(len(s.getvalue()), s.getvalue()[-10:], s.tell())
        s.seek(3)
        s.write('XX')
        print(s.getvalue()[:8], s.tell(), s.read(4))
        """)
