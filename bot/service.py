"""The operations slash commands and their CLI twins share. Plain data in, plain results out.

Follows, people, timelines, alert settings and /latest are here; the feed lists are in
bot/feed_lists.py, /why in bot/why.py and the catalogue in bot/catalogue.py, each offered here too,
so a cog or the CLI needs this one module."""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from rapidfuzz import fuzz, process

from bot import answers, identities, inputs
from bot import catalogue as feed_catalogue
from bot.answers import answers_for_cli as answers_for_cli
from bot.claims.text import fold
from bot.feed_lists import FeedAdded as FeedAdded
from bot.feed_lists import add_feed as add_feed
from bot.feed_lists import add_server_feed as add_server_feed
from bot.feed_lists import check_user_feed_url as check_user_feed_url
from bot.feed_lists import feed_health as feed_health
from bot.feed_lists import feed_label as feed_label
from bot.feed_lists import feed_list as feed_list
from bot.feed_lists import remove_feed as remove_feed
from bot.feed_lists import resume_feed as resume_feed
from bot.inputs import MAX_NAME_CHARS, UserError, shown
from bot.models import KINDS, TIERS, AlertView, StoryView
from bot.why import WhyAnswer as WhyAnswer
from bot.why import read_since
from bot.why import why as why
from storage import follows
from storage import people as people_store
from storage import settings as guild_store
from storage import stories as story_store
from storage.db import Database
from storage.records import GuildSettings, PersonRecord

__all__ = ["MAX_NAME_CHARS", "UserError", "clean_name"]

clean_name = inputs.person_name  # the one validator for a person's name


@dataclass(slots=True)
class Resolution:
    person: PersonRecord | None = None
    choices: list[PersonRecord] = field(default_factory=list)  # ambiguous, or near misses

    @property
    def ambiguous(self) -> bool:
        return self.person is None and len(self.choices) > 1


async def resolve(db: Database, raw: str, *, guild_id: int | None = None) -> Resolution:
    """Exact alias first (accent- and case-insensitive), then a typo-tolerant guess.

    Only people this server may see: anyone a claim named, and the names it follows itself.
    """
    name = clean_name(raw)
    exact = await people_store.lookup(db, fold(name), guild_id=guild_id)
    if len(exact) == 1:
        return Resolution(person=exact[0])
    if exact:
        return Resolution(choices=exact)
    near = await suggest(db, name, limit=5, cutoff=80, guild_id=guild_id)
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
    stamp = await people_store.alias_stamp(db)
    index = _name_indexes.setdefault(db.path, _NameIndex())
    if index.stamp != stamp:
        buckets: dict[str, tuple[list[str], list[int]]] = {}
        for alias, entity_id in await people_store.all_aliases(db):
            aliases, ids = buckets.setdefault(alias[:1], ([], []))
            aliases.append(alias)
            ids.append(entity_id)
        index.buckets, index.stamp = buckets, stamp
    return index


async def warm_name_index(db: Database) -> None:
    """Build the autocomplete index at start-up, not on a user's first keystroke."""
    await _name_index(db)


async def suggest(db: Database, query: str, *, limit: int = 25, cutoff: float = 75,
                  guild_id: int | None = None) -> list[PersonRecord]:
    """Autocomplete: prefix matches on any alias first, then typo-tolerant matches on aliases.

    Another server's followed-by-name people are left out (see storage.people._VISIBLE).
    """
    folded = fold(query)
    found = {person.id: person for person in await people_store.search(db, folded, limit, guild_id=guild_id)}
    if len(found) < limit and len(folded) >= 3:
        aliases, ids = (await _name_index(db)).buckets.get(folded[:1], ([], []))
        # A plain ratio against each alias: "konatte" finds "konate"; prefixes were covered above.
        matches = process.extract(folded, aliases, scorer=fuzz.ratio, limit=limit * 2, score_cutoff=cutoff)
        missing = list(dict.fromkeys(ids[position] for _, _, position in matches))
        # The first few not found by prefix, read in one query (one round trip each was most of a
        # typo's autocomplete); one this server may not see is left out, not replaced by the next.
        wanted = [i for i in missing if i not in found][: limit - len(found)]
        visible = await people_store.get_visible(db, wanted, guild_id=guild_id)
        found.update((entity_id, visible[entity_id]) for entity_id in wanted if entity_id in visible)
    return list(found.values())[:limit]


