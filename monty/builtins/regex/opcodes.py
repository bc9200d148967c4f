"""Instruction and backtrack-entry codes for the regex virtual machine."""

CHAR = 0        # (CHAR, ch)
STR = 1         # (STR, text, length)
TEST = 2        # (TEST, predicate)
ANY = 3         # (ANY,) any character but newline
ANY_ALL = 4     # (ANY_ALL,)
SPLIT = 5       # (SPLIT, first_pc, second_pc)
JMP = 6         # (JMP, pc)
SAVE = 7        # (SAVE, slot)   odd slots close a group and set lastindex
AT = 8          # (AT, predicate(s, pos, end))
REP1 = 9        # (REP1, scan, test, lo, hi, mode, next_char)
LOOP_INIT = 10  # (LOOP_INIT, reg)
LOOP = 11       # (LOOP, reg, lo, hi, greedy, exit_pc)
LOOP_ENTER = 12  # (LOOP_ENTER, reg) optional iteration: count it, remember pos
REF = 13        # (REF, group, fold)
IF_GROUP = 14   # (IF_GROUP, group, else_pc)
LOOK = 15       # (LOOK, code, behind_width or -1, negate)
ATOMIC = 16     # (ATOMIC, code)
MATCH = 17      # (MATCH,) end of the whole pattern
SUCCEED = 18    # (SUCCEED,) end of a lookaround or atomic body

# Backtrack stack entry tags.
B_CHOICE = 0    # (B_CHOICE, pc, pos)
B_CAP = 1       # (B_CAP, slot, old)
B_REG = 2       # (B_REG, reg, old)
B_GREEDY = 3    # (B_GREEDY, pc, min_pos, pos, next_char)
B_LAZY = 4      # (B_LAZY, pc, pos, max_pos, test)

GREEDY, LAZY, POSSESSIVE = 0, 1, 2
