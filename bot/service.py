"""The operations slash commands and their CLI twins share. Plain data in, plain results out."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field, replace
from urllib.parse import urlsplit

import aiosqlite
from rapidfuzz import fuzz, process

from bot.claims.gazetteer import fold
from bot.models import KINDS, AlertView, StoryView
from storage import entities, follows
from storage import feeds as feed_store
from storage import settings as guild_store
from storage import stories as story_store
from storage.db import Database
from storage.settings import GuildSettings

MAX_NAME_CHARS = 80
_NAME_OK = re.compile(r"^[\w .'’\-]+$")


class UserError(Exception):
    """A mistake in what the user asked, worded as what to do instead."""


@dataclass(frozen=True, slots=True)
class Person:
    id: int
    name: str
    role: str | None
    club: str | None

    def describe(self) -> str:
        role = self.role or "person"
        return f"{self.name} ({role}{', ' + self.club if self.club else ''})"


@dataclass(slots=True)
class Resolution:
    person: Person | None = None
    choices: list[Person] = field(default_factory=list)  # ambiguous, or near misses

    @property
    def ambiguous(self) -> bool:
        return self.person is None and len(self.choices) > 1


def clean_name(raw: str) -> str:
    """A person's name as typed, or UserError: no control characters, mentions or markup."""
    name = unicodedata.normalize("NFC", " ".join(raw.split()))
    if not name:
        raise UserError("Give a name, like `konate` or `Xabi Alonso`.")
    if len(name) > MAX_NAME_CHARS:
        raise UserError(f"That name is longer than {MAX_NAME_CHARS} characters; try the surname alone.")
    if not _NAME_OK.match(name) or "_" in name:
        raise UserError("Names may hold letters, spaces, hyphens, apostrophes and dots only.")
    return name


def _person(row: aiosqlite.Row) -> Person:
    return Person(row["id"], row["name"], row["role"], row["club"])


async def resolve(db: Database, raw: str) -> Resolution:
    """Exact alias first (accent- and case-insensitive), then a typo-tolerant guess."""
    name = clean_name(raw)
    exact = await entities.lookup(db.conn, name)
    if len(exact) == 1:
        return Resolution(person=_person(exact[0]))
    if exact:
        return Resolution(choices=[_person(row) for row in exact])
    near = await suggest(db, name, limit=5, cutoff=80)
    if len(near) == 1:
        return Resolution(person=near[0])
    return Resolution(choices=near)


@dataclass(slots=True)
class _NameIndex:
    """Folded aliases (full names and surnames) by first letter, for typo-tolerant lookups.

    Bucketing by the first letter keeps a fuzzy scan to a few thousand aliases even with 100,000
    people; a typo in the very first letter is the price. Rebuilt only when names change.
    """

    stamp: tuple[object, ...] = ()
    buckets: dict[str, tuple[list[str], list[int]]] = field(default_factory=dict)


_name_indexes: dict[str, _NameIndex] = {}


async def _name_index(db: Database) -> _NameIndex:
    # max(rowid) catches people added by another process (a CLI follow); the counter, renames here.
    newest = await db.fetchone("SELECT max(rowid) FROM entity_aliases")
    stamp = (entities.NAMES_CHANGED[0], newest[0] if newest else None)
    index = _name_indexes.setdefault(db.path, _NameIndex())
    if index.stamp != stamp:
        buckets: dict[str, tuple[list[str], list[int]]] = {}
        for row in await db.fetchall("SELECT alias, entity_id FROM entity_aliases"):
            aliases, ids = buckets.setdefault(row["alias"][:1], ([], []))
            aliases.append(row["alias"])
            ids.append(row["entity_id"])
        index.buckets, index.stamp = buckets, stamp
    return index


async def warm_name_index(db: Database) -> None:
    """Build the autocomplete index at start-up, not on a user's first keystroke."""
    await _name_index(db)


