"""A description before a name is one noun phrase with it.

"Newcastle weigh up a move for the highly rated Sporting Lisbon striker Viktor Gyökeres": the
words from "the" to "striker" describe the person; the move is for him. Kind patterns look a
few units ahead for a person ("move for" then at most four units), so a long description hid
the person from them. `read_triggers` also reads the frame with each such description left out
(`@c weigh up a move for @p`) and adds what that reading finds, mapped back to the frame's
own units, where the frame itself found nothing.

A description is a role noun ("striker", "boss", "Japanese") right before the name, and before
it, back to a determiner ("the", "a", "their", "Brighton's"), words that qualify it: clubs, fees,
ages, nationalities and adjectives. Without a determiner only words known to qualify a role
noun are crossed ("move for Sporting Lisbon striker X"); a preposition, a verb or a mark of
punctuation other than a compound's hyphen ends it.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from typing import TYPE_CHECKING

from bot.claims import kinds
from bot.claims.frame import Frame, Trigger
from bot.claims.lexicon import (
    AGE_OR_ADJ,
    HEADS,
    ROLE_MODIFIERS,
)
from bot.claims.segments import PURSUITS, asked_moves, verbless_moves

if TYPE_CHECKING:
    from bot.claims.sentence import Sentence

_DETERMINERS = frozenset({"the", "a", "an", "their", "his", "her", "its"})
# Words known to qualify a role noun, crossed with or without a determiner before them.
_QUALIFIERS = HEADS | ROLE_MODIFIERS | AGE_OR_ADJ | frozenset({"@c", "@m", "-", "rated", "highly rated",
                                                                  "in form", "in demand", "out of favour",
                                                                  "exciting", "young", "talented", "impressive"})
# Words no description holds: verbs, prepositions, conjunctions, clause marks.
_ENDS = frozenset({"is", "are", "was", "were", "be", "been", "has", "have", "had", "will", "would",
                   "could", "can", "may", "might", "should", "to", "that", "which", "who", "and", "or",
                   "but", "as", "while", "for", "from", "of", "on", "in", "at", "with", "by", "over",
                   "about", "into", "than", "after", "before", "since", ",", ".", ":", ";", "?", "!",
                   "|", "(", ")", "@p", "@s", "'s", "not", "no", "he", "she", "they", "it", "we"})
_LONGEST = 8  # units a description may take
_SHORTEST = 3  # shorter ones the patterns already look past


def _start(fr: Frame, p: int) -> int:
    """Where the description ending at person unit `p` starts (`p` when there is none)."""
    units = fr.units
    if p == 0 or units[p - 1][2] not in HEADS:
        return p
    known = p - 1  # the start of the run of known qualifiers
    k = p - 2
    while k >= 0 and p - k <= _LONGEST:
        w = units[k][2]
        if w in _DETERMINERS:
            return k
        if w == "'s" and k > 0 and units[k - 1][2] == "@c":
            return k - 1  # "Brighton's £50m-rated winger X"
        if w in _ENDS or not (w in _QUALIFIERS or w.replace(" ", "").isalpha() or w.endswith("year old")):
            break
        if (w in _QUALIFIERS or w.endswith("year old")) and known == k + 1:
            known = k
        k -= 1
    return known


def description_of(fr: Frame, club: int) -> int | None:
    """The person a description opened by a club's possessive ends with ("Man City's £100m-rated
    star Rodri"), or None."""
    p = next((w for w in range(club + 2, min(club + 2 + _LONGEST, len(fr.units))) if fr.units[w][2] == "@p"), None)
    if p is None or fr.units[p - 1][2] in _WISHED:
        return None  # "Real Madrid's long-term target X": the club wants him, it does not hold him
    return p if _start(fr, p) == club else None


_WISHED = frozenset({"target", "targets", "signing", "priority", "option", "choice", "admirer", "suitor"})


def reduced(fr: Frame, persons: Iterable[int]) -> tuple[Frame, list[int]] | None:
    """The frame with every long description before a person left out, and each kept unit's
    index in `fr`; None when no description is long enough to hide the person."""
    drop: set[int] = set()
    for p in persons:
        a = _start(fr, p)
        if p - a >= _SHORTEST:
            drop.update(range(a, p))
    if not drop:
        return None
    keep = [u for u in range(len(fr.units)) if u not in drop]
    units = [fr.units[u] for u in keep]
    offsets: list[int] = []
    pos = 0
    for _, _, word in units:
        offsets.append(pos)
        pos += len(word) + 1
    return Frame(" ".join(u[2] for u in units) + " ", units, offsets), keep


# Nouns of a pursuit a name can modify: "in the Baleba pursuit", "pull ahead in Yildiz sweepstakes".
_PURSUITS = PURSUITS  # the gate's may_hold() looks for the same nouns


def pursued(fr: Frame, persons: Iterable[int]) -> list[Trigger]:
    """An `interest` trigger on a pursuit noun a name modifies ("Man Utd fall behind Chelsea in
    Carlos Baleba pursuit"): the name is the one pursued, the clubs of its clause pursue him."""
    units = fr.units
    return [Trigger("interest", p, p + 2, "near", False) for p in persons
            if p + 1 < len(units) and units[p + 1][2] in _PURSUITS and p > 0 and units[p - 1][2] in {"in", "the"}]


def read_triggers(fr: Frame, persons: Collection[int]) -> list[Trigger]:
    """The frame's kind triggers; a round-up's verbless moves and a question of a move ("Isak
    to Liverpool", segments.py); a name before a pursuit noun; and the triggers its descriptions
    hid (see the module doc)."""
    found = kinds.triggers(fr)
    if persons:
        moves = [t for t in verbless_moves(fr, persons) + asked_moves(fr, persons) + pursued(fr, persons)
                 if not any(k.start < t.end and t.start < k.end for k in found)]
        if moves:
            found = sorted(found + moves, key=lambda t: t.start)
    if not persons:
        return found
    view = reduced(fr, persons)
    if view is None:
        return found
    short, keep = view
    extra = []
    for t in kinds.triggers(short):
        start, end = keep[t.start], keep[t.end - 1] + 1
        if not any(k.start < end and start < k.end for k in found):
            extra.append(Trigger(t.kind, start, end, t.direction, t.negated, t.base))
    return sorted(found + extra, key=lambda t: t.start) if extra else found


def hyphens(s: Sentence) -> frozenset[int]:
    """Units of a hyphen written against both its neighbours ("£50m-rated"): a compound's, not
    a dash between clauses."""
    t = s.tokens
    if " - " not in s.frame.text:
        return frozenset()
    return frozenset(u for u, (a, b, w) in enumerate(s.frame.units)
                     if w == "-" and a > 0 and b < len(t) and t[a - 1].end == t[a].start and t[b - 1].end == t[b].start)
