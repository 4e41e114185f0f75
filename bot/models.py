"""Plain data passed between pipeline stages (see ../shared/docs/claims.md for the claim model)."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import datetime

# What storage reads back (stories, their reports, alerts) is defined with storage's other records.
from storage.records import AlertView as AlertView
from storage.records import ReportView as ReportView
from storage.records import StoryView as StoryView

# The deal ladder, lowest rung first. A story on this ladder climbs; other kinds stand alone.
LADDER: tuple[str, ...] = ("interest", "talks", "bid", "agreement", "medical", "completed")
# A rejected bid sits on the bid rung: it tells of an offer, but the deal did not climb.
KINDS: tuple[str, ...] = (
    "interest",
    "talks",
    "bid",
    "bid_rejected",
    "agreement",
    "medical",
    "completed",
    "loan",
    "contract_extension",
    "departure",
    "denial",
)
# Kinds that name a move with a destination: the ladder and a loan.
MOVE_KINDS: frozenset[str] = frozenset(LADDER) | {"loan"}
# Rungs at which a loan is a deal rather than a wish.
LOAN_DEALS: frozenset[str] = frozenset({"agreement", "medical", "completed"})
ROLES: tuple[str, ...] = ("player", "manager")
TIERS: tuple[str, ...] = ("official", "tier1", "tier2", "tier3", "tier4", "aggregator")


def rung_of(kind: str) -> int:
    """Position on the deal ladder; kinds off the ladder rank by their own order after it."""
    if kind == "bid_rejected":
        return LADDER.index("bid")
    if kind in LADDER:
        return LADDER.index(kind)
    return len(LADDER) + KINDS.index(kind)


@dataclass(frozen=True, slots=True)
class FeedItem:
    """One entry of a parsed feed, text already stripped of HTML."""

    feed_url: str
    key: str  # dedup key within the feed: guid, else link, else hash of title+date
    guid: str | None
    link: str | None
    title: str
    summary: str
    published: datetime | None
    outlet: str
    content_hash: str  # hash of title+summary: tells an edited item from a new one
    # The full article where the feed carries one (content:encoded) beyond its summary.
    content: str = ""

    @property
    def ref(self) -> str:
        """What evaluations and users call this item: its link, else its guid, else its key."""
        return self.link or self.guid or self.key


@dataclass(frozen=True, slots=True)
class Claim:
    """One reported development about one person, read from one item."""

    subject: str
    role: str  # "player" | "manager"
    kind: str  # one of KINDS
    counterpart: str | None = None
    from_club: str | None = None
    source: str | None = None
    outlet: str | None = None
    published: str | None = None  # ISO 8601
    evidence: str = ""
    item: str | None = None

    def to_json(self) -> dict[str, object]:
        data = asdict(self)
        # The stable `extract --json` key order.
        order = (
            "item",
            "subject",
            "role",
            "kind",
            "counterpart",
            "from_club",
            "source",
            "outlet",
            "published",
            "evidence",
        )
        return {key: data[key] for key in order}


@dataclass(frozen=True, slots=True)
class ParsedFeed:
    title: str | None
    items: list[FeedItem]
    is_feed: bool  # False when the body was not RSS/Atom/RDF (an HTML page, say)
    problem: str | None = None  # feedparser's bozo reason, kept for the feed's health
    skipped: int = 0  # entries dropped as malformed


@dataclass(slots=True)
class FetchResult:
    url: str
    status: int | None
    body: bytes | None = None
    etag: str | None = None
    last_modified: str | None = None
    not_modified: bool = False
    error: str | None = None
    retry_after: float | None = None
    final_url: str | None = None
    content_type: str | None = None
    elapsed: float = 0.0
