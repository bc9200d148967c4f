"""A REPL session holding N small objects; the timed step is checkpoint() + restore()."""
N = 100000

data = [{"i": i} for i in range(N)]
sum(d["i"] for d in data[:10]) + len(data)
