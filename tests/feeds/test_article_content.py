"""A feed that carries the full article in content:encoded beside a one-line description: the
article reaches the extractor, paragraph by paragraph. Feed written for this test."""

from __future__ import annotations

from bot.feeds.parse import parse_feed
from bot.pipeline import extract_item

FEED = b"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel><title>Midfield Notes</title><link>https://example.org/</link><description>x</description>
<item>
  <title>Madrid's summer plans take shape</title>
  <link>https://example.org/madrid-summer</link>
  <guid>madrid-summer</guid>
  <description>Real Madrid weigh their options for next season.</description>
  <content:encoded><![CDATA[
    <p>Real Madrid weigh their options for next season.</p>
    <p>Brighton's Carlos Baleba is admired at the Bernabeu. The midfielder is the subject of an
       enquiry from Real Madrid, according to Marca.</p>
    <p>Elsewhere, Liverpool have opened talks with Crystal Palace over Adam Wharton.</p>
  ]]></content:encoded>
</item>
</channel></rss>
"""


def test_the_article_beside_a_short_description_is_read() -> None:
    parsed = parse_feed(FEED, "https://example.org/feed")
    item = parsed.items[0]
    assert item.summary == "Real Madrid weigh their options for next season."
    assert "Carlos Baleba" in item.content and "Adam Wharton" in item.content
    claims = {(c.subject, c.kind, c.counterpart) for c in extract_item(item)}
    assert ("Carlos Baleba", "talks", "Real Madrid") in claims
    assert ("Adam Wharton", "talks", "Liverpool") in claims
    # "The midfielder" is Baleba, named in its own paragraph, not the article's other names.
    assert not any(subject == "Adam Wharton" and club == "Real Madrid" for subject, _, club in claims)


def test_a_feed_whose_content_is_its_description_reads_it_once() -> None:
    feed = FEED.replace(b"<description>Real Madrid weigh their options for next season.</description>", b"")
    item = parse_feed(feed, "https://example.org/feed").items[0]
    assert "Carlos Baleba" in item.summary
    assert item.content == ""
