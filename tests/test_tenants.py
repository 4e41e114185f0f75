"""Servers are tenants: one server's admin can neither see nor change another server's feeds,
follows, settings, notices or latest developments; the operator's config feeds are not theirs."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest

from bot import service
from bot.app import App, open_app, poll_all
from storage import feeds as feed_store
from tests.conftest import make_settings
from tests.fakes.feed_server import FeedItemSpec, FeedServer, at
from tests.helpers import run_cli

A, B = 111_111_111_111_111_111, 222_222_222_222_222_222  # two servers
A_CHAN, B_CHAN = 111_111_111_111_111_001, 222_222_222_222_222_001
SECRET = "https://feeds.example.org/private.xml?token=s3cret-of-server-a"
CONFIG_URL_PATH = "/operator-only/wire.xml"
TALKS = FeedItemSpec("t-1", "Real Madrid open talks with Liverpool defender Ibrahima Konaté", "Contact made.",
                     at("2025-11-12T10:00:00"))


@pytest.fixture
async def app(tmp_path: Path, database_target: str, feed_server: FeedServer) -> AsyncIterator[App]:
    url = feed_server.set_feed(CONFIG_URL_PATH, "Operator Wire", [TALKS])
    opened = await open_app(make_settings(tmp_path, [{"url": url, "name": "Operator Wire"}], database=database_target))
    yield opened
    await opened.close()


async def _count(app: App, sql: str, *params: object) -> int:
    return int((await app.db.fetchone(sql, params))[0])


async def test_feeds_list_shows_only_this_servers_feeds(app: App) -> None:
    await service.add_server_feed(app.db, SECRET, "A's wire", guild_id=A, by="1")
    a_lines = "\n".join(await service.feed_list(app.db, A))
    b_lines = "\n".join(await service.feed_list(app.db, B))
    assert f"<{SECRET}>" in a_lines and "A's wire" in a_lines
    assert "s3cret" not in b_lines and "A's wire" not in b_lines
    assert "operator-only" not in a_lines and "operator-only" not in b_lines  # the operator's URL stays private
    # Never fetched yet: its health is unknown, not "ok".
    assert b_lines.endswith("Operator Wire [not fetched yet] · the operator's feed, read for every server")
    assert [row["url"] for row in await service.feed_health(app.db, B)] == []


async def test_another_server_cannot_remove_or_resume_a_feed(app: App) -> None:
    added = await service.add_server_feed(app.db, SECRET, None, guild_id=A, by="1")
    await feed_store.set_paused(app.db, added.feed_id, True, "paused after 40 failed fetches")
    for ref in (str(added.feed_id), f"#{added.feed_id}", SECRET):
        with pytest.raises(service.UserError, match="No feed .* on this server's list"):
            await service.remove_feed(app.db, ref, guild_id=B)
        with pytest.raises(service.UserError, match="No feed .* on this server's list"):
            await service.resume_feed(app.db, ref, guild_id=B)
    row = await feed_store.by_id(app.db, added.feed_id)
    assert row is not None and row.paused == 1
    assert "Resumed" in await service.resume_feed(app.db, str(added.feed_id), guild_id=A)


async def test_config_feeds_cannot_be_removed_or_resumed_from_discord(app: App) -> None:
    [config] = await feed_store.list_active(app.db)
    for guild in (A, B):
        with pytest.raises(service.UserError, match="No feed"):
            await service.remove_feed(app.db, str(config.id), guild_id=guild)
        with pytest.raises(service.UserError, match="No feed"):
            await service.resume_feed(app.db, config.url, guild_id=guild)
    # The operator's CLI without a server is refused too: the config file is where it lives.
    with pytest.raises(service.UserError, match="is listed in the config file: remove it there"):
        await service.remove_feed(app.db, str(config.id))
    assert await _count(app, "SELECT count(*) FROM feeds WHERE id = ?", config.id) == 1


async def test_one_url_from_two_servers_is_fetched_once_and_removed_per_server(app: App) -> None:
    first = await service.add_server_feed(app.db, SECRET, "Mine", guild_id=A, by="1")
    second = await service.add_server_feed(app.db, SECRET, "Ours", guild_id=B, by="2")
    assert first.feed_id == second.feed_id and first.new_feed and not second.new_feed
    assert "Added feed" in second.message  # B is not told that another server reads it
    again = await service.add_server_feed(app.db, SECRET, None, guild_id=B)
    assert again.message == f"This server already reads that feed (#{first.feed_id})."
    assert await _count(app, "SELECT count(*) FROM feeds WHERE url = ?", SECRET) == 1
    # Each server sees its own name for it.
    assert [r["name"] for r in await service.feed_health(app.db, A)] == ["Mine"]
    assert [r["name"] for r in await service.feed_health(app.db, B)] == ["Ours"]

    text = await service.remove_feed(app.db, str(first.feed_id), guild_id=B)
    assert text.startswith(f"Removed #{first.feed_id} Ours from this server's feeds")
    assert await _count(app, "SELECT count(*) FROM feeds WHERE url = ?", SECRET) == 1  # A still reads it
    assert [r["name"] for r in await service.feed_health(app.db, A)] == ["Mine"]
    await service.remove_feed(app.db, SECRET, guild_id=A)
    assert await _count(app, "SELECT count(*) FROM feeds WHERE url = ?", SECRET) == 0  # nobody reads it now


async def test_a_server_subscribing_to_a_config_url_never_removes_the_operators_feed(app: App) -> None:
    [config] = await feed_store.list_active(app.db)
    added = await service.add_server_feed(app.db, config.url, "Borrowed", guild_id=A)
    assert added.feed_id == config.id and not added.new_feed
    await service.remove_feed(app.db, str(config.id), guild_id=A)
    assert await _count(app, "SELECT count(*) FROM feeds WHERE id = ?", config.id) == 1


async def test_follows_of_one_server_are_invisible_and_untouchable_from_another(app: App) -> None:
    await service.follow(app.db, A, A_CHAN, "Ibrahima Konaté", by="1")
    assert await service.following(app.db, B, A_CHAN) == []
    assert await service.following(app.db, B, None) == []
    with pytest.raises(service.UserError, match="does not follow anyone"):
        await service.unfollow(app.db, B, A_CHAN, "Ibrahima Konaté")
    with pytest.raises(service.UserError, match="belongs to another server"):
        await service.follow(app.db, B, A_CHAN, "Xabi Alonso")
    assert await _count(app, "SELECT count(*) FROM follows") == 1
    assert [line.split(" (")[0] for line in await service.following(app.db, A, A_CHAN)] == ["Ibrahima Konaté"]


async def test_settings_and_notices_channel_are_per_server(app: App) -> None:
    await service.set_alert_channel(app.db, A, A_CHAN)
    await service.update_alert_settings(app.db, A, min_tier="tier1", kinds="bid", digest=True)
    with pytest.raises(service.UserError, match="belongs to another server"):
        await service.set_alert_channel(app.db, B, A_CHAN)  # B's notices must not land in A's channel
    await service.update_alert_settings(app.db, B, min_tier="any", kinds="all", digest=False)
    assert await service.alert_settings(app.db, A) == (
        f"Alerts: a daily digest; minimum source tier: tier1; kinds: bid; notices channel: <#{A_CHAN}>.")
    assert await service.alert_settings(app.db, B) == (
        "Alerts: instant alerts; minimum source tier: any; kinds: all; notices channel: not set.")


async def test_latest_shows_only_what_this_server_follows(app: App) -> None:
    await service.follow(app.db, A, A_CHAN, "Konate", by="1")
    await poll_all(app)
    await poll_all(app)
    # The config feed's first fetch records without alerts, but the story exists for A's /latest.
    assert await _count(app, "SELECT count(*) FROM story_events") >= 1
    assert [view.story.person for view in await service.latest(app.db, A)] == ["Ibrahima Konaté"]
    assert await service.latest(app.db, B) == []


async def test_leaving_a_server_drops_its_feeds_but_not_what_others_read(app: App) -> None:
    from storage import follows

    only_a = await service.add_server_feed(app.db, SECRET, None, guild_id=A)
    shared = await service.add_server_feed(app.db, "https://feeds.example.org/shared.xml", None, guild_id=A)
    await service.add_server_feed(app.db, "https://feeds.example.org/shared.xml", None, guild_id=B)
    await service.follow(app.db, A, A_CHAN, "Konate")
    assert await follows.remove_guild(app.db, A) == 1
    assert await service.feed_health(app.db, A) == []
    assert await feed_store.by_id(app.db, only_a.feed_id) is None
    assert [row["id"] for row in await service.feed_health(app.db, B)] == [shared.feed_id]
    assert len(await feed_store.list_active(app.db)) == 2  # the operator's and the shared one


async def test_a_servers_own_feed_alerts_and_shows_only_in_that_server(
    app: App, feed_server: FeedServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tests.fakes.hostile_feed_server import FakeDNS, pretend_loopback_is_public

    pretend_loopback_is_public(monkeypatch, FakeDNS({}))  # the test server plays a public host
    private = feed_server.set_feed("/a-private.xml", "A Private Wire", [])
    added = await service.add_server_feed(app.db, private, "Paid wire", guild_id=A)
    await poll_all(app)  # first fetches record the backlog without alerts
    await service.follow(app.db, A, A_CHAN, "Ibrahima Konaté")
    await service.follow(app.db, B, B_CHAN, "Ibrahima Konaté")
    feed_server.set_feed("/a-private.xml", "A Private Wire", [FeedItemSpec(
        "p-1", "Bayern Munich submit bid for Liverpool defender Ibrahima Konaté", "An offer has been made.",
        at("2025-11-14T10:00:00"))])
    await poll_all(app)

    queued = await app.db.fetchall("SELECT channel_id FROM outbox")
    assert [row["channel_id"] for row in queued] == [A_CHAN]  # B follows him too, but did not add that feed
    # Both see the operator's Real Madrid story; only A sees its own feed's Bayern bid.
    assert [view.story.counterpart for view in await service.latest(app.db, A)] == ["Bayern Munich", "Real Madrid"]
    assert [view.story.counterpart for view in await service.latest(app.db, B)] == ["Real Madrid"]
    seen_by_a = await service.timeline(app.db, "konate", guild_id=A)
    assert "Bayern Munich" in [story.counterpart for story in seen_by_a.stories]
    seen_by_b = await service.timeline(app.db, "konate", guild_id=B)
    assert "Bayern Munich" not in [story.counterpart for story in seen_by_b.stories]
    assert all(report.outlet != "A Private Wire" for story in seen_by_b.stories for report in story.reports)

    # Once A removes it, no server sees what it reported, though a new feed may reuse its number.
    assert "no longer shows here" in await service.remove_feed(app.db, str(added.feed_id), guild_id=A)
    after = await service.timeline(app.db, "konate", guild_id=A)
    assert "Bayern Munich" not in [story.counterpart for story in after.stories]
    reused = await service.add_server_feed(app.db, "https://feeds.example.org/new.xml", None, guild_id=B)
    if app.db.dialect == "sqlite":  # SQLite hands the removed feed's number on; PostgreSQL never reuses one
        assert reused.feed_id == added.feed_id
    assert "Bayern Munich" not in [s.counterpart for s in (await service.timeline(app.db, "konate", guild_id=B)).stories]


class _Recorder:
    """A sink that keeps what each channel was sent."""

    def __init__(self) -> None:
        self.sent: dict[int, list[Any]] = {}

    async def send(self, guild_id: int, channel_id: int, view: Any, nonce: str) -> Any:
        from bot.alerts.deliver import SendResult

        self.sent.setdefault(channel_id, []).append(view)
        return SendResult(message_id=f"m-{nonce}")

    async def channel_lost(self, guild_id: int, channel_id: int, reason: str) -> None:
        raise AssertionError(reason)

    async def send_digest(self, guild_id: int, channel_id: int, views: list[Any], nonce: str) -> Any:
        raise AssertionError("no digests here")


async def test_an_alert_never_carries_another_servers_feed_in_its_ladder_or_counts(
    app: App, feed_server: FeedServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    from bot.alerts.deliver import Dispatcher
    from bot.alerts.render import alert_embed
    from tests.fakes.hostile_feed_server import FakeDNS, pretend_loopback_is_public

    pretend_loopback_is_public(monkeypatch, FakeDNS({}))
    private = feed_server.set_feed("/a-private.xml", "A Private Wire", [])
    await service.add_server_feed(app.db, private, None, guild_id=A)
    await poll_all(app)
    await service.follow(app.db, A, A_CHAN, "Ibrahima Konaté")
    await service.follow(app.db, B, B_CHAN, "Ibrahima Konaté")
    feed_server.set_feed("/a-private.xml", "A Private Wire", [FeedItemSpec(
        "p-1", "Bayern Munich keen on Liverpool defender Ibrahima Konaté", "Scouts have watched him.",
        at("2025-11-14T10:00:00"))])
    await poll_all(app)  # the story starts from A's feed: A is alerted, B is not
    feed_server.set_feed(CONFIG_URL_PATH, "Operator Wire", [TALKS, FeedItemSpec(
        "o-2", "Bayern Munich open talks with Liverpool defender Ibrahima Konaté", "Contact made.",
        at("2025-11-15T10:00:00"))])
    await poll_all(app)  # the operator's feed moves it up: both are alerted
    recorder = _Recorder()
    await Dispatcher(app.db, recorder).run_once()
    [b_alert] = recorder.sent[B_CHAN]
    assert b_alert.story.kinds_seen == ("talks",)  # not "Interest → Talks": the interest came from A's feed
    fields = {field["name"]: field["value"] for field in alert_embed(b_alert)["fields"]}
    assert fields["Development"] == "Talks" and fields["Corroboration"].startswith("reported by 1 outlet")
    assert [view.kind for view in recorder.sent[A_CHAN]] == ["interest", "talks"]  # A had both alerts


def test_the_operator_adopting_a_servers_url_keeps_the_feed_when_that_server_removes_it(
        config: Path, capsys: pytest.CaptureFixture[str]) -> None:
    url = "https://feeds.example.org/wire.xml"
    assert run_cli(config, capsys, "feeds", "add", url, "--guild", str(A))[1].startswith("Added feed #1.")
    code, out, _ = run_cli(config, capsys, "feeds", "add", url, "--name", "Operator Wire")
    assert (code, out) == (0, f"Already have feed #1 Operator Wire: <{url}>\n")  # the operator's name stands
    code, out, _ = run_cli(config, capsys, "feeds", "remove", url, "--guild", str(A))
    assert (code, out) == (0, f"Removed #1 <{url}> from this server's feeds; what it reported no longer shows here.\n")
    code, out, _ = run_cli(config, capsys, "feeds", "list")
    assert code == 0 and out.startswith("#1 Operator Wire [not fetched yet]")  # still there, same id
    code, out, _ = run_cli(config, capsys, "feeds", "list", "--guild", str(B))
    assert out == "#1 Operator Wire [not fetched yet] · the operator's feed, read for every server\n"
    code, out, _ = run_cli(config, capsys, "feeds", "remove", url)
    assert (code, out) == (0, "Removed #1 Operator Wire. Stories already read from it are kept.\n")


async def test_a_config_feed_adopts_a_url_a_server_added_first(tmp_path: Path, database_target: str,
                                                              feed_server: FeedServer) -> None:
    url = feed_server.set_feed("/wire.xml", "Wire", [TALKS])
    first = await open_app(make_settings(tmp_path, [], database=database_target))
    try:
        added = await service.add_server_feed(first.db, url, "A's name for it", guild_id=A)
    finally:
        await first.close()
    app = await open_app(make_settings(tmp_path, [{"url": url, "name": "Config Wire"}], database=database_target))
    try:
        [row] = await feed_store.list_active(app.db)
        assert (row.id, row.origin, row.name) == (added.feed_id, "config", "Config Wire")
        assert [r["name"] for r in await service.feed_health(app.db, A)] == ["A's name for it"]
        await service.remove_feed(app.db, url, guild_id=A)
        assert [line.split(" [")[0] for line in await service.feed_list(app.db)] == [f"#{added.feed_id} Config Wire"]
        await poll_all(app)
        [claim] = await app.db.fetchall("SELECT outlet FROM claims")
        assert claim["outlet"] == "Config Wire"  # credited to the operator's name, not the site
    finally:
        await app.close()
