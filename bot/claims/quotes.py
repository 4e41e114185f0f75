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
_LABEL = re.compile(r"([^:“”\"?.]{2,40}):\s*[“\"]")


class Quotes:
    """The speaker whose quoted answer is running, and the people named outside it."""

    __slots__ = ("depth", "others", "speaker")

    def __init__(self) -> None:
        self.speaker: str | None = None
        self.depth = 0
        self.others: list[Person] = []

    def stand_in(self, main: Person | None, text: str) -> Person | None:
        """The person "he" in `text` stands for: `main`, unless `main` is the one speaking
        (in a quote running on, or one this sentence opens)."""
        if main is None:
            return None
        label = _LABEL.search(text)
        speaking = {self.speaker, fold(label.group(1).strip()) if label else None}
        if fold(main.name) not in speaking:
            return main
        return next((p for p in reversed(self.others) if fold(p.name) not in speaking), main)

    def read(self, s: Sentence) -> None:
        """Follow the quote marks and speaker labels of one sentence, in order."""
        label = _LABEL.search(s.text)
        speaker = fold(label.group(1).strip()) if label else None
        if speaker and any(fold(p.name) == speaker for p in s.persons):
            self.speaker, self.depth = speaker, 0
        self.depth += s.text.count("“") - s.text.count("”") + s.text.count('"') % 2 * (1 if self.depth <= 0 else -1)
        if self.depth <= 0:
            self.depth = 0
            if not (speaker and speaker == self.speaker):
                self.speaker = None
        self.others.extend(p for p in s.persons if p.role != "other" and fold(p.name) != self.speaker)
