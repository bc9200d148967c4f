"""Key bindings: Enter runs a finished block, auto-indent, Tab, dedent, bracketed paste."""
from __future__ import annotations

from prompt_toolkit.application.current import get_app
from prompt_toolkit.buffer import Buffer
from prompt_toolkit.document import Document
from prompt_toolkit.filters import Condition
from prompt_toolkit.key_binding import KeyBindings, KeyPressEvent
from prompt_toolkit.key_binding.bindings.completion import generate_completions
from prompt_toolkit.keys import Keys

from monty.continuation import ContinuationMode, detect_continuation_mode, indent_for_next_line

from .commands import is_command

INDENT = '    '


def should_run(document: Document) -> bool:
    """Enter runs the input when it is a finished block (or a meta command) and the cursor is
    on its last line (anywhere in it); otherwise Enter starts a new line."""
    text = document.text
    if not text.strip() or is_command(text):
        return True
    if '\n' in document.text_after_cursor.rstrip():
        return False
    return detect_continuation_mode(text) is ContinuationMode.COMPLETE


def new_line(buffer: Buffer) -> None:
    """Insert a line break with the indentation the block so far calls for."""
    indent = indent_for_next_line(buffer.document.text_before_cursor)
    buffer.insert_text('\n' + indent)


def accept(buffer: Buffer) -> None:
    """Run the block, dropping the indentation left alone on its last line."""
    head, newline, last = buffer.text.rpartition('\n')
    if newline and not last.strip():
        buffer.text = head + newline
    buffer.validate_and_handle()


def _leading_space(document: Document) -> bool:
    """True when only spaces precede the cursor on its line."""
    before = document.current_line_before_cursor
    return not before.strip(' ')


@Condition
def _in_indentation() -> bool:
    """The cursor sits after spaces only, past the start of the line."""
    document = get_app().current_buffer.document
    return document.cursor_position_col > 0 and _leading_space(document)


def key_bindings() -> KeyBindings:
    """The bindings layered over prompt_toolkit's Emacs or Vi defaults."""
    kb = KeyBindings()

    @kb.add('enter')
    def _enter(event: KeyPressEvent) -> None:
        buffer = event.current_buffer
        state = buffer.complete_state
        if state is not None and state.current_completion is not None:
            buffer.complete_state = None
        elif should_run(buffer.document):
            accept(buffer)
        else:
            new_line(buffer)

    @kb.add('escape', 'enter')
    def _always_new_line(event: KeyPressEvent) -> None:
        new_line(event.current_buffer)

    @kb.add('tab')
    def _tab(event: KeyPressEvent) -> None:
        buffer = event.current_buffer
        if _leading_space(buffer.document):
            column = buffer.document.cursor_position_col
            buffer.insert_text(' ' * (len(INDENT) - column % len(INDENT)))
        else:
            generate_completions(event)

    @kb.add('backspace', filter=_in_indentation)
    def _dedent(event: KeyPressEvent) -> None:
        buffer = event.current_buffer
        column = buffer.document.cursor_position_col
        buffer.delete_before_cursor((column - 1) % len(INDENT) + 1)

    @kb.add(Keys.BracketedPaste)
    def _paste(event: KeyPressEvent) -> None:
        buffer = event.current_buffer
        data = event.data.replace('\r\n', '\n').replace('\r', '\n')
        buffer.insert_text(data)
        if data.endswith('\n') and should_run(buffer.document):
            accept(buffer)

    return kb
