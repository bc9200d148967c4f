"""Completion from the live namespace, by Tab and as you type."""
from __future__ import annotations

from prompt_toolkit.completion import CompleteEvent
from prompt_toolkit.document import Document

from monty_repl.completion import MontyCompleter

from .conftest import read_until


def completions(session, text: str) -> list[tuple[str, int]]:
    completer = MontyCompleter(lambda: session.repl)
    found = completer.get_completions(Document(text), CompleteEvent(completion_requested=True))
    return [(c.text, c.start_position) for c in found]


def test_names_from_the_session(session):
    session.run('alpha = 1\nalphabet = 2\n')
    assert completions(session, 'x = alp') == [('alpha', -3), ('alphabet', -3)]


def test_attributes_of_a_value(session):
    session.run('n = 5\n')
    assert ('bit_length', -3) in completions(session, 'n.bit')


def test_meta_command_names():
    assert completions(None, ':sa') == [('save', -2)]


def test_nothing_after_a_number_or_space(session):
    assert completions(session, '12') == [] and completions(session, 'x = ') == []


def test_tab_completes_a_unique_name(app, pipe, session):
    session.run('velocity = 3\n')

    def tab_once_menu_is_ready(buffer) -> bool:
        """Press Tab when the as-you-type menu has arrived; done when the name is complete."""
        if buffer.text == 'veloc' and buffer.complete_state and not pressed:
            pressed.append(pipe.send_text('\t'))
        return buffer.text == 'velocity'
    pressed: list = []
    assert read_until(app, pipe, 'veloc', tab_once_menu_is_ready) == 'velocity'


def test_menu_while_typing(app, pipe, session):
    session.run('zeta_one = 1\nzeta_two = 2\n')
    menu_has_both = lambda b: b.complete_state and len(b.complete_state.completions) == 2  # noqa: E731
    offered = read_until(app, pipe, 'zeta_', menu_has_both)
    assert offered == 'zeta_'
    assert [c.text for c in app.prompt.default_buffer.complete_state.completions] == ['zeta_one', 'zeta_two']
