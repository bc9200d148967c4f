"""Plain containers written in place: identity, cycles, odd values and older formats."""
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from monty import FunctionSnapshot, Monty, MontyRepl, load_snapshot
from monty.builtins import types as T
from monty.serialize import dump_state, load_state
from monty.serialize.inline import MAX_DEPTH

DATA = Path(__file__).parent / 'data'


def roundtrip(value):
    return load_state(dump_state('repl', value), 'repl')


def same_graph(a, b, pairs=None) -> bool:
    """Equal values with the same sharing: each container of ``a`` maps to one of ``b``."""
    pairs = {} if pairs is None else pairs
    if type(a) is not type(b):
        return False
    if type(a) not in (list, tuple, dict, set, frozenset):
        return a == b or (a != a and b != b)
    if id(a) in pairs:
        return pairs[id(a)] is b
    if any(v is b for v in pairs.values()):
        return False
    pairs[id(a)] = b
    if type(a) is dict:
        return list(a) == list(b) and all(same_graph(a[k], b[k], pairs) for k in a)
    if type(a) in (set, frozenset):
        return a == b
    return len(a) == len(b) and all(same_graph(x, y, pairs) for x, y in zip(a, b))


def test_a_list_met_twice_is_still_one_list():
    inner = [1, 2]
    value = {'a': inner, 'b': [inner, {'c': inner}], 't': (inner,)}
    out = roundtrip(value)
    assert out['a'] is out['b'][0] is out['b'][1]['c'] is out['t'][0]
    assert same_graph(value, out)


def test_cycles_through_lists_dicts_and_tuples():
    loop = [1]
    loop.append(loop)
    d = {'k': 'v'}
    d['self'] = [d]
    t = ([],)
    t[0].append(t)
    out = roundtrip([loop, d, t])
    assert out[0][1] is out[0]
    assert out[1]['self'][0] is out[1]
    assert out[2][0][0] is out[2]


def test_a_container_whose_parent_needs_a_node_keeps_its_identity():
    inner = [1, 'x']
    value = [inner, range(3), {'again': inner}]    # a range is always a node
    out = roundtrip(value)
    assert out == value and out[2]['again'] is out[0]


def test_odd_values_inside_plain_containers():
    long = 's' * 100
    value = {'big': [2 ** 70, -2 ** 70], 'c': (1 + 2j,), 'long': [long, long], 'n': None,
             (1, 2): 'tuple key', 7: 'int key', long: 'long key', b'k': {1.5, 'a', (1, 2)},
             'f': frozenset({1, 2}), 'types': [T.INT, T.STR], 'nan': float('nan')}
    out = roundtrip(value)
    assert same_graph(value, out)
    assert out['long'][0] is out['long'][1] and out['types'][0] is T.INT


def test_strings_with_lone_surrogates():
    value = ['a\ud800', {'\udfff': 'x' * 60 + '\ud800'}]
    assert roundtrip(value) == value
    snap = Monty('s = "a\\ud800"\nfetch()\ns == "a" + chr(0xD800)').start()
    assert load_snapshot(snap.dump()).resume(return_value=None).output is True


def test_deep_nesting_round_trips():
    for make in (lambda x: [x], lambda x: (x,), lambda x: {'k': x}):
        value = 0
        for _ in range(MAX_DEPTH * 4):
            value = make(value)
        assert roundtrip(value) == value


def test_bytes_are_stable_across_a_round_trip():
    shared = [1, 2]
    value = {'a': shared, 'b': shared, 'c': [{'x': i} for i in range(5)], 'r': range(2)}
    data = dump_state('repl', value)
    assert dump_state('repl', load_state(data, 'repl')) == data


@settings(max_examples=60, deadline=None)
@given(st.data())
def test_random_graphs_with_sharing(data):
    atoms = st.one_of(st.integers(), st.text(max_size=60), st.none(), st.booleans(),
                      st.floats(allow_nan=False))
    pool: list = []

    def grow(children):
        made = st.one_of(st.lists(children, max_size=4), st.tuples(children, children),
                         st.dictionaries(st.text(max_size=3), children, max_size=3))
        return made.map(lambda c: (pool.append(c), c)[1])

    value = data.draw(st.recursive(atoms, grow, max_leaves=12))
    if pool:
        value = [value, data.draw(st.sampled_from(pool)), data.draw(st.sampled_from(pool))]
    assert same_graph(value, roundtrip(value))


def test_format_version_1_snapshots_still_load():
    snap = load_snapshot((DATA / 'paused.bin').read_bytes())
    assert isinstance(snap, FunctionSnapshot) and snap.function_name == 'fetch'
    assert snap.resume(return_value=7).output == (True, 7, ['fig', 'pear'], [0, 1, 2], 'xxx')
    program = Monty.load((DATA / 'program.bin').read_bytes())
    assert program.start().resume(return_value=1).output[1] == 1
    repl = MontyRepl.load((DATA / 'repl.bin').read_bytes())
    assert repl.feed('(xs, d)') == ([0.23796462709189137, 0.5442292252959519],
                                    {'k': [1, 2], 't': (3, 4)})


def test_a_thousand_small_dicts_stay_compact():
    code = 'items = [{"id": i, "name": "item" + str(i), "tags": [i % 3, i % 5]} ' \
           'for i in range(1000)]\nfetch()\nitems[999]["tags"]'
    data = Monty(code).start().dump()
    assert len(data) <= 31_000      # format 1 needed 38.5 KB
    assert load_snapshot(data).resume(return_value=None).output == [0, 4]
