"""Hold one million small ints in a list: peak memory of the whole run."""
N = 1000000

x = list(range(N))
len(x)
