"""Feed bytes -> FeedItems, in a worker thread. Plain text out, HTML stripped.

Feeds are hostile input: every pattern here is linear (a megabyte of "<" or of unclosed
"<script>" must not take minutes), every string is clipped, and a feed that is only partly
well-formed yields the items feedparser could read, with the problem kept for the feed's health.
Before feedparser runs, the body is decoded as it declares (charset.py) and its DTD dropped and
its markup budgeted (prescan.py), so what one parse can cost is bounded before it starts.
Plain RSS 2.0 and Atom are then read by fastparse.py, with lxml, into exactly the fields feedparser
would give; every other body (broken, RDF, anything unusual) is read by feedparser, as before.
"""

from __future__ import annotations

import calendar
import functools
import hashlib
import html
import io
import logging
import re
import xml.sax
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any
from urllib.parse import urljoin, urlsplit

import feedparser

from bot.feeds import fastparse
from bot.feeds.charset import to_utf8
from bot.feeds.fastparse import RawEntry
from bot.feeds.prescan import MAX_ATTRIBUTES, MAX_MARKUP, prescan
from bot.models import FeedItem, ParsedFeed
from bot.offload import one_at_a_time

log = logging.getLogger(__name__)

MAX_TITLE_CHARS = 500
MAX_SUMMARY_CHARS = 4000
MAX_CONTENT_CHARS = 40_000
MAX_ITEMS = 5000  # a feed with more is truncated, newest first as the feed orders them
MAX_GUID_CHARS = 500
MAX_LINK_CHARS = 2000
# Markup kept per field before stripping: room for tags around the text, bounded work.
_RAW_FACTOR = 32
# Dates a feed cannot honestly have: before the web, or more than a day ahead.
_EARLIEST = datetime(2000, 1, 1, tzinfo=UTC)

# [^<>] rather than [^>]: a tag cannot span another "<", so each match attempt stops at the
# next "<" and a run of a million "<" costs linear time, not quadratic.
_TAG = re.compile(r"<[^<>]*>")
_BLOCK = re.compile(r"</?(?:p|br|div|li|h[1-6]|tr|blockquote)\b[^<>]*>", re.IGNORECASE)
_HIDDEN_OPEN = re.compile(r"<(script|style)\b|<!--", re.IGNORECASE)
_HIDDEN_CLOSE = {
    "script": re.compile(r"</script\b[^<>]*>", re.IGNORECASE),
    "style": re.compile(r"</style\b[^<>]*>", re.IGNORECASE),
    "<!--": re.compile(r"-->"),
}
# html.unescape raises ValueError on a numeric reference of over 4,300 digits; 16 are already
# beyond any character, so longer ones become the replacement character first.
_HUGE_CHARREF = re.compile(r"&#(?:[xX][0-9a-fA-F]{16,}|[0-9]{16,});?")
_SPACE = re.compile(r"[ \t\r\f\v\u00a0]+")
# C0/C1 controls, bidi overrides and isolates (they can reverse how a headline reads), BOM.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ufeff]")
_LINK_TAG = re.compile(rb"<link\b[^<>]*>", re.IGNORECASE)
# Names start only where a name can start and are taken whole (++): otherwise a 60 KB run of
# letters in one tag is retried from every letter, which is quadratic.
_ATTR = re.compile(rb"""(?<![a-z-])([a-z-]++)\s*+=\s*+(?:"([^"<>]*)"|'([^'<>]*)'|([^\s"'<>]+))""",
                   re.IGNORECASE)
_WEB = ("http://", "https://")
_FEED_TYPES = (b"application/rss+xml", b"application/atom+xml", b"application/rdf+xml")


def _drop_hidden(markup: str) -> str:
    """Scripts, styles and comments removed in one forward pass; one left open runs to the end."""
    kept: list[str] = []
    pos = 0
    while (opened := _HIDDEN_OPEN.search(markup, pos)) is not None:
        kept.append(markup[pos : opened.start()])
        kept.append(" ")
        closer = _HIDDEN_CLOSE[(opened.group(1) or "<!--").lower()].search(markup, opened.end())
        if closer is None:
            return "".join(kept)
        pos = closer.end()
    kept.append(markup[pos:])
    return "".join(kept)


_SOURCE_BREAKS = re.compile(r"[\r\n]+")


