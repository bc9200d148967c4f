"""Classes with ``__slots__``, their member descriptors and slotted instances in snapshots."""
import pytest

from monty import Monty, MontyRepl, load_snapshot
from monty.serialize.classes import slots_of
from monty.objects import model as M

from .test_format import _rewrite

POINT = 'class P:\n    __slots__ = ("x", "y")\n    def __init__(self): self.x = 1\np = P()'


def test_a_repl_with_a_slotted_class_saves_and_loads():
    repl = MontyRepl()
    repl.feed(POINT)
    back = MontyRepl.load(repl.dump())
    assert back.feed('p.x, repr(P.x), type(P.y).__name__') == \
        (1, "<member 'x' of 'P' objects>", 'member_descriptor')
    assert back.feed('P.x.__objclass__ is P, hasattr(p, "y")') == (True, False)
    back.feed('p.y = 5\nq = P()')
    assert back.feed('p.y, q.x, P.y.__get__(p)') == (5, 1, 5)


def test_slot_restrictions_survive_a_round_trip():
    repl = MontyRepl()
    repl.feed(POINT + '\nclass D(P):\n    pass\nd = D()\nd.y = 2\nd.z = 3')
    back = MontyRepl.load(repl.dump())
    assert back.feed('d.__dict__, d.x, d.y') == ({'z': 3}, 1, 2)
    assert back.feed('try:\n    p.z = 1\nexcept AttributeError as e:\n    r = str(e)\nr') == \
        "'P' object has no attribute 'z'"


def test_a_paused_program_holding_a_slotted_instance_resumes_elsewhere():
    code = POINT + '\np.y = fetch()\n(p.x, p.y, P.y)'
    data = Monty(code).start().dump()
    done = load_snapshot(data).resume(return_value=7)
    assert done.output[:2] == (1, 7)


def test_dataclass_with_slots_round_trips():
    repl = MontyRepl()
    repl.feed('from dataclasses import dataclass\n@dataclass(slots=True)\nclass C:\n'
              '    a: int\n    b: str = "z"\nc = C(1)')
    back = MontyRepl.load(repl.dump())
    assert back.feed('c, C.__slots__, hasattr(c, "__dict__"), C(2, "w")') == \
        (back.feed('C(1)'), ('a', 'b'), False, back.feed('C(2, "w")'))
    assert back.feed('repr(c)') == "C(a=1, b='z')"


def test_same_slot_name_in_two_classes_keeps_two_values():
    repl = MontyRepl()
    repl.feed('class A:\n    __slots__ = ("v",)\nclass B(A):\n    __slots__ = ("v",)\n'
              'b = B()\nA.v.__set__(b, 1)\nb.v = 2')
    back = MontyRepl.load(repl.dump())
    assert back.feed('A.v.__get__(b), b.v') == (1, 2)


def test_instance_layout_keeps_new_fields_last():
    assert slots_of(M.Instance)[-1] == 'slotvals'
    assert slots_of(M.ExcInstance)[:3] == ('mcls', 'attrs', 'mid')
    assert slots_of(M.ExcInstance)[-1] == 'slotvals'


def _records_of(raw, class_name: str) -> list:
    names = raw[0]
    return [r for r in raw[3] if r[0] == 6 and names[r[1].i] == class_name]


def _paused_point() -> bytes:
    return Monty(POINT + '\nfetch()\np.x').start().dump()


def _break_member_name(raw):
    _records_of(raw, 'C:monty.objects.model.SlotMember')[0][2] = 12


def _break_slot_values(raw):
    inst = [r for r in _records_of(raw, 'C:monty.objects.model.Instance') if len(r) == 6]
    inst[0][5] = 12


def _break_field_count(raw):
    _records_of(raw, 'C:monty.objects.model.Instance')[0].append(None)


@pytest.mark.parametrize('change, message', [
    (_break_member_name, 'malformed SlotMember: bad name'),
    (_break_slot_values, 'malformed Instance: bad slotvals'),
    (_break_field_count, 'malformed Instance: wrong number of fields'),
])
def test_malformed_slot_data_is_rejected(change, message):
    with pytest.raises(ValueError, match=message):
        load_snapshot(_rewrite(_paused_point(), change))


def test_slotted_instances_of_library_classes_keep_their_values():
    # library classes are rebuilt by name on load; their instances' slot values must follow
    repl = MontyRepl()
    repl.feed('from collections.abc import KeysView\nkv = KeysView({1: 2})')
    again = MontyRepl.load(MontyRepl.load(repl.dump()).dump())
    assert again.feed('list(kv)') == [1]
