"""People and their aliases."""

from __future__ import annotations

import aiosqlite

from bot.claims.gazetteer import fold
from bot.entities import Candidate, choose, club_key, is_bare_name, name_aliases
from storage.db import utcnow


async def _candidates(conn: aiosqlite.Connection, alias: str, kind: str | None = None) -> list[Candidate]:
    sql = (
        "SELECT e.id, e.name, e.role, e.placeholder FROM entity_aliases a"
        " JOIN entities e ON e.id = a.entity_id WHERE a.alias = ?"
    )
    params: tuple = (alias,)
    if kind:
        sql += " AND a.kind = ?"
        params = (alias, kind)
    async with conn.execute(sql, params) as cursor:
        rows = await cursor.fetchall()
    if not rows:
        return []
    ids = [row["id"] for row in rows]
    marks = ",".join("?" * len(ids))
    # One query for every candidate's clubs: a bare surname can fit dozens of people.
    async with conn.execute(
        f"SELECT entity_id, counterpart_key FROM claims WHERE entity_id IN ({marks}) AND counterpart_key != ''"
        f" UNION SELECT id, lower(club) FROM entities WHERE id IN ({marks}) AND club IS NOT NULL",
        (*ids, *ids),
    ) as cursor:
        clubs: dict[int, set[str]] = {}
        for entity_id, club in await cursor.fetchall():
            clubs.setdefault(entity_id, set()).add(club)
    return [Candidate(row["id"], row["name"], row["role"], frozenset(clubs.get(row["id"], ())), bool(row["placeholder"]))
            for row in rows]


NAMES_CHANGED = [0]  # bumped whenever a name or alias changes in this process; autocomplete caches on it


async def create(conn: aiosqlite.Connection, name: str, role: str | None, *, placeholder: bool = False,
                 club: str | None = None) -> int:
    now = utcnow()
    cursor = await conn.execute(
        "INSERT INTO entities (name, role, club, placeholder, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)",
        (name, role, club, int(placeholder), now, now),
    )
    entity_id = cursor.lastrowid
    assert entity_id is not None
    NAMES_CHANGED[0] += 1
    await conn.executemany(
        "INSERT OR IGNORE INTO entity_aliases (alias, entity_id, kind) VALUES (?, ?, ?)",
        [(alias, entity_id, kind) for alias, kind in name_aliases(name)],
    )
    return entity_id


async def create_placeholder(conn: aiosqlite.Connection, name: str) -> int:
    """The person followed by a name no claim has named yet, created once however many follows race.

    The folded name is unique among placeholders (placeholder_key), so a second insert of the same
    name, from this process or another, finds the first instead of making a twin nobody alerts.
    """
    now = utcnow()
    cursor = await conn.execute(
        "INSERT INTO entities (name, role, club, placeholder, placeholder_key, created_at, updated_at)"
        " VALUES (?, NULL, NULL, 1, ?, ?, ?) ON CONFLICT (placeholder_key) WHERE placeholder_key IS NOT NULL"
        " DO NOTHING",
        (name, fold(name), now, now),
    )
    if cursor.rowcount == 0:
        async with conn.execute("SELECT id FROM entities WHERE placeholder_key = ?", (fold(name),)) as found:
            row = await found.fetchone()
        assert row is not None
        return int(row["id"])
    entity_id = cursor.lastrowid
    assert entity_id is not None
    NAMES_CHANGED[0] += 1
    await conn.executemany(
        "INSERT OR IGNORE INTO entity_aliases (alias, entity_id, kind) VALUES (?, ?, ?)",
        [(alias, entity_id, kind) for alias, kind in name_aliases(name)],
    )
    return entity_id


async def _upgrade(conn: aiosqlite.Connection, entity_id: int, name: str, role: str | None) -> None:
    """A placeholder followed as "Konate" learns its full name from the first claim naming it."""
    NAMES_CHANGED[0] += 1
    await conn.execute(
        "UPDATE entities SET name = ?, role = COALESCE(role, ?), placeholder = 0, placeholder_key = NULL,"
        " updated_at = ? WHERE id = ?",
        (name, role, utcnow(), entity_id),
    )
    await conn.executemany(
        "INSERT OR IGNORE INTO entity_aliases (alias, entity_id, kind) VALUES (?, ?, ?)",
        [(alias, entity_id, kind) for alias, kind in name_aliases(name)],
    )


