"""Tight arithmetic loops: integer and float operations on locals."""
N = 40000


def crunch(n):
    total = 0
    acc = 0.0
    i = 0
    while i < n:
        total += (i * i) % 7 - (i // 3)
        acc += i * 0.5
        if i & 1:
            total ^= i
        i += 1
    for j in range(n):
        acc -= j / 4
    return total, acc


crunch(N)
