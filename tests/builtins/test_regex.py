"""The pure-Python regex engine, checked case by case against CPython's `re` as the oracle."""

import re
import sys

import pytest

from monty.builtins.regex import api as mre

I, M, S, X, A = re.I, re.M, re.S, re.X, re.A

# (pattern, flags, subject): compared for search, match and fullmatch.
MATCH_CASES = [
    # literals and dot
    ("abc", 0, "xxabcxx"), ("abc", 0, "abc"), ("abc", 0, "ab"), ("", 0, ""), ("", 0, "abc"),
    ("a.c", 0, "abc a\nc"), ("a.c", S, "a\nc"), (".", 0, "\n"), (".", S, "\n"),
    ("a\\.c", 0, "abc a.c"), ("\\n\\t", 0, "x\n\t"), ("\\x41\\u0042\\U00000043", 0, "ABC"),
    ("\\101\\0", 0, "A\0"), ("\\N{LATIN SMALL LETTER A}", 0, "a"), ("[\\b]", 0, "\b"),
    # anchors
    ("^abc", 0, "abc"), ("^abc", 0, "xabc"), ("abc$", 0, "abc\n"), ("abc$", 0, "abc\nx"),
    ("^b", M, "a\nb"), ("a$", M, "a\nb"), ("$", 0, "a\n"), ("^$", M, "a\n\nb"),
    ("\\Aa", M, "b\na"), ("a\\Z", 0, "a\n"), ("a\\Z", 0, "ba"), ("\\bfoo\\b", 0, "a foo."),
    ("\\Bfoo", 0, "afoo"), ("\\b", 0, ""), ("\\B", 0, ""), ("\\B", 0, "a"), ("\\b\\w+", 0, "  héllo"),
    ("\\bé", A, "aé"), ("\\bé", 0, "aé"),
    # classes
    ("[abc]+", 0, "xxbcay"), ("[^abc]+", 0, "abxyzc"), ("[a-f0-9]+", 0, "zz3fa9g"),
    ("[]a]+", 0, "a]a"), ("[^]a]", 0, "]ab"), ("[a-]+", 0, "a-a"), ("[-a]+", 0, "-a"),
    ("[\\d\\s]+", 0, "a1 2\tb"), ("[\\w.]+", 0, "-a.b_c-"), ("[^\\W\\d]+", 0, "12ab3"),
    ("[\\x00-\\x7f]+", 0, "abcé"), ("[é-ü]+", 0, "aéöüz"), ("[\\u0100-\\uffff]+", 0, "aĀ字b"),
    ("\\d+", 0, "ab١٢3"), ("\\d+", A, "ab١٢3"), ("\\w+", 0, "àbç d"), ("\\w+", A, "àbç d"),
    ("\\s+", 0, "a\u2003\u00a0b"), ("\\s+", A, "a\u2003 \x0bb"), ("\\D\\S\\W", 0, "a1b c!"),
    ("[\\s\\S]+", 0, "a\nb"), ("[.*+?]+", 0, "a.*+?b"), ("[\\]\\\\]+", 0, "a]\\b"),
    # case folding
    ("abc", I, "xABCx"), ("[a-z]+", I, "ABC"), ("[^a-z]+", I, "ABC123"), ("k", I, "\u212a"),
    ("s", I, "\u017f"), ("\u017f", I, "S"), ("i", I, "\u0130"), ("\u0131", I, "I"),
    ("[k]", I, "\u212a"), ("\u00b5", I, "\u039c"), ("σ", I, "Σς"), ("ß", I, "ẞ"),
    ("k", I | A, "\u212a"), ("[a-z]", I | A, "\u212a"), ("É", I, "é"), ("é", I | A, "É"),
    ("(?i)ABC", 0, "abc"), ("a(?i:b)c", 0, "aBc"), ("a(?i:b)c", 0, "aBC"),
    ("(?i)a(?-i:b)c", 0, "AbC"), ("(?i)a(?-i:b)c", 0, "ABC"), ("(a)\\1", I, "aA"),
    ("[\\w]", I, "K"), ("[^k]", I, "K"), ("[A-Z]+", I, "\u212a\u017f"),
    # groups
    ("(a)(b)(c)", 0, "abc"), ("(a)|(b)", 0, "b"), ("(a(b)c)", 0, "abc"), ("((a)b)", 0, "ab"),
    ("(?:ab)+", 0, "ababx"), ("(?P<first>\\w+) (?P<last>\\w+)", 0, "Jane Doe"),
    ("(?P<x>a)(?P=x)", 0, "aa"), ("(a)(b)?", 0, "a"), ("(a)|b", 0, "b"),
    ("(?:(a)|b)*", 0, "ab"), ("(a|(b))+", 0, "ba"), ("(a*)*", 0, "b"), ("(a*)+", 0, "b"),
    ("(a|)*?b", 0, "aab"), ("(?:a|())*?b", 0, "aab"), ("(a)*", 0, "aaa"), ("(a|b)*c", 0, "abac"),
    ("((a)|b)+", 0, "ab"), ("(a)?(b)?c", 0, "bc"), ("()", 0, "x"), ("(?P<n>x)?y", 0, "y"),
    # backrefs
    ("(a+)\\1", 0, "aaaa"), ("(\\w+) \\1", 0, "the the"), ("(a)(b)\\2\\1", 0, "abba"),
    ("(a)?\\1", 0, "b"), ("(a)|\\1", 0, "x"), ("(?:(a)|b)\\1", 0, "bx"), ("(\\w)\\1+", 0, "abbbc"),
    # alternation
    ("a|b|c", 0, "xcx"), ("ab|a", 0, "ab"), ("a|ab", 0, "ab"), ("(a|ab)c", 0, "abc"),
    ("|a", 0, "a"), ("a|", 0, "b"), ("(?:cat|dog)s?", 0, "dogs"), ("x(?:a|b|)y", 0, "xy"),
    # quantifiers
    ("a*", 0, "aaa"), ("a+", 0, "baaa"), ("a?b", 0, "ab"), ("a{2}", 0, "aaa"), ("a{2,}", 0, "aaaa"),
    ("a{,2}", 0, "aaa"), ("a{1,3}", 0, "aaaa"), ("a{0}", 0, "a"), ("a{,}", 0, "aa"),
    ("a*?", 0, "aaa"), ("a+?", 0, "aaa"), ("a??b", 0, "ab"), ("a{2,3}?", 0, "aaaa"),
    ("a{2}?", 0, "aaa"), ("a.*b", 0, "axbyb"), ("a.*?b", 0, "axbyb"), ("<.+>", 0, "<a><b>"),
    ("<.+?>", 0, "<a><b>"), ("(ab){2}", 0, "ababab"), ("(ab){1,2}?c", 0, "ababc"),
    ("(?:a|b){3,5}", 0, "abababab"), ("(?:ab)*?c", 0, "ababc"), ("(a|b)*?b", 0, "aab"),
    ("a{", 0, "a{"), ("a{1", 0, "a{1"), ("a{1,", 0, "a{1,"), ("a{x}", 0, "a{x}"), ("{", 0, "{"),
    ("x{}", 0, "x{}"), ("a{3}", 0, "aa"), ("(?:a{2})*", 0, "aaaaa"), ("\\d{2,4}", 0, "1234567"),
    ("(a?)*", 0, "aa"), ("(a?)+?b", 0, "ab"), ("(?:a*)*b", 0, "aab"), ("(?:x*y?)*z", 0, "xyxz"),
    ("(\\w+?)(\\d*)", 0, "abc123"), ("(a+)+b", 0, "aaab"), (".*", 0, "ab\ncd"), (".*", S, "a\nb"),
    # possessive and atomic
    ("a++b", 0, "aaab"), ("a++a", 0, "aaa"), ("a*+", 0, "aa"), ("a?+a", 0, "a"),
    ("a{1,2}+a", 0, "aa"), ("a{1,2}+a", 0, "aaa"), ("(?>a+)b", 0, "aab"), ("(?>a+)a", 0, "aa"),
    ("(?>ab|a)b", 0, "ab"), ("(?>(a)|b)c", 0, "ac"), ("(?:ab)++c", 0, "ababc"),
    ("(?:ab)*+ab", 0, "abab"), ("(?>x*)y", 0, "xxy"), ("\\d++\\.", 0, "12."),
    # lookaround
    ("a(?=b)", 0, "acab"), ("a(?!b)", 0, "abac"), ("(?<=a)b", 0, "cbab"), ("(?<!a)b", 0, "abcb"),
    ("(?<=ab)c", 0, "abc"), ("(?<=a|b)c", 0, "bc"), ("(?<=(a))b", 0, "ab"), ("(?=(a))a", 0, "a"),
    ("(?!(a))b", 0, "b"), ("(?<=\\d{3})x", 0, "12x123x"), ("\\w+(?=,)", 0, "ab, cd"),
    ("^(?=.*\\d)(?=.*[a-z]).{4,}$", 0, "ab3d"), ("(?<![a-z])\\d", 0, "a1 2"),
    ("(?<=^)a", 0, "a"), ("(?<=\\b)a", 0, " a"), ("(a)(?<=\\1)", 0, "a"), ("x(?=y)*", 0, "x"),
    ("(?<=(?<=a)b)c", 0, "abc"), ("(?=a)*b", 0, "b"),
    # conditionals
    ("(a)?(?(1)b|c)", 0, "ab"), ("(a)?(?(1)b|c)", 0, "c"), ("(?P<q>')?x(?(q)')", 0, "'x'"),
    ("(?P<q>')?x(?(q)')", 0, "x'"), ("(a)?(?(1)b)", 0, "c"), ("(<)?\\w+(?(1)>|$)", 0, "<ab>"),
    # verbose and comments
    ("a b # comment\n c", X, "abc"), ("(?x) a \\  b [ ]", 0, "a b "), ("a(?#note)b", 0, "ab"),
    ("(?x)a{2} # two", 0, "aa"), ("(?x)[#]a", 0, "#a"), ("a  *", X, "aaa"),
    # inline flags
    ("(?s).", 0, "\n"), ("(?m)^b", 0, "a\nb"), ("(?a)\\w", 0, "é"), ("(?u)\\w", 0, "é"),
    ("(?i:a)b", 0, "AB"), ("(?s:.)(?-s:.)", S, "\n\n"), ("(?im)^A", 0, "x\na"),
    ("(?x:a b)c d", 0, "abc d"), ("(?-x:a b)c d", X, "a bcd"),
    # misc
    ("\\(\\)", 0, "()"), ("a\\-b", 0, "a-b"), ("\\&", 0, "&"), ("\\~", 0, "~"),
    ("[\\d-z]+", 0, "1-z"), ("(?:(?:a))", 0, "a"), ("\\0101", 0, "\x081"), ("\\1010", 0, "A0"),
]

