"""``textwrap`` and ``statistics`` print exactly what CPython 3.11 prints."""
from __future__ import annotations

from .oracle import assert_same


def test_wrap_cuts_words_where_cpython_does():
    assert_same('''
        import textwrap
        text = ("The well-known e-mail x--y re-ally-long-hyphenated-word 3-4 it's A. "
                "supercalifragilisticexpialidocious\\tend?  Hello!  ab-- 'quoted' ")
        for width in (5, 9, 14, 23, 40):
            print(textwrap.wrap(text, width))
            print(textwrap.wrap(text, width, break_on_hyphens=False, drop_whitespace=False))
            print(textwrap.wrap(text, width, break_long_words=False, fix_sentence_endings=True))
            print(textwrap.wrap(text, width, initial_indent="* ", subsequent_indent="  ",
                                max_lines=2, placeholder="..."))
        print(textwrap.fill(text, 30), textwrap.shorten(text, 25))
        try:
            textwrap.wrap(text, 0)
        except ValueError as e:
            print(e)
    ''')


def test_dedent_and_indent():
    assert_same('''
        import textwrap
        print(repr(textwrap.dedent("    a\\n      b\\n\\t\\n    c\\n  \\n")))
        print(repr(textwrap.dedent("  x\\n\\ty")), repr(textwrap.dedent("\\t a\\n\\t  b")))
        print(repr(textwrap.indent("a\\n\\nb\\n", "> ")))
        print(repr(textwrap.indent("a\\n\\nb", "+", lambda line: True)))
    ''')


def test_means_and_spread_are_exact():
    assert_same('''
        import statistics as st
        samples = [[1, 2, 3, 4], [2.5, 0.1, 0.2, 7], [3, 1, 4, 1, 5, 9, 2, 6], [0.1] * 3,
                   [True, False, True], [-5, 10, 2.75]]
        for data in samples:
            print(st.mean(data), st.fmean(data), st.median(data), st.median_low(data),
                  st.median_high(data), st.mode(data), st.multimode(data))
            print(st.stdev(data), st.pstdev(data), st.variance(data), st.pvariance(data),
                  st.quantiles(data), st.quantiles(data, n=10, method="inclusive"),
                  st.median_grouped(data))
        print(st.geometric_mean([1, 2, 4]), st.harmonic_mean([40, 60], weights=[5, 30]),
              st.variance([1, 2, 3, 4], 2.5), st.mean([float("inf"), 1]))
        print(st.correlation([1, 2, 3, 4], [2, 4, 5, 9]), st.covariance([1, 2, 3], [1, 3, 2]),
              st.linear_regression([1, 2, 3, 4], [3, 5, 7, 10]))
    ''')


def test_statistics_errors():
    assert_same('''
        import statistics as st
        for bad in ([], [1]):
            for fn in (st.mean, st.stdev, st.variance, st.median, st.mode, st.pvariance,
                       st.fmean, st.quantiles, st.geometric_mean, st.harmonic_mean):
                try:
                    print(fn.__name__, fn(bad))
                except st.StatisticsError as e:
                    print(fn.__name__, type(e).__name__, e, isinstance(e, ValueError))
        try:
            st.mean(["a"])
        except TypeError as e:
            print(e)
        try:
            st.harmonic_mean([1, -2])
        except st.StatisticsError as e:
            print(e)
    ''')


def test_fraction_data_keeps_its_type():
    assert_same('''
        import statistics as st
        from fractions import Fraction as F
        print(repr(st.mean([F(1, 3), F(1, 6)])), repr(st.mean([F(1), 2])))
        print(repr(st.variance([F(1, 3), F(1, 2), 1])), repr(st.pvariance([F(1), F(3)])))
        print(repr(st.harmonic_mean([F(1, 2), F(1, 3)])), repr(st.mean([1.5, F(1, 2)])))
        print(repr(st.mean([F(1, 2), 0.25])), st.stdev([F(1), F(2), F(4)]))
        print(repr(st.mean([1, 2])), repr(st.mean([1, 2, 4])), repr(st.mean([True, False])))
    ''')
