"""Whether a deal rung is asserted, wished for or imminent: the words in front of its trigger.

Real outlets wrap most moves in a wish or a scenario ("could join", "ready to complete a
move", "an option to sign", "dreams of joining", "in the race to sign") and report imminent
deals with "set to", "poised to", "on the verge of". The claim model reads a wish, a chance
or a scenario as `interest` and an imminent deal as `agreement`, so the rung a trigger names
(completed, agreement) is only asserted when no such word governs it. This reads grammar
(modals, verbs of wanting and trying, nouns of chance), not phrases of particular stories.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from bot.claims.frame import Frame, Trigger
from bot.claims.lexicon import (
    CONTESTS,
    IMMINENT,
    PAST_FORMS,
    SPECULATIVE,
    WISH,
    WON,
)

if TYPE_CHECKING:
    from bot.claims.sentence import Sentence

# Markers are read back to the clause's start or the nearest of these, whichever is nearer.
_STOP = frozenset({"@p", ",", ":", "and", "but", "after", "as", "while", "amid", "despite", "."})
_REACH = 6

RUNGS = frozenset({"completed", "agreement"})


# A gerund that is the subject of a modal: "X joining Fulham would be a masterstroke".
_MODALS_AFTER = frozenset({"would", "could", "might", "may"})


def mood(fr: Frame, clause: range, trig: Trigger) -> str:
    """'wish', 'imminent' or '' for the words governing `trig` within `clause`."""
    if fr.units[trig.start][2].endswith("ing") and any(
            fr.units[u][2] in _MODALS_AFTER for u in range(trig.end, min(clause.stop, trig.end + 4))):
        return "wish"
    found = ""
    u = trig.start - 1
    while u >= clause.start and trig.start - u <= _REACH:
        word = fr.units[u][2]
        if word in _STOP:
            break
        if word in WISH:
            before = fr.units[u - 1][2] if u > clause.start else ""
            before2 = fr.units[u - 2][2] if u - 1 > clause.start else ""
            if word in CONTESTS and (before in WON or before2 in WON):
                return found  # "win the race to sign": the contest is over, the deal is not a wish
            return "wish"  # "could be set to join": the scenario governs
        if word in IMMINENT and not found:
            found = "imminent"
        u -= 1
    return found


def rung(kind: str, fr: Frame, clause: range, trig: Trigger) -> str:
    """The kind the clause asserts for a trigger of `kind`."""
    if kind not in RUNGS:
        return kind
    m = mood(fr, clause, trig)
    if m == "wish":
        return "interest"
    if m == "imminent" and kind == "completed":
        return "agreement"
    return kind


def imminent(fr: Frame, clause: range, trig: Trigger) -> bool:
    """Whether the trigger tells a development to come: "set to leave", "will step down"."""
    return fr.units[trig.start][2] in IMMINENT or mood(fr, clause, trig) == "imminent"


def speculative(fr: Frame, clause: range, trig: Trigger) -> bool:
    """Whether a departure trigger is governed by speculation (see SPECULATIVE)."""
    near = range(max(clause.start, trig.start - _REACH), min(clause.stop, trig.end + 2))
    return any(fr.units[u][2] in SPECULATIVE for u in near)


# Past tense: "Celtic were interested", "had been relieved", "Signed from Chelsea in 2023".
_PAST_AUX = frozenset({"was", "were", "had", "did"})
_NOT_PAST = frozenset({"has", "have", "is", "are", "am", "will", "would", "could", "can", "may", "might",
                       "should", "must", "to", "be", "being", "s", "'s", "ve", "'ve", "set", "shall"})
_SKIP_ADVERB = frozenset({"already", "also", "reportedly", "recently", "previously", "apparently",
                          "been", "not", "never", "once", "then", "initially", "originally", "even"})
_SUBJECT_BEFORE = frozenset({"@p", "@c", "he", "they", "she", "who", "it", "club"})


def past(fr: Frame, clause: range, trig: Trigger) -> bool:
    """Whether the clause tells the trigger's development in the past tense (not the perfect)."""
    u = trig.start - 1
    while u >= clause.start and trig.start - u <= 4:
        word = fr.units[u][2]
        if word in _PAST_AUX:
            return True
        if word in _NOT_PAST:
            return False
        if word not in _SKIP_ADVERB and not word.endswith("ly"):
            break
        u -= 1
    first = fr.units[trig.start][2]
    if not (first.endswith("ed") or first in PAST_FORMS):
        return False
    before = fr.units[trig.start - 1][2] if trig.start > clause.start else ""
    return before in _SUBJECT_BEFORE or trig.start == clause.start


def dated_before(s: Sentence, clause: range, this_year: int) -> bool:
    """Whether the clause, or a dateline opening its sentence ("1967 – Celtic sign ..."),
    dates what it tells to a year before the item's own: history, not news. A season
    ("2025/26", "2025-26") runs into the item's year and is not history."""
    units = s.frame.units
    dateline = [u for u in range(min(3, len(units))) if units[u][2] == "@y"]
    for u in [*(u for u in clause if units[u][2] == "@y"), *dateline]:
        i = units[u][0]
        if i + 2 < len(s.tokens) and s.tokens[i + 1].text in "/-–" and s.tokens[i + 2].text[:1].isdigit():
            continue
        if int(s.tokens[i].text) < this_year:
            return True
    return False
