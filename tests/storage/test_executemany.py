"""executemany counts the rows it changed on both backends, whether PostgreSQL sends an INSERT as one
statement of many rows or one statement a row: an ingest reports its new items from that count."""

from __future__ import annotations

import pytest

from storage.backends import open_database
from storage.db import Database

INSERT = "INSERT INTO entity_aliases (alias, entity_id, kind) VALUES (?, ?, ?) ON CONFLICT DO NOTHING"


@pytest.fixture
async def db(database_target: str):
    database = await open_database(database_target)
    yield database
    await database.close()


async def _person(db: Database, name: str) -> int:
    row = await db.fetchone("INSERT INTO entities (name, role, club, placeholder, created_at, updated_at)"
                            " VALUES (?, NULL, NULL, 0, 't', 't') RETURNING id", (name,))
    assert row is not None
    return int(row[0])


async def test_rows_already_there_or_twice_in_the_batch_are_not_counted(db: Database) -> None:
    person = await _person(db, "Carlos Baleba")
    async with db.transaction() as conn:
        assert await conn.executemany(INSERT, [("baleba", person, "surname")]) == 1
        rows = [("carlos baleba", person, "full"), ("baleba", person, "surname"), ("cb", person, "full"),
                ("cb", person, "full")]
        assert await conn.executemany(INSERT, rows) == 2
        assert await conn.executemany(INSERT, []) == 0
    stored = await db.fetchall("SELECT alias, kind FROM entity_aliases ORDER BY alias")
    assert [tuple(row) for row in stored] == [("baleba", "surname"), ("carlos baleba", "full"), ("cb", "full")]


async def test_ids_come_out_in_the_order_of_the_rows(db: Database) -> None:
    names = [f"Player {n}" for n in range(1, 1202)]
    async with db.transaction() as conn:
        changed = await conn.executemany(
            "INSERT INTO entities (name, role, club, placeholder, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)",
            [(name, "player", None, 0, "t", "t") for name in names])
    assert changed == len(names)
    stored = await db.fetchall("SELECT name FROM entities ORDER BY id")
    assert [row[0] for row in stored] == names


async def test_a_batch_wider_than_one_statement_goes_in_parts(db: Database) -> None:
    """PostgreSQL takes at most 32,767 parameters a statement: 12,000 rows of three are sent in parts."""
    person = await _person(db, "Adam Wharton")
    rows = [(f"alias {n}", person, "surname") for n in range(12_000)]
    async with db.transaction() as conn:
        assert await conn.executemany(INSERT, rows) == len(rows)
    count = await db.fetchone("SELECT count(*) FROM entity_aliases")
    assert count is not None and count[0] == len(rows)
