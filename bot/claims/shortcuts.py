"""Cheaper ways to the extractor's own answers: a test every match needs, asked before the
search; a pure reading one item asks for twice, done once.

Each is right by construction, and switched off with ENABLED for the with/without comparisons
(tests/claims/gates.py, bench_extract --compare, tests/claims/test_speed_identical.py):

- a title search (a column's "| Author", a match report's score or opening word) runs only
  where a character every match holds is in the title, or its anchored branch matches at 0;
- modality.unasserted() of one bound trigger is asked when the sentence's subject is chosen
  and again when its claim is made: the second time it is the first answer, kept for the
  item (text.item_memo). The frame is kept beside its answer, so no id is reused meanwhile.
"""

from __future__ import annotations

import re

from bot.claims import modality
from bot.claims.frame import Frame, Trigger
from bot.claims.text import item_memo, remember

ENABLED = True  # tests and the benchmark switch it off to compare

_DIGIT = re.compile(r"\d")  # what a score's digits are, in any script
_UNASSERTED = item_memo()  # (frame id, clause, trigger, unit, published) -> (frame, why)


def column(rx: re.Pattern[str], title: str) -> bool:
    """rx.search(title) for screen.COLUMN, whose every match holds a "|"."""
    return (not ENABLED or "|" in title) and rx.search(title) is not None


def match_or_clip(rx: re.Pattern[str], title: str) -> bool:
    """rx.search(title) for screen.MATCH_OR_CLIP: a branch anchored at the title's start
    (a match there is what match() finds) or a score, whose every match holds "-" or "–"
    (a dash has no other case for re.I to match) and a digit (\\d, as the score's own)."""
    if not ENABLED:
        return rx.search(title) is not None
    if rx.match(title) is not None:
        return True
    return ("-" in title or "–" in title) and _DIGIT.search(title) is not None and rx.search(title) is not None


def unasserted(fr: Frame, clause: range, trig: Trigger, unit: int, published: str | None) -> str:
    """modality.unasserted(fr, clause, trig, unit, published), once an item per arguments (a
    pure function of them: stance, tense and modifiers read the frame and nothing else)."""
    if not ENABLED:
        return modality.unasserted(fr, clause, trig, unit, published)
    key = (id(fr), clause.start, clause.stop, clause.step, trig, unit, published)
    got = _UNASSERTED.get(key)
    if got is None or got[0] is not fr:
        got = remember(_UNASSERTED, key, (fr, modality.unasserted(fr, clause, trig, unit, published)))
    return got[1]  # type: ignore[no-any-return]
