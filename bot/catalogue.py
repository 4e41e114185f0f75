"""The catalogue of real football news feeds that ships with claimwatch: read, searched, shown.

The data is bot/samples/catalogue.toml (it rides in the package's data directory with the sample
feeds). Nothing here fetches anything; `/feeds catalogue` and `feeds catalogue` list it, and
`/feeds add` offers it as autocomplete.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cache
from importlib import resources

from bot.claims.text import fold
from bot.inputs import UserError, feed_name, shown
from bot.models import TIERS as TIERS  # the tiers an entry may have

KINDS = ("national", "daily", "transfers", "club")
LANGUAGES = {"en": "English", "es": "Spanish español", "it": "Italian italiano", "de": "German Deutsch",
             "fr": "French français", "pt": "Portuguese português", "nl": "Dutch Nederlands"}
COUNTRIES = {"GB": "United Kingdom UK England British", "US": "United States USA American",
             "ES": "Spain Spanish España", "IT": "Italy Italian Italia", "DE": "Germany German Deutschland",
             "FR": "France French", "PT": "Portugal", "NL": "Netherlands Dutch"}
KIND_WORDS = {"national": "national outlet", "daily": "sports daily", "transfers": "transfer news",
              "club": "club news"}


@dataclass(frozen=True, slots=True)
class CatalogueFeed:
    key: str
    outlet: str
    title: str
    url: str
    language: str
    country: str
    kind: str
    tier: str
    club: str | None = None

    @property
    def label(self) -> str:
        """"BBC Sport · Football": how lists and autocomplete name the feed."""
        return f"{self.outlet} · {self.title}"

    def line(self) -> str:
        """One line of `feeds catalogue`: key, name, facts, URL."""
        return (f"`{self.key}` {self.label} ({self.language}, {self.country}, {KIND_WORDS[self.kind]}, "
                f"{self.tier}) <{self.url}>")

    def words(self) -> str:
        """Everything a search may match, folded: names, club, language, country and kind in words."""
        return fold(" ".join((self.key, self.outlet, self.title, self.club or "", self.language,
                              LANGUAGES.get(self.language, ""), self.country, COUNTRIES.get(self.country, ""),
                              self.kind, KIND_WORDS[self.kind], self.tier)))


class CatalogueError(ValueError):
    """The catalogue data is malformed: a packaging mistake, caught by tests/feeds/test_catalogue.py."""


def parse(data: bytes) -> tuple[CatalogueFeed, ...]:
    entries = tomllib.loads(data.decode("utf-8")).get("feed", [])
    feeds = []
    for number, entry in enumerate(entries, 1):
        try:
            feeds.append(CatalogueFeed(**entry))
        except TypeError as error:
            raise CatalogueError(f"catalogue entry {number}: {error}") from None
    return tuple(feeds)


@cache
def catalogue() -> tuple[CatalogueFeed, ...]:
    """Every feed in the shipped catalogue, in the file's order (grouped by country and kind)."""
    return parse(resources.files("bot.samples").joinpath("catalogue.toml").read_bytes())


def search(query: str | None) -> list[CatalogueFeed]:
    """The feeds matching every word of the query (accents and case ignored); all for no query."""
    terms = fold(query or "").split()
    return [feed for feed in catalogue() if all(term in feed.words() for term in terms)]


def by_url(url: str) -> CatalogueFeed | None:
    return next((feed for feed in catalogue() if feed.url == url), None)


def by_key(key: str) -> CatalogueFeed | None:
    return next((feed for feed in catalogue() if feed.key == key.strip().lower()), None)


def resolve(url: str) -> tuple[str, CatalogueFeed | None]:
    """What a user gave /feeds add: a catalogue key ("bbc-football") stands for its URL; a catalogue
    URL is known by its entry; any other URL is itself, with no entry."""
    known = by_key(url) if "://" not in url and len(url) <= 100 else None
    return (known.url, known) if known else (url, by_url(str(url).strip()))


def listing(query: str | None, *, limit_chars: int | None = None) -> tuple[str, list[str]]:
    """(a first line saying what was found, one line per feed), at most `limit_chars` in all;
    ("", []) when nothing matches (the caller answers, echoing the query as it echoes user text)."""
    found = search(query)
    if not found:
        return "", []
    total = len(catalogue())
    head = (f"{len(found)} of the catalogue's {total} feeds match." if query
            else f"The catalogue: {total} real football news feeds.")
    lines = [feed.line() for feed in found]
    if limit_chars is not None:
        kept, used = [], len(head) + 200  # room for the head and the closing hint
        for line in lines:
            if used + len(line) + 1 > limit_chars:
                break
            kept.append(line)
            used += len(line) + 1
        if len(kept) < len(lines):
            kept.append(f"…and {len(lines) - len(kept)} more: add a search word (an outlet, club, "
                        "country or language) to narrow the list.")
        lines = kept
    return head, lines


def choices(current: str, limit: int = 25) -> list[tuple[str, str]]:
    """Autocomplete for a feed URL: (shown name, URL) pairs from the catalogue matching what was
    typed; what looks like a URL of the user's own comes first, as typed."""
    typed = current[:200].strip()
    pairs: list[tuple[str, str]] = []
    if typed.lower().startswith(("http://", "https://")) and len(typed) <= 100:
        pairs.append((typed, typed))
    found = [feed for feed in catalogue() if feed.url.startswith(typed)] if "://" in typed else search(typed)
    for feed in found:
        if feed.url != typed:
            pairs.append((f"{feed.label} ({feed.language}, {feed.tier})"[:100], feed.url))
    return pairs[:limit]


def user_listing(search: str | None = None, *, limit_chars: int | None = None) -> list[str]:
    """/feeds catalogue and `feeds catalogue`: the feeds matching what the user typed, one line each."""
    try:
        query = feed_name(search)  # one printable line of at most 100 characters, like a feed name
    except UserError:
        raise UserError("Search with a word or two on one line (at most 100 characters), like `marca`.") from None
    head, lines = listing(query, limit_chars=limit_chars)
    if not head:
        raise UserError(f"No catalogue feed matches {shown(query or '', 100)}. Search by outlet, club, country "
                        "or language, like `marca`, `liverpool`, `german` or `transfers`.")
    return [head, *lines]
