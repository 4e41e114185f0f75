"""Store a poll's items and fold their claims into stories, alert events and outbox rows.

Every decision is made here or in a pure module (which person a name means: bot/identities.py; what a
claim does to its story: bot/stories.py; which channels hear of it: bot/routing.py); storage only
runs each step's SQL (storage/ingest.py) on one shared transaction. Each feed's fetch state is
written in that transaction too, so it never advances past items that were not stored.
Several feeds can go in one call (a whole poll cycle): their items are then folded into stories
oldest first across feeds, so the same news gives the same alerts whichever feed answered first.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from bot import identities
from bot.claims.gazetteer import tier_of
from bot.identities import club_key
from bot.models import Claim, FeedItem
from bot.routing import route
from bot.stories import decide, track_of
from storage import follows
from storage import ingest as steps
from storage.db import Connection, Database, moment, published_form, utcnow
from storage.records import FetchState, NewClaim, NewItem


@dataclass(slots=True)
class IngestReport:
    new_items: int = 0
    edited_items: int = 0
    claims: int = 0
    ambiguous: int = 0
    events: list[int] = field(default_factory=list)
    outbox_rows: int = 0


def new_item(item: FeedItem) -> NewItem:
    published = published_form(item.published) if item.published else None
    return NewItem(item.key, item.guid, item.link, item.title, item.summary, published, item.content_hash)


def stamped(claim: Claim, outlet_tier: str | None = None) -> NewClaim:
    """The claim with what its story needs, computed once: its counterpart's key (a departure's story
    is told apart by the club left) and the tier of its source, else of its outlet (`outlet_tier`:
    the catalogue's tier for the feed, when it gives one)."""
    counterpart_key = club_key(claim.counterpart)
    story_key = counterpart_key or (club_key(claim.from_club) if claim.kind == "departure" else "")
    return NewClaim(
        subject=claim.subject, subject_key=claim.subject.casefold(), role=claim.role, kind=claim.kind,
        counterpart=claim.counterpart, counterpart_key=counterpart_key, story_key=story_key,
        from_club=claim.from_club, source=claim.source, tier=_tier(claim.source) or outlet_tier or _tier(claim.outlet),
        outlet=claim.outlet, published=claim.published, evidence=claim.evidence,
    )


@lru_cache(maxsize=4096)
def _tier(name: str | None) -> str | None:
    # Remembered, as identities._club_key is: the default source table is loaded once, and a poll's
    # claims name the same few sources and outlets again and again. Folding and looking up the
    # source and the outlet was 20k instructions a claim, a tenth of batch_of's (callgrind).
    return tier_of(name)


@dataclass(slots=True)
class FeedBatch:
    """One feed's part of an ingest: its new or edited items with their claims, and its new state."""

    feed_id: int
    items: list[tuple[NewItem, list[NewClaim]]]
    state: FetchState
    emit_alerts: bool
    edited: set[str] | None = None  # keys already stored (from known_items); None: look each up
    warning: str | None = None  # what was wrong with a feed that still parsed, shown to admins


def batch_of(feed_id: int, extracted: list[tuple[FeedItem, list[Claim]]], state: FetchState, *,
             emit_alerts: bool, edited: set[str] | None = None, warning: str | None = None,
             outlet_tier: str | None = None) -> FeedBatch:
    """A feed's extracted items as storage takes them, each claim stamped."""
    return FeedBatch(feed_id, [(new_item(item), [stamped(c, outlet_tier) for c in claims])
                               for item, claims in extracted],
                     state, emit_alerts, edited, warning)


async def ingest(db: Database, feed_id: int, batch: list[tuple[FeedItem, list[Claim]]], state: FetchState, *,
                 emit_alerts: bool, window_days: int, warning: str | None = None,
                 edited: set[str] | None = None) -> IngestReport:
    """One feed's ingest; see ingest_many."""
    [report] = await ingest_many(
        db, [batch_of(feed_id, batch, state, emit_alerts=emit_alerts, edited=edited, warning=warning)],
        window_days=window_days)
    return report


async def ingest_many(db: Database, batches: list[FeedBatch], *, window_days: int) -> list[IngestReport]:
    """Store every batch in one transaction; returns a report per batch, in order.

    New items known to carry no claim go in with one statement per feed (most items); the rest
    are stored and folded into stories oldest first across all the batches.
    """
    reports = [IngestReport() for _ in batches]
    now = utcnow()

    # One transaction, and on SQLite one hand-off to the database thread for all of it: the body
    # awaits nothing but its queries (Database.run).
    async def body(conn: Connection) -> list[IngestReport]:
        pending: list[tuple[int, NewItem, list[NewClaim]]] = []
        for index, feed in enumerate(batches):
            plain = [item for item, claims in feed.items if not claims and _known_new(feed, item)]
            if plain:
                reports[index].new_items += await steps.insert_items(conn, feed.feed_id, plain, now)
            plain_keys = {item.key for item in plain}
            pending.extend((index, item, claims) for item, claims in feed.items if item.key not in plain_keys)
        # Oldest first; an undated item goes last.
        pending.sort(key=lambda entry: (entry[1].published is None, moment(entry[1].published)))
        await identities.expect(conn, [claim.subject for _, _, claims in pending for claim in claims])
        # When every one is known new (a poll's usual case), all go in at once, in the same order as
        # one by one below: items are the only rows of their table written in this loop, so their ids
        # are the same. An item the database had after all is then looked at by store_item.
        together = all(_known_new(batches[index], item) for index, item, _ in pending)
        inserted = await steps.insert_new_items(conn, [(batches[index].feed_id, item) for index, item, _ in pending],
                                                now) if together and pending else {}
        for index, item, claims in pending:
            feed, report = batches[index], reports[index]
            item_id = inserted.get((feed.feed_id, item.key))
            if item_id is not None:
                was_edited = False
            else:
                item_id, was_edited = await steps.store_item(conn, feed.feed_id, item, now,
                                                             not together and _known_new(feed, item))
            if item_id is None:
                continue
            if was_edited:
                report.edited_items += 1
            else:
                report.new_items += 1
            # A row new in this transaction holds no claim yet but those folded here: a claim repeats
            # one only by the unique key below, so its story comes first and its row goes in with it.
            fresh: set[tuple[str, str, str]] | None = None if was_edited else set()
            for claim in claims:
                await _fold(conn, feed, item_id, item, claim, now, window_days, report, fresh)
        await steps.record_fetched(conn, [(feed.feed_id, feed.state, feed.warning) for feed in batches], now)
        return reports

    return await db.run(body, serial=True)


def _known_new(feed: FeedBatch, item: NewItem) -> bool:
    """Whether the poll found no stored item of this key (known_items) just before."""
    return feed.edited is not None and item.key not in feed.edited


async def _fold(conn: Connection, feed: FeedBatch, item_id: int, item: NewItem, claim: NewClaim, now: str,
                window_days: int, report: IngestReport, fresh: set[tuple[str, str, str]] | None) -> None:
    """One claim: its person, its row, the story it starts or moves, and the alert that deserves.

    `fresh`: for an item inserted in this transaction, the unique keys of the claims stored with it
    so far; the claim's row then goes in last, with its story (the same rows and ids as inserting
    it first and attaching it after: no step reads a claim's story in between). None for an edit."""
    entity_id, ambiguous = await identities.resolve_subject(conn, claim.subject, claim.role,
                                                        [claim.counterpart, claim.from_club])
    if fresh is not None and entity_id is not None:
        key = (claim.subject_key, claim.kind, claim.counterpart_key)
        if key in fresh:
            return  # the item carries this claim already
        fresh.add(key)
        claim_id = None
    else:
        claim_id = await steps.insert_claim(conn, feed.feed_id, item_id, item, claim, entity_id, ambiguous, now)
        if claim_id is None:
            return  # this item already carried this claim (an edit that changed nothing about it)
        if fresh is not None:
            fresh.add((claim.subject_key, claim.kind, claim.counterpart_key))
        report.claims += 1
        if entity_id is None:
            report.ambiguous += 1
            return
    await identities.note_club(conn, entity_id, claim.kind, claim.role, claim.counterpart, claim.from_club)
    published = claim.published or now
    # A denial about a named club answers that club's deal story when there is one.
    tracks = ("deal", "denial") if claim.kind == "denial" else (track_of(claim.kind),)
    story = await steps.open_story(conn, entity_id, tracks, claim.story_key, published, window_days)
    decision = decide(story, claim.kind, claim.tier)
    if story is None:
        story_id = await steps.create_story(conn, entity_id, track_of(claim.kind), claim.counterpart,
                                            claim.story_key, decision.kind, decision.rung, decision.best_tier_rank,
                                            published, now)
    else:
        story_id = story.id
        await steps.update_story(conn, story_id, decision.kind, decision.rung, decision.best_tier_rank, published)
    if claim_id is None:
        claim_id = await steps.insert_claim(conn, feed.feed_id, item_id, item, claim, entity_id, ambiguous, now,
                                            story_id)
        assert claim_id is not None  # its key is new to this new item
        report.claims += 1
    else:
        await steps.attach_claim(conn, claim_id, story_id)
    if decision.reason is None:
        return
    event_id = await steps.insert_event(conn, story_id, claim_id, claim.kind, decision.reason, now)
    report.events.append(event_id)
    if feed.emit_alerts:
        # A claim read from a feed a server added alerts only the servers that added it.
        targets = route(await follows.followers(conn, entity_id, feed.feed_id), claim.kind, claim.tier)
        report.outbox_rows += await steps.queue_outbox(conn, event_id, targets, now)