async def suggest(db: Database, query: str, *, limit: int = 25, cutoff: float = 75) -> list[Person]:
    """Autocomplete: prefix matches on any alias first, then typo-tolerant matches on aliases."""
    folded = fold(query)
    found = {row["id"]: _person(row) for row in await entities.search(db.conn, folded, limit)}
    if len(found) < limit and len(folded) >= 3:
        aliases, ids = (await _name_index(db)).buckets.get(folded[:1], ([], []))
        # A plain ratio against each alias: "konatte" finds "konate"; prefixes were covered above.
        matches = process.extract(folded, aliases, scorer=fuzz.ratio, limit=limit * 2, score_cutoff=cutoff)
        missing = list(dict.fromkeys(ids[position] for _, _, position in matches))
        for entity_id in [i for i in missing if i not in found][: limit - len(found)]:
            row = await entities.get(db.conn, entity_id)
            if row is not None:
                found[entity_id] = _person(row)
    return list(found.values())[:limit]


@dataclass(frozen=True, slots=True)
class FollowResult:
    person: Person | None
    created: bool  # a new follow (False: this channel already followed them)
    new_name: bool = False  # never seen in the news yet: followed by name
    choices: tuple[Person, ...] = ()

    @property
    def message(self) -> str:
        if self.person is None:
            listed = ", ".join(p.describe() for p in self.choices)
            return f"Which one? {listed}. Follow again with the full name."
        who = self.person.describe()
        if self.new_name:
            return (f"Following {self.person.name}. I have not seen them in the news yet; "
                    "the first report that names them will be alerted here.")
        if not self.created:
            return f"This channel already follows {who}."
        return (f"Following {who}. Alerts come here when a new story starts, a story moves up "
                "(talks, bid, agreement, medical, done deal), a denial arrives, or a better source confirms it.")


async def follow(db: Database, guild_id: int, channel_id: int, raw: str, *, by: str | None = None) -> FollowResult:
    name = clean_name(raw)
    found = await resolve(db, name)
    if found.ambiguous:
        return FollowResult(None, False, choices=tuple(found.choices))
    new_name = False
    person = found.person
    if person is None:
        async with db.transaction() as conn:
            entity_id = await entities.create(conn, name, None, placeholder=True)
        person = Person(entity_id, name, None, None)
        new_name = True
    created = await follows.add(db, guild_id, channel_id, person.id, by)
    return FollowResult(person, created, new_name=new_name)


async def unfollow(db: Database, guild_id: int, channel_id: int, raw: str) -> str:
    rows = await follows.for_channel(db, guild_id, channel_id)
    folded = fold(clean_name(raw))
    matches = [row for row in rows if folded in (fold(row["name"]), *fold(row["name"]).split()[1:])
               or fold(row["name"]).endswith(" " + folded)]
    if not matches:
        raise UserError(f"This channel does not follow anyone called {raw.strip()!r}. See `/following`.")
    if len(matches) > 1:
        names = ", ".join(row["name"] for row in matches)
        raise UserError(f"That fits {names}; unfollow with the full name.")
    await follows.remove(db, guild_id, channel_id, matches[0]["entity_id"])
    return f"Stopped following {matches[0]['name']} here."


async def following(db: Database, guild_id: int, channel_id: int | None) -> list[str]:
    lines = []
    for row in await follows.for_channel(db, guild_id, channel_id):
        line = f"{row['name']} ({row['role'] or 'not yet seen'}{', ' + row['club'] if row['club'] else ''})"
        if channel_id is None:
            line += f" in <#{row['channel_id']}>"
        if row["paused"]:
            line += f" — paused: {row['paused_reason']}"
        lines.append(line)
    return lines


@dataclass(frozen=True, slots=True)
class Timeline:
    person: Person
    stories: list[StoryView]


async def timeline(db: Database, raw: str, *, kind: str | None = None, since: str | None = None) -> Timeline:
    if kind is not None and kind not in KINDS:
        raise UserError(f"Unknown kind {kind!r}; choose one of: {', '.join(KINDS)}.")
    if since is not None and not re.fullmatch(r"\d{4}-\d{2}-\d{2}", since):
        raise UserError("Give `since` as a date, like 2025-06-01.")
    found = await resolve(db, raw)
    if found.person is None:
        if found.choices:
            listed = ", ".join(p.describe() for p in found.choices)
            raise UserError(f"Which one? {listed}.")
        raise UserError(f"No stories about {raw.strip()!r} yet.")
    return Timeline(found.person, await story_store.timeline(db, found.person.id, kind=kind, since=since))


