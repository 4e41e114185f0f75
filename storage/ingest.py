"""The SQL of an ingest: items, claims, stories, alert events, outbox rows and fetch state.

Each function is one step run on the caller's transaction (bot/ingest.py sequences them and makes
every decision), so a poll's items, the stories they move and the fetch state that covers them
commit together or not at all: a crash before COMMIT re-fetches them.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import timedelta

from storage.db import Connection, Executor, fetchall, fetchone, insert_id, moment, published_form
from storage.records import FetchState, NewClaim, NewItem, StoryState


async def known_items(ex: Executor, feed_id: int, keys: list[str]) -> dict[str, str]:
    """key -> content hash for the items of this feed already stored (chunked: SQLite's bind limit)."""
    known: dict[str, str] = {}
    for start in range(0, len(keys), 500):
        chunk = keys[start : start + 500]
        marks = ",".join("?" * len(chunk))
        rows = await fetchall(ex,
            f"SELECT key, content_hash FROM items WHERE feed_id = ? AND key IN ({marks})",  # noqa: S608 - marks only
            (feed_id, *chunk),
        )
        known.update({row["key"]: row["content_hash"] for row in rows})
    return known


_INSERT_ITEM = (
    "INSERT INTO items (feed_id, key, guid, link, title, summary, published, fetched_at, content_hash)"
    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (feed_id, key) DO NOTHING"
)


def _item_row(feed_id: int, item: NewItem, now: str) -> tuple[object, ...]:
    return (feed_id, item.key, item.guid, item.link, item.title, item.summary, item.published or now, now,
            item.content_hash)


async def insert_items(conn: Connection, feed_id: int, items: Sequence[NewItem], now: str) -> int:
    """New items in one statement (those known to carry no claim); returns how many went in."""
    return await conn.executemany(_INSERT_ITEM, [_item_row(feed_id, item, now) for item in items])


_ROWS = 500  # items per multi-row INSERT: 4,500 parameters, under both backends' limits


async def insert_new_items(conn: Connection, items: Sequence[tuple[int, NewItem]], now: str) -> dict[tuple[int, str], int]:
    """(feed id, item) pairs the caller knows are new, inserted in this order with one statement per
    500: the same ids as inserting them one by one. (feed id, key) -> id for each row inserted; a row
    already there (stored by another process since) is left out, for store_item to look at."""
    ids: dict[tuple[int, str], int] = {}
    for start in range(0, len(items), _ROWS):
        chunk = items[start : start + _ROWS]
        values = ", ".join(["(?, ?, ?, ?, ?, ?, ?, ?, ?)"] * len(chunk))
        params = [value for feed_id, item in chunk for value in _item_row(feed_id, item, now)]
        rows = await conn.fetchall(
            "INSERT INTO items (feed_id, key, guid, link, title, summary, published, fetched_at, content_hash)"
            f" VALUES {values} ON CONFLICT (feed_id, key) DO NOTHING RETURNING id, feed_id, key",  # noqa: S608 - marks only
            params)
        ids.update({(row[1], row[2]): row[0] for row in rows})
    return ids


async def store_item(conn: Connection, feed_id: int, item: NewItem, now: str,
                     known_new: bool) -> tuple[int | None, bool]:
    """(item id, edited?) for an item to extract from; (None, False) when it is already stored as is."""
    if known_new:
        item_id = await insert_id(conn, _INSERT_ITEM + " RETURNING id", _item_row(feed_id, item, now))
        if item_id is not None:
            return item_id, False
    row = await fetchone(conn, "SELECT id, content_hash FROM items WHERE feed_id = ? AND key = ?", (feed_id, item.key))
    if row is None:
        return await insert_id(conn, _INSERT_ITEM + " RETURNING id", _item_row(feed_id, item, now)), False
    if row["content_hash"] == item.content_hash:
        return None, False
    # An edited item keeps its row (and its claims); only claims it did not have before are new.
    await conn.execute(
        "UPDATE items SET title = ?, summary = ?, link = ?, content_hash = ? WHERE id = ?",
        (item.title, item.summary, item.link, item.content_hash, row["id"]),
    )
    return row["id"], True


async def insert_claim(conn: Connection, feed_id: int, item_id: int, item: NewItem, claim: NewClaim,
                       entity_id: int | None, ambiguous: bool, now: str, story_id: int | None = None) -> int | None:
    """The claim's row (in its story when the caller knows it already); None when this item already
    carried this claim (an edit that changed nothing about it)."""
    return await insert_id(conn,
        "INSERT INTO claims (item_id, feed_id, entity_id, subject, subject_key, role, kind, counterpart,"
        " counterpart_key, from_club, source, source_tier, outlet, published, evidence, link, title, ambiguous,"
        " created_at, story_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
        " ON CONFLICT (item_id, subject_key, kind, counterpart_key) DO NOTHING RETURNING id",
        (item_id, feed_id, entity_id, claim.subject, claim.subject_key, claim.role, claim.kind, claim.counterpart,
         claim.counterpart_key, claim.from_club, claim.source, claim.tier, claim.outlet, claim.published or now,
         claim.evidence, item.link or item.guid, item.title, int(ambiguous), now, story_id),
    )


async def open_story(conn: Connection, entity_id: int, tracks: Sequence[str], story_key: str, published: str,
                     window_days: int) -> StoryState | None:
    """The newest story of this person, key and tracks active within the window around `published`
    (a deal story first when a track is 'deal')."""
    reported = moment(published)
    window = timedelta(days=window_days)
    row = await fetchone(conn,
        ("SELECT id, track, kind, rung, best_tier_rank FROM stories INDEXED BY stories_lookup" if conn.dialect == "sqlite"
         else "SELECT id, track, kind, rung, best_tier_rank FROM stories") +
        " WHERE entity_id = ? AND counterpart_key = ?"
        f" AND track IN ({','.join('?' * len(tracks))})"
        " AND last_report_at >= ? AND first_seen_at <= ?"
        " ORDER BY CASE WHEN track = 'deal' THEN 0 ELSE 1 END, last_report_at DESC LIMIT 1",
        (entity_id, story_key, *tracks, published_form(reported - window), published_form(reported + window)),
    )
    if row is None:
        return None
    return StoryState(row["id"], row["track"], row["kind"], row["rung"], row["best_tier_rank"])


async def create_story(conn: Connection, entity_id: int, track: str, counterpart: str | None, story_key: str,
                       kind: str, rung: int, best_tier_rank: int, published: str, now: str) -> int:
    story_id = await insert_id(conn,
        "INSERT INTO stories (entity_id, track, counterpart, counterpart_key, kind, rung, best_tier_rank,"
        " first_seen_at, last_report_at, rung_reached_at, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
        " RETURNING id",
        (entity_id, track, counterpart, story_key, kind, rung, best_tier_rank, published, published, published, now),
    )
    assert story_id is not None
    return story_id


async def update_story(conn: Connection, story_id: int, kind: str, rung: int, best_tier_rank: int,
                       published: str) -> None:
    """The story after a report: its kind and rung, its best source, and the span of its reports."""
    await conn.execute(
        "UPDATE stories SET kind = ?, rung = ?, best_tier_rank = ?,"
        " last_report_at = CASE WHEN last_report_at > ? THEN last_report_at ELSE ? END,"
        " first_seen_at = CASE WHEN first_seen_at < ? THEN first_seen_at ELSE ? END,"
        " rung_reached_at = CASE WHEN ? > rung THEN ? ELSE rung_reached_at END WHERE id = ?",
        (kind, rung, best_tier_rank, published, published, published, published, rung, published, story_id),
    )


async def attach_claim(conn: Connection, claim_id: int, story_id: int) -> None:
    await conn.execute("UPDATE claims SET story_id = ? WHERE id = ?", (story_id, claim_id))


async def insert_event(conn: Connection, story_id: int, claim_id: int, kind: str, reason: str, now: str) -> int:
    event_id = await insert_id(conn,
        "INSERT INTO story_events (story_id, claim_id, kind, reason, created_at) VALUES (?, ?, ?, ?, ?) RETURNING id",
        (story_id, claim_id, kind, reason, now),
    )
    assert event_id is not None
    return event_id


async def queue_outbox(conn: Connection, event_id: int, targets: Sequence[tuple[int, int, str]], now: str) -> int:
    """One outbox row per (guild, channel, state) target; the nonce lets Discord refuse a second post."""
    if targets:
        await conn.executemany(
            "INSERT INTO outbox (event_id, guild_id, channel_id, state, nonce, created_at, next_attempt_at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (event_id, channel_id) DO NOTHING",
            [(event_id, guild_id, channel_id, state, uuid.uuid4().hex[:25], now, now)
             for guild_id, channel_id, state in targets],
        )
    return len(targets)


async def record_fetched(conn: Connection, feeds: Sequence[tuple[int, FetchState, str | None]], now: str) -> None:
    """Each (feed, its new validators, what was wrong with a feed that still parsed): healthy, fetched now."""
    await conn.executemany(
        "UPDATE feeds SET etag = ?, last_modified = ?, body_hash = ?, first_fetch_done = 1,"
        " last_fetch_at = ?, last_success_at = ?, last_error = ?, consecutive_failures = 0,"
        " next_fetch_at = NULL WHERE id = ?",
        [(state.etag, state.last_modified, state.body_hash, now, now, warning, feed_id)
         for feed_id, state, warning in feeds],
    )