BYTES_CASES = [
    (b"abc", 0, b"xabcx"), (b"\\w+", 0, "caf\u00e9 ok".encode("latin-1")), (b"\\d+", 0, b"x123"),
    (b"[a-z]+", I, b"ABC"), (b"(?i)\xe9", 0, b"\xc9"), (b"\\s+", 0, b"a \t\x0bb"),
    (b".+", 0, b"a\nb"), (b"(a)(?P<b>b)", 0, b"ab"), (b"\\x41", 0, b"A"), (b"\\bx", 0, b"\xe9x"),
    (b"a(?L)b", 0, b"ab"), (b"(?L)\\w", 0, b"a"),
]

ERROR_CASES = [
    "(", "a)", "*", "a**", "\\q", "(?P=x)", "[a", "[a-Z]", "(?<=a+)b", "[\\8]", "\\8",
    "(?t:a)", "a(?i)b", "(?i", "(?", "(?P", "(?Px", "(?<x", "(?<=a|bc)", "a{2,1}",
    "a{99999999999}", "(?P<1>a)", "(?P<a>x)(?P<a>y)", "(a)\\2", "(a\\1)", "(?(2)a|b)",
    "(?(a)x)", "(?(1)a|b|c)", "(?#abc", "\\x1", "\\u12", "\\N{foo}", "\\N", "\\N{", "[\\w-a]",
    "[a-\\w]", "(?x:a)(?x)", "(?-i)", "(?-)", "(?i-:a)", "(?a-a:x)", "(?i-i:x)", "(?-a:x)",
    "(?L)", "(?z)", "(?i!", "(?<=(a)\\1)", "(?<=(?P<x>a)(?P=x))", "\\777", "[\\777]", "\\",
    "[", "[^", "a|*", "^*", "\\b*", "(?P<a", "(?P<>a)", "(?P=)", "(?P=a", "(?<!ab?)", "(?>a",
    "(?(0)a)", "(?(-1)a)", "(?(1a)x)", "a{3,2}?", "[z-a]", "[]", "x(?(1)a)", "(?:a|b", "a\n(",
    "\\U00110000", "a*??", "a{2}{3}", "a*+?", "(?au:x)", "(?-u:x)", "(?im-:x)", "(?i-q:x)",
    "(?iq)", "(?i-", "(?i-m", "(?P<a-b>x)", "(?P=1)", "\\A*", "(?=a", "(?<=a", "a\\",
    "(?(1)", "(?(1", "x{2,1}", "[\\A]", "\\0\\1",
]

