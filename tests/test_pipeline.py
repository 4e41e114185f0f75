"""The foundation's promises, on a local feed server: alerts once, re-polls cost nothing, edits don't re-alert."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from bot import service
from bot.alerts.deliver import ConsoleSink, Dispatcher
from bot.app import App, poll_all
from tests.fakes.feed_server import FeedItemSpec, FeedServer, at
from tests.helpers import MakeApp, make_settings

TALKS = FeedItemSpec(
    "w-1",
    "Real Madrid open talks with Liverpool defender Ibrahima Konaté",
    "Madrid have made first contact with the France centre-back's representatives.",
    at("2025-11-12T10:00:00"),
)
INTEREST = FeedItemSpec(
    "w-0",
    "Real Madrid keen on Liverpool defender Ibrahima Konaté",
    "The Spanish club are monitoring the centre-back, whose contract ends next summer.",
    at("2025-11-01T10:00:00"),
)
MATCH = FeedItemSpec(
    "w-2",
    "Liverpool beat Aston Villa 2-0 at Anfield",
    "Goals in each half settled a tidy home win.",
    at("2025-11-02T18:00:00"),
)


async def _app(make_app: MakeApp, tmp_path: Path, database: str, url: str, **polling: object) -> App:
    settings = make_settings(tmp_path, [{"url": url, "name": "Test Wire"}], database=database, polling=polling)
    return await make_app(settings)


async def _sent(app, sink: ConsoleSink) -> int:
    return await Dispatcher(app.db, sink).run_once()


async def test_new_items_alert_once_and_repoll_alerts_nothing(tmp_path: Path, database_target: str, feed_server: FeedServer, make_app: MakeApp) -> None:
    url = feed_server.set_feed("/wire.xml", "Test Wire", [MATCH])
    app = await _app(make_app, tmp_path, database_target, url)
    await service.follow(app.db, 1, 10, "Konate")
    first = await poll_all(app)
    assert first[0].new_items == 1 and first[0].events == []  # first fetch: recorded, not alerted

    feed_server.set_feed("/wire.xml", "Test Wire", [INTEREST, MATCH])
    await poll_all(app)
    sink = _RecordingSink()
    assert await _sent(app, sink) == 1
    assert "Konaté" in sink.views[0].story.person and sink.views[0].kind == "interest"

    again = await poll_all(app)
    assert again[0].status == "not_modified"
    assert await _sent(app, sink) == 0
    rows = await app.db.fetchall("SELECT count(*) AS n FROM items")
    assert rows[0]["n"] == 2


async def test_not_modified_and_unchanged_bodies_cost_no_parse(tmp_path: Path, database_target: str, feed_server: FeedServer, make_app: MakeApp) -> None:
    url = feed_server.set_feed("/wire.xml", "Test Wire", [MATCH])
    app = await _app(make_app, tmp_path, database_target, url)
    assert (await poll_all(app))[0].parsed is True
    not_modified = await poll_all(app)
    assert not_modified[0].status == "not_modified" and not not_modified[0].parsed
    assert feed_server.requests[-1][1].get("If-None-Match")

    feed_server.routes["/wire.xml"].etag = False  # a server without validators: same bytes again
    unchanged = await poll_all(app)
    assert unchanged[0].status == "unchanged" and not unchanged[0].parsed


async def test_a_fingerprint_from_an_older_version_costs_one_parse_and_no_alert(tmp_path: Path, database_target: str, feed_server: FeedServer, make_app: MakeApp) -> None:
    # Versions before 2026-12-07 stored the body's SHA-256: the first poll after an upgrade sees a
    # fingerprint it does not make, parses once, finds every item known, and alerts nobody.
    url = feed_server.set_feed("/wire.xml", "Test Wire", [MATCH])
    feed_server.routes["/wire.xml"].etag = False
    app = await _app(make_app, tmp_path, database_target, url)
    await service.follow(app.db, 1, 10, "Konate")
    feed_server.set_feed("/wire.xml", "Test Wire", [INTEREST, MATCH])
    feed_server.routes["/wire.xml"].etag = False
    await poll_all(app)
    body = feed_server.routes["/wire.xml"].body
    await app.db.execute("UPDATE feeds SET body_hash = ?", (hashlib.sha256(body).hexdigest(),))

    upgraded = (await poll_all(app))[0]
    assert upgraded.status == "changed" and upgraded.parsed
    assert upgraded.new_items == 0 and upgraded.edited_items == 0 and upgraded.events == []
    assert await _sent(app, _RecordingSink()) == 0
    again = (await poll_all(app))[0]
    assert again.status == "unchanged" and not again.parsed

async def test_edited_item_does_not_alert_twice(tmp_path: Path, database_target: str, feed_server: FeedServer, make_app: MakeApp) -> None:
    url = feed_server.set_feed("/wire.xml", "Test Wire", [MATCH])
    app = await _app(make_app, tmp_path, database_target, url)
    await service.follow(app.db, 1, 10, "Ibrahima Konaté")
    await poll_all(app)
    feed_server.set_feed("/wire.xml", "Test Wire", [TALKS, MATCH])
    await poll_all(app)
    sink = _RecordingSink()
    assert await _sent(app, sink) == 1

    edited = FeedItemSpec(TALKS.guid, TALKS.title + " (updated)", TALKS.summary + " More soon.", TALKS.published)
    feed_server.set_feed("/wire.xml", "Test Wire", [edited, MATCH])
    outcome = (await poll_all(app))[0]
    assert outcome.edited_items == 1 and outcome.new_items == 0
    assert await _sent(app, sink) == 0
    items = await app.db.fetchall("SELECT title FROM items WHERE key = 'guid:w-1'")
    assert items[0]["title"].endswith("(updated)")


async def test_same_story_from_second_outlet_is_one_story_two_reports(tmp_path: Path, database_target: str, feed_server: FeedServer, make_app: MakeApp) -> None:
    one = feed_server.set_feed("/one.xml", "Wire One", [MATCH])
    two = feed_server.set_feed("/two.xml", "Wire Two", [])
    settings = make_settings(tmp_path, [{"url": one, "name": "Wire One"}, {"url": two, "name": "Wire Two"}], database=database_target)
    app = await make_app(settings)
    await service.follow(app.db, 1, 10, "Konate")
    await poll_all(app)
    feed_server.set_feed("/one.xml", "Wire One", [TALKS])
    await poll_all(app)
    repeat = FeedItemSpec("other-1", "Konaté: Real Madrid in talks with Liverpool centre-back",
                          "Madrid have opened talks over the defender, it is understood.", at("2025-11-13T08:00:00"))
    feed_server.set_feed("/two.xml", "Wire Two", [repeat])
    await poll_all(app)
    sink = _RecordingSink()
    assert await _sent(app, sink) == 1
    result = await service.timeline(app.db, "konate")
    assert len(result.stories) == 1
    assert {r.outlet for r in result.stories[0].reports} == {"Wire One", "Wire Two"}


async def test_failing_feed_records_error_and_others_still_deliver(tmp_path: Path, database_target: str, feed_server: FeedServer, make_app: MakeApp) -> None:
    good = feed_server.set_feed("/good.xml", "Good", [MATCH])
    feed_server.set_feed("/bad.xml", "Bad", [], status=500)
    html = feed_server.set_feed("/page.html", "Page", [])
    feed_server.routes["/page.html"].body = b"<!DOCTYPE html><html><body>Not a feed</body></html>"
    feed_server.routes["/page.html"].content_type = "text/html"
    settings = make_settings(tmp_path, [{"url": good}, {"url": feed_server.url("/bad.xml")}, {"url": html}], database=database_target)
    app = await make_app(settings)
    outcomes = {o.url: o for o in await poll_all(app)}
    assert outcomes[good].status == "changed"
    assert outcomes[feed_server.url("/bad.xml")].error == "HTTP 500"
    assert "HTML page" in (outcomes[html].error or "")
    health = {row["url"]: row for row in await service.feed_health(app.db)}
    assert health[feed_server.url("/bad.xml")]["consecutive_failures"] == 1
    assert health[feed_server.url("/bad.xml")]["last_error"] == "HTTP 500"


class _RecordingSink(ConsoleSink):
    def __init__(self) -> None:
        import io

        super().__init__(io.StringIO())
        self.views: list = []

    async def send(self, guild_id, channel_id, view, nonce):  # type: ignore[override]
        self.views.append(view)
        return await super().send(guild_id, channel_id, view, nonce)


@pytest.fixture(autouse=True)
def _quiet_logs(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level("ERROR")


async def test_failing_feed_backs_off_then_pauses_and_resumes(tmp_path: Path, database_target: str, feed_server: FeedServer, make_app: MakeApp) -> None:
    from bot.feed_lists import feed_health_lines
    from bot.pipeline import backoff_seconds

    feed_server.set_feed("/down.xml", "Down", [], status=503)
    url = feed_server.url("/down.xml")
    settings = make_settings(tmp_path, [{"url": url}], polling={"pause_after_failures": 3, "interval_seconds": 60}, database=database_target)
    assert [backoff_seconds(settings, 60, n, None) for n in (1, 2, 3)] == [60, 120, 240]
    assert backoff_seconds(settings, 60, 30, None) == settings.polling.max_backoff_seconds
    assert backoff_seconds(settings, 60, 1, 900.0) == 900.0  # Retry-After wins when longer
    app = await make_app(settings)
    for _ in range(3):
        await poll_all(app)
    [health] = await service.feed_health(app.db)
    assert health["paused"] == 1 and "paused after 3 failed fetches" in health["paused_reason"]
    assert health["next_fetch_at"] is not None
    line = feed_health_lines([health])[0]
    assert "[paused]" in line and "HTTP 503" in line and "feeds resume 1" in line
    hits = feed_server.hits("/down.xml")
    assert await poll_all(app) == [] and feed_server.hits("/down.xml") == hits  # paused: not fetched

    feed_server.set_feed("/down.xml", "Down", [MATCH])
    assert "Resumed" in await service.resume_feed(app.db, "1")
    [outcome] = await poll_all(app)
    assert outcome.status == "changed"
    [health] = await service.feed_health(app.db)
    assert health["paused"] == 0 and health["consecutive_failures"] == 0 and health["last_error"] is None


async def test_one_url_is_one_feed_however_many_servers_add_it(tmp_path: Path, database_target: str, feed_server: FeedServer, make_app: MakeApp) -> None:
    url = feed_server.set_feed("/shared.xml", "Shared", [MATCH])
    app = await _app(make_app, tmp_path, database_target, feed_server.set_feed("/wire.xml", "Test Wire", [MATCH]))
    first = await service.add_feed(app.db, url, "Shared", origin="discord", guild_id=1)
    second = await service.add_feed(app.db, url, None, origin="discord", guild_id=2)
    assert first == (first[0], True) and second == (first[0], False)
    assert (await app.db.fetchone("SELECT count(*) FROM feeds WHERE url = ?", (url,)))[0] == 1
    # Added from Discord, so untrusted: a loopback address is refused before any byte is sent.
    outcomes = {o.url: o for o in await poll_all(app)}
    assert outcomes[url].error == "blocked: 127.0.0.1 is not a public address"
    assert feed_server.hits("/shared.xml") == 0


async def test_departures_from_two_clubs_are_two_stories(tmp_path: Path, database_target: str, feed_server: FeedServer, make_app: MakeApp) -> None:
    url = feed_server.set_feed("/wire.xml", "Test Wire", [MATCH])
    app = await _app(make_app, tmp_path, database_target, url)
    await poll_all(app)
    feed_server.set_feed("/wire.xml", "Test Wire", [
        FeedItemSpec("d-1", "Celtic sack head coach Brendan Rodgers", "The club confirmed his exit.",
                     at("2025-10-27T10:00:00")),
        FeedItemSpec("d-2", "Brendan Rodgers leaves Al-Qadsiah after six weeks",
                     "The Saudi club and the coach parted ways.", at("2025-12-10T10:00:00")),
    ])
    await poll_all(app)
    result = await service.timeline(app.db, "rodgers")
    assert [s.kind for s in result.stories] == ["departure", "departure"]


async def test_first_poll_floods_nobody_in_discord_mode_but_demos_in_console(tmp_path: Path,
                                                                             feed_server: FeedServer, make_app: MakeApp) -> None:
    url = feed_server.set_feed("/wire.xml", "Test Wire", [INTEREST, MATCH])
    for console, expected in ((False, 0), (True, 1)):
        settings = make_settings(tmp_path / str(console), [{"url": url}], console={"alert_on_first_poll": True})
        app = await make_app(settings, console=console)
        await service.follow(app.db, 1, 10, "Konate")
        [outcome] = await poll_all(app)
        assert outcome.new_items == 2 and len(outcome.events) == expected


async def test_one_cycle_folds_news_oldest_first_across_feeds(tmp_path: Path, database_target: str, feed_server: FeedServer, make_app: MakeApp) -> None:
    # The later development sits in the first feed: stories must still climb interest -> talks.
    first = feed_server.set_feed("/first.xml", "First", [TALKS])
    second = feed_server.set_feed("/second.xml", "Second", [INTEREST])
    settings = make_settings(tmp_path, [{"url": first}, {"url": second}], database=database_target)
    app = await make_app(settings, console=True)
    await service.follow(app.db, 1, 10, "Konate")
    await poll_all(app, together=True)
    sink = _RecordingSink()
    await Dispatcher(app.db, sink).run_once()
    assert [(v.reason, v.kind) for v in sink.views] == [("new", "interest"), ("climb", "talks")]


async def test_healthy_re_polls_write_health_at_most_hourly(tmp_path: Path, database_target: str, feed_server: FeedServer, make_app: MakeApp) -> None:
    url = feed_server.set_feed("/wire.xml", "Test Wire", [MATCH])
    app = await _app(make_app, tmp_path, database_target, url)
    await poll_all(app)
    first = (await service.feed_health(app.db))[0]["last_fetch_at"]
    assert (await poll_all(app))[0].status == "not_modified"
    assert (await service.feed_health(app.db))[0]["last_fetch_at"] == first  # nothing new to say
    await app.db.write("UPDATE feeds SET last_fetch_at = '2020-01-01T00:00:00.000000Z'")
    await poll_all(app)
    assert (await service.feed_health(app.db))[0]["last_fetch_at"] > first  # stale: refreshed
    await app.db.write("UPDATE feeds SET last_error = 'HTTP 500', consecutive_failures = 2")
    await poll_all(app)
    [health] = await service.feed_health(app.db)
    assert health["last_error"] is None and health["consecutive_failures"] == 0  # recovery is shown at once


async def test_a_link_with_a_nul_or_bidi_character_is_dropped_and_the_item_still_alerts(
        tmp_path: Path, database_target: str, feed_server: FeedServer, make_app: MakeApp) -> None:
    # PostgreSQL cannot store a NUL in text: kept, it failed the whole feed's poll there, every time.
    url = feed_server.set_feed("/wire.xml", "Test Wire", [MATCH])
    app = await _app(make_app, tmp_path, database_target, url)
    await service.follow(app.db, 1, 10, "Konate")
    await poll_all(app)
    feed_server.routes["/wire.xml"].body = (
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Test&#0; Wire</title>'
        f"<item><title>{TALKS.title}</title><description>{TALKS.summary}</description>"
        "<link>https://example.org/talks&#0;</link><guid>w-1</guid><pubDate>Wed, 12 Nov 2025 10:00:00 GMT</pubDate></item>"
        "<item><title>Liverpool tie</title><link>https://example.org/\u202egpj.exe</link><guid>w-3</guid></item>"
        "</channel></rss>").encode()
    [outcome] = await poll_all(app)
    assert (outcome.error, outcome.new_items) == (None, 2)
    links = await app.db.fetchall("SELECT key, link FROM items WHERE key IN ('guid:w-1', 'guid:w-3') ORDER BY key")
    assert [tuple(row) for row in links] == [("guid:w-1", None), ("guid:w-3", None)]
    sink = _RecordingSink()
    assert await _sent(app, sink) == 1 and sink.views[0].kind == "talks"
