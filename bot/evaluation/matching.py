"""How a predicted claim is matched to a labelled one, as ../shared/data/labelled/README.md says.

Shared by every scorer so the figures compare: a person matches when the last name token of
one name appears among the other's tokens, after folding accents, case, hyphens and
apostrophes and dropping particles; a kind matches when it is one of the label's kinds.
"""

from __future__ import annotations

import re

from bot.claims import gazetteer
from bot.claims.text import fold

PARTICLES = frozenset({"de", "del", "della", "der", "den", "van", "von", "da", "das", "do", "dos",
                       "di", "du", "la", "le", "el", "al", "ter", "ten", "bin", "ben", "mac", "st"})
_NON_WORD = re.compile(r"[^a-z0-9 ]+")


def name_tokens(name: str) -> list[str]:
    """Folded tokens of a name without particles ("Virgil van Dijk" -> ["virgil", "dijk"])."""
    folded = _NON_WORD.sub(" ", fold(name).replace("-", " ").replace("'", " ").replace("’", " "))
    tokens = [t for t in folded.split() if t not in PARTICLES]
    return tokens or folded.split()


def same_person(a: str, b: str) -> bool:
    ta, tb = name_tokens(a), name_tokens(b)
    if not ta or not tb:
        return False
    return ta[-1] in tb or tb[-1] in ta


def club_key(name: str | None) -> str | None:
    """One key per club however it is written ("Man Utd", "Manchester United")."""
    if not name:
        return None
    club = gazetteer.club_named(name)
    return fold(club.name) if club else fold(name).removeprefix("the ")


def same_club(a: str | None, b: str | None) -> bool:
    ka, kb = club_key(a), club_key(b)
    if ka is None or kb is None:
        return False
    if ka == kb:
        return True
    # "Madrid" for "Real Madrid", "Inter" for "Inter Milan": one name contained in the other.
    wa, wb = ka.split(), kb.split()
    return set(wa) <= set(wb) or set(wb) <= set(wa)


def source_key(name: str | None) -> str | None:
    if not name:
        return None
    source = gazetteer.source_named(name)
    if source:
        return fold(source.name)
    club = gazetteer.club_named(name, weak=False)
    return fold(club.name) if club else fold(name).removeprefix("the ")


def ratio(hits: int, misses: int) -> float:
    """Precision (right, wrong) or recall (found, missed); 1.0 when there was nothing to judge."""
    return hits / (hits + misses) if hits + misses else 1.0


def f1(precision: float, recall: float) -> float:
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0
