"""The feed lists: a server's own (/feeds add, remove, resume, list) and the operator's (the CLI's
`feeds` without --guild). One URL is fetched once, however many servers add it; each server sees
and changes only its own list. Reached through bot/service.py like every other operation."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

from bot import addguard, inputs
from bot import catalogue as feed_catalogue
from bot.answers import command
from bot.config import NOT_IN_CONFIG
from bot.inputs import UserError, shown
from bot.literal import count, day
from storage import feeds as feed_store
from storage.db import Database
from storage.records import FeedHealth, FeedState

check_user_feed_url = inputs.feed_url  # the one validator for a feed URL a user gives


@dataclass(frozen=True, slots=True)
class FeedAdded:
    feed_id: int
    new_feed: bool  # a URL nobody read before: its first fetch needs scheduling
    subscribed: bool  # newly on this server's list (False: it was already)
    message: str


async def add_server_feed(db: Database, url: str, name: str | None, *, guild_id: int | str,
                          by: str | None = None, check_address: bool = False) -> FeedAdded:
    """/feeds add: the feed joins this server's list. One URL is fetched once, however many servers add it.

    `check_address` (the CLI): refuse a private address now rather than at the first fetch."""
    url, known = feed_catalogue.resolve(url)
    url, name = inputs.feed_url(url), inputs.feed_name(name) or (known.label if known else None)
    if check_address:
        await addguard.refuse_private(url)
    guild = inputs.snowflake(guild_id, "server id")
    feed_id, new_feed, subscribed = await feed_store.subscribe(db, url, name, guild_id=guild, added_by=by)
    if not subscribed:
        return FeedAdded(feed_id, new_feed, subscribed, f"This server already reads that feed (#{feed_id}).")
    return FeedAdded(feed_id, new_feed, subscribed, (
        f"Added feed #{feed_id}. Its current items are recorded without alerts; new ones alert "
        "the channels that follow the people they name. Check its health with "
        f"{command('/feeds list', f'feeds list --guild {guild}')}."))


async def add_feed(db: Database, url: str, name: str | None, *, origin: str, by: str | None = None,
                   guild_id: int | str | None = None) -> tuple[int, bool]:
    """(feed id, the URL is newly read). From Discord (a server's) or the operator's CLI."""
    if origin == "discord" and guild_id is not None:
        added = await add_server_feed(db, url, name, guild_id=guild_id, by=by)
        return added.feed_id, added.new_feed
    known = None
    if origin != "config":
        url, known = feed_catalogue.resolve(url)
        url = inputs.feed_url(url)
    # The operator's name for a feed is the outlet its items are credited to: a catalogue feed's publisher.
    name = inputs.feed_name(name) or (known.outlet if known else None)
    if origin == "cli":
        await addguard.refuse_private(url)  # answered now, not only at every fetch
    existing = await feed_store.by_url(db, url)
    if existing is not None and existing.origin != "discord":
        return existing.id, False
    # New, or a server's feed the operator now adopts: it becomes the operator's, under the operator's
    # name, so a server removing it no longer deletes it (its subscribers keep it).
    return await feed_store.upsert(db, url, name, None, origin, by, None), existing is None


async def remove_feed(db: Database, url_or_id: str, *, guild_id: int | str | None = None) -> str:
    """A server takes a feed off its own list (the feed goes when nobody reads it); without a
    server, the operator removes the feed itself. Config feeds are changed in config.toml only."""
    feed = await _find_feed(db, url_or_id, guild_id)
    label = _feed_label(feed)
    if guild_id is not None:
        await feed_store.unsubscribe(db, inputs.snowflake(guild_id, "server id"), feed.id)
        return f"Removed {label} from this server's feeds; what it reported no longer shows here."
    if feed.origin == "config" and feed.paused and feed.paused_reason == NOT_IN_CONFIG:
        return (f"{label} is no longer in the config file, so it is not read. It stays known: listed there "
                "again, it never alerts what it already carried.")
    if feed.origin == "config":
        # Deleted, it would come back at the next start under a new id and take its old items for news.
        raise UserError(f"{label} is listed in the config file: remove it there. From the next start it is "
                        "not read, and it stays known, so listing it again never alerts its old items.")
    await feed_store.remove(db, feed.id)
    return f"Removed {label}. Stories already read from it are kept."


async def resume_feed(db: Database, url_or_id: str, *, guild_id: int | str | None = None) -> str:
    feed = await _find_feed(db, url_or_id, guild_id)
    if not feed.paused:
        return f"{_feed_label(feed)} is not paused, so there is nothing to resume; it is polled on its schedule."
    if feed.origin == "config" and feed.paused_reason == NOT_IN_CONFIG:
        raise UserError(f"{_feed_label(feed)} is {NOT_IN_CONFIG}.")
    await feed_store.set_paused(db, feed.id, False)
    return f"Resumed {_feed_label(feed)}; it is polled again on its next turn."


async def feed_label(db: Database, feed_id: int) -> str:
    """"#3 BBC Sport: <https://…>", as the CLI names a feed it added."""
    feed = await feed_store.by_id(db, feed_id)
    return f"{_feed_label(feed)}: {inputs.shown_url(feed.url)}" if feed else f"#{feed_id}"


def _feed_label(feed: FeedState | FeedHealth) -> str:
    return f"#{feed.id} {shown(feed.name, 200) if feed.name else inputs.shown_url(feed.url)}"


async def _find_feed(db: Database, url_or_id: str, guild_id: int | str | None) -> FeedState | FeedHealth:
    """The feed the user means, among this server's own (all of them for the operator's CLI)."""
    key = inputs.feed_ref(url_or_id)
    guild = inputs.optional_snowflake(guild_id, "server id")
    feed: FeedState | FeedHealth | None
    feed = await feed_store.by_id(db, key) if isinstance(key, int) else await feed_store.by_url(db, key)
    if feed is not None and guild is not None:
        feed = await feed_store.subscription(db, guild, feed.id)
    if feed is None:
        where = "on this server's list" if guild is not None else "here"
        raise UserError(f"No feed {shown(str(url_or_id), 60)} {where}. See the feed list for numbers.")
    return feed


async def feed_health(db: Database, guild_id: int | str | None = None) -> list[dict[str, object]]:
    """Each feed's health: one server's own feeds, or every feed for the operator."""
    if guild_id is None:
        return [asdict(feed) for feed in await feed_store.list_with_health(db)]
    return [asdict(feed) for feed in await feed_store.list_for_guild(db, inputs.snowflake(guild_id, "server id"))]


async def feed_list(db: Database, guild_id: int | str | None = None) -> list[str]:
    """/feeds list and `feeds list`: health lines, every feed-supplied or user-given text made literal."""
    rows = await feed_health(db, guild_id)
    for row in rows:
        for key in ("name", "last_error", "paused_reason"):
            if row.get(key):
                row[key] = shown(str(row[key]), 500)
        row["url"] = inputs.shown_url(str(row["url"]))
        if row.get("polled_by") and guild_id is not None:
            # A server learns which of the bot's processes read its feed, not the operator's host names.
            row["polled_by"] = str(row["polled_by"]).rsplit("/", 1)[-1]
        if row.get("polled_by"):
            row["polled_by"] = shown(str(row["polled_by"]), 100)
    lines = feed_health_lines(rows)
    if guild_id is not None:
        # The operator's feeds serve every server: their names and state, never their URLs or errors.
        for feed in await feed_store.list_operator_feeds(db):
            state = feed_state(feed.paused, feed.consecutive_failures, feed.last_fetch_at)
            lines.append(f"#{feed.id} {shown(feed.name or 'unnamed feed', 200)} [{state}] · "
                         "the operator's feed, read for every server")
    return lines


def feed_state(paused: bool, failures: int, last_fetch_at: str | None) -> str:
    """A feed's health in a word or three; one never fetched yet is not "ok", it is unknown."""
    if paused:
        return "paused"
    if failures:
        return "failing"
    return "ok" if last_fetch_at else "not fetched yet"


def feed_health_lines(rows: list[dict[str, Any]]) -> list[str]:
    """One line per feed: what an admin needs to know about its health."""
    lines = []
    for row in rows:
        name = row.get("name") or row["url"]
        state = feed_state(row["paused"], row["consecutive_failures"], row["last_fetch_at"])
        fetched = day(row["last_fetch_at"]) if row["last_fetch_at"] else "never"
        line = f"#{row['id']} {name} [{state}] · {count(row['item_count'], 'item')} · last fetch {fetched}"
        if row["last_success_at"]:
            line += f" · last success {day(row['last_success_at'])}"
        if row.get("polled_by"):
            line += f" · polled by {row['polled_by']}"
        if row["consecutive_failures"]:
            line += f" · {count(row['consecutive_failures'], 'failure')} in a row"
        if row["last_error"]:
            line += f" · last error: {row['last_error']}"
        if row["paused"] and row["paused_reason"] == NOT_IN_CONFIG:  # the config resumes it, not a command
            line += f" · paused: {row['paused_reason']}"
        elif row["paused"]:
            line += f" · paused: {row['paused_reason']} (resume with `feeds resume {row['id']}`)"
        lines.append(line + f"\n    {row['url']}")
    return lines
