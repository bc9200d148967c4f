"""A Jupyter kernel that runs notebook cells in a sandboxed Monty session."""
__version__ = '0.1.0'
