"""``itertools``: lazy iterator building blocks, written in Monty as generators."""
from __future__ import annotations

SOURCE = r'''
_MAXSIZE = 9223372036854775807


class count:
    """count(start=0, step=1): start, start+step, start+2*step, ..."""

    def __init__(self, start=0, step=1):
        for v in (start, step):
            if not isinstance(v, (int, float, complex)):
                raise TypeError('a number is required')
        self._n = start
        self._step = step

    def __iter__(self):
        return self

    def __next__(self):
        n = self._n
        self._n = n + self._step
        return n

    def __repr__(self):
        if self._step == 1 and type(self._step) is int:
            return f'count({self._n!r})'
        return f'count({self._n!r}, {self._step!r})'


class repeat:
    """repeat(object[, times]): object, over and over (or ``times`` times)."""

    def __init__(self, object, times=None):
        self._obj = object
        self._left = None if times is None else max(times, 0)

    def __iter__(self):
        return self

    def __next__(self):
        if self._left is None:
            return self._obj
        if self._left <= 0:
            raise StopIteration
        self._left -= 1
        return self._obj

    def __length_hint__(self):
        if self._left is None:
            raise TypeError("len() of unsized object")
        return self._left

    def __repr__(self):
        if self._left is None:
            return f'repeat({self._obj!r})'
        return f'repeat({self._obj!r}, {self._left})'


def cycle(iterable):
    """Like CPython, the iterable is checked when the iterator is made."""
    return _cycle(iter(iterable))


def _cycle(iterable):
    saved = []
    for element in iterable:
        yield element
        saved.append(element)
    while saved:
        for element in saved:
            yield element


def accumulate(iterable, func=None, *, initial=None):
    """Like CPython, the iterable is checked when the iterator is made."""
    return _accumulate(iter(iterable), func, initial=initial)


def _accumulate(iterable, func=None, *, initial=None):
    it = iter(iterable)
    total = initial
    if initial is None:
        for total in it:
            break
        else:
            return
    yield total
    if func is None:
        for element in it:
            total = total + element
            yield total
    else:
        for element in it:
            total = func(total, element)
            yield total


def _chain(iterables):
    for it in iterables:
        for element in it:
            yield element


def chain(*iterables):
    return _chain(iterables)


def _from_iterable(iterable):
    return _chain(iterable)


chain.from_iterable = _from_iterable


def compress(data, selectors):
    return (d for d, s in zip(data, selectors) if s)


def dropwhile(predicate, iterable):
    """Like CPython, the iterable is checked when the iterator is made."""
    return _dropwhile(predicate, iter(iterable))


def _dropwhile(predicate, iterable):
    it = iter(iterable)
    for x in it:
        if not predicate(x):
            yield x
            break
    for x in it:
        yield x


def takewhile(predicate, iterable):
    """Like CPython, the iterable is checked when the iterator is made."""
    return _takewhile(predicate, iter(iterable))


def _takewhile(predicate, iterable):
    for x in iterable:
        if predicate(x):
            yield x
        else:
            break


def filterfalse(predicate, iterable):
    """Like CPython, the iterable is checked when the iterator is made."""
    return _filterfalse(predicate, iter(iterable))


def _filterfalse(predicate, iterable):
    if predicate is None:
        predicate = bool
    for x in iterable:
        if not predicate(x):
            yield x


def starmap(function, iterable):
    """Like CPython, the iterable is checked when the iterator is made."""
    return _starmap(function, iter(iterable))


def _starmap(function, iterable):
    for args in iterable:
        yield function(*args)


class _GroupState:
    def __init__(self, iterable, key):
        self.it = iter(iterable)
        self.keyfunc = key
        self.tgtkey = self.currkey = self.currvalue = _MARKER
        self.group_id = 0


_MARKER = object()


def _group_advance(st):
    st.currvalue = next(st.it)
    st.currkey = st.currvalue if st.keyfunc is None else st.keyfunc(st.currvalue)


def _grouper(st, tgtkey, gid):
    while st.group_id == gid:
        yield st.currvalue
        if st.group_id != gid:
            return
        try:
            _group_advance(st)
        except StopIteration:
            st.currkey = _MARKER
            return
        if not st.currkey == tgtkey:
            return


def groupby(iterable, key=None):
    st = _GroupState(iterable, key)
    while True:
        st.group_id += 1
        while st.currkey is _MARKER or (st.tgtkey is not _MARKER and st.currkey == st.tgtkey):
            try:
                _group_advance(st)
            except StopIteration:
                return
        st.tgtkey = st.currkey
        yield st.currkey, _grouper(st, st.tgtkey, st.group_id)


def _islice_arg(v, what):
    if v is None:
        return None
    if not isinstance(v, int) or v < 0 or v > _MAXSIZE:
        raise ValueError(what)
    return v


def islice(iterable, *args):
    if len(args) == 1:
        start, stop, step = 0, args[0], 1
    elif len(args) in (2, 3):
        start, stop = args[0], args[1]
        step = args[2] if len(args) == 3 else 1
    else:
        n = len(args) + 1
        if n < 2:
            raise TypeError(f'islice expected at least 2 arguments, got {n}')
        raise TypeError(f'islice expected at most 4 arguments, got {n}')
    if len(args) == 1:
        stop = _islice_arg(stop, 'Stop argument for islice() must be None or an integer: '
                                 '0 <= x <= sys.maxsize.')
    else:
        msg = 'Indices for islice() must be None or an integer: 0 <= x <= sys.maxsize.'
        start = _islice_arg(start, msg)
        stop = _islice_arg(stop, msg)
        if start is None:
            start = 0
    if step is None:
        step = 1
    if not isinstance(step, int) or step <= 0:
        raise ValueError('Step for islice() must be a positive integer or None.')
    return _islice(iter(iterable), start, stop, step)


def _islice(it, start, stop, step):
    i = 0
    nexti = start
    if stop is not None and start >= stop:
        for _ in range(stop):
            next(it, None)
        return
    for element in it:
        if i == nexti:
            yield element
            nexti += step
            if stop is not None and nexti >= stop:
                for _ in range(stop - i - 1):
                    if next(it, _MARKER) is _MARKER:
                        break
                return
        i += 1


def pairwise(iterable):
    """Like CPython, the iterable is checked when the iterator is made."""
    return _pairwise(iter(iterable))


def _pairwise(iterable):
    it = iter(iterable)
    for a in it:
        break
    else:
        return
    for b in it:
        yield a, b
        a = b


def zip_longest(*iterables, fillvalue=None):
    """Like CPython, the iterable is checked when the iterator is made."""
    return _zip_longest(*[iter(it) for it in iterables], fillvalue=fillvalue)


def _zip_longest(*iterables, fillvalue=None):
    iterators = [iter(it) for it in iterables]
    active = len(iterators)
    if not active:
        return
    while True:
        values = []
        for i, it in enumerate(iterators):
            value = next(it, _MARKER)
            if value is _MARKER:
                active -= 1
                if not active:
                    return
                iterators[i] = repeat(fillvalue)
                value = fillvalue
            values.append(value)
        yield tuple(values)


def _tee_gen(it, buffers, mine):
    while True:
        if not mine:
            value = next(it, _MARKER)
            if value is _MARKER:
                return
            for buf in buffers:
                buf.append(value)
        yield mine.pop(0)


def tee(iterable, n=2):
    if not isinstance(n, int):
        raise TypeError(f"'{type(n).__name__}' object cannot be interpreted as an integer")
    if n < 0:
        raise ValueError('n must be >= 0')
    it = iter(iterable)
    buffers = [[] for _ in range(n)]
    return tuple(_tee_gen(it, buffers, buf) for buf in buffers)


def product(*iterables, repeat=1):
    if repeat < 0:
        raise ValueError('repeat argument cannot be negative')
    pools = [tuple(pool) for pool in iterables] * repeat
    return _product(pools)


def _product(pools):
    result = [[]]
    for pool in pools:
        result = [x + [y] for x in result for y in pool]
    for prod in result:
        yield tuple(prod)


def _check_r(r, n):
    if r is None:
        return n
    if not isinstance(r, int):
        raise TypeError('Expected int as r')
    if r < 0:
        raise ValueError('r must be non-negative')
    return r


def permutations(iterable, r=None):
    pool = tuple(iterable)
    return _permutations(pool, _check_r(r, len(pool)))


def _permutations(pool, r):
    n = len(pool)
    if r > n:
        return
    indices = list(range(n))
    cycles = list(range(n, n - r, -1))
    yield tuple(pool[i] for i in indices[:r])
    while n:
        for i in reversed(range(r)):
            cycles[i] -= 1
            if cycles[i] == 0:
                indices[i:] = indices[i + 1:] + indices[i:i + 1]
                cycles[i] = n - i
            else:
                j = cycles[i]
                indices[i], indices[-j] = indices[-j], indices[i]
                yield tuple(pool[i] for i in indices[:r])
                break
        else:
            return


def combinations(iterable, r):
    pool = tuple(iterable)
    return _combinations(pool, _check_r(r, 0))


def _combinations(pool, r):
    n = len(pool)
    if r > n:
        return
    indices = list(range(r))
    yield tuple(pool[i] for i in indices)
    while True:
        for i in reversed(range(r)):
            if indices[i] != i + n - r:
                break
        else:
            return
        indices[i] += 1
        for j in range(i + 1, r):
            indices[j] = indices[j - 1] + 1
        yield tuple(pool[i] for i in indices)


def combinations_with_replacement(iterable, r):
    pool = tuple(iterable)
    return _cwr(pool, _check_r(r, 0))


def _cwr(pool, r):
    n = len(pool)
    if not n and r:
        return
    indices = [0] * r
    yield tuple(pool[i] for i in indices)
    while True:
        for i in reversed(range(r)):
            if indices[i] != n - 1:
                break
        else:
            return
        indices[i:] = [indices[i] + 1] * (r - i)
        yield tuple(pool[i] for i in indices)
'''
