"""Sorting with key functions: lambdas, named functions, tuple keys, reverse, stability."""
N = 4000


def make(n):
    out = []
    seed = 12345
    for i in range(n):
        seed = (seed * 1103515245 + 12345) % 2147483648
        out.append({"id": i, "score": seed % 1000, "name": "n" + str(seed % 9973)})
    return out


def by_name(rec):
    return rec["name"]


def run(n):
    recs = make(n)
    a = sorted(recs, key=lambda r: r["score"])
    b = sorted(recs, key=by_name, reverse=True)
    c = sorted(recs, key=lambda r: (-r["score"], r["name"], r["id"]))
    recs.sort(key=lambda r: r["id"] % 17)
    words = sorted((r["name"] for r in recs), key=len)
    return [r["id"] for r in a[:5]], b[0]["name"], [r["id"] for r in c[:5]], recs[0]["id"], words[-1]


run(N)
