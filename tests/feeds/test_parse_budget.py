"""What feedparser is asked to do is bounded before it runs: no DTD is read, every element counts
for depth and for the markup budget, and a body is never taken for a file name. Outcomes and
allocation peaks are asserted, never timings."""

from __future__ import annotations

import tracemalloc
from collections.abc import Callable
from pathlib import Path

import pytest

from bot.feeds.parse import parse_feed
from bot.feeds.prescan import MAX_ATTRIBUTES, MAX_DEPTH, MAX_MARKUP, prescan
from tests.fakes.hostile_feed_server import (
    deep_nesting,
    entity_expansion,
    huge_titles,
    many_items,
    many_tags,
    nested_links,
)

HEAD = '<?xml version="1.0" encoding="UTF-8"?>'
CHANNEL = '<rss version="2.0"><channel><title>Desk</title>'
ITEM = "<item><guid>i-1</guid><title>Liverpool beat Aston Villa 2-0 at Anfield</title><description>{}</description></item>"
VALUE = "Konaté" + "-" * 10_000  # what an entity would expand to, 10 KB at a time
DOCTYPE_IGNORED = "DOCTYPE declarations ignored: entities are not expanded"


def feed(body: str, prolog: str = "") -> bytes:
    return (HEAD + prolog + CHANNEL + body + "</channel></rss>").encode()


def peak_bytes(work: Callable[[], object]) -> int:
    tracemalloc.start()
    try:
        work()
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def test_an_internal_entity_used_thousands_of_times_is_not_expanded() -> None:
    body = entity_expansion()  # 30 MB once expanded; the old parser peaked at about 120 MB
    assert len(body) < 40_000
    parsed = parse_feed(body, "x")
    peak = peak_bytes(lambda: parse_feed(body, "x"))
    assert peak < 8_000_000, peak
    assert parsed.is_feed and [item.title for item in parsed.items] == [
        "Liverpool beat Aston Villa 2-0 at Anfield", "Arsenal & Chelsea share the points"]
    assert parsed.problem is not None and parsed.problem.startswith(DOCTYPE_IGNORED + "; invalid XML")
    # The reference stays literal text, clipped like any summary: the value never appears.
    assert parsed.items[0].summary.startswith("&wire;&wire;") and "Konaté" not in parsed.items[0].summary


@pytest.mark.parametrize("prolog", [
    # An internal subset on one line, and one whose entity value holds markup.
    f'<!DOCTYPE rss [<!ENTITY wire "{VALUE}">]>',
    '<!DOCTYPE rss [\n<!ENTITY wire "<b>' + VALUE + '</b>">\n]>',
    # A quoted "]" or ">" inside the subset does not end it; nor does a comment holding them.
    f'<!DOCTYPE rss [\n<!-- ]> -->\n<!ENTITY wire "{VALUE}]>">\n]>',
    # Parameter entities and an attribute default every element would carry.
    f'<!DOCTYPE rss [\n<!ENTITY % p "x">\n<!ATTLIST description wire CDATA "{VALUE}">\n<!ENTITY wire "{VALUE}">\n]>',
    # Declarations the fallback parser would find outside any DOCTYPE: after one, in a prolog
    # comment, or after text that ends the prolog early.
    f'\n<!DOCTYPE rss>\n<!ENTITY wire "{VALUE}">\n',
    f'\n<!DOCTYPE rss>\n<!--\n<!ENTITY wire "{VALUE}">\n-->\n',
    f'oops\n<!DOCTYPE rss>\n<!ENTITY wire "{VALUE}">\n',
])
def test_entity_declarations_never_reach_the_parser(prolog: str) -> None:
    body = feed(ITEM.format("&wire;" * 2000) + ITEM.replace("i-1", "i-2").format("Fine &amp; well"), prolog)
    parsed = parse_feed(body, "x")
    assert peak_bytes(lambda: parse_feed(body, "x")) < 8_000_000
    assert parsed.problem is not None and DOCTYPE_IGNORED in parsed.problem
    assert all("Konaté" not in item.summary for item in parsed.items)


def test_an_external_doctype_alone_is_harmless() -> None:
    netscape = '\n<!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN" "http://example.org/rss-0.91.dtd">\n'
    parsed = parse_feed(feed(ITEM.format("A tidy home win &amp; three points."), netscape), "x")
    assert parsed.problem is None and [item.summary for item in parsed.items] == ["A tidy home win & three points."]


