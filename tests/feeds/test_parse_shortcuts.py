"""The parse's shortcuts give what the long way gives: plain titles, web links and RFC 822 dates
are the common case and skip work, and every generated string reads the same both ways."""

from __future__ import annotations

import random

from feedparser.datetimes import _parse_date

from bot.feeds import fastparse
from bot.feeds.fastparse import rfc822_date
from bot.feeds.parse import html_to_text, link_by_urlsplit, markup_to_text, parse_feed

# Pieces a generated string is made of: plain words, every kind of space and control parse.py
# treats apart, markup, entities, bidi marks, non-ASCII letters, brackets.
_PIECES = ["Kane", " ", "  ", "\t", "\r\n", "\n", "\u00a0", "\x85", "\x0b", "\x00", "\u202e", "\ufeff",
           "<p>", "</p>", "<br/>", "<b>", "&amp;", "&#233;", "&", "<", ">", "é", "ü", "’", "[", "]",
           "\u2003", "\u3000", "-", ":", "/", "?", "#", "x"]


def _strings(count: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choice(_PIECES) for _ in range(rng.randint(0, 12))) for _ in range(count)]


def test_html_to_text_reads_every_string_as_its_full_steps_do() -> None:
    for text in _strings(20_000, 1):
        assert html_to_text(text) == markup_to_text(text), repr(text)


def test_html_to_text_clips_a_plain_title_as_it_clips_markup() -> None:
    title = "Striker   agrees   terms " * 40
    assert html_to_text(title, 50) == html_to_text(title + "<b></b>", 50)
    assert len(html_to_text(title, 50)) == 50


def test_a_link_reads_the_same_without_urlsplit() -> None:
    rng = random.Random(2)
    starts = ["http://", "https://", "HTTP://", "javascript:", "data:", "ftp://", "", "//", "http:/"]
    hosts = ["example.com", "[::1]", "[oops", "oops]", "exämple.com", "ex ample", "a:b@c", "x\ty"]
    for _ in range(5000):
        link = rng.choice(starts) + rng.choice(hosts) + rng.choice(["", "/", "/a?b#c", "/é", "/[x]"])
        feed = (f'<rss version="2.0"><channel><title>t</title><item><title>Item</title><link>{link}</link>'
                f"</item></channel></rss>").encode()
        for fast in (True, False):
            [item] = parse_feed(feed, "https://feed.example/", fast=fast).items
            assert item.link == link_by_urlsplit(link.strip()), link


def test_rfc822_dates_read_as_feedparser_reads_them() -> None:
    rng = random.Random(3)
    days = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
    months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
    read = 0
    for _ in range(20_000):
        zone = rng.choice(["GMT", "+0000", "-0000", "+0100", "-0530", "+1400", "-9959", "+9999", "EST", "Z"])
        text = (f"{rng.choice(days)}, {rng.randint(0, 39):02d} {rng.choice(months)} {rng.randint(1, 9999):04d}"
                f" {rng.randint(0, 29):02d}:{rng.randint(0, 69):02d}:{rng.randint(0, 69):02d} {zone}")
        fast = rfc822_date(text)
        if fast is not None:
            read += 1
            assert fast == _parse_date(text), text
    assert read > 5000  # the common form is read without feedparser


def test_other_date_forms_are_left_to_feedparser() -> None:
    for text in ("2026-11-05T06:15:00Z", "Thu, 5 Nov 2026 06:15:00 +0000", "thu, 05 nov 2026 06:15:00 +0000",
                 "Thu, 05 Nov 2026 06:15 +0000", "Thu, 05 Nov 26 06:15:00 +0000", "Thu,  05 Nov 2026 06:15:00 GMT",
                 "Thu, 05 Nov 2026 06:15:00 EST", "Thu, 31 Feb 2026 06:15:00 GMT", "Thu, 05 Nov 2026 24:00:00 GMT"):
        assert rfc822_date(text) is None, text


def test_a_uri_loses_the_slashes_feedparser_drops() -> None:
    rng = random.Random(4)
    pieces = ["http", "https", "x+y.z", "1a", ":", "//", "/", "///", "a", "é", "?", "&amp;", ""]
    for _ in range(20_000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 6)))
        assert fastparse._uri(text) == fastparse._URIFIXER.sub(r"\1\3", text), text
