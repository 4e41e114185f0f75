"""The plain records storage hands out and takes in. They depend on nothing, so any layer may hold
them, and a second storage backend only has to produce the same records.

Read models (a feed's state, a follow, a person, a story with its reports, an alert) come out of
queries; write models (an item to store, a claim stamped with its story key and tier) go into them.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class FeedState:
    """A feed's row: what it is, its fetch validators, and its health."""

    id: int
    url: str
    name: str | None
    interval_seconds: int | None
    origin: str  # config | discord | cli
    added_by: str | None
    guild_id: int | None
    etag: str | None
    last_modified: str | None
    body_hash: str | None
    first_fetch_done: bool
    last_fetch_at: str | None
    last_success_at: str | None
    last_error: str | None
    last_error_at: str | None
    consecutive_failures: int
    next_fetch_at: str | None
    paused: bool
    paused_reason: str | None
    created_at: str


@dataclass(frozen=True, slots=True)
class FeedHealth:
    """A feed as /feeds list shows it: under a server's own name for it when a server asks."""

    id: int
    url: str
    name: str | None
    origin: str
    paused: bool
    paused_reason: str | None
    consecutive_failures: int
    last_fetch_at: str | None
    last_success_at: str | None
    last_error: str | None
    next_fetch_at: str | None
    item_count: int
    polled_by: str | None  # the process that fetched it last (several processes on one database)


@dataclass(frozen=True, slots=True)
class OperatorFeed:
    """What a server may know of a feed the operator reads for everyone: no URL, no errors."""

    id: int
    name: str | None
    paused: bool
    consecutive_failures: int
    last_fetch_at: str | None


@dataclass(frozen=True, slots=True)
class UnpolledFeed:
    id: int
    name: str | None
    last_error: str | None


@dataclass(frozen=True, slots=True)
class FetchState:
    """A feed's validators after a fetch, stored with the items they cover."""

    etag: str | None
    last_modified: str | None
    body_hash: str | None


@dataclass(frozen=True, slots=True)
class PersonRecord:
    """A person claimwatch knows: named by a claim, or followed by name (a placeholder)."""

    id: int
    name: str
    role: str | None
    club: str | None
    placeholder: bool = False  # followed by name; no claim has named them yet

    def describe(self) -> str:
        role = self.role or "person"
        return f"{self.name} ({role}{', ' + self.club if self.club else ''})"


@dataclass(frozen=True, slots=True)
class Candidate:
    """A person an alias may mean, with the clubs (keys) seen with them: what name resolution weighs."""

    id: int
    name: str
    role: str | None
    clubs: frozenset[str]
    placeholder: bool = False


@dataclass(frozen=True, slots=True)
class Follow:
    """One channel following one person."""

    guild_id: int
    channel_id: int
    entity_id: int
    paused: bool
    paused_reason: str | None
    created_at: str


@dataclass(frozen=True, slots=True)
class FollowedPerson:
    """A follow with the person it follows: what /following lists."""

    follow: Follow
    person: PersonRecord


@dataclass(frozen=True, slots=True)
class Follower:
    """A channel that follows a person, with its server's alert settings: whom an event may reach."""

    guild_id: int
    channel_id: int
    min_tier: str | None
    kinds: tuple[str, ...] | None
    digest: bool


@dataclass(frozen=True, slots=True)
class GuildSettings:
    guild_id: int
    alert_channel_id: int | None = None
    min_tier: str | None = None
    kinds: tuple[str, ...] | None = None
    digest: bool = False
    threads: bool = False  # one thread per story: its first alert the parent, later ones inside


@dataclass(frozen=True, slots=True)
class OutboxEntry:
    """One alert for one channel, and where its delivery stands."""

    id: int
    event_id: int
    guild_id: int
    channel_id: int
    state: str  # pending | sending | sent | failed | digest
    attempts: int
    nonce: str
    sending_at: str | None
    message_id: str | None  # set once posted; a row still 'sending' with one was posted, not recorded