def check_user_feed_url(url: str) -> str:
    """What a Discord user may add: an http(s) URL with a host. Address checks happen at connect time."""
    url = url.strip()
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise UserError("A feed URL must start with http:// or https:// and name a host.")
    if len(url) > 2000:
        raise UserError("That URL is too long.")
    return url


async def add_feed(db: Database, url: str, name: str | None, *, origin: str, by: str | None = None,
                   guild_id: int | None = None) -> tuple[int, bool]:
    """(feed id, newly added)."""
    url = check_user_feed_url(url) if origin != "config" else url
    existing = await feed_store.by_url(db, url)
    if existing is not None:
        return int(existing["id"]), False
    return await feed_store.upsert(db, url, name, None, origin, by, guild_id), True


async def remove_feed(db: Database, url_or_id: str) -> str:
    feed = await _find_feed(db, url_or_id)
    await feed_store.remove(db, feed["id"])
    return f"Removed {feed['name'] or feed['url']}. Stories already read from it are kept."


async def resume_feed(db: Database, url_or_id: str) -> str:
    feed = await _find_feed(db, url_or_id)
    await feed_store.set_paused(db, feed["id"], False)
    return f"Resumed {feed['name'] or feed['url']}; it is polled again on its next turn."


async def _find_feed(db: Database, url_or_id: str) -> aiosqlite.Row:
    key = url_or_id.strip()
    feed = await feed_store.by_id(db, int(key)) if key.isdigit() else await feed_store.by_url(db, key)
    if feed is None:
        raise UserError(f"No feed {key!r}. See the feed list for ids.")
    return feed


async def feed_health(db: Database) -> list[dict[str, object]]:
    return [dict(row) for row in await feed_store.list_with_health(db)]



TIER_CHOICES = ("official", "tier1", "tier2", "tier3", "tier4")


async def set_alert_channel(db: Database, guild_id: int, channel_id: int) -> str:
    current = await guild_store.get(db, guild_id)
    await guild_store.put(db, replace(current, alert_channel_id=channel_id))
    return (f"Server notices (for example, a channel the bot can no longer post in) now go to <#{channel_id}>. "
            "Alerts about a person still go to the channel that follows them.")


async def update_alert_settings(db: Database, guild_id: int, *, min_tier: str | None = None,
                                kinds: str | None = None, digest: bool | None = None) -> str:
    updated = await guild_store.get(db, guild_id)
    if min_tier is not None:
        if min_tier not in (*TIER_CHOICES, "any"):
            raise UserError(f"Minimum tier must be one of: any, {', '.join(TIER_CHOICES)}.")
        updated = replace(updated, min_tier=None if min_tier == "any" else min_tier)
    if kinds is not None:
        wanted = tuple(k.strip() for k in kinds.replace(" ", ",").split(",") if k.strip())
        unknown = [k for k in wanted if k not in KINDS and k != "all"]
        if unknown:
            raise UserError(f"Unknown kinds: {', '.join(unknown)[:300]}. Choose from: {', '.join(KINDS)}, or all.")
        updated = replace(updated, kinds=None if not wanted or "all" in wanted else wanted)
    if digest is not None:
        updated = replace(updated, digest=digest)
    await guild_store.put(db, updated)
    return describe_settings(updated)


def describe_settings(settings: GuildSettings) -> str:
    mode = "a daily digest" if settings.digest else "instant alerts"
    channel = f"<#{settings.alert_channel_id}>" if settings.alert_channel_id else "not set"
    kinds = ", ".join(settings.kinds) if settings.kinds else "all"
    return (f"Alerts: {mode}; minimum source tier: {settings.min_tier or 'any'}; kinds: {kinds}; "
            f"notices channel: {channel}.")


async def alert_settings(db: Database, guild_id: int) -> str:
    return describe_settings(await guild_store.get(db, guild_id))


async def latest(db: Database, guild_id: int, limit: int = 10) -> list[AlertView]:
    return await story_store.latest_events(db, guild_id, limit)
