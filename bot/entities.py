"""Who a name means: aliases of a person, and choosing among known people. Pure functions."""

from __future__ import annotations

from dataclasses import dataclass

from bot.claims.gazetteer import club_named, fold

# Lower-case words that belong to a surname ("Virgil van Dijk" -> "van dijk").
_PARTICLES = {"van", "von", "de", "der", "den", "da", "das", "do", "dos", "di", "del", "della",
              "le", "la", "mac", "mc", "ter", "ten", "el", "al", "bin", "ben", "st", "san"}


def name_aliases(name: str) -> list[tuple[str, str]]:
    """(folded alias, kind) pairs: the full name, and the surname a headline would use alone."""
    full = fold(name)
    tokens = full.split()
    aliases = [(full, "full")]
    if len(tokens) >= 2:
        surname = " ".join(tokens[1:])
        aliases.append((surname, "surname"))
        # "Alexis Mac Allister" is "Mac Allister"; "Vinicius Junior" is also "Vinicius".
        if tokens[1] not in _PARTICLES and len(tokens) > 2:
            aliases.append((tokens[-1], "surname"))
    return list(dict.fromkeys(aliases))


def is_bare_name(name: str) -> bool:
    return len(fold(name).split()) == 1


@dataclass(frozen=True, slots=True)
class Candidate:
    id: int
    name: str
    role: str | None
    clubs: frozenset[str]  # folded club names seen with this person
    placeholder: bool = False


def club_key(name: str | None) -> str:
    """Club names compared through the gazetteer, so "Man Utd" and "Manchester United" agree."""
    if not name:
        return ""
    club = club_named(name)
    return fold(club.name if club else name)


def choose(candidates: list[Candidate], role: str | None, clubs: set[str]) -> Candidate | None:
    """The one candidate the context points at, or None when it stays ambiguous."""
    if len(candidates) == 1:
        return candidates[0]
    narrowed = [c for c in candidates if clubs and c.clubs & clubs]
    if len(narrowed) == 1:
        return narrowed[0]
    pool = narrowed or candidates
    by_role = [c for c in pool if role and c.role == role]
    if len(by_role) == 1:
        return by_role[0]
    return None
