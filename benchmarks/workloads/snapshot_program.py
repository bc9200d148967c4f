"""A ten-line program: the compiled-code round trip dumps and loads it."""
def area(w, h):
    return w * h


shapes = [(2, 3), (4, 5), (6, 7)]
total = 0
for w, h in shapes:
    total += area(w, h)
label = f"total={total}"
label
