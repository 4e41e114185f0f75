"""The extractor without its speed-ups, for tests that compare its claims with and without them."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import pytest

from bot.claims import answers, bindable, kinds, prefilter, shortcuts
from bot.claims import sentence as sentence_module
from bot.claims import text as text_module


class OpenGate:
    """A gate that lets every pattern run on every item: the extractor with no keyword gate."""

    always = frozenset(range(len(kinds.PATTERNS)))

    def which(self, *texts: str) -> list[int]:
        return list(range(len(kinds.PATTERNS)))

    def any(self, *texts: str, written: object = ()) -> bool:
        return True

    def near_needs(self, text: str, reach: bool = True) -> bool:
        return True


@contextmanager
def plain(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The extractor without its speed-ups: no keyword gate, no sentence-by-sentence binding gate
    (bindable.py), no gate answer kept across items (answers.py), no short cut (shortcuts.py), every frame searched for a source, every text split by syntok."""
    with monkeypatch.context() as m:
        m.setattr(bindable, "ENABLED", False)
        m.setattr(shortcuts, "ENABLED", False)
        m.setattr(answers, "ENABLED", False)
        m.setattr(prefilter, "ONE_CLAUSE", False)
        m.setattr(text_module, "REUSE", False)
        m.setattr(kinds, "_GATE", OpenGate())
        m.setattr(sentence_module, "_SOURCE_GATE", OpenGate())
        m.setattr(text_module, "plain_spans", lambda text: None)
        yield
