"""`python -m bot extract FILE_OR_URL [--json]`: a feed's claims, without touching the database."""

from __future__ import annotations

import json
from typing import TextIO
from urllib.parse import urlsplit

from bot.feeds.fetch import FetchLimits, fetch_feed, make_session
from bot.feeds.parse import parse_feed_async
from bot.pipeline import extract_batch


async def extract_source(source: str, as_json: bool, out: TextIO) -> int:
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
    batch = extract_batch(parsed.items)
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
        out.write(f"{count} claims in {len(parsed.items)} items\n")
    return 0
