"""Fixtures for the terminal front end: a session writing into strings, and a headless app."""
from __future__ import annotations

import asyncio
import io

import pytest
from prompt_toolkit.input import create_pipe_input
from prompt_toolkit.output import DummyOutput

from monty_repl.app import ReplApp
from monty_repl.console import Console
from monty_repl.session import Session


class Captured(Console):
    """A console that keeps what it printed: `.stdout` and `.stderr` text."""

    def __init__(self):
        super().__init__(io.StringIO(), io.StringIO())

    @property
    def stdout(self) -> str:
        return self.out.getvalue()

    @property
    def stderr(self) -> str:
        return self.err.getvalue()


@pytest.fixture
def console() -> Captured:
    return Captured()


@pytest.fixture
def session(console) -> Session:
    return Session(console, handlers={'double': lambda x: x * 2})


@pytest.fixture
def pipe():
    with create_pipe_input() as pipe_input:
        yield pipe_input


@pytest.fixture
def app(session, pipe) -> ReplApp:
    return ReplApp(session, input=pipe, output=DummyOutput(), colour=False)


def typed(app: ReplApp, pipe, keys: str) -> str | None:
    """Send keystrokes to a headless prompt and return the block it accepted."""
    pipe.send_text(keys)
    return app.read()


def read_until(app: ReplApp, pipe, keys: str, condition, timeout: float = 3.0) -> str | None:
    """Send keystrokes, then end the prompt as soon as `condition(buffer)` holds on screen
    (completion runs in the background, so its effect shows up a few renders later);
    after `timeout` seconds the prompt ends with None."""
    def check(application) -> None:
        if not application.future.done() and condition(application.current_buffer):
            application.exit(result=application.current_buffer.text)

    async def give_up() -> None:
        await asyncio.sleep(timeout)
        if not app.prompt.app.future.done():
            app.prompt.app.exit(result=None)

    app.prompt.app.after_render += check
    app.prompt.app.pre_run_callables.append(lambda: app.prompt.app.create_background_task(give_up()))
    try:
        pipe.send_text(keys)
        return app.read()
    finally:
        app.prompt.app.after_render -= check
