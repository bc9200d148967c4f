"""itertools under Monty prints exactly what it prints under CPython."""
import pytest

from .oracle import assert_same, monty_output

CASES = {
    'infinite': '''
        from itertools import count, cycle, repeat, islice
        c = count(5); print(next(c), next(c), c, count(1, 2), count(0.5))
        print(list(islice(count(10, -2), 4)), list(islice(cycle('ab'), 5)))
        print(list(repeat(3, 4)), repeat('x', 2), repeat('y'), list(zip('ab', repeat(0))))
    ''',
    'islice': '''
        from itertools import islice
        print(list(islice(range(10), 5)), list(islice('abcdefg', 2, None)))
        print(list(islice('abcdefg', 0, 6, 2)), list(islice('abc', None)), list(islice([], 3)))
        it = iter(range(10)); print(list(islice(it, 3)), next(it))
        for args in [(-1,), (0, 1, 0), ('a', 2)]:
            try:
                islice([], *args)
            except ValueError as e:
                print(e)
    ''',
    'accumulate_chain_compress': '''
        from itertools import accumulate, chain, compress
        import operator
        print(list(accumulate([1, 2, 3, 4])), list(accumulate([1, 2, 3], operator.mul)))
        print(list(accumulate([1, 2], initial=10)), list(accumulate([])), list(accumulate([3, 1, 4], max)))
        print(list(chain('ab', [1, 2])), list(chain.from_iterable(['ab', 'cd'])), list(chain()))
        print(list(compress('abcdef', [1, 0, 1, 0, 1, 1])))
    ''',
    'predicates': '''
        from itertools import dropwhile, takewhile, filterfalse, starmap
        print(list(dropwhile(lambda x: x < 3, [1, 2, 3, 1])), list(takewhile(lambda x: x < 3, [1, 2, 3, 1])))
        print(list(filterfalse(lambda x: x % 2, range(6))), list(filterfalse(None, [0, 1, '', 'a'])))
        print(list(starmap(pow, [(2, 3), (3, 2)])))
    ''',
    'groupby': '''
        from itertools import groupby
        print([(k, list(g)) for k, g in groupby('aaabbcaa')])
        print([(k, list(g)) for k, g in groupby([1, 2, 3, 4, 5, 7], key=lambda x: x // 2)])
        print([k for k, g in groupby('aabbbc')], list(groupby([])))
        gb = groupby('aaabbbccc')
        k, g = next(gb); print(k, next(g))
        k2, g2 = next(gb); print(k2, list(g), list(g2))
        groups = [(k, g) for k, g in groupby('aabb')]
        print([(k, list(g)) for k, g in groups])
    ''',
    'pairwise_tee_zip_longest': '''
        from itertools import pairwise, tee, zip_longest
        print(list(pairwise('abcd')), list(pairwise('a')))
        a, b = tee(iter([1, 2, 3])); print(next(a), list(b), list(a))
        print(len(tee('ab', 3)), list(zip_longest('abc', [1], fillvalue='-')), list(zip_longest()))
        print(list(zip_longest([1, 2], 'abc')))
    ''',
    'combinatorics': '''
        from itertools import product, permutations, combinations, combinations_with_replacement
        print(list(product('ab', range(2))), list(product([0, 1], repeat=2)), list(product()))
        print(list(permutations('abc', 2)), len(list(permutations(range(5)))), list(permutations('ab', 3)))
        print(list(combinations('abcd', 2)), list(combinations(range(3), 5)), list(combinations('ab', 0)))
        print(list(combinations_with_replacement('abc', 2)), list(combinations_with_replacement('', 2)))
        try:
            combinations('a', -1)
        except ValueError as e:
            print(e)
    ''',
}


@pytest.mark.parametrize('name', sorted(CASES))
def test_matches_cpython(name):
    assert_same(CASES[name])


def test_count_is_lazy_and_unbounded():
    out = monty_output('import itertools\nfor i in itertools.count(1):\n'
                       '    if i * i > 50:\n        print(i)\n        break\n')
    assert out == '8\n'


def test_iterators_check_their_iterable_when_made():
    assert_same('''
        import itertools as it
        for f in ["it.pairwise(5)", "it.cycle(5)", "it.accumulate(5)", "it.dropwhile(None, 5)",
                  "it.takewhile(None, 5)", "it.filterfalse(None, 5)", "it.starmap(None, 5)",
                  "it.zip_longest([1], 5)", "it.chain(1)"]:
            try:
                eval(f)
                print(f, "made")
            except TypeError as e:
                print(f, e)
        print(list(it.accumulate([1, 2, 3], initial=10)), list(it.zip_longest("ab", "c", fillvalue="-")))
    ''')
