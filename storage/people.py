"""People and their aliases: the SQL. Which person a name means is decided in bot/identities.py.

Every alias given here is already folded (accents and case removed) by the caller, with the kind
of alias it is ("full" or "surname").
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Sequence

from storage.db import (
    Connection,
    Executor,
    fetchall,
    fetchone,
    insert_id,
    many,
    one,
    transaction,
    utcnow,
)
from storage.records import Candidate, PersonRecord

Aliases = Sequence[tuple[str, str]]  # (folded alias, "full" | "surname")


_NAMED = "SELECT a.alias, a.kind, e.id, e.name, e.role, e.placeholder FROM entity_aliases a JOIN entities e ON e.id = a.entity_id"
_MEMO = "people.aliases"  # the transaction's memo key: folded alias -> [(kind, Candidate without clubs)]
_CHUNK = 500  # aliases per query: under SQLite's bind limit

AliasPeople = dict[str, list[tuple[str, Candidate]]]


def _memo(ex: Executor) -> AliasPeople:
    memo = ex.memo()
    found = memo.get(_MEMO)
    if found is None:
        found = memo[_MEMO] = {}
    return found


def _forget(ex: Executor, aliases: Aliases, entity_id: int | None = None) -> None:
    """What a write makes stale: the lists of these aliases, and (a rename) every list holding the person."""
    memo = _memo(ex)
    for alias, _ in aliases:
        memo.pop(alias, None)
    if entity_id is not None:
        for alias in [alias for alias, held in memo.items() if any(c.id == entity_id for _, c in held)]:
            del memo[alias]


async def prefetch(ex: Executor, aliases: Iterable[str]) -> None:
    """Look up many folded aliases at once (an ingest's subjects): later `candidates` calls in the same
    transaction read them from memory instead of one query each. Writes through this module keep the
    memory right (`_forget`); outside a transaction nothing is remembered."""
    await _look_up(ex, _memo(ex), aliases)


async def _look_up(ex: Executor, memo: AliasPeople, aliases: Iterable[str]) -> None:
    wanted = sorted({alias for alias in aliases if alias not in memo})
    for start in range(0, len(wanted), _CHUNK):
        chunk = wanted[start : start + _CHUNK]
        for alias in chunk:
            memo[alias] = []
        rows = await fetchall(ex, f"{_NAMED} WHERE a.alias IN ({','.join('?' * len(chunk))})"  # noqa: S608 - marks only
                              " ORDER BY a.alias, a.entity_id", chunk)
        for row in rows:
            memo[row["alias"]].append((row["kind"], Candidate(row["id"], row["name"], row["role"], frozenset(),
                                                              bool(row["placeholder"]))))


async def candidates(ex: Executor, alias: str, kind: str | None = None, *, clubs: bool = True) -> list[Candidate]:
    """The people an alias may mean (by person id), each with the club keys seen with them.

    `clubs=False`: without the clubs (empty), as remembered since this transaction first asked (writes
    through this module keep that true), for a caller that weighs people only between two or more
    and asks `with_clubs` then: the clubs are the costly part (every claim about the person)."""
    memo = _memo(ex)
    if alias not in memo:
        await _look_up(ex, memo, (alias,))
    found = [candidate for held_kind, candidate in memo[alias] if kind is None or held_kind == kind]
    return await with_clubs(ex, found) if clubs and found else found


async def with_clubs(ex: Executor, found: list[Candidate], among: Collection[str] | None = None) -> list[Candidate]:
    """The candidates read afresh (name, role, placeholder), each with the club keys seen with them:
    their claims' counterparts and their club. Never remembered: every claim stored in the
    transaction adds to the clubs.

    `among`: only these club keys are looked for (the clubs a claim names, which is all a choice
    between namesakes asks): each candidate's clubs are then those of `among` seen with them, and
    none are read when it is empty. A surname shared by dozens of people in a large database
    otherwise reads every claim of every one of them."""
    ids = [candidate.id for candidate in found]
    marks = ",".join("?" * len(ids))
    wanted = sorted(among) if among is not None else None
    allowed = set(wanted) if wanted is not None else None
    # Each person's own club comes with them (lower() in SQL, as each backend folds it): one
    # reading of their rows, where a UNION with the claims read them twice and sorted the lot.
    people = {row["id"]: row for row in await fetchall(ex,
        f"SELECT id, name, role, placeholder, lower(club) AS club_key FROM entities WHERE id IN ({marks})", ids)}  # noqa: S608 - marks only
    clubs: dict[int, set[str]] = {}
    for person in people.values():
        if person["club_key"] is not None and (allowed is None or person["club_key"] in allowed):
            clubs.setdefault(person["id"], set()).add(person["club_key"])
    if wanted != []:
        # One query for every candidate's clubs: a bare surname can fit dozens of people.
        sql = (f"SELECT DISTINCT entity_id, counterpart_key FROM claims WHERE entity_id IN ({marks})"  # noqa: S608 - marks only
               " AND counterpart_key != ''")
        params: tuple[object, ...] = tuple(ids)
        if wanted is not None:
            sql += f" AND counterpart_key IN ({','.join('?' * len(wanted))})"
            params = (*ids, *wanted)
        for row in await fetchall(ex, sql, params):
            clubs.setdefault(row[0], set()).add(row[1])
    return [Candidate(person["id"], person["name"], person["role"], frozenset(clubs.get(person["id"], ())),
                      bool(person["placeholder"]))
            for person in (people[candidate.id] for candidate in found)]


NAMES_CHANGED = [0]  # bumped whenever a name or alias changes in this process; autocomplete caches on it


async def _add_aliases(conn: Connection, entity_id: int, aliases: Aliases) -> None:
    """The aliases, and a new names version: every process's autocomplete cache sees the change."""
    await conn.executemany(
        "INSERT INTO entity_aliases (alias, entity_id, kind) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
        [(alias, entity_id, kind) for alias, kind in aliases],
    )
    await conn.execute("UPDATE counters SET value = value + 1 WHERE name = 'names'")


async def create(ex: Executor, name: str, role: str | None, aliases: Aliases, *, placeholder: bool = False,
                 club: str | None = None) -> int:
    now = utcnow()
    async with transaction(ex) as conn:
        entity_id = await insert_id(conn,
            "INSERT INTO entities (name, role, club, placeholder, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)"
            " RETURNING id",
            (name, role, club, int(placeholder), now, now),
        )
        assert entity_id is not None
        NAMES_CHANGED[0] += 1
        await _add_aliases(conn, entity_id, aliases)
        _forget(conn, aliases)
    return entity_id


async def create_placeholder(ex: Executor, name: str, aliases: Aliases) -> int:
    """The person followed by a name no claim has named yet, created once however many follows race.

    The folded name (the first, full alias) is unique among placeholders (placeholder_key), so a
    second insert of the same name, from this process or another, finds the first instead of
    making a twin nobody alerts.
    """
    now = utcnow()
    key = aliases[0][0]
    async with transaction(ex) as conn:
        entity_id = await insert_id(conn,
            "INSERT INTO entities (name, role, club, placeholder, placeholder_key, created_at, updated_at)"
            " VALUES (?, NULL, NULL, 1, ?, ?, ?) ON CONFLICT (placeholder_key) WHERE placeholder_key IS NOT NULL"
            " DO NOTHING RETURNING id",
            (name, key, now, now),
        )
        if entity_id is None:
            row = await fetchone(conn, "SELECT id FROM entities WHERE placeholder_key = ?", (key,))
            assert row is not None
            return int(row["id"])
        NAMES_CHANGED[0] += 1
        await _add_aliases(conn, entity_id, aliases)
        _forget(conn, aliases)
    return entity_id


async def upgrade(ex: Executor, entity_id: int, name: str, role: str | None, aliases: Aliases) -> None:
    """A placeholder followed as "Konate" learns its full name from the first claim naming it."""
    NAMES_CHANGED[0] += 1
    async with transaction(ex) as conn:
        await conn.execute(
            "UPDATE entities SET name = ?, role = COALESCE(role, ?), placeholder = 0, placeholder_key = NULL,"
            " updated_at = ? WHERE id = ?",
            (name, role, utcnow(), entity_id),
        )
        await _add_aliases(conn, entity_id, aliases)
        _forget(conn, aliases, entity_id)


async def set_club(ex: Executor, entity_id: int, club: str) -> None:
    async with transaction(ex) as conn:
        await conn.execute("UPDATE entities SET club = ?, updated_at = ? WHERE id = ?", (club, utcnow(), entity_id))


async def clear_club(ex: Executor, entity_id: int, only: str | None) -> None:
    """The person is at no club now; with `only`, only if that is the club they were at."""
    async with transaction(ex) as conn:
        await conn.execute(
            "UPDATE entities SET club = NULL, updated_at = ? WHERE id = ? AND (CAST(? AS TEXT) IS NULL OR club = ?)",
            (utcnow(), entity_id, only, only),
        )


# A person learned only from a follow is seen only by the servers that follow them, until a claim
# confirms them: one server's typed names never reach another's autocomplete.
_VISIBLE = "(e.placeholder = 0 OR EXISTS (SELECT 1 FROM follows f WHERE f.entity_id = e.id AND f.guild_id = ?))"
_PERSON = "e.id, e.name, e.role, e.club, e.placeholder"


async def search(ex: Executor, folded: str, limit: int = 25, *, guild_id: int | None = None) -> list[PersonRecord]:
    """People with an alias that starts with `folded`: the cheap first pass of autocomplete.

    Ordered by alias, the primary key's order, so SQLite walks the index and stops early; two
    aliases of one person are merged here rather than with DISTINCT (which sorts everything).
    """
    found = await many(ex, PersonRecord,
        f"SELECT {_PERSON} FROM entity_aliases a JOIN entities e ON e.id = a.entity_id"
        f" WHERE a.alias >= ? AND a.alias < ? AND {_VISIBLE} ORDER BY a.alias LIMIT ?",
        (folded, folded + "\uffff", guild_id, limit * 2),
    )
    return list({person.id: person for person in found}.values())[:limit]


async def lookup(ex: Executor, folded: str, *, guild_id: int | None = None) -> list[PersonRecord]:
    """Exact alias matches for a folded name: one person, several (ambiguous), or none.

    Another server's placeholder matches only its exact full name, so that both servers follow
    one person (and both get the alert) without either learning what the other typed.
    """
    return await many(ex, PersonRecord,
        f"SELECT DISTINCT {_PERSON} FROM entity_aliases a"
        f" JOIN entities e ON e.id = a.entity_id WHERE a.alias = ? AND ({_VISIBLE} OR e.placeholder_key = ?)"
        " ORDER BY e.name",
        (folded, guild_id, folded),
    )


async def get(ex: Executor, entity_id: int, *, guild_id: int | None = None,
              visible_only: bool = False) -> PersonRecord | None:
    sql = f"SELECT {_PERSON} FROM entities e WHERE e.id = ?" + (f" AND {_VISIBLE}" if visible_only else "")
    return await one(ex, PersonRecord, sql, (entity_id, guild_id) if visible_only else (entity_id,))


async def get_visible(ex: Executor, entity_ids: Sequence[int], *, guild_id: int | None = None) -> dict[int, PersonRecord]:
    """The people of these ids that this server may see (`_VISIBLE`), by id, in one query a chunk:
    autocomplete's typo matches, a couple of dozen people, took a round trip each."""
    found: dict[int, PersonRecord] = {}
    for start in range(0, len(entity_ids), _CHUNK):
        chunk = entity_ids[start:start + _CHUNK]
        marks = ", ".join("?" * len(chunk))
        for person in await many(ex, PersonRecord,
                                 f"SELECT {_PERSON} FROM entities e WHERE e.id IN ({marks}) AND {_VISIBLE}",
                                 (*chunk, guild_id)):
            found[person.id] = person
    return found


async def alias_stamp(ex: Executor) -> tuple[int, int | None]:
    """Changes when a person or alias is added, here (a rename too) or by another process (a CLI
    follow, another bot process): what the typo-tolerant autocomplete index is rebuilt on."""
    # fetchall: one hand-off to SQLite's thread where fetchone takes three, on every typo's keystroke
    newest = await fetchall(ex, "SELECT value FROM counters WHERE name = 'names'")
    return (NAMES_CHANGED[0], int(newest[0][0]) if newest else None)


async def all_aliases(ex: Executor) -> list[tuple[str, int]]:
    """Every (folded alias, person id)."""
    return [(row["alias"], row["entity_id"]) for row in await fetchall(ex, "SELECT alias, entity_id FROM entity_aliases")]