@dataclass(frozen=True, slots=True)
class FollowResult:
    person: PersonRecord | None
    created: bool  # a new follow (False: this channel already followed them)
    new_name: bool = False  # never seen in the news yet: followed by name
    choices: tuple[PersonRecord, ...] = ()

    @property
    def message(self) -> str:
        if self.person is None:
            listed = ", ".join(p.describe() for p in self.choices)
            return f"Which one? {listed}. Follow again with the full name."
        who = self.person.describe()
        if not self.created:
            return f"This channel already follows {who}."
        if self.new_name:
            return (f"Following {self.person.name}. I have not seen them in the news yet; "
                    "the first report that names them will be alerted here.")
        return (f"Following {who}. Alerts come here when a new story starts, a story moves up "
                "(talks, bid, agreement, medical, done deal), a denial arrives, or a better source confirms it.")


async def _own_channel(db: Database, guild_id: int | str, channel_id: int | str) -> tuple[int, int]:
    """Validated (guild, channel), refusing a channel known to belong to another server."""
    guild, channel = inputs.snowflake(guild_id, "server id"), inputs.snowflake(channel_id, "channel id")
    owner = await follows.channel_guild(db, channel)
    if owner is not None and owner != guild:
        raise UserError("That channel belongs to another server; choose one of this server's channels.")
    return guild, channel


async def follow(db: Database, guild_id: int | str, channel_id: int | str, raw: str, *,
                 by: str | None = None) -> FollowResult:
    name = clean_name(raw)
    guild, channel = await _own_channel(db, guild_id, channel_id)
    found = await resolve(db, name, guild_id=guild)
    if found.ambiguous:
        return FollowResult(None, False, choices=tuple(found.choices))
    person = found.person
    if person is None:
        person = await people_store.get(db, await identities.create_placeholder(db, name))
        assert person is not None
    created = await follows.add(db, guild, channel, person.id, by)
    return FollowResult(person, created, new_name=person.placeholder)


async def unfollow(db: Database, guild_id: int | str, channel_id: int | str, raw: str) -> str:
    guild, channel = inputs.snowflake(guild_id, "server id"), inputs.snowflake(channel_id, "channel id")
    folded = fold(clean_name(raw))
    followed = [row.person for row in await follows.for_channel(db, guild, channel)]
    matches = [person for person in followed if folded in (fold(person.name), *fold(person.name).split()[1:])
               or fold(person.name).endswith(" " + folded)]
    if not matches:
        raise UserError(f"This channel does not follow anyone called {shown(raw, 80)}. See {answers.command('/following', 'following --channel ID')}.")
    if len(matches) > 1:
        names = ", ".join(person.name for person in matches)
        raise UserError(f"That fits {names}; unfollow with the full name.")
    await follows.remove(db, guild, channel, matches[0].id)
    return f"Stopped following {matches[0].name} here."


async def following(db: Database, guild_id: int | str, channel_id: int | str | None) -> list[str]:
    guild = inputs.snowflake(guild_id, "server id")
    channel = inputs.optional_snowflake(channel_id, "channel id")
    lines = []
    for row in await follows.for_channel(db, guild, channel):
        person, follow = row.person, row.follow
        line = f"{person.name} ({person.role or 'not yet seen'}{', ' + person.club if person.club else ''})"
        if channel is None:
            line += f" in {answers.channel(follow.channel_id)}"
        if follow.paused:
            line += f" — paused: {follow.paused_reason}"
        lines.append(line)
    return lines


@dataclass(frozen=True, slots=True)
class Timeline:
    person: PersonRecord
    stories: list[StoryView]


