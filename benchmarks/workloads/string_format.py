"""String building: f-strings, %-formatting, str.format, join, methods and print()."""
N = 3000


def render(n):
    lines = []
    for i in range(n):
        name = "item%d" % i
        price = i * 1.25
        lines.append(f"{name:<10}|{price:>10.2f}|{i:05d}|{i:x}")
        lines.append("{0}-{1}".format(name.upper(), str(i).zfill(6)))
    text = "\n".join(lines)
    words = text.replace("|", " ").split()
    print(lines[0])
    print(lines[-1])
    return len(text), len(words), sum(len(w) for w in words), text[-40:]


render(N)
