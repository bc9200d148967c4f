"""json under Monty prints exactly what it prints under CPython."""
import pytest

from .oracle import assert_same as same_as_cpython, monty_output

CASES = [
    'import json\nprint(json.dumps({"a": [1, 2.5, None, True], "b": "é\\n"}))',
    'import json\nprint(json.dumps({"b": 1, "a": {"x": []}}, indent=2, sort_keys=True))',
    'import json\nprint(json.dumps([1, {}], separators=(",", ":"), ensure_ascii=False))',
    'import json\nprint(json.dumps("é", ensure_ascii=False), json.dumps((1, 2)))',
    'import json\nprint(json.dumps([[[]], {"a": {}}], indent="\\t"), json.dumps({"a": 1}, indent=0))',
    'import json\nprint(json.dumps([float("inf"), -float("inf"), float("nan"), 1e300, -0.0]))',
    'import json\nprint(json.dumps({(1, 2): 3, 1: 2, 2.5: 1, None: 0, True: 1}, skipkeys=True))',
    '''
    import json
    class P:
        def __init__(self, x): self.x = x
    print(json.dumps([P(3)], default=lambda o: {"x": o.x}))
    try:
        json.dumps(P(1))
    except TypeError as e:
        print(e)
    ''',
    '''
    import json
    for bad in [{(1, 2): 3}, float("nan")]:
        try:
            json.dumps(bad, allow_nan=False)
        except (TypeError, ValueError) as e:
            print(type(e).__name__, e)
    a = []
    a.append(a)
    try:
        json.dumps(a)
    except ValueError as e:
        print(e)
    ''',
    '''
    import json
    for s in ['', '[1,', '{"a" 1}', 'nan', '[1] x', '"abc', '{"a": 1}\\n\\n  x']:
        try:
            json.loads(s)
        except json.JSONDecodeError as e:
            print(type(e).__name__, e, e.msg, e.pos, e.lineno, e.colno, isinstance(e, ValueError))
    ''',
    '''
    import json
    print(json.loads('{"a": [1, 2.5, null, true, "x"]}'), json.loads(b'[1]'))
    print(json.loads('{"a": 1, "b": 2}', object_hook=lambda d: sorted(d.items())))
    print(json.loads('[1, 2.5]', parse_float=str, parse_int=float), json.loads('[NaN, Infinity]'))
    print(json.loads('[["a", 1]]', object_pairs_hook=dict), json.loads('{"a": [1]}', object_pairs_hook=list))
    try:
        json.loads(5)
    except TypeError as e:
        print(e)
    ''',
    '''
    import json
    class Enc(json.JSONEncoder):
        def default(self, o):
            if isinstance(o, set):
                return sorted(o)
            return super().default(o)
    print(json.dumps({"s": {3, 1}}, cls=Enc), Enc(indent=1).encode([1]))
    try:
        json.dumps({"s": object()}, cls=Enc)
    except TypeError as e:
        print(e)
    print(json.JSONDecodeError, json.JSONEncoder, issubclass(json.JSONDecodeError, ValueError))
    ''',
    '''
    import json
    try:
        raise json.JSONDecodeError("boom", "ab\\ncd", 4)
    except ValueError as e:
        print(repr(e), e.lineno, e.colno, e.doc)
    ''',
    '''
    import json
    x = []
    for i in range(5000):
        x = [x]
    try:
        json.dumps(x)
    except RecursionError as e:
        print(e)
    ''',
    '''
    import json
    class W:
        def __init__(self): self.parts = []
        def write(self, s): self.parts.append(s)
        def read(self): return "".join(self.parts)
    w = W()
    json.dump({"k": [1, 2]}, w, sort_keys=True)
    print(w.read(), json.load(w))
    ''',
]


@pytest.mark.parametrize('src', CASES)
def test_matches_cpython(src):
    same_as_cpython(src)


def test_uncaught_decode_error_names_its_module():
    import monty
    with pytest.raises(monty.MontyRuntimeError) as info:
        monty_output('import json\njson.loads("[")')
    assert 'json.decoder.JSONDecodeError: Expecting value: line 1 column 2 (char 1)' in str(
        info.value.display() if hasattr(info.value, 'display') else info.value)
