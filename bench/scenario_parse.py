"""Parse: our wrapper per item against feedparser alone on the same bytes, before and after the
fast reader, and a one-new-item poll that skips the entries it already knows.

The bodies are the ingest scenario's synthetic RSS feeds (FEEDS feeds of ITEMS items). Each round
times, on all of them and in this process's CPU time: feedparser.parse as the wrapper calls it
(the baseline), parse_feed(fast=False) (the wrapper over feedparser: "before"), parse_feed
(the fast reader where it reads exactly: "after") and lxml.etree.fromstring (the physical floor).
The figure is the median over rounds of each round's ratio.

The delta rows parse each feed's next generation (one new item, the rest as before) with
parse_feed_delta given the previous parse's fingerprints, against a full parse_feed of those bytes.
"""

from __future__ import annotations

import io
import time
from collections.abc import Callable

import feedparser
from lxml import etree

from bench._common import Context, Row, fmt_ratio, median
from bench.synthetic import feed_body

NAME = "parse"
FEEDS = 20
ITEMS = 50
BASE = 400_000  # farm feed numbers of this scenario (the bodies are built here, never served)
RSS = "application/rss+xml"


def _cpu(work: Callable[[], object]) -> float:
    started = time.process_time()
    work()
    return time.process_time() - started


async def run(ctx: Context) -> list[Row]:
    from bot.feeds.parse import parse_feed, parse_feed_delta

    people = ctx.world.people
    feeds = [(f"https://bench.example/{n}.xml", n) for n in range(BASE, BASE + FEEDS)]
    bodies = [(url, feed_body("e", ITEMS, n, 0, people)) for url, n in feeds]
    nexts = [(url, feed_body("e", ITEMS, n, 1, people)) for url, n in feeds]
    items = FEEDS * ITEMS

    def feedparser_alone() -> None:
        for _, body in bodies:
            feedparser.parse(io.BytesIO(body), response_headers={"content-type": RSS}, sanitize_html=False,
                             resolve_relative_uris=False)

    def before() -> None:
        for url, body in bodies:
            parse_feed(body, url, content_type=RSS, fast=False)

    def after() -> None:
        for url, body in bodies:
            parse_feed(body, url, content_type=RSS)

    def lxml_alone() -> None:
        for _, body in bodies:
            etree.fromstring(body)

    known = {url: parse_feed_delta(body, url, content_type=RSS).seen for url, body in bodies}

    def full_next() -> None:
        for url, body in nexts:
            parse_feed(body, url, content_type=RSS)

    def delta_next() -> None:
        for url, body in nexts:
            delta = parse_feed_delta(body, url, content_type=RSS, known=known[url])
            assert len(delta.parsed.items) == 1, "one new item per feed"

    after()  # warm caches and imports; the check below fails loudly if the fast reader declined
    same = all(parse_feed(body, url, content_type=RSS, fast=False) == parse_feed(body, url, content_type=RSS)
               for url, body in bodies[:3])
    if not same:
        raise RuntimeError("the fast reader and feedparser disagree on the benchmark's feeds")
    times: dict[str, list[float]] = {name: [] for name in ("fp", "before", "after", "lxml", "full", "delta")}
    for _ in range(ctx.runs + 2):
        for name, work in (("fp", feedparser_alone), ("before", before), ("after", after), ("lxml", lxml_alone),
                           ("full", full_next), ("delta", delta_next)):
            times[name].append(_cpu(work))

    def ratio(name: str, base: str) -> float:
        return median(a / b for a, b in zip(times[name], times[base], strict=True))

    def per_item(name: str) -> str:
        return f"{median(times[name]) / items * 1e6:.1f} µs/item"

    note = (f"CPU per item over {FEEDS} synthetic RSS feeds of {ITEMS} items, same bytes; ratio = median over "
            f"rounds of wrapper time / feedparser.parse time")
    rows = [
        Row(NAME + " · parse_feed over feedparser (before) vs feedparser alone", per_item("before"),
            per_item("fp"), ratio("before", "fp"), fmt_ratio(ratio("before", "fp")), "—", None, note),
        Row(NAME + " · parse_feed with the fast reader (after) vs feedparser alone", per_item("after"),
            per_item("fp"), ratio("after", "fp"), fmt_ratio(ratio("after", "fp")), "—", None),
        Row(NAME + " · parse_feed after vs a raw lxml parse", per_item("after"), per_item("lxml"),
            ratio("after", "lxml"), fmt_ratio(ratio("after", "lxml")), "—", None),
        Row(NAME + " · one new item of 50: delta parse vs full parse", per_item("delta"), per_item("full"),
            ratio("delta", "full"), fmt_ratio(ratio("delta", "full")), "—", None,
            "parse_feed_delta given the previous parse's fingerprints, against parse_feed on the same bytes; "
            "per item of the feed, not per new item"),
    ]
    return rows
