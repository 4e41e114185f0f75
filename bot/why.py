"""`/why url` and `why URL`: why an item was posted in this server's channels, or why not.

Told in plain words from what was stored when the item came in: the feed that brought it and when,
each claim read from it and the story it joined, and per following channel whether an alert went
out and, if not, the first reason that applies (the channel followed later; the feed's first
fetch; the server's kinds or minimum tier; a paused follow). The extractor's own explanation of
the text follows. A server sees only its own feeds' items and its own channels.
"""

from __future__ import annotations

import unicodedata
from contextvars import ContextVar
from dataclasses import dataclass, field

from bot import inputs
from bot.claims.extract import explain_claims
from bot.inputs import UserError, shown
from bot.literal import when
from bot.outlets import outlet_of, site_or_file
from bot.routing import filtered_by
from storage import follows as follow_store
from storage import settings as guild_store
from storage import why as why_store
from storage.db import Database
from storage.records import Delivery, Follow, GuildSettings, StoredClaim, StoredItem

KIND_WORDS = {
    "interest": "interest from", "talks": "talks with", "bid": "a bid from", "bid_rejected": "a bid rejected by",
    "agreement": "an agreement with", "medical": "a medical with", "completed": "a completed move to",
    "loan": "a loan to", "contract_extension": "a new contract at", "departure": "leaving", "denial": "a denial about",
}
EVENT_WORDS = {"new": "a new story, so an alert", "climb": "it moved the story up, so an alert",
               "denial": "a denial, so an alert", "rejected": "a rejected bid, so an alert",
               "confirmation": "a better source confirmed it, so an alert"}


_FOR_DISCORD: ContextVar[bool] = ContextVar("why_for_discord", default=False)
_UNPRINTABLE = frozenset({"Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp"})


def _text(value: str, limit: int) -> str:
    """Feed or user text in an answer: for Discord as every reply shows it (markdown and mentions
    defused); for the CLI printable, on one line and clipped, but otherwise as it reads."""
    if _FOR_DISCORD.get():
        return shown(value, limit)
    printable = " ".join("".join(c for c in value if unicodedata.category(c) not in _UNPRINTABLE).split())
    return printable if len(printable) <= limit else printable[: limit - 1] + "…"


def _mention(channel: int) -> str:
    if _FOR_DISCORD.get():
        return f"<#{channel}>"
    return "the console" if channel == 0 else f"channel {channel}"


@dataclass(slots=True)
class WhyAnswer:
    lines: list[str] = field(default_factory=list)  # the answer, in plain words
    explain: list[str] = field(default_factory=list)  # how the extractor reads the text, line by line


def link_variants(raw: str) -> list[str]:
    """The link as given, with and without a trailing slash, over http and https."""
    try:
        url = inputs.feed_url(raw)
    except UserError:
        raise UserError("Give the item's link: the http(s) address of the article, as the alert or the "
                        "feed shows it.") from None
    bases = {url, url.rstrip("/"), url.rstrip("/") + "/"}
    swapped = {b.replace("https://", "http://", 1) if b.startswith("https://") else b.replace("http://", "https://", 1)
               for b in bases}
    return sorted(bases | swapped, key=lambda v: (v != url, v))


def _claim_words(claim: StoredClaim) -> str:
    who = claim.person or claim.subject
    what = KIND_WORDS.get(claim.kind, claim.kind)
    other = claim.counterpart or (claim.from_club if claim.kind == "departure" else None)
    words = f"{_text(who, 100)}: {what} {_text(other, 100)}" if other else f"{_text(who, 100)}: {claim.kind}"
    source = claim.source or claim.outlet
    tier = claim.source_tier or "unrated"
    return words + (f", per {_text(source, 100)} ({tier})" if source else f" ({tier})")


def _story_words(claim: StoredClaim) -> str:
    other = claim.story_counterpart
    if not other:  # a departure is told apart by the club left; a deal may not name a club yet
        left = claim.from_club if claim.track == "departure" else None
        other = f"leaving {left}" if left else ("no club named" if claim.track == "deal" else
                                                (claim.track or "").replace("_", " "))
    return (f"the story {_text(claim.person or claim.subject, 100)} · {_text(other, 100)} "
            f"(since {when(claim.story_since)[:11]}, now at {(claim.story_kind or '').replace('_', ' ')}, "
            f"{claim.story_reports} report{'s' if claim.story_reports != 1 else ''})")


async def _channel_reasons(db: Database, claim: StoredClaim, item: StoredItem, guild: int,
                           settings: GuildSettings) -> list[str]:
    """For each of this server's channels following the person: posted, held, or why not."""
    assert claim.entity_id is not None and claim.event_id is not None
    follows = {row.channel_id: row for row in await follow_store.of_person(db, guild, claim.entity_id)}
    delivered = {row.channel_id: row for row in await why_store.deliveries(db, claim.event_id, guild)}
    if not follows and not delivered:
        return [f"No channel in this server follows {_text(claim.person or claim.subject, 100)}, so no alert went out here."]
    first_fetch = claim.created_at == item.first_fetch_at
    alerted_anywhere = bool(delivered) or await why_store.delivered_anywhere(db, claim.event_id)
    lines = []
    for channel in sorted(follows.keys() | delivered.keys()):
        reason = _one_channel(claim, follows.get(channel), delivered.get(channel), settings,
                              first_fetch and not alerted_anywhere)
        lines.append(f"{_mention(channel)}: {reason}")
    return lines


