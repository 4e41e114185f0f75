"""The item's screen, the extractor's first stage: an item that cannot carry a claim is turned
away before any sentence is split, with the reason (a column, a match report or clip, no word
any kind pattern needs). Most items of a feed are turned away here.

extract_claims() asks it of every item; the pipeline may ask it apart first (may_carry_claims), so
that a process extracting beside it gets only the items worth reading (bot/extraction_process.py).
"""

from __future__ import annotations

import re

from bot.claims import bindable, kinds, ordinary, shortcuts, trace
from bot.claims.text import clean, strip_boilerplate

# A match report ("Everton 1-2 Bournemouth: ...", "Player ratings"): moves named in it are
# background to the game. (Not "Watch:": a clip may show a sacking being announced.)
MATCH_OR_CLIP = re.compile(r"^(?:highlights|player ratings|ratings|recap|in pictures)\b|"
                           r"(?<![\d£€$.,-])\b(?:1?\d)\s?[-–]\s?(?:1?\d)\b(?![-–]?\s?(?:year|yr|month|day|man|point)s?\b)", re.I)
# A Guardian-style column: "Headline | Author Name".
COLUMN = re.compile(r"\|\s*[A-Z][\w'’-]+(?:\s+(?:[A-Z][\w'’-]+|de|van|da)){1,3}\s*\.?$")


def screened(title: str, summary: str, content: str, *, keywords: bool = True) -> tuple[str, str] | None:
    """The title and summary cleaned for reading, or None when the item cannot carry a claim.

    Starts the item: the sentence views and tokens of the last one are not reused, and its other
    sentences become the evidence that tells a name from an ordinary word (ordinary.py), which the
    keyword gate asks too. `keywords=False`: the keyword gate has already let this item through."""
    bindable.new_item()
    ordinary.new_item(title, summary, content)
    title = clean(title)
    if shortcuts.column(COLUMN, title):
        trace.note("dropped: the title marks a column")
        return None  # "... | Jonathan Wilson", "... – live": a column or a live blog
    if shortcuts.match_or_clip(MATCH_OR_CLIP, title):
        trace.note("dropped: the title marks a match report or a clip")
        return None
    summary = strip_boilerplate(clean(summary))  # (after the title's tests: a dropped item needs none)
    if keywords and not kinds.may_trigger(title, summary, content):
        trace.note("prefilter: no word any kind pattern needs")
        return None  # no kind pattern can match (most items): skip sentences and tokens
    return title, summary


def may_carry_claims(title: str, summary: str = "", content: str = "") -> bool:
    """False when extract_claims() would give this item no claim without reading a sentence."""
    return screened(title, summary, content) is not None
