"""Disk full, a locked database, retention: the cycle fails cleanly, retries, and loses nothing."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from datetime import UTC, datetime, timedelta
from pathlib import Path

from bot import service
from bot.app import poll_all
from storage.maintenance import prune_items
from tests.fakes.feed_server import FeedItemSpec, FeedServer, at
from tests.helpers import MakeApp, make_settings

MATCH = FeedItemSpec("m-1", "Celtic beat Hearts 3-1 at Parkhead", "A comfortable home win.", at("2025-11-02T18:00:00"))
TALKS = FeedItemSpec("t-1", "Real Madrid open talks with Liverpool defender Ibrahima Konaté",
                     "First contact has been made.", at("2025-11-12T10:00:00"))


async def _counts(db) -> tuple[int, int, int]:
    items = (await db.fetchone("SELECT count(*) FROM items"))[0]
    claims = (await db.fetchone("SELECT count(*) FROM claims"))[0]
    outbox = (await db.fetchone("SELECT count(*) FROM outbox"))[0]
    return items, claims, outbox


async def test_disk_full_fails_the_cycle_cleanly_then_recovers(tmp_path: Path, feed_server: FeedServer, make_app: MakeApp) -> None:
    url = feed_server.set_feed("/wire.xml", "Wire", [MATCH])
    app = await make_app(make_settings(tmp_path, [{"url": url}]))
    await service.follow(app.db, 1, 10, "Konate")
    await poll_all(app)
    before = await app.db.fetchone("SELECT etag, body_hash FROM feeds")
    # No room for one more page: the next write fails as "database or disk is full" would.
    pages = (await app.db.fetchone("PRAGMA page_count"))[0]
    await app.db.pragma(f"PRAGMA max_page_count = {pages}")
    feed_server.set_feed("/wire.xml", "Wire", [TALKS, MATCH] + [
        FeedItemSpec(f"filler-{n}", f"Weekend round-up part {n}", "x" * 3000, at("2025-11-12T09:00:00"))
        for n in range(30)
    ])
    failed = (await poll_all(app))[0]
    assert failed.status == "failed" and "storage" in (failed.error or "")
    assert await _counts(app.db) == (1, 0, 0)  # nothing half-written
    after = await app.db.fetchone("SELECT etag, body_hash FROM feeds")
    assert tuple(after) == tuple(before)  # the fetch state did not advance past unstored items

    await app.db.pragma("PRAGMA max_page_count = 1073741823")
    recovered = (await poll_all(app))[0]
    assert recovered.status == "changed" and recovered.new_items == 31
    items, claims, outbox = await _counts(app.db)
    assert (items, claims, outbox) == (32, 1, 1)
    assert (await app.db.fetchone("PRAGMA integrity_check"))[0] == "ok"


async def test_locked_database_fails_cleanly_and_retries(tmp_path: Path, feed_server: FeedServer, make_app: MakeApp) -> None:
    url = feed_server.set_feed("/wire.xml", "Wire", [MATCH])
    app = await make_app(make_settings(tmp_path, [{"url": url}]))
    await poll_all(app)
    await app.db.pragma("PRAGMA busy_timeout = 50")
    feed_server.set_feed("/wire.xml", "Wire", [TALKS, MATCH])
    with closing(sqlite3.connect(app.settings.database_path, isolation_level=None)) as other:
        other.execute("BEGIN EXCLUSIVE")  # another process holds the write lock
        locked = (await poll_all(app))[0]
        assert locked.status == "failed" and "locked" in (locked.error or "")
        other.execute("ROLLBACK")
    assert (await app.db.fetchone("SELECT count(*) FROM items"))[0] == 1
    retried = (await poll_all(app))[0]
    assert retried.new_items == 1


async def test_retention_prunes_items_but_keeps_stories(tmp_path: Path, database_target: str, feed_server: FeedServer,
                                                       make_app: MakeApp) -> None:
    old = datetime.now(UTC) - timedelta(days=50)
    recent = datetime.now(UTC) - timedelta(days=1)
    stale = FeedItemSpec("old-1", "Real Madrid open talks with Liverpool defender Ibrahima Konaté", "x", old)
    fresh = FeedItemSpec("new-1", "Arsenal agree fee with Brentford for Christian Nørgaard", "y", recent)
    url = feed_server.set_feed("/wire.xml", "Wire", [MATCH])
    settings = make_settings(tmp_path, [{"url": url}], database=database_target, storage={"retention_days": 30})
    app = await make_app(settings)
    async with app.db.transaction() as conn:  # an item stored back when it was recent
        await conn.execute("INSERT INTO items (feed_id, key, title, summary, published, fetched_at, content_hash)"
                           " VALUES (1, 'guid:ancient', 't', 's', ?, ?, 'h')", (old.isoformat(), old.isoformat()))
    assert await prune_items(app.db, 30) == 1
    feed_server.set_feed("/wire.xml", "Wire", [stale, fresh])
    outcome = (await poll_all(app))[0]
    assert outcome.new_items == 1  # the 50-day-old item is past retention: never stored again
    keys = [row["key"] for row in await app.db.fetchall("SELECT key FROM items")]
    assert keys == ["guid:new-1"]
    assert (await app.db.fetchone("SELECT count(*) FROM stories"))[0] == 1
