"""`python -m bot extract FILE_OR_URL [--json]`: a feed's claims, without touching the database.

Besides a feed, FILE may be a JSON Lines file of items (one object per line with `title`,
`summary`, `link`, `published`, `outlet` and optionally `content`), the form labelled
evaluation sets come in, so every evaluation scores the very command users run.
"""

from __future__ import annotations

import contextlib
import json
import os
from datetime import datetime
from pathlib import Path
from typing import TextIO
from urllib.parse import urlsplit

from bot.claims.extract import explain_claims
from bot.feeds.fetch import FetchLimits, fetch_feed, make_session
from bot.feeds.parse import content_hash, parse_feed_async
from bot.models import FeedItem
from bot.pipeline import extract_args, extract_batch


def items_from_jsonl(path: Path) -> list[FeedItem]:
    """Items written one JSON object per line, as a parsed feed would give them."""
    items = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        data = json.loads(line)
        title, summary = str(data.get("title") or ""), str(data.get("summary") or "")
        published = data.get("published")
        items.append(FeedItem(
            feed_url=str(path),
            key=str(data.get("id") or data.get("link") or n),
            guid=data.get("id"),
            link=data.get("link"),
            title=title,
            summary=summary,
            content=str(data.get("content") or ""),
            published=datetime.fromisoformat(published.replace("Z", "+00:00")) if published else None,
            outlet=str(data.get("outlet") or path.stem),
            content_hash=content_hash(title, summary),
        ))
    return items


def _is_items_file(source: str) -> bool:
    return source.endswith(".jsonl") and Path(source).is_file()


async def _read_items(source: str) -> list[FeedItem]:
    if _is_items_file(source):
        return items_from_jsonl(Path(source))
    # The operator's own command: a private address is theirs to read, unlike a /feeds add URL.
    limits = FetchLimits(allow_private=True)
    if urlsplit(source).scheme in ("http", "https"):
        async with make_session(limits) as session:
            result = await fetch_feed(session, source, limits=limits)
    else:
        result = await fetch_feed(None, source, limits=limits)
    if result.error or result.body is None:
        raise SystemExit(f"cannot read {source}: {result.error or 'no body'}")
    parsed = await parse_feed_async(result.body, source, content_type=result.content_type)
    if not parsed.is_feed:
        raise SystemExit(f"{source} is {parsed.problem}")
    return parsed.items


def explain_items(items: list[FeedItem], out: TextIO) -> None:
    """Per item: the people found, the candidate claims, and why each dropped one was dropped."""
    for item in items:
        claims, lines = explain_claims(item.title, item.summary, **extract_args(item))
        out.write(f"== {item.title}\n   {item.ref}\n")
        for line in lines:
            out.write(f"   {line}\n")
        for claim in claims:
            where = f" -> {claim.counterpart}" if claim.counterpart else ""
            out.write(f"   CLAIM {claim.subject} [{claim.role}] {claim.kind}{where}"
                      f"{f' (per {claim.source})' if claim.source else ''}\n")
        if not claims:
            out.write("   no claim\n")


async def extract_source(source: str, as_json: bool, out: TextIO, *, explain: bool = False) -> int:
    items = await _read_items(source)
    try:
        if explain:
            explain_items(items, out)
        else:
            _print_claims(items, as_json, out)
            out.flush()
    except BrokenPipeError:
        # `extract … | head`: the reader has all it wanted. Point stdout at /dev/null so the
        # interpreter's final flush does not raise again, and end quietly.
        devnull = os.open(os.devnull, os.O_WRONLY)
        with contextlib.suppress(AttributeError, OSError, ValueError):
            os.dup2(devnull, out.fileno())
    return 0


def _print_claims(items: list[FeedItem], as_json: bool, out: TextIO) -> None:
    batch = extract_batch(items)
    count = 0
    for item, claims in batch:
        for claim in claims:
            count += 1
            if as_json:
                out.write(json.dumps(claim.to_json(), ensure_ascii=False) + "\n")
            else:
                where = f" · {claim.counterpart}" if claim.counterpart else ""
                source_text = f" (per {claim.source})" if claim.source else ""
                out.write(f"{claim.subject} [{claim.role}] {claim.kind}{where}{source_text}\n    {item.title}\n")
    if not as_json:
        out.write(f"{count} claims in {len(items)} items\n")
