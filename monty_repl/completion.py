"""Completion of names, attributes and meta commands from the live session."""
from __future__ import annotations

import re
from typing import Callable, Iterable

from prompt_toolkit.completion import CompleteEvent, Completer, Completion
from prompt_toolkit.document import Document

from .commands import COMMANDS, PREFIX

# The identifier being typed, and the dotted expression (`obj.attr.pa`) it may end.
_WORD = re.compile(r'[A-Za-z_][A-Za-z0-9_]*$')
_DOTTED = re.compile(r'[A-Za-z_][A-Za-z0-9_.]*$')


class MontyCompleter(Completer):
    """Asks the session for candidates; `source` returns the MontyRepl current at the time."""

    def __init__(self, source: Callable[[], object]):
        self.source = source

    def get_completions(self, document: Document, complete_event: CompleteEvent) -> Iterable[Completion]:
        """Yield completions for the word before the cursor."""
        before = document.text_before_cursor
        if before.lstrip().startswith(PREFIX) and '\n' not in document.text:
            yield from _command_completions(before.lstrip()[len(PREFIX):])
            return
        word = _match(_WORD, before)
        dotted = _match(_DOTTED, before)
        if not word and not dotted.endswith('.'):
            return
        try:
            candidates = self.source().complete(document.text, document.cursor_position)
        except Exception:  # completion must never break editing
            return
        yield from _completions(candidates, word, dotted)


def _match(pattern: re.Pattern, text: str) -> str:
    """The part of `text` at its end that `pattern` matches, or ''."""
    found = pattern.search(text)
    return found.group() if found else ''


def _completions(candidates: Iterable[str], word: str, dotted: str) -> Iterable[Completion]:
    """Turn candidate strings into completions replacing the word or the dotted expression."""
    seen = set()
    for candidate in candidates:
        if candidate in seen:
            continue
        seen.add(candidate)
        if '.' in candidate and candidate.startswith(dotted):
            yield Completion(candidate, -len(dotted), display=candidate.rsplit('.', 1)[-1])
        elif candidate.startswith(word):
            yield Completion(candidate, -len(word))


def _command_completions(typed: str) -> Iterable[Completion]:
    """Complete the name of a meta command."""
    if ' ' in typed:
        return
    for name, command in COMMANDS.items():
        if name.startswith(typed):
            yield Completion(name, -len(typed), display_meta=command.summary)
