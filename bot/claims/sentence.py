"""One sentence analysed: tokens, club and source mentions, people, the slotted frame, and
which unit of the frame is which person or club. The extractor's first stage; later stages
(triggers, clauses, parties, attribution) read a Sentence and never re-tokenise.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from bot.claims import kinds, ordinary, people, sources
from bot.claims.frame import Frame, Trigger, frame
from bot.claims.lexicon import (
    QUALIFIED_NOUNS,
    TENURE_NOUNS,
)
from bot.claims.mentions import Mention, source_names
from bot.claims.mentions import find as find_mentions
from bot.claims.openers import GRAMMAR_OPENER
from bot.claims.people import Person
from bot.claims.prefilter import Gate
from bot.claims.text import Token, fold, key, tokens_of

_MONEY = re.compile(r"^[£€$]\d")
_YEAR = re.compile(r"^(?:19|20)\d\d$")
_MONEY_OR_YEAR = frozenset("£€$12")  # the first characters either can start with
# Somewhere in a sentence with a token either matches (a token is a piece of the sentence).
_MONEY_OR_YEAR_IN = re.compile(r"[£€$]\d|(?:19|20)\d\d")


def opening(tokens: list[Token]) -> int:
    """Where the sentence's own words start, after a label ("Sources: Asking price set")."""
    for i, tok in enumerate(tokens[:4]):
        if tok.text == ":":
            return i + 1
    return 0


@dataclass(slots=True)
class Sentence:
    text: str
    tokens: list[Token]
    mentions: list[Mention]
    persons: list[Person]
    frame: Frame
    main: Person | None
    guessed: list[str] = field(default_factory=list)  # keys of spans taken for unknown clubs
    unit_person: dict[int, Person] = field(default_factory=dict)
    unit_club: dict[int, Mention] = field(default_factory=dict)
    source: str | None = None
    source_kind: str = ""  # "report" (outlet, journalist, press), "speaker" or "club"
    trigs: list[Trigger] | None = None  # every trigger in the frame, once read
    bound: list[tuple[range, Trigger, int]] = field(default_factory=list)


def analyse(text: str, main: Person | None, known: frozenset[str] = frozenset(), *,
             headline: bool = False) -> Sentence:
    tokens = tokens_of(text)
    mentions = find_mentions(tokens)
    found, unknown, absorbed = people.find(tokens, mentions, known)
    mentions = [m for m in mentions if m.kind != "place"]
    persons = [p for p in found if fold(p.name) not in source_names()
               and not (p.end - p.start == 1 and p.start == opening(tokens)
                        and (GRAMMAR_OPENER.search(tokens[p.start].key)
                             or tokens[p.start].key in kinds.PATTERN_WORDS
                             and not ordinary.named_at_opening(tokens, p.start)))]
    persons = [p for p in persons if not _modifier(tokens, mentions, p)]
    if text.isupper():
        # A shouted headline capitalises every word: only names the item writes in
        # mixed case elsewhere are names here ("TAYLOR OPENS UP ON CELTIC EXIT").
        persons = [p for p in persons if key(p.name).rsplit(" ", 1)[-1] in known]
    if unknown or absorbed:
        mentions = sorted(
            [m for m in mentions if m.start not in absorbed]
            + [Mention("club", " ".join(t.text for t in tokens[a:b]), a, b) for a, b in unknown],
            key=lambda m: m.start,
        )
    if main is not None:
        stand_ins = people.anaphora(tokens, mentions, persons, main)
        if headline and not persons:
            taken = {i for p in stand_ins for i in range(p.start, p.end)}
            stand_ins += [p for p in people.headline_descriptions(tokens, mentions, main)
                          if not taken.intersection(range(p.start, p.end))]
        persons = sorted(persons + stand_ins, key=lambda p: p.start)
    slots: dict[int, tuple[int, str]] = {}
    for m in mentions:
        slots[m.start] = (m.end, "@c" if m.kind == "club" else "@s")
    for p in persons:
        slots[p.start] = (p.end, "@p")
    # Most sentences name no fee and no year (every match holds one of _MONEY_OR_YEAR: asked first).
    if ("1" in text or "2" in text or "£" in text or "€" in text or "$" in text) and _MONEY_OR_YEAR_IN.search(text):
        for i, tok in enumerate(tokens):
            if tok.text[0] in _MONEY_OR_YEAR and i not in slots and (_MONEY.match(tok.text) or _YEAR.match(tok.text)):
                slots[i] = (i + 1, "@m" if _MONEY.match(tok.text) else "@y")
    fr = frame([t.key for t in tokens], slots)
    sent = Sentence(text, tokens, mentions, persons, fr, main)
    sent.guessed = [key(" ".join(t.text for t in tokens[a:b])) for a, b in unknown]
    by_start_p = {p.start: p for p in persons}
    by_start_m = {m.start: m for m in mentions}
    for u, (start, _end, slot) in enumerate(fr.units):
        if slot == "@p":
            sent.unit_person[u] = by_start_p[start]
        elif slot == "@c":
            sent.unit_club[u] = by_start_m[start]
    sent.source, source_unit, sent.source_kind = _source_of(sent)
    if source_unit is not None:
        sent.unit_person.pop(source_unit, None)  # a journalist is never the subject
    return sent


def source_patterns() -> list[re.Pattern[str]]:
    """Every pattern sources.py holds (alone or in a tuple): find() reads no other."""
    found: list[re.Pattern[str]] = []
    for value in vars(sources).values():
        for rx in value if isinstance(value, tuple) else (value,):
            if isinstance(rx, re.Pattern):
                found.append(rx)
    return list(dict.fromkeys(found))


# Most frames cite nobody: a keyword gate over the source patterns (prefilter.py, with the
# frame's slots as words) skips their 16 searches on those frames.
_SOURCE_GATE = Gate(source_patterns(), slots=True)


def _modifier(tokens: list[Token], mentions: list[Mention], p: Person) -> bool:
    j = p.end + (1 if p.end < len(tokens) and tokens[p.end].key == "'s" else 0)
    if j >= len(tokens):
        return False
    club = next((m for m in mentions if m.start == j and m.kind == "club"), None)
    if j > p.end and club is not None:
        # "Arne Slot's Liverpool are plotting a raid", not "Bielsa's Uruguay reign"
        return not (club.end < len(tokens) and tokens[club.end].key in TENURE_NOUNS)
    return tokens[j].key in QUALIFIED_NOUNS


def _source_of(sent: Sentence) -> tuple[str | None, int | None, str]:
    """The sentence's cited source, the unit of a person who is that source, and its kind."""
    if not _SOURCE_GATE.any(sent.frame.text):
        return None, None, ""  # no source pattern can match this frame: what find() returns
    def words() -> list[str]:  # the units as written; only a literal source needs them
        return [" ".join(t.text for t in sent.tokens[a:b]) for a, b, _ in sent.frame.units]

    unit, literal, speaker = sources.find(sent.frame, words)
    if literal:
        return literal, None, "club" if literal == "@club" else "report"
    if unit is None:
        return None, None, ""
    slot = sent.frame.units[unit][2]
    if slot == "@p":
        return sent.unit_person[unit].name, None if speaker else unit, "speaker" if speaker else "report"
    start = sent.frame.units[unit][0]
    mention = next(m for m in sent.mentions if m.start == start)
    return mention.name, None, "club" if mention.kind == "club" else "report"
