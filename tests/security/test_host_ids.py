"""``id()`` and the addresses in default reprs never show host memory addresses."""
import re

from monty.objects.model import host_value_id

from .helpers import run

VALUES = ['1', '"text"', '[]', '{}', '(1, 2)', 'None', 'iter([])', 'zip()', 'enumerate([])',
          'object()', 'len', '[].append']


def test_ids_of_host_values_are_not_their_addresses():
    probe = [1, 'text', [], {}, (1, 2), None]
    assert all(host_value_id(v) != id(v) for v in probe)
    code = 'xs = [' + ', '.join(VALUES) + ']\n[id(x) for x in xs]'
    ids = run(code)
    assert len(set(ids)) == len(VALUES)
    assert all(i % 8 == 0 or i % 2 == 1 for i in ids)


def test_identity_rule_holds():
    code = ('a = [1]\nb = [1]\nc = a\nd = (1, 2)\n'
            '(id(a) == id(c), id(a) == id(b), id(d) == id(d), id(None) == id(None),'
            ' id(a) == id(object()))')
    assert run(code) == (True, False, True, True, False)


def test_distinct_live_objects_get_distinct_ids():
    code = 'xs = [[i] for i in range(2000)] + [object() for _ in range(2000)]\n' \
           'len({id(x) for x in xs})'
    assert run(code) == 4000


def _addresses(text: str) -> list[int]:
    return [int(h, 16) for h in re.findall(r'at (0x[0-9a-f]+)>', text)]


def test_reprs_show_the_monty_id():
    code = ('l = []\nit = iter(l)\nz = zip()\nm = l.append\n'
            '(repr(it), str([z]), f"{m}", id(it), id(z), id(l))')
    r_it, r_z, r_m, id_it, id_z, id_l = run(code)
    assert _addresses(r_it) == [id_it] and r_it.startswith('<list_iterator object at')
    assert _addresses(r_z) == [id_z] and r_z.startswith('[<zip object at')
    assert _addresses(r_m) == [id_l] and r_m.startswith('<built-in method append of list')


def test_iterator_of_a_getitem_class_reads_like_cpython():
    code = ('class C:\n    def __getitem__(self, i):\n        raise IndexError\n'
            'x = iter(C())\nrepr(x) == f"<iterator object at {hex(id(x))}>"')
    assert run(code) is True
