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
    if isinstance(result, (memoryview, bytearray)):
        return ("bytes-like", type(result).__name__, bytes(result))
    if isinstance(result, dict):
        return ("dict", sorted(result.items()))
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


def _re_error(pattern):
    """The re.error CPython raises for ``pattern``, or None (it compiles, or fails otherwise)."""
    try:
        re.compile(pattern)
    except re.error as exc:
        return exc
    except OverflowError:
        return None
    return None


@pytest.mark.parametrize("pattern", [p for p in ERROR_CASES[:30] if _re_error(p) is not None])
def test_error_attributes(pattern):
    exc = _re_error(pattern)
    expected = (exc.msg, exc.pattern, exc.pos, exc.lineno, exc.colno, exc.args)
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


# --- interruption and deep subjects -------------------------------------------------------

class Budget:
    """Tick callback that raises once it has been called `limit` times."""

    def __init__(self, limit):
        self.calls = 0
        self.limit = limit

    def __call__(self):
        self.calls += 1
        if self.calls >= self.limit:
            raise TimeoutError("regex took too long")


def test_catastrophic_pattern_is_stopped_by_tick():
    tick = Budget(50)
    with pytest.raises(TimeoutError, match="regex took too long"):
        mre.search(r"(a+)+$", "a" * 30 + "b", tick=tick)
    assert tick.calls == 50


def test_tick_on_compiled_pattern_and_in_iteration():
    pattern = mre.compile(r"(x+x+)+[y]", tick=Budget(20))
    assert pattern.tick is not None
    with pytest.raises(TimeoutError):
        pattern.findall("x" * 25)
    with pytest.raises(TimeoutError):
        mre.sub(r"(?:a|a)*[c]", "", "a" * 40, tick=Budget(5))


def test_tick_inside_lookaround_and_atomic_groups():
    with pytest.raises(TimeoutError):
        mre.search(r"(?=(a+)+$)", "a" * 30 + "b", tick=Budget(10))
    with pytest.raises(TimeoutError):
        mre.search(r"(?>(a|aa)+)+$|(a+)+$", "a" * 30 + "b", tick=Budget(10))


def test_tick_is_called_regularly_but_not_excessively():
    tick = Budget(10 ** 9)
    assert mre.search(r"(\w+)\s(\w+)", "hello world").groups() == ("hello", "world")
    mre.search(r"(a|b)*[c]", "ab" * 100, tick=tick)
    assert 50 <= tick.calls <= 1000


def test_tick_exceptions_propagate_unchanged():
    def tick():
        raise KeyboardInterrupt
    with pytest.raises(KeyboardInterrupt):
        mre.match(r"(a*)*b", "a" * 28, tick=tick)


@pytest.mark.parametrize("pattern", [r"(?:ab)*", r"(ab)*", r"(?:a|b)*?$", r"(?>ab)*", r"(?:ab)++",
                                     r"(?:a(?=b)b)*", r"(?:(a)|b)*", r"(?:ab){0,60000}"])
def test_long_subject_does_not_recurse(pattern):
    subject = "ab" * 20000
    assert sys.getrecursionlimit() < 50000
    assert mre.match(pattern, subject).span() == re.match(pattern, subject).span()


def test_required_literal_makes_hopeless_searches_fast():
    tick = Budget(10 ** 9)
    assert mre.search(r"(?:ab)*c", "ab" * 50000, tick=tick) is None
    assert tick.calls == 0


def test_hundred_thousand_character_subject():
    assert mre.match(r"(?:ab)*", "ab" * 50000).end() == 100000
    subject = "a" * 100000 + "x"
    assert mre.search(r".*x", subject).span() == (0, 100001)
    assert mre.search(r"(.)*?x", subject[-20000:]).span() == (0, 20000)
    assert mre.fullmatch(r"(a|b)+x", subject) is not None
    assert mre.search(r".*y", subject) is None


# --- API surface ---------------------------------------------------------------------------

def test_flag_constants_equal_re():
    for name in ("I", "L", "M", "S", "U", "X", "A", "IGNORECASE", "LOCALE", "MULTILINE",
                 "DOTALL", "UNICODE", "VERBOSE", "ASCII", "TEMPLATE", "DEBUG", "NOFLAG"):
        assert getattr(mre, name) == getattr(re, name)


@pytest.mark.parametrize("pattern,flags", [("a+", 0), ("a+", I), ("a", I | M | S | X | 512),
                                           (b"a", I | re.L), ("(?a)x", I), ("x" * 300, 0),
                                           ("(?im)a", 0), ("'\"", 0), (b"\xff", 0)])
def test_pattern_repr_and_attributes(pattern, flags):
    ours, theirs = mre.compile(pattern, flags), re.compile(pattern, flags)
    assert repr(ours) == repr(theirs)
    assert (ours.pattern, ours.flags, ours.groups) == (theirs.pattern, theirs.flags, theirs.groups)


def test_pattern_groupindex_is_a_copy():
    pattern = mre.compile(r"(?P<a>x)(y)(?P<b>z)")
    assert pattern.groupindex == {"a": 1, "b": 3}
    pattern.groupindex["a"] = 7
    assert pattern.groupindex == {"a": 1, "b": 3}
    assert pattern.groups == 3


def test_pattern_equality_hash_and_cache():
    assert mre.compile("a+") == mre.compile("a+")
    assert mre.compile("a+") != mre.compile("a+", I)
    assert mre.compile("a") != mre.compile(b"a")
    assert hash(mre.compile("a+", M)) == hash(mre.compile("a+", M))
    mre.purge()
    first = mre.compile("cached")
    assert mre.compile(first) is first
    with pytest.raises(ValueError, match="cannot process flags argument with a compiled pattern"):
        mre.compile(first, I)


