"""Sources cannot be faked: an outlet is who the operator says or the site a feed is served from,
never the feed's own title or a name typed in Discord; and no URL but http(s) reaches a message."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest

from bot import service
from bot.alerts.deliver import Dispatcher, SendResult
from bot.alerts.render import alert_embed, alert_text, digest_embed, timeline_pages, timeline_text
from bot.app import App, open_app, poll_all
from bot.outlets import outlet_of
from tests.conftest import make_settings
from tests.fakes.feed_server import FeedItemSpec, FeedServer, Route, at

GUILD, CHANNEL = 333_333_333_333_333_333, 333_333_333_333_333_001
TALKS = "Real Madrid open talks with Liverpool defender Ibrahima Konaté"


class _Recorder:
    """A sink that keeps every alert it was given."""

    def __init__(self) -> None:
        self.views: list[Any] = []

    async def send(self, guild_id: int, channel_id: int, view: Any, nonce: str) -> SendResult:
        self.views.append(view)
        return SendResult(message_id=f"m-{nonce}")

    async def channel_lost(self, guild_id: int, channel_id: int, reason: str) -> None:
        raise AssertionError(reason)

    async def send_digest(self, guild_id: int, channel_id: int, views: list[Any], nonce: str) -> SendResult:
        raise AssertionError("no digests here")

    async def find_posted(self, guild_id: int, channel_id: int, marker: str, since: str | None) -> str | None:
        return None


@pytest.fixture
async def app(tmp_path: Path, database_target: str, feed_server: FeedServer,
              monkeypatch: pytest.MonkeyPatch) -> AsyncIterator[App]:
    from tests.fakes.hostile_feed_server import FakeDNS, pretend_loopback_is_public

    pretend_loopback_is_public(monkeypatch, FakeDNS({}))  # the test server plays a public site
    unnamed = feed_server.set_feed("/operator.xml", "Daily Gossip", [])  # the operator gave it no name
    opened = await open_app(make_settings(tmp_path, [{"url": unnamed}], database=database_target))
    await service.follow(opened.db, GUILD, CHANNEL, "Ibrahima Konaté")
    yield opened
    await opened.close()


async def _alerts(app: App) -> list[Any]:
    recorder = _Recorder()
    await Dispatcher(app.db, recorder).run_once()
    return recorder.views


def test_an_outlet_is_the_operators_name_or_the_feeds_site() -> None:
    assert outlet_of("https://feeds.bbci.co.uk/sport/rss.xml", "BBC Sport", "config") == "BBC Sport"
    assert outlet_of("https://feeds.bbci.co.uk/sport/rss.xml", "BBC Sport", "cli") == "BBC Sport"
    assert outlet_of("https://feeds.bbci.co.uk/sport/rss.xml", "BBC Sport", "discord") == "bbci.co.uk"
    assert outlet_of("https://www.evil.example.com/feed", "BBC Sport", "discord") == "example.com"
    assert outlet_of("https://www.evil.example.com/feed", None, "config") is None  # named by its first fetch


async def test_a_feed_titled_or_named_bbc_sport_from_discord_gets_no_tier(app: App, feed_server: FeedServer) -> None:
    # One server adds a feed titled "BBC Sport"; another feed it adds under the name "BBC Sport".
    titled = feed_server.set_feed("/titled.xml", "BBC Sport", [])
    named = feed_server.set_feed("/named.xml", "Anything", [])
    await service.add_server_feed(app.db, titled, None, guild_id=GUILD)
    await service.add_server_feed(app.db, named, "BBC Sport", guild_id=GUILD)
    await poll_all(app)  # first fetches record without alerts
    feed_server.set_feed("/titled.xml", "BBC Sport", [FeedItemSpec(
        "u-1", TALKS, "First contact has been made.", at("2025-11-12T10:00:00"))])
    await poll_all(app)  # one feed per cycle: which answers first does not decide the story's start
    feed_server.set_feed("/named.xml", "Anything", [FeedItemSpec(
        "n-1", "Real Madrid submit bid for Liverpool defender Ibrahima Konaté", "An offer is in.",
        at("2025-11-13T10:00:00"))])
    await poll_all(app)

    alerts = await _alerts(app)
    assert [view.kind for view in alerts] == ["talks", "bid"]
    for view in alerts:
        text = alert_text(view)
        assert "127.0.0.1 (unrated)" in text, text
        assert "BBC Sport" not in text and "tier 1" not in text
    claims = await app.db.fetchall("SELECT outlet, source_tier FROM claims")
    assert {(row["outlet"], row["source_tier"]) for row in claims} == {("127.0.0.1", None)}


TITLES = ["Daily Gossip", "BBC Sport", "Sky Sports", "The Athletic", "Marca", "Fabrizio Romano"]


@pytest.mark.parametrize("origin", ["discord", "operator"])
async def test_rotating_guids_and_titles_are_one_outlet_and_confirm_nothing(
    app: App, feed_server: FeedServer, origin: str
) -> None:
    path = "/operator.xml"
    if origin == "discord":
        path = "/rotating.xml"
        feed_server.set_feed(path, TITLES[0], [])
        await service.add_server_feed(app.db, feed_server.url(path), None, guild_id=GUILD)
    await poll_all(app)  # the first fetch: the operator's unnamed feed is named "Daily Gossip" for good
    for n, title in enumerate(TITLES):
        feed_server.set_feed(path, title, [FeedItemSpec(
            f"rotated-{n}", TALKS, "First contact has been made.", at(f"2025-11-1{n}T10:00:00"))])
        await poll_all(app)

    alerts = await _alerts(app)
    assert [view.reason for view in alerts] == ["new"]  # never "Confirmed by a better source"
    timeline = await service.timeline(app.db, "Konate", guild_id=GUILD)
    [story] = timeline.stories
    assert len(story.reports) == 6
    text = timeline_text(timeline.person.name, timeline.stories)
    assert "reported by 1 outlet)" in text and "6 outlets" not in text
    expected = "127.0.0.1" if origin == "discord" else "Daily Gossip"
    assert {report.outlet for report in story.reports} == {expected}
    if origin == "operator":
        assert any(line.startswith("#1 Daily Gossip [ok]") for line in await service.feed_list(app.db, None))


JAVASCRIPT_GUID = f"""<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel>
<title>Wire</title><link>https://example.org/</link><description>test</description>
<item><title>{TALKS}</title><guid isPermaLink="true">javascript:alert(document.cookie)//</guid>
<pubDate>Wed, 12 Nov 2025 10:00:00 +0000</pubDate><description>First contact has been made.</description></item>
<item><title>Real Madrid submit bid for Liverpool defender Ibrahima Konaté</title>
<link>https://example.org/bid</link><guid isPermaLink="false">b-1</guid>
<pubDate>Thu, 13 Nov 2025 10:00:00 +0000</pubDate><description>An offer is in.</description></item>
</channel></rss>""".encode()


async def test_a_guid_used_as_the_link_never_reaches_a_message(app: App, feed_server: FeedServer) -> None:
    await poll_all(app)
    feed_server.routes["/operator.xml"] = Route(body=JAVASCRIPT_GUID)
    await poll_all(app)

    alerts = await _alerts(app)
    assert [view.kind for view in alerts] == ["talks", "bid"]
    timeline = await service.timeline(app.db, "Konate", guild_id=GUILD)
    shown = [alert_text(view) for view in alerts] + [repr(alert_embed(view)) for view in alerts]
    shown += [repr(digest_embed(alerts)), repr(timeline_pages(timeline.person.name, "", timeline.stories)),
              timeline_text(timeline.person.name, timeline.stories)]
    for text in shown:
        assert "javascript" not in text, text
    talks_embed, bid_embed = (alert_embed(view) for view in alerts)
    assert "url" not in talks_embed and "](" not in talks_embed["description"]
    assert bid_embed["url"] == "https://example.org/bid"  # a real link still shows
    assert "https://example.org/bid" in alert_text(alerts[1])