TEXT_CASES = [
    # (pattern, flags, subject) compared for findall, finditer spans, split and sub.
    ("x*", 0, "abxd"), ("a", 0, "banana"), ("", 0, "abc"), ("(a)|b", 0, "abcab"),
    ("\\W+", 0, "Words, words, words."), ("(\\W+)", 0, "Words, words, words."),
    ("(a)(b)?", 0, "aab ab"), ("\\b", 0, "ab cd"), ("^", M, "a\nb\nc"), ("$", M, "a\nb\n"),
    ("a*?", 0, "aaa"), ("(?:a|)", 0, "aba"), ("\\d+", 0, "a1b22c333"), ("[ ,]+", 0, "a, b  c,d"),
    ("(?=b)", 0, "abab"), ("(?<=a)", 0, "aab"), ("x?", 0, "xx"), ("(x)?", 0, "axb"),
    ("(?P<k>\\w+)=(?P<v>\\w*)", 0, "a=1 b= c=3"), ("\\s*", 0, " a  b "), ("ab|", 0, "abab"),
]

SUB_CASES = [
    # (pattern, repl, subject, count)
    ("x*", "-", "abxd", 0), ("a", "\\n", "banana", 2), ("(a)(n)", "\\2\\1", "banana", 0),
    ("(?P<c>a)", "[\\g<c>]", "banana", 0), ("(a)", "\\g<1>\\g<0>", "banana", 0),
    ("a", "\\\\", "aba", 0), ("(a)|b", "<\\1>", "ab", 0), ("a", "\\t\\&", "a", 0),
    ("(a)", "\\0\\08\\101", "a", 0), ("(a)", "\\1", "a", 0),
    ("", "-", "abc", 0), ("b*", "-", "abc", 0), ("(b)", lambda m: m.group(1).upper(), "abcb", 0),
    ("a", lambda m: None, "aba", 0), ("a", "x", "aaa", -1), ("a", "x", "bbb", 0),
    ("\\s+", " ", "a  b\t\nc", 1), ("(?i)B", "x", "abcB", 0),
]

