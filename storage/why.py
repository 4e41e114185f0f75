"""What `/why` reads: an item by its link, the claims read from it, their stories and alert events,
and for one server its follows, settings and deliveries. Reads only; every query is bound to the
server asking, so it never sees another server's feeds, items or channels."""

from __future__ import annotations

from storage.db import Executor, fetchall, fetchone, many
from storage.records import Delivery, StoredClaim, StoredItem, UnpolledFeed

# The feeds a server may see: the operator's (config, CLI) and its own subscriptions.
_VISIBLE_FEED = ("(f.origin != 'discord' OR EXISTS (SELECT 1 FROM feed_subscriptions s"
                 " WHERE s.feed_id = f.id AND s.guild_id = ?))")


async def items_by_link(ex: Executor, links: list[str], guild_id: int) -> list[StoredItem]:
    """Items whose link (or GUID) is one of `links`, from feeds this server may see, oldest first.

    first_fetch_at: when the feed's first stored items came in (its first fetch, which records
    the backlog without alerts unless the operator says otherwise)."""
    marks = ",".join("?" * len(links))
    return await many(ex, StoredItem,
        "SELECT i.id, i.feed_id, i.link, i.guid, i.title, i.summary, i.published, i.fetched_at,"
        # A server's feed has no name of the operator's: each server sees only the name it typed.
        " f.url AS feed_url, CASE WHEN f.origin = 'discord' THEN NULL ELSE f.name END AS feed_name, f.origin,"
        " (SELECT s.name FROM feed_subscriptions s WHERE s.feed_id = f.id AND s.guild_id = ?) AS own_name,"
        " (SELECT min(first.fetched_at) FROM items first WHERE first.feed_id = f.id) AS first_fetch_at"
        f" FROM items i JOIN feeds f ON f.id = i.feed_id WHERE (i.link IN ({marks}) OR i.guid IN ({marks}))"  # noqa: S608 - marks only
        f" AND {_VISIBLE_FEED} ORDER BY i.fetched_at, i.id",
        (guild_id, *links, *links, guild_id),
    )


async def claims_of_item(ex: Executor, item_id: int) -> list[StoredClaim]:
    """The claims read from an item, with the story each joined and the alert event it made (if any)."""
    return await many(ex, StoredClaim,
        "SELECT c.id, c.subject, c.role, c.kind, c.counterpart, c.from_club, c.source, c.source_tier, c.outlet,"
        " c.entity_id, c.story_id, c.ambiguous, c.created_at, e.name AS person,"
        " s.kind AS story_kind, s.counterpart AS story_counterpart, s.first_seen_at AS story_since, s.track,"
        " (SELECT count(*) FROM claims other WHERE other.story_id = c.story_id) AS story_reports,"
        " (SELECT min(earlier.id) FROM claims earlier WHERE earlier.story_id = c.story_id) AS story_first_claim,"
        " ev.id AS event_id, ev.reason AS event_reason, ev.created_at AS event_at"
        " FROM claims c LEFT JOIN entities e ON e.id = c.entity_id LEFT JOIN stories s ON s.id = c.story_id"
        " LEFT JOIN story_events ev ON ev.claim_id = c.id WHERE c.item_id = ? ORDER BY c.id",
        (item_id,),
    )


async def deliveries(ex: Executor, event_id: int, guild_id: int) -> list[Delivery]:
    """The outbox rows of one alert event in this server's channels."""
    return await many(ex, Delivery,
        "SELECT channel_id, state, last_error, sent_at, created_at FROM outbox WHERE event_id = ? AND guild_id = ?"
        " ORDER BY channel_id",
        (event_id, guild_id),
    )


async def unpolled_feeds(ex: Executor, guild_id: int) -> list[UnpolledFeed]:
    """Feeds this server may see that have not been fetched successfully yet."""
    return await many(ex, UnpolledFeed,
        "SELECT f.id, COALESCE((SELECT s.name FROM feed_subscriptions s WHERE s.feed_id = f.id AND s.guild_id = ?),"
        f" CASE WHEN f.origin = 'discord' THEN NULL ELSE f.name END) AS name, f.last_error FROM feeds f WHERE f.first_fetch_done = 0 AND {_VISIBLE_FEED} ORDER BY f.id",
        (guild_id, guild_id),
    )


async def delivered_anywhere(ex: Executor, event_id: int) -> bool:
    """Whether an alert event was queued for any channel at all: an event nobody was sent came from
    a fetch that recorded without alerting (a new feed's first). Only a yes or no leaves here."""
    row = await fetchone(ex, "SELECT EXISTS (SELECT 1 FROM outbox WHERE event_id = ?)", (event_id,))
    return bool(row and row[0])


async def links_fetched_since(ex: Executor, since: str, guild_id: int) -> list[str]:
    """The links (else GUIDs) of items first stored at or after `since`, from feeds this server may
    see, oldest first: what one console run read."""
    rows = await fetchall(ex,
        "SELECT COALESCE(i.link, i.guid) AS ref FROM items i JOIN feeds f ON f.id = i.feed_id"
        f" WHERE i.fetched_at >= ? AND COALESCE(i.link, i.guid) IS NOT NULL AND {_VISIBLE_FEED}"
        " ORDER BY COALESCE(i.published, i.fetched_at), i.id",
        (since, guild_id),
    )
    return list(dict.fromkeys(row["ref"] for row in rows))