def html_to_text(markup: str, limit: int | None = None) -> str:
    """Text a person would read: scripts dropped, block tags as line breaks, entities unescaped.

    With a limit, the markup is cut first (generously) so the work is bounded, and the text after.
    """
    if limit is not None:
        markup = markup[: limit * _RAW_FACTOR]
    if markup.isprintable() and "<" not in markup and "&" not in markup:
        # Most titles: no tag, entity, control or line break, and no space but " " (every other
        # space and control is unprintable), so markup_to_text would only join runs of spaces and
        # strip the ends.
        text = (_SPACE.sub(" ", markup) if "  " in markup else markup).strip()
    else:
        text = markup_to_text(markup)
    return text if limit is None else _clip(text, limit)


def markup_to_text(markup: str) -> str:
    """html_to_text's steps, all of them, with no limit."""
    # In HTML a line break in the source is a space; only block tags break lines.
    text = _drop_hidden(markup)
    if "\n" in text or "\r" in text:
        text = _SOURCE_BREAKS.sub(" ", text)
    text = _BLOCK.sub("\n", text)
    text = _TAG.sub("", text)
    text = html.unescape(_HUGE_CHARREF.sub("\ufffd", text) if "&#" in text else text)
    text = _CONTROL.sub("", text)
    lines = [_SPACE.sub(" ", line).strip() for line in text.split("\n")]
    return "\n".join(line for line in lines if line)