TEMPLATE_ERRORS = [
    ("(a)", "\\2"), ("(a)", "\\g<x>"), ("(a)", "\\g<2>"), ("(a)", "\\g"), ("(a)", "\\g<"),
    ("(a)", "\\g<a"), ("(a)", "\\g<1a>"), ("(a)", "\\q"), ("(a)", "\\400"), ("(a)", "\\g<-1>"),
    ("(a)", "x\\"), ("(a)", "\\g<>"), ("(a)", 1), ("a", b"x"), ("(a)", "\\99"),
]


def outcome(call):
    """Normalise a result (or the exception raised) so both engines can be compared."""
    try:
        result = call()
    except Exception as exc:  # the oracle decides which exceptions are right
        return ("raises", type(exc).__name__, str(exc))
    return describe(result)


def describe(result):
    """Plain data for a Match, list, tuple or scalar."""
    if result is None or isinstance(result, (str, bytes, int)):
        return result
    if isinstance(result, (list, tuple)):
        return [describe(item) for item in result]
    return ("match", result.regs, result.groups(), result.groupdict(), result.lastindex,
            result.lastgroup, result.pos, result.endpos, repr(result))


def same(call_ours, call_oracle):
    assert outcome(call_ours) == outcome(call_oracle)


@pytest.mark.parametrize("pattern,flags,subject", MATCH_CASES + BYTES_CASES)
def test_search_match_fullmatch_agree_with_re(pattern, flags, subject):
    for name in ("search", "match", "fullmatch"):
        same(lambda: getattr(mre, name)(pattern, subject, flags),
             lambda: getattr(re, name)(pattern, subject, flags))


