"""Pure-Python Mersenne Twister with the `random` module's derived distributions.

Every method consumes the MT19937 stream in the same order as CPython 3.11's
`random.Random`, so a given seed yields bit-identical results, and the state
returned by `getstate()` has the same plain-data shape (version 3 tuples).
"""

from __future__ import annotations

import os
import struct
import warnings
from bisect import bisect as _bisect
from collections.abc import Callable, Sequence
from hashlib import sha512
from itertools import accumulate, repeat
from math import acos, ceil, cos, e, exp, floor, isfinite, log, pi, sin, sqrt, tau
from operator import index as _index
from typing import Any

# ---------------------------------------------------------------- MT19937 core

_N = 624
_MASK32 = 0xFFFFFFFF
_UPPER = 0x80000000
_LOWER = 0x7FFFFFFF
_MATRIX_A = 0x9908B0DF
_SIZE_T = 1 << 64
_C_INT_MAX = (1 << 31) - 1
_C_LONG_MAX = (1 << 63) - 1
_C_ULONG_LIMIT = 1 << 64
_RECIP_53 = 1.0 / 9007199254740992.0


def _init_genrand(s: int) -> list[int]:
    """Fill a fresh state vector from one 32-bit seed (Knuth's multiplier)."""
    mt = [s & _MASK32]
    prev = mt[0]
    for i in range(1, _N):
        prev = (1812433253 * (prev ^ (prev >> 30)) + i) & _MASK32
        mt.append(prev)
    return mt


def _init_by_array(key: list[int]) -> list[int]:
    """Mix a key of 32-bit words into the state, as MT19937's init_by_array."""
    mt = _init_genrand(19650218)
    i, j, n_key = 1, 0, len(key)
    for _ in range(max(_N, n_key)):
        prev = mt[i - 1]
        mt[i] = ((mt[i] ^ ((prev ^ (prev >> 30)) * 1664525)) + key[j] + j) & _MASK32
        i, j = i + 1, j + 1
        if i >= _N:
            mt[0], i = mt[_N - 1], 1
        if j >= n_key:
            j = 0
    for _ in range(_N - 1):
        prev = mt[i - 1]
        mt[i] = ((mt[i] ^ ((prev ^ (prev >> 30)) * 1566083941)) - i) & _MASK32
        i += 1
        if i >= _N:
            mt[0], i = mt[_N - 1], 1
    mt[0] = _UPPER
    return mt


def _mix(high: list[int], low: list[int], far: list[int]) -> list[int]:
    """One twist step applied element-wise over parallel word lists."""
    return [f ^ (((h & _UPPER) | (lo & _LOWER)) >> 1) ^ ((lo & 1) * _MATRIX_A)
            for h, lo, f in zip(high, low, far)]


def _twist(mt: list[int]) -> list[int]:
    """Return the next 624-word state; chunks follow which words are already new."""
    head = _mix(mt[0:227], mt[1:228], mt[397:624])
    middle = _mix(mt[227:454], mt[228:455], head)
    tail = _mix(mt[454:623], mt[455:624], middle[0:169])
    new = head + middle + tail
    new += _mix(mt[623:624], new[0:1], new[396:397])
    return new


def _temper(mt: list[int]) -> list[int]:
    """Apply MT19937's output tempering to every word of a state vector."""
    out = []
    append = out.append
    for y in mt:
        y ^= y >> 11
        y ^= (y << 7) & 0x9D2C5680
        y ^= (y << 15) & 0xEFC60000
        append(y ^ (y >> 18))
    return out