@pytest.mark.parametrize("call", [
    lambda mod: mod.compile(3),
    lambda mod: mod.search("a", 1),
    lambda mod: mod.search("a", b"a"),
    lambda mod: mod.search(b"a", "a"),
    lambda mod: mod.compile("a", mod.L),
    lambda mod: mod.compile(b"a", mod.U),
    lambda mod: mod.compile("(?a)", mod.U),
    lambda mod: mod.compile(b"a", mod.L | mod.A),
    lambda mod: mod.compile("(?u)a", mod.A),
    lambda mod: mod.match("(a)", "a").group(2),
    lambda mod: mod.match("(a)", "a").group("x"),
    lambda mod: mod.match("(a)", "a").group(1.0),
    lambda mod: mod.match("(a)", "a")[3],
    lambda mod: mod.match("(a)", "a").span("z"),
    lambda mod: mod.sub("a", lambda m: 1, "aaa"),
    lambda mod: mod.sub("a", b"x", "baaa"),
    lambda mod: mod.sub(b"a", "x", b"aaa"),
], ids=range(17))
def test_api_errors_agree_with_re(call):
    same(lambda: call(mre), lambda: call(re))


@pytest.mark.parametrize("call", [
    lambda mod: mod.compile("a").match("abc", -5, 99),
    lambda mod: mod.compile("").match("abcdef", 5, 3),
    lambda mod: mod.compile("").search("abcdef", 5, 3),
    lambda mod: mod.compile("^a").search("aaa", 1),
    lambda mod: mod.compile("a$").search("aab", 0, 2),
    lambda mod: mod.compile(r"\bb").search("ab", 1),
    lambda mod: mod.compile(r"(?<=a)b").search("ab", 1),
    lambda mod: mod.compile(r"b\b").search("abc", 0, 2),
    lambda mod: mod.compile("a").fullmatch("bab", 1, 2),
    lambda mod: mod.compile("a*").findall("aabaa", 1, 4),
    lambda mod: list(mod.compile("a").finditer("aaa", 1)),
    lambda mod: mod.split("a", "bab", maxsplit=-1),
    lambda mod: mod.split("(a)|x", "1a2x3a4", maxsplit=2),
    lambda mod: mod.findall(b"a", memoryview(b"aaa")),
    lambda mod: mod.search(b"a", bytearray(b"xa")),
    lambda mod: mod.sub(b"a", b"x", bytearray(b"aaa")),
    lambda mod: mod.sub(b"z", b"x", bytearray(b"aaa")),
    lambda mod: mod.sub(b"a", lambda m: bytearray(b"y"), b"aaa"),
    lambda mod: mod.sub(b"(a)", b"\\1\\1", b"xa"),
    lambda mod: mod.split(b"\\s", b"a b\tc"),
    lambda mod: mod.escape("a.b-c d#e\n~&!_é"),
    lambda mod: mod.escape(b"a.b*"),
    lambda mod: mod.match("(a)(?P<b>b)", "ab").expand(r"\2\1\g<b>\g<0>\n"),
    lambda mod: mod.match("(a)(b)?", "a").groups("-"),
    lambda mod: mod.match("(?P<a>a)(?P<b>b)?", "a").groupdict(0),
    lambda mod: mod.match("(a)(b)?", "a").span(2),
    lambda mod: mod.match("(a)(b)?", "a").group(0, 1, 2),
    lambda mod: mod.match("(a)", "a").group(True),
    lambda mod: mod.match("(?P<x>a)(?P<y>b)?", "a").lastgroup,
    lambda mod: mod.fullmatch("a|ab", "ab"),
    lambda mod: mod.subn("", "-", ""),
    lambda mod: mod.match(".", "é\n", mod.DOTALL),
], ids=range(32))
def test_api_results_agree_with_re(call):
    same(lambda: call(mre), lambda: call(re))


def test_match_repr_and_properties():
    m = mre.search(r"(?P<word>b+)(c)?", "abbd")
    assert repr(m) == "<re.Match object; span=(1, 3), match='bb'>"
    assert repr(mre.match(b"ab", b"abc")) == "<re.Match object; span=(0, 2), match=b'ab'>"
    assert (m.string, m.pos, m.endpos, m.lastindex, m.lastgroup) == ("abbd", 0, 4, 1, "word")
    assert m.re == mre.compile(r"(?P<word>b+)(c)?")
    assert (m[0], m["word"], m[2]) == ("bb", "bb", None)
    assert (m.start(), m.end(), m.span("word"), m.start(2)) == (1, 3, (1, 3), -1)


def test_callable_replacement_receives_match():
    seen = []

    def repl(match):
        seen.append((match.span(), match.pos, match.endpos))
        return match.group().upper()
    assert mre.sub(r"b+", repl, "abbcb") == "aBBcB"
    assert seen == [((1, 3), 0, 5), ((4, 5), 0, 5)]


def test_finditer_is_lazy():
    matches = mre.finditer(r"\d", "1a2")
    assert next(matches).group() == "1"
    assert [m.group() for m in matches] == ["2"]


def test_host_re_is_not_used_by_the_engine():
    import monty.builtins.regex as package
    import pathlib
    for path in pathlib.Path(package.__file__).parent.glob("*.py"):
        source = path.read_text()
        assert "import re\n" not in source and "sre_" not in source and "_sre" not in source
