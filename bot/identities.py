"""Who a name means: aliases of a person, choosing among known people, and the person's club.

The choices are pure functions; `resolve_subject` and `note_club` apply them through storage's
queries inside the caller's transaction.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache

from bot.claims.gazetteer import club_named
from bot.claims.lexicon import PARTICLES
from bot.claims.text import fold
from storage import people as people_store
from storage.db import Executor
from storage.records import Candidate


def name_aliases(name: str) -> list[tuple[str, str]]:
    """(folded alias, kind) pairs: the full name, and the surname a headline would use alone."""
    full = fold(name)
    tokens = full.split()
    aliases = [(full, "full")]
    if len(tokens) >= 2:
        surname = " ".join(tokens[1:])
        aliases.append((surname, "surname"))
        # "Alexis Mac Allister" is "Mac Allister"; "Vinicius Junior" is also "Vinicius".
        if tokens[1] not in PARTICLES and len(tokens) > 2:
            aliases.append((tokens[-1], "surname"))
    return list(dict.fromkeys(aliases))


def is_bare_name(name: str) -> bool:
    return len(fold(name).split()) == 1


def club_key(name: str | None) -> str:
    """Club names compared through the gazetteer, so "Man Utd" and "Manchester United" agree."""
    return _club_key(name) if name else ""


@lru_cache(maxsize=4096)
def _club_key(name: str) -> str:
    # Remembered: the default gazetteer is loaded once, and an ingest asks for the same few
    # hundred clubs two or three times a claim.
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


async def create(ex: Executor, name: str, role: str | None, *, placeholder: bool = False,
                 club: str | None = None) -> int:
    """A new person under `name`, findable by its full name and its surname."""
    return await people_store.create(ex, name, role, name_aliases(name), placeholder=placeholder, club=club)


async def create_placeholder(ex: Executor, name: str) -> int:
    """The person a follow names before any claim has: created once, however many follows race."""
    return await people_store.create_placeholder(ex, name, name_aliases(name))


async def expect(ex: Executor, subjects: Iterable[str]) -> None:
    """Look up these subjects' names in one query (an ingest's claims), so that resolving each of
    them in the same transaction asks the database only for what it writes. Not their surnames:
    those are asked only for a full name never seen, and a surname shared by dozens of people
    would cost more to read for every claim than to ask for the few new names."""
    await people_store.prefetch(ex, [fold(subject) for subject in set(subjects)])


async def _weighed(ex: Executor, found: list[Candidate], context: set[str]) -> list[Candidate]:
    """The clubs matter only to choose between two or more people: read them only then, and only
    those of `context` (`choose` asks of a candidate's clubs only whether they meet the claim's)."""
    return await people_store.with_clubs(ex, found, context) if len(found) > 1 else found


async def resolve_subject(ex: Executor, subject: str, role: str,
                          clubs: Iterable[str | None]) -> tuple[int | None, bool]:
    """The person a claim's subject means, creating them when new. (None, True) when ambiguous.

    `clubs`: the clubs the claim names, which tell two namesakes apart."""
    folded = fold(subject)
    context = {_club_key(club) for club in clubs if club}
    if folded and " " not in folded:  # a bare name (is_bare_name: fold leaves single spaces)
        found = await people_store.candidates(ex, folded, clubs=False)
        if not found:
            return await create(ex, subject, role), False
        chosen = choose(await _weighed(ex, found, context), role, context)
        return (chosen.id, False) if chosen else (None, True)

    exact = await people_store.candidates(ex, folded, "full", clubs=False)
    if exact:
        chosen = choose(await _weighed(ex, exact, context), role, context) or exact[0]
        if chosen.placeholder:
            await people_store.upgrade(ex, chosen.id, subject, role, name_aliases(subject))
        return chosen.id, False
    # A full name never seen: one followed placeholder with its surname becomes this person.
    aliases = name_aliases(subject)
    surname = aliases[1][0] if len(aliases) > 1 else folded
    placeholders = [c for c in await people_store.candidates(ex, surname, clubs=False) if c.placeholder]
    if len(placeholders) == 1:
        await people_store.upgrade(ex, placeholders[0].id, subject, role, aliases)
        return placeholders[0].id, False
    return await create(ex, subject, role), False


async def note_club(ex: Executor, entity_id: int, kind: str, role: str, counterpart: str | None,
                    from_club: str | None) -> None:
    """Keep the person's current club: a completed move or an extension says where they are.

    A manager's departure (sacked, resigns, mutual consent) takes effect at once, so it clears the
    club he left; a player's ("contract expiring", "wants to leave") usually has not happened yet.
    """
    if kind == "departure" and role == "manager":
        await people_store.clear_club(ex, entity_id, from_club)
        return
    club = counterpart if kind in ("completed", "contract_extension") else from_club
    if club:
        await people_store.set_club(ex, entity_id, club)
