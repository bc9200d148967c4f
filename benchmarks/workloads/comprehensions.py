"""List, dict and set comprehensions, nested comprehensions and generator expressions."""
N = 40000


def build(n):
    squares = [i * i for i in range(n)]
    evens = [x for x in squares if x % 2 == 0]
    index = {i: i % 97 for i in range(n)}
    buckets = {v: [] for v in set(index.values())}
    pairs = [(a, b) for a in range(60) for b in range(a) if (a + b) % 3 == 0]
    grid = [[r * c for c in range(20)] for r in range(n // 100)]
    flat = [v for row in grid for v in row if v % 5]
    return len(evens), sum(evens) % 1000003, len(buckets), len(pairs), sum(flat)


build(N)