def _clip(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _published(value: Any, now: datetime) -> datetime | None:
    """The entry's date (feedparser's 9-tuple in UTC), unless it is one a feed cannot honestly have."""
    if not value:
        return None
    try:
        moment = datetime.fromtimestamp(calendar.timegm(value), tz=UTC)
    except (OverflowError, ValueError, OSError):
        return None
    if moment < _EARLIEST or moment > now + timedelta(days=1):
        return None  # the pipeline then uses the time it first saw the item
    return moment


def _link(raw: str) -> str | None:
    """The item's link when it is one a reader can follow: no javascript:, data: or file:, and no
    control or bidi characters (a NUL would also be refused by PostgreSQL, failing the whole feed)."""
    link = raw.strip()
    if not link or len(link) > MAX_LINK_CHARS or _CONTROL.search(link):
        return None
    if link.startswith(_WEB) and link.isascii() and "[" not in link and "]" not in link:
        return link  # urlsplit would find this scheme, and no bracket or non-ASCII host to refuse
    return link_by_urlsplit(link)


def link_by_urlsplit(link: str) -> str | None:
    """_link's last step, for any link: its scheme as urlsplit reads it."""
    try:
        scheme = urlsplit(link).scheme.lower()
    except ValueError:  # "http://[oops": one item's bad link, not a reason to drop the feed
        return None
    return link if scheme in ("http", "https", "") else None


def _raw_entry(entry: Any) -> RawEntry:
    """A feedparser entry's fields, as fastparse gives them."""
    date = None
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        # The dict's own get: FeedParserDict.get("updated_parsed") would answer published_parsed,
        # with a warning, when only that is set; it is falsy here then, so the date is the same.
        date = dict.get(entry, key)
        if date:
            break
    return RawEntry(
        title=entry.get("title", "") or "",
        summary=entry.get("summary", "") or "",
        content=(entry.content[0].get("value", "") or "") if entry.get("content") else "",
        guid=entry.get("id") or "",
        link=entry.get("link") or "",
        date=date or None,
    )


def content_hash(title: str, summary: str) -> str:
    """What tells an edited item from the same item seen again."""
    return hashlib.sha256(f"{title}\x1f{summary}".encode()).hexdigest()


def item_key(guid: str | None, link: str | None, title: str, published: datetime | None) -> str:
    if guid:
        return "guid:" + guid[:500]
    if link:
        return "link:" + link[:500]
    stamp = published.isoformat() if published else ""
    return "hash:" + hashlib.sha256(f"{title}\x1f{stamp}".encode()).hexdigest()


def describe_problem(error: object) -> str:
    """feedparser's bozo exception, as an admin would want it."""
    if isinstance(error, xml.sax.SAXParseException):
        where = f"line {error.getLineNumber()}, column {error.getColumnNumber()}"
        return f"invalid XML at {where}: {error.getMessage()}"
    if isinstance(error, feedparser.CharacterEncodingOverride | feedparser.NonXMLContentType):
        return str(error)  # "document declared as utf-8, but parsed as windows-1252"
    return f"{type(error).__name__}: {error}"


def _not_a_feed(body: bytes, feed_url: str, content_type: str | None) -> str:
    head = body[:4096].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    mime = (content_type or "").split(";", 1)[0].strip().lower()
    if not (mime in ("text/html", "application/xhtml+xml") or head.startswith(b"<!doctype html") or b"<html" in head):
        return "not an RSS, Atom or RDF feed" if head else "an empty document, not a feed"
    link = _alternate_feed(body, feed_url)
    return "an HTML page, not a feed" + (f"; it links to a feed at {link}" if link else "")


def _alternate_feed(body: bytes, base: str) -> str | None:
    """The feed an HTML page advertises (<link rel="alternate" type="application/rss+xml">)."""
    for tag in _LINK_TAG.finditer(body[:65536]):
        attrs = {m[1].lower(): m[2] or m[3] or m[4] or b"" for m in _ATTR.finditer(tag[0])}
        if b"alternate" in attrs.get(b"rel", b"").lower().split() and \
                attrs.get(b"type", b"").lower() in _FEED_TYPES and attrs.get(b"href"):
            link = urljoin(base, html.unescape(attrs[b"href"].decode("utf-8", "replace")).strip())
            if urlsplit(link).scheme in ("http", "https"):
                return _CONTROL.sub("", link)[:300]
    return None


@dataclass(frozen=True, slots=True)
class FeedDelta:
    """A parse that left out what the caller already had (see parse_feed_delta)."""

    parsed: ParsedFeed  # its items: only entries new or changed since `known`
    seen: dict[str, str]  # every item's key -> fingerprint, to pass as `known` next time
    unchanged: int = 0  # entries left out because `known` had them with the same fingerprint


def parse_feed(body: bytes, feed_url: str, *, content_type: str | None = None,
               outlet: str | None = None, now: datetime | None = None, fast: bool = True) -> ParsedFeed:
    """Never raises: a body that breaks the parser is that feed's problem, not the poll cycle's.

    fast=False always asks feedparser; otherwise fastparse reads the feeds it can read exactly.
    """
    try:
        return _parse(body, feed_url, content_type, outlet, now or datetime.now(UTC), fast, {}, False).parsed
    except Exception as error:
        return _unreadable(feed_url, error).parsed


def parse_feed_delta(body: bytes, feed_url: str, *, known: Mapping[str, str] | None = None,
                     content_type: str | None = None, outlet: str | None = None,
                     now: datetime | None = None, fast: bool = True) -> FeedDelta:
    """parse_feed, skipping the entries `known` already has: `known` maps an item's key to the
    fingerprint a previous FeedDelta.seen gave it (a digest of the entry as the feed wrote it),
    and an entry whose key and fingerprint both match is neither cleaned of HTML nor hashed nor
    built into a FeedItem. Pass the previous poll's `seen` for the same feed; {} or None parses all.
    """
    try:
        return _parse(body, feed_url, content_type, outlet, now or datetime.now(UTC), fast, known or {}, True)
    except Exception as error:
        return _unreadable(feed_url, error)


def _unreadable(feed_url: str, error: Exception) -> FeedDelta:
    log.exception("parsing %s failed", feed_url, exc_info=error)
    return FeedDelta(ParsedFeed(
        title=None, items=[], is_feed=False,
        problem=f"a body the parser could not read ({type(error).__name__}), not a feed"), {})


def passes_prescan(body: bytes) -> bool:
    """True when prescan would return the body as it is, with no problem: no DOCTYPE or
    declarations to drop (a prolog comment it would blank changes no parse), and too few "<" and
    "=" to reach its markup or attribute limits. Its depth limit needs no check here: the fast
    reader's lxml stops at 256 levels, and a body lxml cannot read goes through prescan."""
    if b"<!DOCTYPE" in body or b"<!ENTITY" in body or b"<!ATTLIST" in body:
        return False
    equals = body.count(b"=")
    return equals <= MAX_ATTRIBUTES and body.count(b"<") + equals <= MAX_MARKUP


def _fingerprint(raw: RawEntry) -> str:
    """The entry as the feed wrote it, before any cleaning. The fast reader keeps date texts and
    feedparser parsed dates, so a feed that moves between the two is rebuilt once, never missed."""
    text = "\x1f".join((raw.title, raw.summary, raw.content, raw.guid, raw.link, repr(raw.date_texts),
                        repr(tuple(raw.date or ()))))
    return hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=12).hexdigest()