def _one_channel(claim: StoredClaim, follow: Follow | None, row: Delivery | None,
                 settings: GuildSettings, first_fetch: bool) -> str:
    if row is not None:
        if row.state == "sent":
            how = "in the daily digest" if settings.digest else "as an alert"
            return f"posted {how} on {when(row.sent_at)}."
        if row.state == "digest":
            return "held for this server's daily digest (digest mode is on); it goes out with the next digest."
        if row.state == "failed":
            return f"not posted: posting failed ({_text(row.last_error or 'no reason given', 200)})."
        return "queued; it has not been posted yet."
    if first_fetch:
        return ("not alerted: it came in the first fetch of a new feed, which records what the feed already "
                "carries without alerting.")
    if follow is not None and follow.created_at > (claim.event_at or ""):
        return (f"not alerted: this channel began following {_text(claim.person or claim.subject, 100)} on "
                f"{when(follow.created_at)}, after this report came in.")
    filtered = filtered_by(settings.kinds, settings.min_tier, claim.kind, claim.source_tier)
    if filtered == "kind" and settings.kinds:
        return f"not alerted: kind filtered; this server alerts only on {', '.join(settings.kinds)}."
    if filtered == "tier":
        return (f"not alerted: below this server's minimum tier; its source is {claim.source_tier or 'unrated'}, "
                f"and the server asks for {settings.min_tier} or better.")
    if follow is not None and follow.paused:
        return f"not alerted: the follow here is paused ({_text(follow.paused_reason or 'no reason given', 200)})."
    return "not alerted: no alert was queued for this channel (its follow may have been paused then)."


async def _claim_lines(db: Database, claim: StoredClaim, item: StoredItem, guild: int,
                       settings: GuildSettings) -> list[str]:
    head = f"• {_claim_words(claim)}."
    if claim.entity_id is None or claim.story_id is None:
        return [head, f"  The name {_text(claim.subject, 100)} fits more than one person, so it joined no "
                      "story and alerts no one."]
    if claim.event_id is None:
        if claim.kind == "denial" and claim.story_kind == "denial":
            why = "a repeated denial: the story already carried one, so no new alert."
        else:
            why = "a duplicate report of an existing story: it adds to its reports, but no new development, so no alert."
        return [head, f"  It joined {_story_words(claim)}: {why}"]
    joined = "began" if claim.story_first_claim == claim.id else "joined"
    lines = [head, f"  It {joined} {_story_words(claim)}: {EVENT_WORDS.get(claim.event_reason or '', 'an alert')}."]
    return lines + ["  " + line for line in await _channel_reasons(db, claim, item, guild, settings)]


def _feed_words(item: StoredItem) -> str:
    # Never another server's name for a shared feed: this server's own, the operator's, else its site.
    name = item.own_name or (site_or_file(item.feed_url) if item.origin == "discord" else item.feed_name)
    return f"feed #{item.feed_id} {_text(name, 100)}" if name else f"feed #{item.feed_id}"


async def why(db: Database, url: str, guild_id: int | str, *, for_discord: bool = False) -> WhyAnswer:
    """Why the item at `url` was posted in this server's channels, or why not, in plain words.

    `for_discord`: channels as mentions and feed text with markdown defused; otherwise (the CLI)
    channels by number and feed text as it reads."""
    _FOR_DISCORD.set(for_discord)
    guild = inputs.snowflake(guild_id, "server id")
    links = link_variants(url)
    items = await why_store.items_by_link(db, links, guild)
    answer = WhyAnswer()
    if not items:
        answer.lines.append(f"I have not seen {inputs.shown_url(links[0])} in any feed this server reads, so it "
                            "was never posted here.")
        waiting = await why_store.unpolled_feeds(db, guild)
        if waiting:
            names = ", ".join(f"#{row.id} {_text(row.name or 'unnamed feed', 100)}" for row in waiting)
            answer.lines.append(f"Not yet polled: {names}. If the item is in one of them, ask again after its "
                                "first fetch.")
        else:
            answer.lines.append("Every feed this server reads has been polled. Add the outlet's feed if it is "
                                "missing; an item older than the feeds' current window is not fetched.")
        return answer
    settings = await guild_store.get(db, guild)
    for item in items:
        answer.lines.append(f"“{_text(item.title, 200)}” {inputs.shown_url(item.link or links[0])}")
        answer.lines.append(f"Brought by {_feed_words(item)}, first seen {when(item.fetched_at)}"
                            f" (published {when(item.published)}).")
        claims = await why_store.claims_of_item(db, item.id)
        if not claims:
            answer.lines.append("No claim was read from it (no transfer or managerial development about a "
                                "named person), so it alerts no one.")
        else:
            answer.lines.append(f"Claims read from it: {len(claims)}.")
            for claim in claims:
                answer.lines.extend(await _claim_lines(db, claim, item, guild, settings))
    first = items[0]
    outlet = outlet_of(first.feed_url, first.feed_name, first.origin)
    _, answer.explain = explain_claims(first.title, first.summary, outlet=outlet, item=first.link)
    return answer


async def read_since(db: Database, since: str, guild_id: int) -> list[WhyAnswer]:
    """The answer for every item stored since `since` (console mode's `run -v`), without the
    extractor's reading. An item whose link is not a web address is left out."""
    answers = []
    for link in await why_store.links_fetched_since(db, since, guild_id):
        try:
            answer = await why(db, link, guild_id)
        except UserError:
            continue
        answer.explain = []
        answers.append(answer)
    return answers