@dataclass(frozen=True, slots=True)
class StoryThread:
    """A story's thread in one channel: the alert that started it, and the thread once created."""

    story_id: int
    channel_id: int
    guild_id: int
    outbox_id: int
    parent_message_id: str
    thread_id: str | None


@dataclass(frozen=True, slots=True)
class Delivery:
    """An outbox row as /why tells it."""

    channel_id: int
    state: str
    last_error: str | None
    sent_at: str | None
    created_at: str


@dataclass(frozen=True, slots=True)
class StoredItem:
    """An item as /why finds it by its link, with the feed that brought it."""

    id: int
    feed_id: int
    link: str | None
    guid: str | None
    title: str
    summary: str
    published: str | None
    fetched_at: str
    feed_url: str
    feed_name: str | None
    origin: str
    own_name: str | None  # this server's own name for the feed
    first_fetch_at: str | None  # when the feed's first stored items came in


@dataclass(frozen=True, slots=True)
class StoredClaim:
    """A claim as /why tells it: the story it joined and the alert event it made, if any."""

    id: int
    subject: str
    role: str
    kind: str
    counterpart: str | None
    from_club: str | None
    source: str | None
    source_tier: str | None
    outlet: str | None
    entity_id: int | None
    story_id: int | None
    ambiguous: bool
    created_at: str
    person: str | None
    story_kind: str | None
    story_counterpart: str | None
    story_since: str | None
    track: str | None
    story_reports: int
    story_first_claim: int | None
    event_id: int | None
    event_reason: str | None
    event_at: str | None


@dataclass(frozen=True, slots=True)
class ReportView:
    """One report under a story: who carried it, whom it cited, how reliable."""

    kind: str
    outlet: str | None
    source: str | None
    tier: str | None
    link: str | None
    title: str | None
    evidence: str
    published: str
    from_club: str | None = None


@dataclass(frozen=True, slots=True)
class StoryView:
    id: int
    entity_id: int
    person: str
    role: str | None
    club: str | None
    track: str
    kind: str
    counterpart: str | None
    first_seen_at: str
    last_report_at: str
    reports: tuple[ReportView, ...]
    kinds_seen: tuple[str, ...]  # the rungs it went through, in order

    @property
    def left(self) -> str | None:
        """For a departure: the club left, as its reports name it."""
        return next((r.from_club for r in self.reports if r.from_club), None) if self.track == "departure" else None

    @property
    def outlets(self) -> int:
        return len({r.outlet for r in self.reports if r.outlet})

    @property
    def sources(self) -> int:
        return len({r.source for r in self.reports if r.source})


@dataclass(frozen=True, slots=True)
class AlertView:
    """What an alert says: the event, the report that triggered it, the story so far."""

    event_id: int
    reason: str
    kind: str
    story: StoryView
    trigger: ReportView
    from_club: str | None


@dataclass(frozen=True, slots=True)
class StoryState:
    """What deciding a story's next step needs to know of it."""

    id: int
    track: str
    kind: str
    rung: int
    best_tier_rank: int


@dataclass(frozen=True, slots=True)
class NewItem:
    """A feed item to store."""

    key: str  # unique within its feed
    guid: str | None
    link: str | None
    title: str
    summary: str
    published: str | None  # stored form (storage.db.stamp); None: when it was fetched
    content_hash: str


@dataclass(frozen=True, slots=True)
class NewClaim:
    """A claim to store, stamped before storage with what its story needs: the keys that tell one
    story from the next and the tier of its source."""

    subject: str
    subject_key: str  # the subject, case-folded: one claim per item, subject, kind and counterpart
    role: str
    kind: str
    counterpart: str | None
    counterpart_key: str  # the counterpart through the gazetteer ("Man Utd" = "Manchester United")
    story_key: str  # the counterpart's key; for a departure, the club left's
    from_club: str | None
    source: str | None
    tier: str | None  # the source's tier, else the outlet's
    outlet: str | None
    published: str | None
    evidence: str
