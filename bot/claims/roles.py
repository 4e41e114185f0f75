"""Player or manager, from the words of a development when no role noun sits by the name.

A role noun ("Wales boss", "the Brazil forward") settles it (people.py). Without one the
development's own words speak: players are not appointed, sacked, do not resign, step down
or take charge, hold no talks with a nation and have no managerial debut; a loan, a release,
a transfer or "signs for" is a player's. Where nothing speaks the person stays a player.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from bot.claims.frame import Frame, Trigger
from bot.claims.lexicon import (
    JOB_NOUNS,
    JOB_VERBS,
    PLAYER_WORDS,
    STEP_VERBS,
    TALK_WORDS,
)
from bot.claims.mentions import Mention
from bot.claims.people import Person

# Kinds a player has no part in with a national team: a deal, talks, a departure.
_NATIONAL_JOB_KINDS = frozenset({"contract_extension", "departure", "talks", "agreement"})


def player_words(fr: Frame, clause: range) -> bool:
    """Whether the clause tells a player's kind of move ("signs for", "on loan", "released")."""
    words = [fr.units[u][2] for u in clause]
    return any(w in PLAYER_WORDS for w in words) or any(
        w in {"sign", "signs", "signed"} and nxt == "for" for w, nxt in zip(words, words[1:], strict=False))


def job_trigger(fr: Frame, trig: Trigger) -> bool:
    """Whether the trigger's own words are a job's: appointed, sacked, resigns, steps down,
    "returns as head coach", "eyes the Scotland job"."""
    words = [fr.units[u][2] for u in range(trig.start, min(trig.end + 1, len(fr.units)))]
    after = [fr.units[u][2] for u in range(trig.end, min(trig.end + 4, len(fr.units)))]
    if trig.kind == "completed" and "staff" in after[:3] and after[0] in {"@c", "the", "his", "her"}:
        return True  # "joins the Wales coaching staff": a job on the bench, not a call-up
    return any(w in JOB_VERBS or w in JOB_NOUNS for w in words[: trig.end - trig.start]) or any(
        w in STEP_VERBS and nxt == "down" for w, nxt in zip(words, words[1:], strict=False))


def national_job(fr: Frame, clause: range, trig: Trigger, clubs: list[Mention]) -> bool:
    """Talks, a deal or a departure with national teams only is a coach's: "Slot pulls out of
    Netherlands talks", "Gattuso leaves Italy". Not a player's switch of allegiance."""
    if not clubs or not all(m.national for m in clubs) or player_words(fr, clause):
        return False
    if trig.kind in _NATIONAL_JOB_KINDS:
        return True
    return trig.kind == "denial" and any(fr.units[u][2] in TALK_WORDS for u in clause)


_SUCCEED = re.compile(r"\b(?:succeed|succeeds|succeeding|replace|replaces|replacing|successor to|"
                      r"replacement for|take over from|takes over from|taking over from) (?=@p)")


def successions(fr: Frame, unit_person: dict[int, Person]) -> list[tuple[int, int]]:
    """(successor, predecessor) person units: "Iraola, the frontrunner to succeed Slot". The
    successor is the nearest person before the verb; a manager's predecessor is a manager."""
    out: list[tuple[int, int]] = []
    text = fr.text  # every match holds "succe", "replac" or "over from": the search only where one is
    for m in _SUCCEED.finditer(text) if "succe" in text or "replac" in text or "over from" in text else ():
        after = bisect_right(fr.offsets, m.end()) - 1
        before = [u for u in unit_person if u < after and after - u <= 8]
        if before and after in unit_person:
            out.append((max(before), after))
    return out
