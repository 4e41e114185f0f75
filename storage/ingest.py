"""New items, their claims, stories, alert events and outbox rows: one transaction per call.

Each feed's fetch state (ETag, Last-Modified, body hash) is written in the same transaction, so
it never advances past items that were not stored: a crash before COMMIT re-fetches them.
Several feeds can go in one call (a whole poll cycle): their items are then folded into stories
oldest first across feeds, so the same news gives the same alerts whichever feed answered first.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field

import aiosqlite

from bot.claims.gazetteer import tier_of
from bot.entities import club_key
from bot.models import Claim, FeedItem
from bot.stories import StoryState, decide, tier_rank, track_of
from storage import entities
from storage.db import Database, utcnow


@dataclass(frozen=True, slots=True)
class FetchState:
    etag: str | None
    last_modified: str | None
    body_hash: str | None


@dataclass(slots=True)
class IngestReport:
    new_items: int = 0
    edited_items: int = 0
    claims: int = 0
    ambiguous: int = 0
    events: list[int] = field(default_factory=list)
    outbox_rows: int = 0


async def known_items(db: Database, feed_id: int, keys: list[str]) -> dict[str, str]:
    """key -> content hash for the items of this feed already stored (chunked: SQLite's bind limit)."""
    known: dict[str, str] = {}
    for start in range(0, len(keys), 500):
        chunk = keys[start : start + 500]
        marks = ",".join("?" * len(chunk))
        rows = await db.fetchall(
            f"SELECT key, content_hash FROM items WHERE feed_id = ? AND key IN ({marks})",  # noqa: S608 - marks only
            (feed_id, *chunk),
        )
        known.update({row["key"]: row["content_hash"] for row in rows})
    return known


@dataclass(slots=True)
class FeedBatch:
    """One feed's part of an ingest: its new or edited items with their claims, and its new state."""

    feed_id: int
    items: list[tuple[FeedItem, list[Claim]]]
    state: FetchState
    emit_alerts: bool
    edited: set[str] | None = None  # keys already stored (from known_items); None: look each up
    warning: str | None = None  # what was wrong with a feed that still parsed, shown to admins


async def ingest(
    db: Database,
    feed_id: int,
    batch: list[tuple[FeedItem, list[Claim]]],
    state: FetchState,
    *,
    emit_alerts: bool,
    window_days: int,
    warning: str | None = None,
    edited: set[str] | None = None,
) -> IngestReport:
    """One feed's ingest; see ingest_many."""
    [report] = await ingest_many(
        db, [FeedBatch(feed_id, batch, state, emit_alerts, edited, warning)], window_days=window_days)
    return report


async def ingest_many(db: Database, batches: list[FeedBatch], *, window_days: int) -> list[IngestReport]:
    """Store every batch in one transaction; returns a report per batch, in order.

    New items known to carry no claim go in with one executemany per feed (most items); the rest
    are stored and folded into stories oldest first across all the batches.
    """
    reports = [IngestReport() for _ in batches]
    now = utcnow()
    async with db.transaction() as conn:
        pending: list[tuple[int, FeedItem, list[Claim]]] = []
        for index, feed in enumerate(batches):
            plain = [item for item, claims in feed.items
                     if not claims and feed.edited is not None and item.key not in feed.edited]
            if plain:
                cursor = await conn.executemany(_INSERT_ITEM, [_item_row(feed.feed_id, item, now) for item in plain])
                reports[index].new_items += cursor.rowcount
            plain_keys = {item.key for item in plain}
            pending.extend((index, item, claims) for item, claims in feed.items if item.key not in plain_keys)
        pending.sort(key=lambda entry: (entry[1].published is None, entry[1].published or 0))
        for index, item, claims in pending:
            feed, report = batches[index], reports[index]
            known_new = feed.edited is not None and item.key not in feed.edited
            item_id, was_edited = await _store_item(conn, feed.feed_id, item, now, known_new)
            if item_id is None:
                continue
            if was_edited:
                report.edited_items += 1
            else:
                report.new_items += 1
            for claim in claims:
                await _store_claim(conn, feed.feed_id, item_id, item, claim, now, feed.emit_alerts, window_days,
                                   report)
        await conn.executemany(
            "UPDATE feeds SET etag = ?, last_modified = ?, body_hash = ?, first_fetch_done = 1,"
            " last_fetch_at = ?, last_success_at = ?, last_error = ?, consecutive_failures = 0,"
            " next_fetch_at = NULL WHERE id = ?",
            [(feed.state.etag, feed.state.last_modified, feed.state.body_hash, now, now, feed.warning, feed.feed_id)
             for feed in batches],
        )
    return reports


_INSERT_ITEM = (
    "INSERT OR IGNORE INTO items (feed_id, key, guid, link, title, summary, published, fetched_at, content_hash)"
    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
)


def _item_row(feed_id: int, item: FeedItem, now: str) -> tuple[object, ...]:
    published = item.published.isoformat().replace("+00:00", "Z") if item.published else now
    return (feed_id, item.key, item.guid, item.link, item.title, item.summary, published, now, item.content_hash)


async def _store_item(conn: aiosqlite.Connection, feed_id: int, item: FeedItem, now: str,
                      known_new: bool) -> tuple[int | None, bool]:
    """(item id, edited?) for an item to extract from; (None, False) when it is already stored as is."""
    if known_new:
        cursor = await conn.execute(_INSERT_ITEM, _item_row(feed_id, item, now))
        if cursor.rowcount:
            return cursor.lastrowid, False
    async with conn.execute(
        "SELECT id, content_hash FROM items WHERE feed_id = ? AND key = ?", (feed_id, item.key)
    ) as cursor:
        row = await cursor.fetchone()
    if row is None:
        cursor = await conn.execute(_INSERT_ITEM, _item_row(feed_id, item, now))
        return cursor.lastrowid, False
    if row["content_hash"] == item.content_hash:
        return None, False
    # An edited item keeps its row (and its claims); only claims it did not have before are new.
    await conn.execute(
        "UPDATE items SET title = ?, summary = ?, link = ?, content_hash = ? WHERE id = ?",
        (item.title, item.summary, item.link, item.content_hash, row["id"]),
    )
    return row["id"], True


async def _store_claim(
    conn: aiosqlite.Connection,
    feed_id: int,
    item_id: int,
    item: FeedItem,
    claim: Claim,
    now: str,
    emit_alerts: bool,
    window_days: int,
    report: IngestReport,
) -> None:
    entity_id, ambiguous = await entities.resolve_subject(
        conn, claim.subject, claim.role, [claim.counterpart, claim.from_club]
    )
    counterpart_key = club_key(claim.counterpart)
    # A departure has no counterpart; the club left tells one departure story from the next.
    story_key = counterpart_key or (club_key(claim.from_club) if claim.kind == "departure" else "")
    tier = tier_of(claim.source) or tier_of(claim.outlet)
    published = claim.published or now
    cursor = await conn.execute(
        "INSERT OR IGNORE INTO claims (item_id, feed_id, entity_id, subject, subject_key, role, kind, counterpart,"
        " counterpart_key, from_club, source, source_tier, outlet, published, evidence, link, title, ambiguous,"
        " created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (item_id, feed_id, entity_id, claim.subject, claim.subject.casefold(), claim.role, claim.kind, claim.counterpart,
         counterpart_key, claim.from_club, claim.source, tier, claim.outlet, published, claim.evidence,
         item.link or item.guid, item.title, int(ambiguous), now),
    )
    if cursor.rowcount == 0:
        return  # this item already carried this claim (an edit that changed nothing about it)
    claim_id = cursor.lastrowid
    report.claims += 1
    if entity_id is None:
        report.ambiguous += 1
        return
    await entities.note_club(conn, entity_id, claim.kind, claim.role, claim.counterpart, claim.from_club)
    story = await _open_story(conn, entity_id, claim.kind, story_key, published, window_days)
    decision = decide(story, claim.kind, tier)
    if story is None:
        cursor = await conn.execute(
            "INSERT INTO stories (entity_id, track, counterpart, counterpart_key, kind, rung, best_tier_rank,"
            " first_seen_at, last_report_at, rung_reached_at, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (entity_id, track_of(claim.kind), claim.counterpart, story_key, decision.kind, decision.rung,
             decision.best_tier_rank, published, published, published, now),
        )
        story_id = cursor.lastrowid
    else:
        story_id = story.id
        await conn.execute(
            "UPDATE stories SET kind = ?, rung = ?, best_tier_rank = ?, last_report_at = max(last_report_at, ?),"
            " first_seen_at = min(first_seen_at, ?),"
            " rung_reached_at = CASE WHEN ? > rung THEN ? ELSE rung_reached_at END WHERE id = ?",
            (decision.kind, decision.rung, decision.best_tier_rank, published, published, decision.rung,
             published, story_id),
        )
    await conn.execute("UPDATE claims SET story_id = ? WHERE id = ?", (story_id, claim_id))
    if not decision.alerts:
        return
    cursor = await conn.execute(
        "INSERT INTO story_events (story_id, claim_id, kind, reason, created_at) VALUES (?, ?, ?, ?, ?)",
        (story_id, claim_id, claim.kind, decision.reason, now),
    )
    event_id = cursor.lastrowid
    assert event_id is not None
    report.events.append(event_id)
    if emit_alerts:
        report.outbox_rows += await _queue(conn, event_id, entity_id, claim.kind, tier, now, feed_id)


