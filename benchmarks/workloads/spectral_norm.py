"""Classic spectral norm: nested loops, float division and a closure-free matrix-vector product."""
N = 40


def a(i, j):
    return 1.0 / ((i + j) * (i + j + 1) // 2 + i + 1)


def times(u, n):
    return [sum(a(i, j) * u[j] for j in range(n)) for i in range(n)]


def times_transposed(u, n):
    return [sum(a(j, i) * u[j] for j in range(n)) for i in range(n)]


def ata_times(u, n):
    return times_transposed(times(u, n), n)


def run(n):
    u = [1.0] * n
    v = u
    for _ in range(10):
        v = ata_times(u, n)
        u = ata_times(v, n)
    vbv = sum(ue * ve for ue, ve in zip(u, v))
    vv = sum(ve * ve for ve in v)
    return (vbv / vv) ** 0.5


run(N)
