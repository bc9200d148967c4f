"""Generator pipeline: chained generators, yield from, generator expressions, sum/any."""
N = 30000


def numbers(n):
    i = 0
    while i < n:
        yield i
        i += 1


def evens(src):
    for x in src:
        if x % 2 == 0:
            yield x


def windows(src, size):
    buf = []
    for x in src:
        buf.append(x)
        if len(buf) == size:
            yield tuple(buf)
            buf = buf[1:]


def chained(n):
    yield from numbers(n // 4)
    yield from (x * 3 for x in range(n // 4))


def pipeline(n):
    total = sum(a + b + c for a, b, c in windows(evens(numbers(n)), 3))
    found = any(x > n * 2 for x in chained(n))
    return total, found, sum(chained(n))


pipeline(N)