async def _open_story(
    conn: aiosqlite.Connection, entity_id: int, kind: str, counterpart_key: str, published: str, window_days: int
) -> StoryState | None:
    """The story this claim continues: same person, counterpart and track, active within the window.

    A denial about a named club answers that club's deal story when there is one.
    """
    tracks = ("deal", "denial") if kind == "denial" else (track_of(kind),)
    async with conn.execute(
        "SELECT id, track, kind, rung, best_tier_rank FROM stories WHERE entity_id = ? AND counterpart_key = ?"
        f" AND track IN ({','.join('?' * len(tracks))})"
        " AND julianday(last_report_at) >= julianday(?) - ? AND julianday(first_seen_at) <= julianday(?) + ?"
        " ORDER BY track = 'deal' DESC, last_report_at DESC LIMIT 1",
        (entity_id, counterpart_key, *tracks, published, window_days, published, window_days),
    ) as cursor:
        row = await cursor.fetchone()
    if row is None:
        return None
    return StoryState(row["id"], row["track"], row["kind"], row["rung"], row["best_tier_rank"])


async def _queue(conn: aiosqlite.Connection, event_id: int, entity_id: int, kind: str, tier: str | None,
                 now: str, feed_id: int) -> int:
    """One outbox row per following channel; the nonce lets Discord refuse a second post.

    A claim read from a feed a server added alerts only the servers that added it; the
    operator's feeds alert everyone who follows the person.
    """
    async with conn.execute(
        "SELECT f.guild_id, f.channel_id, g.min_tier, g.kinds, g.digest FROM follows f"
        " LEFT JOIN guild_settings g ON g.guild_id = f.guild_id WHERE f.entity_id = ? AND f.paused = 0"
        " AND (NOT EXISTS (SELECT 1 FROM feeds WHERE id = ? AND origin = 'discord')"
        " OR EXISTS (SELECT 1 FROM feed_subscriptions s WHERE s.feed_id = ? AND s.guild_id = f.guild_id))",
        (entity_id, feed_id, feed_id),
    ) as cursor:
        channels = await cursor.fetchall()
    queued = 0
    for row in channels:
        # A server's /alerts settings filter what reaches it: kinds it wants, sources it trusts.
        if row["kinds"] and kind not in row["kinds"].split(","):
            continue
        if row["min_tier"] and tier_rank(tier) > tier_rank(row["min_tier"]):
            continue
        await conn.execute(
            "INSERT OR IGNORE INTO outbox (event_id, guild_id, channel_id, state, nonce, created_at, next_attempt_at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?)",
            (event_id, row["guild_id"], row["channel_id"], "digest" if row["digest"] else "pending",
             uuid.uuid4().hex[:25], now, now),
        )
        queued += 1
    return queued
