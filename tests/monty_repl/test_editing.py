"""Editing at the `>>> ` prompt: continuation, auto-indent, Enter, Tab, paste, Ctrl-C/Ctrl-D."""
from __future__ import annotations

import io

from prompt_toolkit.data_structures import Size
from prompt_toolkit.output.vt100 import Vt100_Output

from monty_repl.app import ReplApp

from .conftest import typed

ENTER = '\r'
ESC_ENTER = '\x1b\r'
BACKSPACE = '\x7f'
UP, DOWN = '\x1b[A', '\x1b[B'
PASTE_START, PASTE_END = '\x1b[200~', '\x1b[201~'


def test_enter_runs_a_complete_line(app, pipe):
    assert typed(app, pipe, 'x = 1' + ENTER) == 'x = 1'


def test_block_header_auto_indents_and_blank_line_finishes(app, pipe):
    keys = 'def f(n):' + ENTER + 'if n:' + ENTER + 'return 1' + ENTER + 'return 2' + ENTER + ENTER
    assert typed(app, pipe, keys) == 'def f(n):\n    if n:\n        return 1\n    return 2\n'


def test_backspace_in_indentation_removes_one_level(app, pipe):
    keys = 'for i in x:' + ENTER + 'if i:' + ENTER + 'a(i)' + ENTER + BACKSPACE + 'b(i)' + ENTER + ENTER
    assert typed(app, pipe, keys) == 'for i in x:\n    if i:\n        a(i)\n    b(i)\n'


def test_open_bracket_continues_with_indent(app, pipe):
    assert typed(app, pipe, 'x = [1,' + ENTER + '2]' + ENTER) == 'x = [1,\n    2]'


def test_escape_enter_adds_a_line_to_complete_input(app, pipe):
    assert typed(app, pipe, 'a = 1' + ESC_ENTER + 'b = 2' + ENTER) == 'a = 1\nb = 2'


def test_tab_at_line_start_indents(app, pipe):
    assert typed(app, pipe, 'if x:' + ENTER + BACKSPACE + '\tpass' + ENTER + ENTER) == 'if x:\n    pass\n'


def test_enter_inside_an_earlier_line_splits_it(app, pipe):
    keys = 'a = 1' + ESC_ENTER + 'b = 2' + UP + ENTER + DOWN + ENTER
    assert typed(app, pipe, keys) == 'a = 1\n\nb = 2'


def test_meta_command_runs_on_enter(app, pipe):
    assert typed(app, pipe, ':vars' + ENTER) == ':vars'


def test_bracketed_paste_of_a_block_with_blank_lines_is_one_cell(app, pipe):
    block = 'def g():\n    a = 1\n\n    return a\n\nprint(g())\n'
    assert typed(app, pipe, PASTE_START + block + PASTE_END) == block


def test_paste_without_final_newline_waits_for_enter(app, pipe):
    block = 'a = 1\nb = 2'
    assert typed(app, pipe, PASTE_START + block + PASTE_END + ENTER) == block


def test_ctrl_c_cancels_the_input(app, pipe, console):
    assert typed(app, pipe, 'def f():' + ENTER + 'x' + '\x03') == ''
    assert 'KeyboardInterrupt' in console.stderr
    assert typed(app, pipe, '1' + ENTER) == '1'


def test_ctrl_d_on_empty_line_ends_input(app, pipe):
    assert typed(app, pipe, '\x04') is None


def test_vi_mode(session, pipe):
    from prompt_toolkit.output import DummyOutput
    vi = ReplApp(session, vi=True, input=pipe, output=DummyOutput(), colour=False)
    assert typed(vi, pipe, 'x = 1\x1b' + '0ry' + ENTER) == 'y = 1'


def test_prompts_are_python_style(session, pipe):
    screen = io.StringIO()
    output = Vt100_Output(screen, lambda: Size(rows=10, columns=60), term='xterm')
    shown = ReplApp(session, input=pipe, output=output, colour=False)
    typed(shown, pipe, 'while x:' + ENTER + 'x -= 1' + ENTER + ENTER)
    assert '>>> ' in screen.getvalue()
    assert '... ' in screen.getvalue()
