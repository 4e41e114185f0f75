"""An ingest looks its subjects' names up once per transaction (identities.expect) and remembers
them: what it remembers must never hide a person created, or a placeholder upgraded, later in the
same transaction, nor outlive the transaction. Each test resolves the same names with and without
the lookup in advance and expects the same people."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot import identities
from storage import people as people_store
from storage.backends import open_database
from storage.db import Database, is_postgres_url
from tests import postgres


@pytest.fixture
async def db(database_target: str):
    database = await open_database(database_target)
    yield database
    await database.close()


async def _resolve_all(db: Database, names: list[tuple[str, str, str | None]], *, expect: bool) -> list[object]:
    """Each (subject, role, club) resolved in one transaction, as an ingest's claims are."""
    async with db.transaction() as conn:
        if expect:
            await identities.expect(conn, [name for name, _, _ in names])
        return [await identities.resolve_subject(conn, name, role, [club]) for name, role, club in names]


async def _people(db: Database) -> list[tuple[object, ...]]:
    rows = await db.fetchall("SELECT id, name, role, placeholder FROM entities ORDER BY id")
    return [tuple(row) for row in rows]


async def _aliases(db: Database) -> list[tuple[object, ...]]:
    rows = await db.fetchall("SELECT alias, entity_id, kind FROM entity_aliases ORDER BY alias, entity_id")
    return [tuple(row) for row in rows]


# A bare surname looked up in advance while nobody has it, then the full name creating him, then
# the surname again; two namesakes told apart by club; a name repeated.
NAMES = [
    ("Konate", "player", None),
    ("Ibrahima Konaté", "player", "Liverpool"),
    ("Konate", "player", None),
    ("Xabi Alonso", "manager", "Real Madrid"),
    ("Marcos Alonso", "player", "Celta Vigo"),
    ("Alonso", "player", "Celta Vigo"),
    ("Alonso", "manager", None),
    ("Ibrahima Konate", "player", None),
]


async def test_names_looked_up_in_advance_resolve_as_one_by_one(database_target: str, tmp_path: Path,
                                                                request: pytest.FixtureRequest) -> None:
    results = {}
    for expect in (False, True):
        if not expect:
            target = database_target
        elif is_postgres_url(database_target):
            target = await postgres.fresh_database(request.getfixturevalue("postgres_server"), "memo_expect")
        else:
            target = str(tmp_path / "expect.db")
        database = await open_database(target)
        try:
            results[expect] = (await _resolve_all(database, NAMES, expect=expect), await _people(database),
                               await _aliases(database))
        finally:
            await database.close()
    assert results[True] == results[False]
    resolved, people, _ = results[True]
    konate = resolved[1][0]
    assert resolved[0] == (konate, False) or resolved[0][0] != konate
    assert resolved[7] == (konate, False)  # the accent-free full name finds the one created
    assert resolved[5] == (resolved[4][0], False)  # Celta's Alonso is Marcos
    assert resolved[6] == (resolved[3][0], False)  # the manager Alonso is Xabi


async def test_a_placeholder_upgraded_in_the_transaction_is_seen_by_later_claims(db: Database) -> None:
    placeholder = await identities.create_placeholder(db, "Yamal")
    async with db.transaction() as conn:
        await identities.expect(conn, ["Yamal", "Lamine Yamal"])
        assert await identities.resolve_subject(conn, "Lamine Yamal", "player", ["Barcelona"]) == (placeholder, False)
        # The surname and the full name now mean the upgraded person, not the placeholder remembered.
        for alias, kind in (("yamal", None), ("lamine yamal", "full")):
            [found] = await people_store.candidates(conn, alias, kind, clubs=False)
            assert (found.id, found.name, found.placeholder) == (placeholder, "Lamine Yamal", False)
        assert await identities.resolve_subject(conn, "Lamine Yamal", "player", [None]) == (placeholder, False)
    assert len(await _people(db)) == 1


async def test_nothing_remembered_outlives_its_transaction(db: Database) -> None:
    async with db.transaction() as conn:
        await identities.expect(conn, ["Rodri"])
        assert await people_store.candidates(conn, "rodri") == []
    # Created by a statement of its own, outside any ingest: the next transaction must see him.
    rodri = await identities.create(db, "Rodri", "player")
    async with db.transaction() as conn:
        assert [c.id for c in await people_store.candidates(conn, "rodri")] == [rodri]
        assert await identities.resolve_subject(conn, "Rodri", "player", [None]) == (rodri, False)


async def test_clubs_are_read_afresh_when_namesakes_are_weighed(db: Database) -> None:
    """Two people share a surname; a club learned in the transaction tells them apart at once."""
    async with db.transaction() as conn:
        first = await identities.create(conn, "Adam Wharton", "player")
        second = await identities.create(conn, "Tom Wharton", "player")
        await identities.expect(conn, ["Wharton"])
        assert await identities.resolve_subject(conn, "Wharton", "player", ["Crystal Palace"]) == (None, True)
        await identities.note_club(conn, first, "completed", "player", "Crystal Palace", None)
        assert await identities.resolve_subject(conn, "Wharton", "player", ["Crystal Palace"]) == (first, False)
        await identities.note_club(conn, second, "completed", "player", "Blackburn Rovers", None)
        assert await identities.resolve_subject(conn, "Wharton", "player", ["Blackburn Rovers"]) == (second, False)
