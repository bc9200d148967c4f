"""Dict-heavy counting: word frequencies, get/setdefault, items() sorting."""
N = 20000

WORDS = (
    "the quick brown fox jumps over the lazy dog while a sandboxed interpreter "
    "counts every word it sees and keeps a tally in a dictionary keyed by word"
).split()


def count(n):
    freq = {}
    by_len = {}
    for i in range(n):
        w = WORDS[(i * 7 + i // 5) % len(WORDS)]
        key = w if i % 3 else w + str(i % 11)
        freq[key] = freq.get(key, 0) + 1
        by_len.setdefault(len(key), []).append(key)
    top = sorted(freq.items(), key=lambda kv: (-kv[1], kv[0]))[:10]
    sizes = {k: len(v) for k, v in by_len.items()}
    if "the" in freq:
        del freq["the"]
    return top, sorted(sizes.items()), len(freq)


count(N)
