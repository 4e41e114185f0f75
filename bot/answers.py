"""Who reads an answer: Discord renders `<#123>` as a channel and `/following` as a command; a
terminal shows them raw, so the CLI (bot/__main__.py) asks for plain words and its own commands."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

_FOR_CLI: ContextVar[bool] = ContextVar("answers_for_cli", default=False)


@contextmanager
def answers_for_cli() -> Iterator[None]:
    token = _FOR_CLI.set(True)
    try:
        yield
    finally:
        _FOR_CLI.reset(token)


def channel(channel_id: int) -> str:
    """A channel as the reader sees it: a mention in Discord, words in a terminal."""
    if not _FOR_CLI.get():
        return f"<#{channel_id}>"
    return "the console" if channel_id == 0 else f"channel {channel_id}"


def command(slash: str, cli: str) -> str:
    """The command to run next, as the reader runs it: the slash command or its CLI twin."""
    return f"`{cli if _FOR_CLI.get() else slash}`"
