"""Performance suite: the same workloads timed under CPython and under Monty, side by side."""
