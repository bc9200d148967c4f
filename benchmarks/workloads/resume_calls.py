"""One hundred sequential external calls: each one pauses and is resumed by the host."""
N = 100

total = 0
for i in range(N):
    total += fetch(i)
total
