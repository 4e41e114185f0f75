"""Who speaks in a quoted answer. After "X: “...", a "he" in X's own words is someone else:
the person asked about ("Q: How close is the Y deal? X: “He's doing a medical.”"), never X,
who would say "I"."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from bot.claims.text import fold

if TYPE_CHECKING:
    from bot.claims.people import Person
    from bot.claims.sentence import Sentence

# "Martin Keane: “...", "Q: ... ? Boss Name: "...": a speaker's label opening a quote.
_LABEL_END = re.compile(r":\s*[“\"]")


def _label(text: str) -> str | None:
    """The folded speaker's label before the first quote a colon opens, if any."""
    if ":" not in text:
        return None
    m = _LABEL_END.search(text)
    if m is None:
        return None
    start = max(text.rfind(c, 0, m.start()) for c in '“”"?.:') + 1
    label = text[start:m.start()].strip()
    return fold(label) if 2 <= len(label) <= 40 else None


class Quotes:
    """The speaker whose quoted answer is running, and the people named outside it."""

    __slots__ = ("depth", "on", "others", "speaker")

    def __init__(self, text: str) -> None:
        self.on = ":" in text and _LABEL_END.search(text) is not None  # most items quote nobody so
        self.speaker: str | None = None
        self.depth = 0
        self.others: list[Person] = []

    def stand_in(self, main: Person | None, text: str) -> Person | None:
        """The person "he" in `text` stands for: `main`, unless `main` is the one speaking
        (in a quote running on, or one this sentence opens)."""
        if main is None or not self.on or self.speaker is None and ":" not in text:
            return main
        speaking = {self.speaker, _label(text)}
        if fold(main.name) not in speaking:
            return main
        return next((p for p in reversed(self.others) if p.role != "other" and fold(p.name) not in speaking), main)

    def read(self, s: Sentence) -> None:
        """Follow the quote marks and speaker labels of one sentence, in order."""
        if not self.on:
            return
        text = s.text
        speaker = _label(text)
        if speaker and any(fold(p.name) == speaker for p in s.persons):
            self.speaker, self.depth = speaker, 0
        if "“" in text or '"' in text or "”" in text:
            self.depth += text.count("“") - text.count("”") + text.count('"') % 2 * (1 if self.depth <= 0 else -1)
        if self.depth <= 0:
            self.depth = 0
            if not (speaker and speaker == self.speaker):
                self.speaker = None
        self.others += s.persons  # the speaker and officials are passed over when read
