"""Migrations from an empty database, idempotent, with WAL and foreign keys on."""

from __future__ import annotations

from pathlib import Path

import pytest

from storage.db import Database, migrations


async def test_migrations_apply_once_and_are_recorded(tmp_path: Path) -> None:
    path = tmp_path / "fresh.db"
    db = await Database.open(path)
    try:
        versions = [row["version"] for row in await db.fetchall("SELECT version FROM schema_migrations")]
        assert versions == [version for version, _, _ in migrations()]
        tables = {row["name"] for row in await db.fetchall("SELECT name FROM sqlite_master WHERE type = 'table'")}
        assert {"feeds", "items", "entities", "entity_aliases", "claims", "stories", "story_events",
                "follows", "outbox"} <= tables
        assert (await db.fetchone("PRAGMA journal_mode"))[0] == "wal"
        assert (await db.fetchone("PRAGMA foreign_keys"))[0] == 1
        assert await db.migrate() == []  # idempotent on the same connection
    finally:
        await db.close()
    again = await Database.open(path)  # and on a restart
    try:
        count = await again.fetchone("SELECT count(*) FROM schema_migrations")
        assert count[0] == len(migrations())
    finally:
        await again.close()


async def test_a_failed_transaction_leaves_nothing(tmp_path: Path) -> None:
    db = await Database.open(tmp_path / "t.db")
    try:
        with pytest.raises(RuntimeError):
            async with db.transaction() as conn:
                await conn.execute(
                    "INSERT INTO feeds (url, created_at) VALUES (?, ?)", ("https://a.example/rss", "now")
                )
                raise RuntimeError("killed mid-write")
        assert (await db.fetchone("SELECT count(*) FROM feeds"))[0] == 0
    finally:
        await db.close()