@pytest.mark.parametrize("doctype", [
    '<!DOCTYPE rss [<!ENTITY wire "unclosed',
    # Unterminated comments and PIs end the reading at once, not after a scan from each of them.
    "<!DOCTYPE rss [" + "<!--" * 250_000,
    "<!DOCTYPE rss [" + "<?" * 250_000,
])
def test_a_doctype_that_cannot_be_read_is_refused(doctype: str) -> None:
    parsed = parse_feed(feed(ITEM.format("x"), doctype), "x")
    assert not parsed.is_feed and parsed.problem == "a DOCTYPE that cannot be read, not a feed"


def test_line_and_column_still_point_into_the_feed_after_the_doctype_goes() -> None:
    body = feed(ITEM.format("Arsenal & Chelsea"), '\n<!DOCTYPE rss [\n<!ENTITY a "b">\n]>\n')
    assert parse_feed(body, "x").problem == f"{DOCTYPE_IGNORED}; invalid XML at line 5, column 147: not well-formed (invalid token)"


def test_every_element_counts_for_depth_void_html_tags_included() -> None:
    def refused(body: bytes) -> str | None:
        return prescan(body).refused

    deep = f"XML nested more than {MAX_DEPTH} elements deep"
    assert refused(b"<a>" * MAX_DEPTH) is None and refused(b"<a>" * (MAX_DEPTH + 1)) == deep
    # <link> and <br> are void in HTML, but feedparser nests them like any element.
    assert refused(b"<link>" * (MAX_DEPTH + 1)) == deep and refused(b"<BR>" * (MAX_DEPTH + 1)) == deep
    # A closing tag closes what was left open inside it, so raw HTML in many items is no nesting.
    assert refused(b"<item><description>a<br>b<img src=x>c</description></item>" * 5000) is None
    assert refused(b"<p>" + b"<a></A>" * 2000 + b"</P>") is None  # names match in any case
    assert refused(b"</x>" * 1000 + b"<a>" * MAX_DEPTH) is None  # closing what is not open: ignored
    # Comments, CDATA, declarations and self-closing tags are not nesting; an unterminated
    # comment or CDATA section makes the rest text.
    flat = b"<?xml?><!-- <a><a> --><![CDATA[<p><p><p>]]><b/>" * 1000
    assert refused(flat) is None
    assert refused(b"<![CDATA[" + b"<a>" * 10_000) is None and refused(b"<!--" + b"<a>" * 10_000) is None


def test_the_old_void_tag_exemption_is_gone() -> None:
    parsed = parse_feed(nested_links(20_000), "x")  # 120 KB; the 800,000 cost 40 s and 800 MB
    assert not parsed.is_feed and parsed.problem == f"XML nested more than {MAX_DEPTH} elements deep, not a feed"


def test_markup_beyond_the_budget_is_refused_before_parsing() -> None:
    over = f"more than {MAX_MARKUP} tags and attributes, not a feed"
    assert parse_feed(many_tags(), "x").problem == over  # flat and shallow: 250,000 "<a/>"
    # Stray "<" in a broken feed each cost the fallback parser a step too.
    assert parse_feed(feed(ITEM.format("<" * (MAX_MARKUP + 1))), "x").problem == over
    # Attributes count, and one element may carry only so many.
    many = "".join(f" a{n}=''" for n in range(MAX_ATTRIBUTES + 1))
    assert parse_feed(feed(f"<item{many}><title>x</title></item>"), "x").problem == \
        f"an element with more than {MAX_ATTRIBUTES} attributes, not a feed"
    spread = ("<b" + "".join(f" a{n}=''" for n in range(500)) + "/>") * (MAX_MARKUP // 500)
    assert parse_feed(feed(ITEM.format(spread)), "x").problem == over


def test_the_budget_leaves_room_for_big_honest_feeds() -> None:
    assert prescan(many_items()).refused is None  # 10,000 items: about 130,000 tags and attributes
    assert prescan(huge_titles()).refused is None  # a million "<" inside CDATA is text


@pytest.mark.parametrize("make", [entity_expansion, nested_links, deep_nesting, many_tags])
def test_hostile_bodies_parse_within_a_memory_ceiling(make: Callable[[], bytes]) -> None:
    body = make()
    assert peak_bytes(lambda: parse_feed(body, "x")) < 4 * len(body) + 8_000_000


def test_a_body_that_names_a_file_is_not_read_from_disk(tmp_path: Path) -> None:
    # feedparser opens a bytes argument that names a file: a feed whose body was "/dev/zero"
    # would have been read until memory ran out.
    secret = tmp_path / "local.xml"
    secret.write_bytes(feed(ITEM.format("from the local disk")))
    parsed = parse_feed(str(secret).encode(), "x")
    assert not parsed.is_feed and parsed.items == []