def _int_key(n: int) -> list[int]:
    """Split a non-negative int into little-endian 32-bit words (at least one)."""
    count = max(1, (n.bit_length() + 31) // 32)
    return list(struct.unpack(f"<{count}I", n.to_bytes(4 * count, "little")))


# ---------------------------------------------------------------- C-level argument conversions

def _as_c_int(value: Any) -> int:
    """Convert like a C `int` parameter: __index__ plus a range check."""
    n = _index(value)
    if not -_C_INT_MAX - 1 <= n <= _C_INT_MAX:
        raise OverflowError("Python int too large to convert to C int")
    return n


def _as_state_word(value: Any) -> int:
    """Convert a saved state word like C's PyLong_AsUnsignedLong, then truncate."""
    if not isinstance(value, int):
        raise TypeError("an integer is required")
    if value < 0:
        raise OverflowError("can't convert negative value to unsigned int")
    if value >= _C_ULONG_LIMIT:
        raise OverflowError("Python int too large to convert to C unsigned long")
    return value & _MASK32


def _as_state_index(value: Any) -> int:
    """Convert the saved position like C's PyLong_AsLong and validate it."""
    n = _index(value)
    if not -_C_LONG_MAX - 1 <= n <= _C_LONG_MAX:
        raise OverflowError("Python int too large to convert to C long")
    if not 0 <= n <= _N:
        raise ValueError("invalid state")
    return n


# ---------------------------------------------------------------- seeding rules

_SEED_TYPES = (type(None), int, float, str, bytes, bytearray)
_SEED_TYPE_ERROR = ("The only supported seed types are: None,\n"
                    "int, float, str, bytes, and bytearray.")


def _version1_seed(a: str | bytes) -> int:
    """Legacy string hash used by seed(version=1)."""
    text = a.decode("latin-1") if isinstance(a, bytes) else a
    x = ord(text[0]) << 7 if text else 0
    for c in map(ord, text):
        x = ((1000003 * x) ^ c) & 0xFFFFFFFFFFFFFFFF
    x ^= len(text)
    return -2 if x == -1 else x


def _version2_seed(a: str | bytes | bytearray) -> int:
    """Seed int for text/bytes: the bytes followed by their SHA-512 digest."""
    data = a.encode() if isinstance(a, str) else a
    return int.from_bytes(data + sha512(data).digest(), "big")


def _seed_int(a: Any) -> int:
    """Non-negative int the core seeds from: abs() for ints, else the hash as size_t."""
    if isinstance(a, int):
        return int.__abs__(a)
    return hash(a) % _SIZE_T


def _os_entropy() -> int:
    """Default entropy source: 624 words from the operating system."""
    return int.from_bytes(os.urandom(4 * _N), "little")


# ---------------------------------------------------------------- randrange argument rules

_NON_INT_DEPRECATION = ("non-integer arguments to randrange() have been deprecated "
                        "since Python 3.10 and will be removed in a subsequent version")


def _range_arg(value: Any, what: str) -> int:
    """Coerce a randrange() argument, with 3.11's float deprecation path."""
    try:
        return _index(value)
    except TypeError:
        n = int(value)
        if n != value:
            warnings.warn("randrange() will raise TypeError in the future",
                          DeprecationWarning, 3)
            raise ValueError(f"non-integer {what} for randrange()") from None
        warnings.warn(_NON_INT_DEPRECATION, DeprecationWarning, 3)
        return n


# ---------------------------------------------------------------- distribution constants

_NV_MAGICCONST = 4 * exp(-0.5) / sqrt(2.0)
_LOG4 = log(4.0)
_SG_MAGICCONST = 1.0 + log(4.5)
_ONE = 1


class MersenneRandom:
    """MT19937 generator whose every method matches CPython 3.11's random.Random."""

    VERSION = 3
    entropy: Callable[[], int] = staticmethod(_os_entropy)

    def __init__(self, seed: Any = None, *, entropy: Callable[[], int] | None = None) -> None:
        """Seed immediately; `entropy` overrides where seed(None) draws its int."""
        if entropy is not None:
            self.entropy = entropy
        self._mt: list[int] = []
        self._out: list[int] = []
        self._pos = _N
        self.gauss_next: float | None = None
        self.seed(seed)

    # ------------------------------------------------------------ state

    def seed(self, a: Any = None, version: int = 2) -> None:
        """Reset the generator from None, int, float, str, bytes or bytearray."""
        if version == 1 and isinstance(a, (str, bytes)):
            a = _version1_seed(a)
        elif version == 2 and isinstance(a, (str, bytes, bytearray)):
            a = _version2_seed(a)
        elif not isinstance(a, _SEED_TYPES):
            raise TypeError(_SEED_TYPE_ERROR)
        if a is None:
            a = self._entropy_int()
        self._mt = _init_by_array(_int_key(_seed_int(a)))
        self._pos = _N
        self.gauss_next = None

    def _entropy_int(self) -> int:
        """Ask the entropy callable for the int that replaces a None seed."""
        value = self.entropy()
        if not isinstance(value, int):
            raise TypeError(f"entropy must return an int, not {type(value).__name__}")
        return value

    def getstate(self) -> tuple[int, tuple[int, ...], float | None]:
        """Return (3, 624 words + position, gauss_next) as plain data."""
        return self.VERSION, tuple(self._mt) + (self._pos,), self.gauss_next

    def setstate(self, state: Any) -> None:
        """Restore a state produced by getstate() (versions 2 and 3)."""
        version = state[0]
        if version == 3:
            version, internal, self.gauss_next = state
        elif version == 2:
            version, internal, self.gauss_next = state
            try:
                internal = tuple(x % (2 ** 32) for x in internal)
            except ValueError as exc:
                raise TypeError from exc
        else:
            raise ValueError("state with version %s passed to "
                             "Random.setstate() of version %s" % (version, self.VERSION))
        self._set_internal(internal)

    def _set_internal(self, internal: Any) -> None:
        """Validate and install the 625-int core state vector."""
        if not isinstance(internal, tuple):
            raise TypeError("state vector must be a tuple")
        if len(internal) != _N + 1:
            raise ValueError("state vector is the wrong size")
        words = [_as_state_word(x) for x in internal[:_N]]
        pos = _as_state_index(internal[_N])
        self._mt = words
        self._out = _temper(words) if pos < _N else []
        self._pos = pos

    # ------------------------------------------------------------ raw output

    def _refill(self) -> None:
        """Advance to the next batch of 624 tempered words."""
        self._mt = _twist(self._mt)
        self._out = _temper(self._mt)
        self._pos = 0

    def _word(self) -> int:
        """Next tempered 32-bit output word."""
        if self._pos >= _N:
            self._refill()
        pos = self._pos
        self._pos = pos + 1
        return self._out[pos]

    def _words(self, count: int) -> list[int]:
        """Next `count` output words in generation order."""
        result: list[int] = []
        while count:
            if self._pos >= _N:
                self._refill()
            take = min(count, _N - self._pos)
            result += self._out[self._pos:self._pos + take]
            self._pos += take
            count -= take
        return result

    def random(self) -> float:
        """Float in [0.0, 1.0) built from 53 bits of two output words."""
        pos = self._pos
        if pos < _N - 1:
            out = self._out
            self._pos = pos + 2
            return ((out[pos] >> 5) * 67108864.0 + (out[pos + 1] >> 6)) * _RECIP_53
        a = self._word() >> 5
        b = self._word() >> 6
        return (a * 67108864.0 + b) * _RECIP_53

    def getrandbits(self, k: int) -> int:
        """Int with k random bits; the first word drawn is the least significant."""
        k = _as_c_int(k)
        if k < 0:
            raise ValueError("number of bits must be non-negative")
        if k == 0:
            return 0
        if k <= 32:
            return self._word() >> (32 - k)
        count = (k - 1) // 32 + 1
        words = self._words(count)
        words[-1] >>= 32 * count - k
        return int.from_bytes(struct.pack(f"<{count}I", *words), "little")

    def randbytes(self, n: int) -> bytes:
        """Return n random bytes taken from getrandbits(n * 8)."""
        return self.getrandbits(n * 8).to_bytes(n, "little")

    def _randbelow(self, n: int) -> int:
        """Int in [0, n) for n > 0 by rejection on n.bit_length() bits."""
        k = n.bit_length()
        if 0 < k <= 32:
            shift = 32 - k
            r = self._word() >> shift
            while r >= n:
                r = self._word() >> shift
            return r
        r = self.getrandbits(k)
        while r >= n:
            r = self.getrandbits(k)
        return r

    # ------------------------------------------------------------ integers and sequences

    def randrange(self, start: Any, stop: Any = None, step: Any = _ONE) -> int:
        """Random element of range(start, stop, step) without building it."""
        istart = _range_arg(start, "arg 1")
        if stop is None:
            if step is not _ONE:
                raise TypeError("Missing a non-None stop argument")
            if istart > 0:
                return self._randbelow(istart)
            raise ValueError("empty range for randrange()")
        istop = _range_arg(stop, "stop")
        width = istop - istart
        istep = _range_arg(step, "step")
        if istep == 1:
            if width > 0:
                return istart + self._randbelow(width)
            raise ValueError("empty range for randrange() (%d, %d, %d)" % (istart, istop, width))
        if istep > 0:
            n = (width + istep - 1) // istep
        elif istep < 0:
            n = (width + istep + 1) // istep
        else:
            raise ValueError("zero step for randrange()")
        if n <= 0:
            raise ValueError("empty range for randrange()")
        return istart + istep * self._randbelow(n)

    def randint(self, a: Any, b: Any) -> int:
        """Random int N with a <= N <= b."""
        return self.randrange(a, b + 1)

    def choice(self, seq: Any) -> Any:
        """One element of a non-empty sequence."""
        if not len(seq):
            raise IndexError("Cannot choose from an empty sequence")
        return seq[self._randbelow(len(seq))]

    def shuffle(self, x: Any) -> None:
        """Shuffle a mutable sequence in place (Fisher-Yates from the end)."""
        randbelow = self._randbelow
        for i in reversed(range(1, len(x))):
            j = randbelow(i + 1)
            x[i], x[j] = x[j], x[i]

    def sample(self, population: Any, k: Any, *, counts: Any = None) -> list[Any]:
        """k unique picks from a sequence, in selection order."""
        if not isinstance(population, Sequence):
            raise TypeError("Population must be a sequence.  "
                            "For dicts or sets, use sorted(d).")
        n = len(population)
        if counts is not None:
            return self._sample_counts(population, n, k, counts)
        if not 0 <= k <= n:
            raise ValueError("Sample larger than population or is negative")
        result = [None] * k
        setsize = 21
        if k > 5:
            setsize += 4 ** ceil(log(k * 3, 4))
        if n <= setsize:
            self._sample_pool(population, n, result)
        else:
            self._sample_set(population, n, result)
        return result

    def _sample_counts(self, population: Any, n: int, k: Any, counts: Any) -> list[Any]:
        """sample() with repeat counts: sample positions, then map them back."""
        cum_counts = list(accumulate(counts))
        if len(cum_counts) != n:
            raise ValueError("The number of counts does not match the population")
        total = cum_counts.pop()
        if not isinstance(total, int):
            raise TypeError("Counts must be integers")
        if total <= 0:
            raise ValueError("Total of counts must be greater than zero")
        selections = self.sample(range(total), k=k)
        return [population[_bisect(cum_counts, s)] for s in selections]

    def _sample_pool(self, population: Any, n: int, result: list[Any]) -> None:
        """Small-population strategy: draw from a shrinking copy."""
        randbelow = self._randbelow
        pool = list(population)
        for i in range(len(result)):
            j = randbelow(n - i)
            result[i] = pool[j]
            pool[j] = pool[n - i - 1]

    def _sample_set(self, population: Any, n: int, result: list[Any]) -> None:
        """Large-population strategy: redraw indices already taken."""
        randbelow = self._randbelow
        selected: set[int] = set()
        for i in range(len(result)):
            j = randbelow(n)
            while j in selected:
                j = randbelow(n)
            selected.add(j)
            result[i] = population[j]

    def choices(self, population: Any, weights: Any = None, *,
                cum_weights: Any = None, k: int = 1) -> list[Any]:
        """k picks with replacement, optionally weighted."""
        random = self.random
        n = len(population)
        if cum_weights is None:
            if weights is None:
                size = n + 0.0
                return [population[floor(random() * size)] for _ in repeat(None, k)]
            cum_weights = self._accumulate_weights(weights)
        elif weights is not None:
            raise TypeError("Cannot specify both weights and cumulative weights")
        if len(cum_weights) != n:
            raise ValueError("The number of weights does not match the population")
        total = cum_weights[-1] + 0.0
        if total <= 0.0:
            raise ValueError("Total of weights must be greater than zero")
        if not isfinite(total):
            raise ValueError("Total of weights must be finite")
        hi = n - 1
        return [population[_bisect(cum_weights, random() * total, 0, hi)]
                for _ in repeat(None, k)]

    @staticmethod
    def _accumulate_weights(weights: Any) -> list[Any]:
        """Running totals of weights; an int here means k was passed positionally."""
        try:
            return list(accumulate(weights))
        except TypeError:
            if not isinstance(weights, int):
                raise
            k = weights
            raise TypeError(
                f"The number of choices must be a keyword argument: {k=}") from None

    # ------------------------------------------------------------ real-valued distributions

    def uniform(self, a: Any, b: Any) -> Any:
        """Number between a and b."""
        return a + (b - a) * self.random()

    def triangular(self, low: Any = 0.0, high: Any = 1.0, mode: Any = None) -> Any:
        """Triangular distribution on [low, high] peaking at mode."""
        u = self.random()
        try:
            c = 0.5 if mode is None else (mode - low) / (high - low)
        except ZeroDivisionError:
            return low
        if u > c:
            u = 1.0 - u
            c = 1.0 - c
            low, high = high, low
        return low + (high - low) * sqrt(u * c)

    def normalvariate(self, mu: Any = 0.0, sigma: Any = 1.0) -> Any:
        """Normal distribution via Kinderman-Monahan ratio of uniforms."""
        random = self.random
        while True:
            u1 = random()
            u2 = 1.0 - random()
            z = _NV_MAGICCONST * (u1 - 0.5) / u2
            if z * z / 4.0 <= -log(u2):
                break
        return mu + z * sigma

    def gauss(self, mu: Any = 0.0, sigma: Any = 1.0) -> Any:
        """Normal distribution via Box-Muller, caching the second value."""
        z = self.gauss_next
        self.gauss_next = None
        if z is None:
            x2pi = self.random() * tau
            g2rad = sqrt(-2.0 * log(1.0 - self.random()))
            z = cos(x2pi) * g2rad
            self.gauss_next = sin(x2pi) * g2rad
        return mu + z * sigma

    def lognormvariate(self, mu: Any, sigma: Any) -> float:
        """Log-normal distribution: exp of a normal variate."""
        return exp(self.normalvariate(mu, sigma))

    def expovariate(self, lambd: Any) -> float:
        """Exponential distribution with rate lambd."""
        return -log(1.0 - self.random()) / lambd

    def vonmisesvariate(self, mu: Any, kappa: Any) -> float:
        """Von Mises (circular normal) distribution, angle in [0, 2*pi)."""
        random = self.random
        if kappa <= 1e-6:
            return tau * random()
        s = 0.5 / kappa
        r = s + sqrt(1.0 + s * s)
        while True:
            z = cos(pi * random())
            d = z / (r + z)
            u2 = random()
            if u2 < 1.0 - d * d or u2 <= (1.0 - d) * exp(d):
                break
        q = 1.0 / r
        f = (q + z) / (1.0 + q * z)
        if random() > 0.5:
            return (mu + acos(f)) % tau
        return (mu - acos(f)) % tau

    def gammavariate(self, alpha: Any, beta: Any) -> Any:
        """Gamma distribution with shape alpha and scale beta."""
        if alpha <= 0.0 or beta <= 0.0:
            raise ValueError("gammavariate: alpha and beta must be > 0.0")
        if alpha > 1.0:
            return self._gamma_large(alpha) * beta
        if alpha == 1.0:
            return -log(1.0 - self.random()) * beta
        return self._gamma_small(alpha) * beta

    def _gamma_large(self, alpha: Any) -> float:
        """Cheng's rejection method for shape > 1 (unit scale)."""
        random = self.random
        ainv = sqrt(2.0 * alpha - 1.0)
        bbb = alpha - _LOG4
        ccc = alpha + ainv
        while True:
            u1 = random()
            if not 1e-7 < u1 < 0.9999999:
                continue
            u2 = 1.0 - random()
            v = log(u1 / (1.0 - u1)) / ainv
            x = alpha * exp(v)
            z = u1 * u1 * u2
            r = bbb + ccc * v - x
            if r + _SG_MAGICCONST - 4.5 * z >= 0.0 or r >= log(z):
                return x

    def _gamma_small(self, alpha: Any) -> Any:
        """Ahrens-Dieter GS rejection method for shape < 1 (unit scale)."""
        random = self.random
        while True:
            b = (e + alpha) / e
            p = b * random()
            x = p ** (1.0 / alpha) if p <= 1.0 else -log((b - p) / alpha)
            u1 = random()
            if p > 1.0:
                if u1 <= x ** (alpha - 1.0):
                    return x
            elif u1 <= exp(-x):
                return x

    def betavariate(self, alpha: Any, beta: Any) -> Any:
        """Beta distribution from two gamma variates."""
        y = self.gammavariate(alpha, 1.0)
        if y:
            return y / (y + self.gammavariate(beta, 1.0))
        return 0.0

    def paretovariate(self, alpha: Any) -> Any:
        """Pareto distribution with shape alpha."""
        u = 1.0 - self.random()
        return u ** (-1.0 / alpha)

    def weibullvariate(self, alpha: Any, beta: Any) -> Any:
        """Weibull distribution with scale alpha and shape beta."""
        u = 1.0 - self.random()
        return alpha * (-log(u)) ** (1.0 / beta)