async def resolve_subject(
    conn: aiosqlite.Connection, subject: str, role: str, clubs: list[str | None]
) -> tuple[int | None, bool]:
    """The entity a claim's subject means, creating it when new. (None, True) when ambiguous."""
    folded = fold(subject)
    context = {club_key(club) for club in clubs if club}
    if is_bare_name(subject):
        found = await _candidates(conn, folded)
        if not found:
            return await create(conn, subject, role), False
        chosen = choose(found, role, context)
        return (chosen.id, False) if chosen else (None, True)

    exact = await _candidates(conn, folded, "full")
    if exact:
        chosen = choose(exact, role, context) or exact[0]
        if chosen.placeholder:
            await _upgrade(conn, chosen.id, subject, role)
        return chosen.id, False
    # A full name never seen: one followed placeholder with its surname becomes this person.
    surname = name_aliases(subject)[1][0] if len(name_aliases(subject)) > 1 else folded
    placeholders = [c for c in await _candidates(conn, surname) if c.placeholder]
    if len(placeholders) == 1:
        await _upgrade(conn, placeholders[0].id, subject, role)
        return placeholders[0].id, False
    return await create(conn, subject, role), False


async def note_club(conn: aiosqlite.Connection, entity_id: int, kind: str, role: str, counterpart: str | None,
                    from_club: str | None) -> None:
    """Keep the person's current club: a completed move or an extension says where they are.

    A manager's departure (sacked, resigns, mutual consent) takes effect at once, so it clears the
    club he left; a player's ("contract expiring", "wants to leave") usually has not happened yet.
    """
    if kind == "departure" and role == "manager":
        await conn.execute(
            "UPDATE entities SET club = NULL, updated_at = ? WHERE id = ? AND (? IS NULL OR club = ?)",
            (utcnow(), entity_id, from_club, from_club),
        )
        return
    club = counterpart if kind in ("completed", "contract_extension") else from_club
    if club:
        await conn.execute("UPDATE entities SET club = ?, updated_at = ? WHERE id = ?", (club, utcnow(), entity_id))


# A person learned only from a follow is seen only by the servers that follow them, until a claim
# confirms them: one server's typed names never reach another's autocomplete.
_VISIBLE = "(e.placeholder = 0 OR EXISTS (SELECT 1 FROM follows f WHERE f.entity_id = e.id AND f.guild_id = ?))"


async def search(conn: aiosqlite.Connection, query: str, limit: int = 25, *,
                 guild_id: int | None = None) -> list[aiosqlite.Row]:
    """People whose alias starts with the folded query: the cheap first pass of autocomplete.

    Ordered by alias, the primary key's order, so SQLite walks the index and stops early; two
    aliases of one person are merged here rather than with DISTINCT (which sorts everything).
    """
    folded = fold(query)
    async with conn.execute(
        "SELECT e.id, e.name, e.role, e.club, e.placeholder FROM entity_aliases a JOIN entities e ON e.id = a.entity_id"
        f" WHERE a.alias >= ? AND a.alias < ? AND {_VISIBLE} ORDER BY a.alias LIMIT ?",
        (folded, folded + "\uffff", guild_id, limit * 2),
    ) as cursor:
        rows = await cursor.fetchall()
    unique = {row["id"]: row for row in rows}
    return list(unique.values())[:limit]


async def lookup(conn: aiosqlite.Connection, name: str, *, guild_id: int | None = None) -> list[aiosqlite.Row]:
    """Exact alias matches for a name: one row, several (ambiguous), or none.

    Another server's placeholder matches only its exact full name, so that both servers follow
    one person (and both get the alert) without either learning what the other typed.
    """
    folded = fold(name)
    async with conn.execute(
        "SELECT DISTINCT e.id, e.name, e.role, e.club, e.placeholder FROM entity_aliases a"
        f" JOIN entities e ON e.id = a.entity_id WHERE a.alias = ? AND ({_VISIBLE} OR e.placeholder_key = ?)"
        " ORDER BY e.name",
        (folded, guild_id, folded),
    ) as cursor:
        return list(await cursor.fetchall())


async def get(conn: aiosqlite.Connection, entity_id: int, *, guild_id: int | None = None,
              visible_only: bool = False) -> aiosqlite.Row | None:
    sql = "SELECT * FROM entities e WHERE e.id = ?" + (f" AND {_VISIBLE}" if visible_only else "")
    async with conn.execute(sql, (entity_id, guild_id) if visible_only else (entity_id,)) as cursor:
        return await cursor.fetchone()
