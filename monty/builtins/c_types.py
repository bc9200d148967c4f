"""Classes CPython implements in C inside a module, which its error messages name with the module.

CPython's messages use a type's ``tp_name``: the bare name for builtins and classes written in
Python (``Counter``, ``Fraction``), but ``'datetime.date'``, ``'collections.deque'`` for C types
defined in a module.  ``__name__``, ``__qualname__`` and ``repr(cls)`` are unaffected.
"""
from __future__ import annotations


def _in(module: str, names: str, prefix: str | None = None) -> dict:
    return {(module, n): f'{prefix or module}.{n}' for n in names.split()}


# (``__module__`` as Monty gives it, ``__name__``) -> CPython's ``tp_name``
C_TYPE_NAMES: dict[tuple[str, str], str] = {
    **_in('datetime', 'date datetime time timedelta timezone tzinfo IsoCalendarDate'),
    **_in('collections', 'deque OrderedDict defaultdict'),
    **_in('itertools', 'count repeat cycle chain islice accumulate starmap groupby tee '
                       'compress dropwhile takewhile filterfalse zip_longest pairwise product '
                       'permutations combinations combinations_with_replacement'),
    **_in('functools', 'partial KeyWrapper _lru_cache_wrapper'),
    **_in('operator', 'attrgetter itemgetter methodcaller'),
    **_in('re', 'Pattern Match'),
    **_in('_io', 'StringIO BytesIO TextIOWrapper BufferedReader BufferedWriter FileIO'),
    **_in('types', 'SimpleNamespace GenericAlias UnionType'),
    **_in('time', 'struct_time'),
    **_in('os', 'stat_result terminal_size'),
    **_in('sys', 'flags float_info int_info hash_info version_info'),
    **_in('asyncio', 'Future Task', prefix='_asyncio'),
}


def c_type_name(module: str, name: str) -> str | None:
    """CPython's ``tp_name`` for the C type ``module.name``, or None for other classes."""
    return C_TYPE_NAMES.get((module, name))