def _parse(body: bytes, feed_url: str, content_type: str | None, outlet: str | None,
           now: datetime, fast: bool, known: Mapping[str, str], fingerprints: bool) -> FeedDelta:
    # Decoded as declared and checked before any parser runs: what it is given is bounded.
    decoded = to_utf8(body, content_type)
    # A body prescan would pass untouched goes straight to the fast reader; any other is prescanned
    # first, and whatever the fast reader declines goes to feedparser prescanned.
    tried = fast and passes_prescan(decoded.body)
    quick = fastparse.read(decoded.body, decoded.content_type) if tried else None
    scan_problem = None
    if quick is None:
        scan = prescan(decoded.body)
        if scan.refused:
            return FeedDelta(ParsedFeed(title=None, items=[], is_feed=False, problem=f"{scan.refused}, not a feed"), {})
        scan_problem = scan.problem
        if fast and not tried:
            quick = fastparse.read(scan.body, decoded.content_type)
    if quick is not None:
        raw_title, count, bozo = quick.title, len(quick.entries), None
        entries: list[RawEntry] = quick.entries[:MAX_ITEMS]
    else:
        headers = {"content-type": decoded.content_type} if decoded.content_type else {}
        # A stream, never bytes: feedparser opens bytes that name a file ("/dev/zero", a config).
        parsed = feedparser.parse(io.BytesIO(scan.body), response_headers=headers, sanitize_html=False,
                                  resolve_relative_uris=False)
        if not parsed.get("version") and not parsed.entries:
            return FeedDelta(ParsedFeed(title=None, items=[], is_feed=False,
                                        problem=_not_a_feed(body, feed_url, content_type)), {})
        raw_title, count = parsed.feed.get("title", "") or "", len(parsed.entries)
        bozo = describe_problem(parsed.get("bozo_exception")) if parsed.get("bozo") else None
        entries = [_raw_entry(entry) for entry in parsed.entries[:MAX_ITEMS]]

    feed_title = html_to_text(raw_title, MAX_TITLE_CHARS) or None
    outlet_name = outlet or feed_title or feed_url
    items: list[FeedItem] = []
    skipped = unchanged = 0
    seen: dict[str, str] = {}
    for raw in entries:
        written = raw.guid.strip()  # every control is unprintable: most guids need no sub
        guid = (written if written.isprintable() else _CONTROL.sub("", written))[:MAX_GUID_CHARS] or None
        link = _link(raw.link)
        fingerprint = None
        if known and (guid or link):  # the key is known without reading the text
            key = item_key(guid, link, "", None)
            fingerprint = _fingerprint(raw)
            if key in seen:  # a feed repeating a guid: the first (newest) copy wins
                skipped += 1
                continue
            if known.get(key) == fingerprint:
                seen[key] = fingerprint
                unchanged += 1
                continue
        title = html_to_text(raw.title, MAX_TITLE_CHARS)
        summary_html = raw.summary or raw.content
        summary = html_to_text(summary_html, MAX_SUMMARY_CHARS)
        if not title and not summary:
            skipped += 1
            continue
        published = _published(raw.parsed_date(), now)
        key = item_key(guid, link, title, published)
        if key in seen:  # a feed repeating a guid: the first (newest) copy wins
            skipped += 1
            continue
        if not fingerprints:
            seen[key] = ""
        else:
            fingerprint = fingerprint or _fingerprint(raw)
            seen[key] = fingerprint
            if known.get(key) == fingerprint:
                unchanged += 1
                continue
        # The full article (content:encoded) beside a short description: the extractor reads it
        # paragraph by paragraph; the body cap already bounds all of a feed's text together.
        content = html_to_text(raw.content, MAX_CONTENT_CHARS) if raw.content and raw.content != summary_html else ""
        items.append(
            FeedItem(
                feed_url=feed_url,
                key=key,
                guid=guid,
                link=link,
                title=title,
                summary=summary,
                content=content,
                published=published,
                outlet=outlet_name,
                content_hash=content_hash(title, summary),
            )
        )
    skipped += max(0, count - MAX_ITEMS)
    problems = [decoded.problem, scan_problem, bozo]
    problem = "; ".join(dict.fromkeys(p for p in problems if p)) or None
    if count > MAX_ITEMS:
        cut = f"{count} items, only the first {MAX_ITEMS} read"
        problem = f"{problem}; {cut}" if problem else cut
    return FeedDelta(ParsedFeed(title=feed_title, items=items, is_feed=True, problem=problem, skipped=skipped),
                     seen, unchanged)


async def parse_feed_async(body: bytes, feed_url: str, **kwargs: Any) -> ParsedFeed:
    """parse_feed in a worker thread, off the event loop, one CPU-bound job at a time (bot/offload.py)."""
    result: ParsedFeed = await one_at_a_time(functools.partial(parse_feed, body, feed_url, **kwargs))
    return result


async def parse_feed_delta_async(body: bytes, feed_url: str, *, spent: dict[str, float] | None = None,
                                 **kwargs: Any) -> FeedDelta:
    """parse_feed_delta in a worker thread, behind the same gate as parse_feed_async; its thread CPU
    added to spent["parse"] when given (bot/offload.py)."""
    result: FeedDelta = await one_at_a_time(functools.partial(parse_feed_delta, body, feed_url, **kwargs),
                                            spent=spent, stage="parse")
    return result
