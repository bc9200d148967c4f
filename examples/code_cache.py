"""Compile once, cache the bytes, run later without compiling again."""
from monty import Monty

SOURCE = '''
def fib(n):
    a, b = 0, 1
    for _ in range(n):
        a, b = b, a + b
    return a
fib(n)
'''

cache: dict[str, bytes] = {}


def program(source: str) -> Monty:
    if source not in cache:
        cache[source] = Monty(source, inputs=['n']).dump()
    return Monty.load(cache[source])


if __name__ == '__main__':
    print(program(SOURCE).run(inputs={'n': 30}))
    print(program(SOURCE).run(inputs={'n': 10}), f'({len(cache[SOURCE])} cached bytes)')
