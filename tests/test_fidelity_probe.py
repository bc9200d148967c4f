"""Snippets in the style of generated programs whose output must match CPython exactly."""
from __future__ import annotations

import pytest

from tests.builtins.modules.oracle import assert_same

SNIPPETS = {
    'format_nested_auto_numbering': '''
        print("{:>{}}".format("z", 4), "{:{}.{}f}|{}".format(3.14159, 8, 2, "end"))
        for f in ["{:{1}}", "{0:{}}"]:
            try:
                print(f.format("a", 3))
            except ValueError as e:
                print(e)
    ''',
}


@pytest.mark.parametrize('name', sorted(SNIPPETS))
def test_matches_cpython(name: str) -> None:
    assert_same(SNIPPETS[name])
