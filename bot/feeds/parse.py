"""Feed bytes -> FeedItems with feedparser, in a worker thread. Plain text out, HTML stripped."""

from __future__ import annotations

import asyncio
import calendar
import hashlib
import html
import re
from datetime import UTC, datetime, timedelta
from typing import Any

import feedparser

from bot.models import FeedItem, ParsedFeed

MAX_TITLE_CHARS = 500
MAX_SUMMARY_CHARS = 4000
MAX_ITEMS = 5000  # a feed with more is truncated, newest first as the feed orders them
# Dates a feed cannot honestly have: before the web, or more than a day ahead.
_EARLIEST = datetime(2000, 1, 1, tzinfo=UTC)

_TAG = re.compile(r"<[^>]+>")
_BLOCK = re.compile(r"</?(p|br|div|li|h[1-6]|tr|blockquote)\b[^>]*>", re.IGNORECASE)
_DROP = re.compile(r"<(script|style)\b[^>]*>.*?</\1\s*>", re.IGNORECASE | re.DOTALL)
_SPACE = re.compile(r"[ \t\r\f\v\u00a0]+")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def html_to_text(markup: str) -> str:
    """Text a person would read: scripts dropped, block tags as line breaks, entities unescaped."""
    text = _DROP.sub(" ", markup)
    text = _BLOCK.sub("\n", text)
    text = _TAG.sub("", text)
    text = html.unescape(text)
    text = _CONTROL.sub("", text)
    lines = [_SPACE.sub(" ", line).strip() for line in text.split("\n")]
    return "\n".join(line for line in lines if line)


def _clip(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _published(entry: Any, now: datetime) -> datetime | None:
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        value = entry.get(key)
        if value:
            moment = datetime.fromtimestamp(calendar.timegm(value), tz=UTC)
            if moment < _EARLIEST or moment > now + timedelta(days=1):
                return None  # the pipeline then uses the time it first saw the item
            return moment
    return None


def item_key(guid: str | None, link: str | None, title: str, published: datetime | None) -> str:
    if guid:
        return "guid:" + guid[:500]
    if link:
        return "link:" + link[:500]
    stamp = published.isoformat() if published else ""
    return "hash:" + hashlib.sha256(f"{title}\x1f{stamp}".encode()).hexdigest()


def parse_feed(body: bytes, feed_url: str, *, content_type: str | None = None,
               outlet: str | None = None, now: datetime | None = None) -> ParsedFeed:
    now = now or datetime.now(UTC)
    headers = {"content-type": content_type} if content_type else {}
    parsed = feedparser.parse(body, response_headers=headers, sanitize_html=False,
                              resolve_relative_uris=False)
    problem = None
    if parsed.get("bozo"):
        problem = f"{type(parsed.get('bozo_exception')).__name__}: {parsed.get('bozo_exception')}"[:300]
    if not parsed.get("version") and not parsed.entries:
        looks_html = body.lstrip()[:200].lower().startswith((b"<!doctype html", b"<html"))
        reason = "an HTML page, not a feed" if looks_html else "not an RSS, Atom or RDF feed"
        return ParsedFeed(title=None, items=[], is_feed=False, problem=reason)

    feed_title = html_to_text(parsed.feed.get("title", "") or "") or None
    outlet_name = outlet or feed_title or feed_url
    items: list[FeedItem] = []
    skipped = 0
    seen: set[str] = set()
    for entry in parsed.entries[:MAX_ITEMS]:
        title = _clip(html_to_text(entry.get("title", "") or ""), MAX_TITLE_CHARS)
        summary_html = entry.get("summary", "") or ""
        if not summary_html and entry.get("content"):
            summary_html = entry.content[0].get("value", "") or ""
        summary = _clip(html_to_text(summary_html), MAX_SUMMARY_CHARS)
        if not title and not summary:
            skipped += 1
            continue
        guid = (entry.get("id") or "").strip() or None
        link = (entry.get("link") or "").strip() or None
        published = _published(entry, now)
        key = item_key(guid, link, title, published)
        if key in seen:  # a feed repeating a guid: the first (newest) copy wins
            skipped += 1
            continue
        seen.add(key)
        items.append(
            FeedItem(
                feed_url=feed_url,
                key=key,
                guid=guid,
                link=link,
                title=title,
                summary=summary,
                published=published,
                outlet=outlet_name,
                content_hash=hashlib.sha256(f"{title}\x1f{summary}".encode()).hexdigest(),
            )
        )
    skipped += max(0, len(parsed.entries) - MAX_ITEMS)
    return ParsedFeed(title=feed_title, items=items, is_feed=True, problem=problem, skipped=skipped)


async def parse_feed_async(body: bytes, feed_url: str, **kwargs: Any) -> ParsedFeed:
    # feedparser is CPU-bound and synchronous: keep it off the event loop.
    return await asyncio.to_thread(parse_feed, body, feed_url, **kwargs)
