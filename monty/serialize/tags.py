"""Numbers used in the payload: msgpack extension codes and heap node tags."""
from __future__ import annotations

# extension types (inline values)
EXT_REF = 0         # reference to a heap node (index)
EXT_NAMED = 1       # reference to a registry name (index into the names table)
EXT_CODE = 2        # reference to a Code (index into the code table)
EXT_BIGINT = 3      # int outside 64 bits (signed big-endian bytes)
EXT_COMPLEX = 4     # two IEEE doubles
EXT_SPECIAL = 5     # one byte: index into SPECIALS
EXT_CONST_SET = 6   # a frozenset constant (packed sorted array)

# heap node tags (first item of each node record)
N_LIST, N_TUPLE, N_DICT, N_SET, N_FROZENSET, N_STR = 0, 1, 2, 3, 4, 5
N_OBJ, N_SUB, N_ITER, N_VIEW, N_MODULE, N_BYTEARRAY, N_RANGE, N_SLICE = 6, 7, 8, 9, 10, 11, 12, 13
N_HOST = 14         # a standard-library host value: kind name + state (serialize/hostvalues)
NODE_TAGS = frozenset(range(15))

STR_INLINE_MAX = 48   # longer strings/bytes become shared nodes
