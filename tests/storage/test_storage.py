"""Migrations from an empty database, idempotent, with WAL and foreign keys on."""

from __future__ import annotations

from pathlib import Path

import pytest

from storage.backends import open_database
from storage.schema import migrations


async def test_migrations_apply_once_and_are_recorded(tmp_path: Path) -> None:
    path = tmp_path / "fresh.db"
    db = await open_database(path)
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
    again = await open_database(path)  # and on a restart
    try:
        count = await again.fetchone("SELECT count(*) FROM schema_migrations")
        assert count[0] == len(migrations())
    finally:
        await again.close()


async def test_a_failed_transaction_leaves_nothing(database_target: str) -> None:
    db = await open_database(database_target)
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


async def test_upgrading_a_database_keeps_its_servers_feeds_people_and_claims(
    database_target: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A database from before servers were tenants: its Discord feeds become their server's, twin
    placeholders (the old race) no longer block the unique key and their follows join the one
    that keeps it, and claims learn their feed."""
    import storage.backend_postgres
    import storage.backend_sqlite

    path = database_target
    for backend in (storage.backend_sqlite, storage.backend_postgres):  # only the first two migrations
        monkeypatch.setattr(backend, "migrations", lambda dialect="sqlite": [m for m in migrations(dialect) if m[0] <= 2])
    old = await open_database(path)
    try:
        async with old.transaction() as conn:
            for url, origin, guild in (("https://a.example/rss", "discord", 7), ("https://c.example/rss", "config", None)):
                await conn.execute("INSERT INTO feeds (url, name, origin, guild_id, created_at) VALUES (?, ?, ?, ?, 'now')",
                                   (url, "A wire", origin, guild))
            await conn.execute("INSERT INTO items (id, feed_id, key, title, summary, fetched_at, content_hash)"
                               " VALUES (1, 1, 'k', 't', 's', 'now', 'h')")
            for entity_id in (1, 2):  # two placeholders of one name, as two racing /follow made them
                await conn.execute("INSERT INTO entities (id, name, placeholder, created_at, updated_at)"
                                   " VALUES (?, 'Lamine Yamal', 1, 'now', 'now')", (entity_id,))
                await conn.executemany("INSERT INTO entity_aliases (alias, entity_id, kind) VALUES (?, ?, ?)",
                                       [("lamine yamal", entity_id, "full"), ("yamal", entity_id, "surname")])
            await conn.executemany("INSERT INTO follows (guild_id, channel_id, entity_id, created_at) VALUES (?, ?, ?, 'now')",
                                   [(7, 70, 1), (8, 80, 2), (7, 70, 2)])  # 7 followed both twins in one channel
            await conn.execute("INSERT INTO claims (item_id, subject, subject_key, role, kind, evidence, created_at)"
                               " VALUES (1, 'Lamine Yamal', 'lamine yamal', 'player', 'interest', 'e', 'now')")
    finally:
        await old.close()
    monkeypatch.undo()

    upgraded = await open_database(path)
    try:
        subscriptions = await upgraded.fetchall("SELECT feed_id, guild_id, name FROM feed_subscriptions")
        assert [tuple(row) for row in subscriptions] == [(1, 7, "A wire")]
        keys = await upgraded.fetchall("SELECT id, placeholder_key FROM entities ORDER BY id")
        assert [tuple(row) for row in keys] == [(1, "lamine yamal"), (2, None)]  # the oldest keeps the key
        assert (await upgraded.fetchone("SELECT feed_id FROM claims"))[0] == 1
        follows = await upgraded.fetchall("SELECT guild_id, channel_id, entity_id FROM follows ORDER BY guild_id")
        assert [tuple(row) for row in follows] == [(7, 70, 1), (8, 80, 1)]  # both channels on the one person
    finally:
        await upgraded.close()