@pytest.mark.parametrize("pattern,flags,subject", MATCH_CASES[::3] + TEXT_CASES)
def test_findall_finditer_split_sub_agree_with_re(pattern, flags, subject):
    for name in ("findall", "split"):
        same(lambda: getattr(mre, name)(pattern, subject, flags=flags),
             lambda: getattr(re, name)(pattern, subject, flags=flags))
    same(lambda: [m.span() for m in mre.finditer(pattern, subject, flags)],
         lambda: [m.span() for m in re.finditer(pattern, subject, flags)])
    same(lambda: mre.subn(pattern, "<\\g<0>>", subject, flags=flags),
         lambda: re.subn(pattern, "<\\g<0>>", subject, flags=flags))


@pytest.mark.parametrize("pattern", ERROR_CASES + [p.encode() for p in ERROR_CASES[:40]])
def test_compile_errors_agree_with_re(pattern):
    ours, theirs = outcome(lambda: mre.compile(pattern)), outcome(lambda: re.compile(pattern))
    assert ours[:3] == theirs[:3] if theirs[0] == "raises" else ours[0] != "raises"


@pytest.mark.parametrize("pattern", ERROR_CASES[:30])
def test_error_attributes(pattern):
    try:
        re.compile(pattern)
    except re.error as exc:
        expected = (exc.msg, exc.pattern, exc.pos, exc.lineno, exc.colno, exc.args)
    except OverflowError:
        pytest.skip("not an re.error")
    else:
        pytest.skip("compiles under re")
    with pytest.raises(mre.error) as info:
        mre.compile(pattern)
    err = info.value
    assert (err.msg, err.pattern, err.pos, err.lineno, err.colno, err.args) == expected


def test_error_reports_line_and_column():
    with pytest.raises(mre.error) as info:
        mre.compile("a\n(b")
    assert str(info.value) == "missing ), unterminated subpattern at position 2 (line 2, column 1)"
    assert (info.value.lineno, info.value.colno) == (2, 1)


@pytest.mark.parametrize("pattern,repl,subject,count", SUB_CASES)
def test_sub_agrees_with_re(pattern, repl, subject, count):
    same(lambda: mre.subn(pattern, repl, subject, count),
         lambda: re.subn(pattern, repl, subject, count))


@pytest.mark.parametrize("pattern,repl", TEMPLATE_ERRORS)
def test_template_errors_agree_with_re(pattern, repl):
    same(lambda: mre.sub(pattern, repl, "a"), lambda: re.sub(pattern, repl, "a"))
    same(lambda: mre.match(pattern, "a").expand(repl), lambda: re.match(pattern, "a").expand(repl))