async def timeline(db: Database, raw: str, *, kind: str | None = None, since: str | None = None,
                   guild_id: int | str | None = None) -> Timeline:
    if kind is not None and kind not in KINDS:
        raise UserError(f"Unknown kind {shown(kind, 40)}; choose one of: {', '.join(KINDS)}.")
    since = inputs.since_date(since)
    guild = inputs.optional_snowflake(guild_id, "server id")
    found = await resolve(db, raw, guild_id=guild)
    if found.person is None:
        if found.choices:
            listed = ", ".join(p.describe() for p in found.choices)
            raise UserError(f"Which one? {listed}.")
        raise UserError(f"No stories about {shown(raw, 80)} yet.")
    # With a server, only what it may see: reports from its own feeds and the operator's, not another server's.
    return Timeline(found.person, await story_store.timeline(db, found.person.id, kind=kind, since=since,
                                                             guild_id=guild))


async def person(db: Database, entity_id: int) -> PersonRecord | None:
    """The person an alert's button names, by id; None when they are no longer tracked."""
    return await people_store.get(db, entity_id)


async def timeline_of(db: Database, entity_id: int, *, guild_id: int | None) -> Timeline | None:
    """A person's timeline by id (an alert's Timeline button), as `guild_id` may see it."""
    found = await person(db, entity_id)
    if found is None:
        return None
    return Timeline(found, await story_store.timeline(db, entity_id, guild_id=guild_id))


# /why and `why URL` (bot/why.py); /feeds catalogue, `feeds catalogue` and /feeds add's autocomplete (bot/catalogue.py).
why_read_since = read_since
catalogue_listing, catalogue_choices = feed_catalogue.user_listing, feed_catalogue.choices


TIER_CHOICES = tuple(tier for tier in TIERS if tier != "aggregator")  # what /alerts settings offers


async def set_alert_channel(db: Database, guild_id: int | str, channel_id: int | str) -> str:
    guild, channel = await _own_channel(db, guild_id, channel_id)
    current = await guild_store.get(db, guild)
    await guild_store.put(db, replace(current, alert_channel_id=channel))
    return (f"Server notices (for example, a channel the bot can no longer post in) now go to {answers.channel(channel)}. "
            "Alerts about a person still go to the channel that follows them.")


async def update_alert_settings(db: Database, guild_id: int | str, *, min_tier: str | None = None,
                                kinds: str | None = None, digest: bool | None = None,
                                threads: bool | None = None) -> str:
    updated = await guild_store.get(db, inputs.snowflake(guild_id, "server id"))
    if min_tier is not None:
        if min_tier not in (*TIER_CHOICES, "any"):
            raise UserError(f"Minimum tier must be one of: any, {', '.join(TIER_CHOICES)}.")
        updated = replace(updated, min_tier=None if min_tier == "any" else min_tier)
    if kinds is not None:
        wanted = tuple(k.strip() for k in kinds.replace(" ", ",").split(",") if k.strip())
        if not wanted:
            raise UserError(f"Give kinds as a comma-separated list, like `bid, agreement`, or `all`: {', '.join(KINDS)}.")
        unknown = [k for k in wanted if k not in KINDS and k != "all"]
        if unknown:
            raise UserError(f"Unknown kinds: {shown(', '.join(unknown), 300)}. Choose from: {', '.join(KINDS)}, or all.")
        updated = replace(updated, kinds=None if not wanted or "all" in wanted else wanted)
    if digest is not None:
        updated = replace(updated, digest=digest)
    if threads is not None:
        updated = replace(updated, threads=threads)
    await guild_store.put(db, updated)
    return describe_settings(updated)


def describe_settings(settings: GuildSettings) -> str:
    mode = "a daily digest" if settings.digest else "instant alerts"
    channel = answers.channel(settings.alert_channel_id) if settings.alert_channel_id else "not set"
    kinds = ", ".join(settings.kinds) if settings.kinds else "all"
    if settings.threads:  # only said when on, so the answer reads as before for every other server
        mode += ", each story in one thread (started from its first alert; later developments go in it)"
    return (f"Alerts: {mode}; minimum source tier: {settings.min_tier or 'any'}; kinds: {kinds}; "
            f"notices channel: {channel}.")


async def alert_settings(db: Database, guild_id: int | str) -> str:
    return describe_settings(await guild_store.get(db, inputs.snowflake(guild_id, "server id")))


async def latest(db: Database, guild_id: int | str, limit: int = 10) -> list[AlertView]:
    """The newest developments about the people this server follows: never another server's."""
    return await story_store.latest_events(db, inputs.snowflake(guild_id, "server id"), limit)
