"""A changed feed's entries the database already holds are not parsed again (Pipeline.delta), and
that changes nothing anyone sees: the same item rows, claims, stories, alert events, outbox rows and
alerts as parsing every entry, poll after poll; and a store that fails leaves nothing skipped.

Each test runs the same feed history through two bots, one with the delta parse and one without
(Pipeline.delta = False parses every entry, as before), and compares what they stored and sent.
"""

from __future__ import annotations

import io
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from bot import service
from bot.alerts.deliver import ConsoleSink, Dispatcher
from bot.alerts.render import alert_text
from bot.app import App, poll_all
from bot.pipeline import PollOutcome
from tests.fakes.feed_server import FeedItemSpec, FeedServer, at
from tests.helpers import MakeApp, make_settings

INTEREST = FeedItemSpec("w-0", "Real Madrid keen on Liverpool defender Ibrahima Konaté",
                        "The Spanish club are monitoring the centre-back.", at("2025-11-01T10:00:00"))
MATCH = FeedItemSpec("w-2", "Liverpool beat Aston Villa 2-0 at Anfield",
                     "Goals in each half settled a tidy home win.", at("2025-11-02T18:00:00"))
TALKS = FeedItemSpec("w-1", "Real Madrid open talks with Liverpool defender Ibrahima Konaté",
                     "Madrid have made first contact with the player's representatives.", at("2025-11-12T10:00:00"))
BID = FeedItemSpec("w-3", "Chelsea submit bid for Brighton midfielder Carlos Baleba",
                   "The offer is worth £100m, according to The Athletic.", at("2025-11-13T09:00:00"))
AGREED = FeedItemSpec("w-4", "Chelsea agree fee with Brighton for Carlos Baleba",
                      "Personal terms are expected to follow, Sky Sports reports.", at("2025-11-14T09:00:00"))
TALKS_EDITED = replace(TALKS, title=TALKS.title + " (updated)", summary=TALKS.summary + " More soon.")


class _Sink(ConsoleSink):
    def __init__(self) -> None:
        super().__init__(io.StringIO())
        self.texts: list[str] = []

    async def send(self, guild_id, channel_id, view, nonce):  # type: ignore[no-untyped-def,override]
        self.texts.append(f"{guild_id}/{channel_id}: {alert_text(view)}")
        return await super().send(guild_id, channel_id, view, nonce)


class _Bot:
    """One bot reading one path of the feed server, with or without the delta parse."""

    def __init__(self, app: App, path: str, sink: _Sink) -> None:
        self.app, self.path, self.sink = app, path, sink
        self.outcomes: list[tuple[str, int, int, int, int]] = []

    @classmethod
    async def open(cls, tmp_path: Path, server: FeedServer, make_app: MakeApp, *, delta: bool) -> _Bot:
        path = f"/{'delta' if delta else 'full'}.xml"
        url = server.set_feed(path, "Wire", [])
        app = await make_app(make_settings(tmp_path / path[1:-4], [{"url": url, "name": "Wire"}]))
        app.pipeline.delta = delta
        for person in ("Ibrahima Konaté", "Carlos Baleba"):
            await service.follow(app.db, 1, 10, person)
        return cls(app, path, _Sink())

    async def poll(self) -> PollOutcome:
        [outcome] = await poll_all(self.app)
        assert outcome.status in ("changed", "not_modified", "unchanged"), outcome.error
        self.outcomes.append((outcome.status, outcome.new_items, outcome.edited_items, outcome.claims,
                              len(outcome.events)))
        await Dispatcher(self.app.db, self.sink).run_once()
        return outcome

    async def stored(self) -> dict[str, list[dict[str, Any]]]:
        """Every row a poll writes, without the moments it was written at."""
        tables = {}
        for table in ("items", "entities", "entity_aliases", "claims", "stories", "story_events", "outbox"):
            rows = [dict(row) for row in await self.app.db.fetchall(f"SELECT * FROM {table}")]  # noqa: S608 - fixed names
            tables[table] = sorted(({k: v for k, v in row.items() if not k.endswith("_at")} for row in rows), key=repr)
        for row in tables["outbox"]:
            row.pop("nonce")  # random per row
            row.pop("message_id")  # the console sink's message id carries the nonce
        return tables


async def _both(tmp_path: Path, server: FeedServer, make_app: MakeApp) -> tuple[_Bot, _Bot]:
    return (await _Bot.open(tmp_path, server, make_app, delta=True),
            await _Bot.open(tmp_path, server, make_app, delta=False))


def _serve(server: FeedServer, bots: tuple[_Bot, _Bot], items: list[FeedItemSpec], *, title: str = "Wire",
           etag: bool = True) -> None:
    for bot in bots:
        server.set_feed(bot.path, title, items, etag=etag)


async def _same(bots: tuple[_Bot, _Bot]) -> None:
    delta, full = bots
    assert delta.outcomes == full.outcomes
    assert delta.sink.texts == full.sink.texts
    assert await delta.stored() == await full.stored()


@pytest.fixture(autouse=True)
def _quiet_logs(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level("ERROR")


async def test_a_feed_history_stores_and_alerts_the_same_with_and_without_the_delta(
        tmp_path: Path, feed_server: FeedServer, make_app: MakeApp) -> None:
    bots = delta, _full = await _both(tmp_path, feed_server, make_app)
    steps: list[tuple[str, list[FeedItemSpec], dict[str, Any], int]] = [
        # (what happens, the feed's items, how it is served, entries the delta left unparsed)
        ("first fetch", [INTEREST, MATCH], {}, 0),
        ("one new item", [TALKS, INTEREST, MATCH], {}, 2),
        ("304", [TALKS, INTEREST, MATCH], {}, 0),
        ("same items, the channel's title changed", [TALKS, INTEREST, MATCH], {"title": "Wire (live)"}, 3),
        ("same body again, no validators", [TALKS, INTEREST, MATCH], {"title": "Wire (live)", "etag": False}, 0),
        ("an item edited", [TALKS_EDITED, INTEREST, MATCH], {}, 2),
        ("two new items and a reorder", [MATCH, BID, TALKS_EDITED, AGREED, INTEREST], {}, 3),
        ("reordered only", [INTEREST, AGREED, TALKS_EDITED, BID, MATCH], {}, 5),
        ("an item leaves the window", [INTEREST, AGREED, TALKS_EDITED, BID], {}, 4),
        ("and comes back edited", [MATCH, INTEREST, AGREED, TALKS_EDITED, replace(BID, summary="Now £110m.")], {}, 3),
    ]
    for what, items, serving, unparsed in steps:
        _serve(feed_server, bots, items, **serving)
        outcomes = [await one.poll() for one in bots]
        assert outcomes[0].unparsed == unparsed, what
        assert outcomes[1].unparsed == 0, what
        await _same(bots)
    assert delta.sink.texts  # the history did alert: interest, talks, the Baleba bid and fee
    assert [status for status, *_ in delta.outcomes].count("changed") == 8


async def test_an_item_the_database_lost_is_stored_again_as_without_the_delta(
        tmp_path: Path, feed_server: FeedServer, make_app: MakeApp) -> None:
    """The fingerprints are a memo: an entry is skipped only while the database holds its key and hash."""
    bots = await _both(tmp_path, feed_server, make_app)
    _serve(feed_server, bots, [TALKS, INTEREST, MATCH])
    for one in bots:
        await one.poll()
        await one.app.db.write("DELETE FROM items WHERE key = 'guid:w-2'")  # as retention would prune it
    _serve(feed_server, bots, [BID, TALKS, INTEREST, MATCH])
    outcomes = [await one.poll() for one in bots]
    assert outcomes[0].new_items == 2 and outcomes[0].unparsed == 2  # BID and the lost MATCH rebuilt
    await _same(bots)


async def test_a_failed_store_leaves_nothing_skipped_on_the_next_poll(
        tmp_path: Path, feed_server: FeedServer, make_app: MakeApp, monkeypatch: pytest.MonkeyPatch) -> None:
    bots = delta, _full = await _both(tmp_path, feed_server, make_app)
    _serve(feed_server, bots, [INTEREST, MATCH])
    for one in bots:
        await one.poll()
    _serve(feed_server, bots, [TALKS, BID, INTEREST, MATCH])

    import bot.pipeline as pipeline

    real = pipeline.ingest_many

    async def disk_full(*args: object, **kwargs: object) -> object:
        raise OSError("database or disk is full")

    monkeypatch.setattr(pipeline, "ingest_many", disk_full)
    [failed] = await poll_all(delta.app)  # parsed (its fingerprints remembered), then not stored
    assert failed.status == "failed"
    monkeypatch.setattr(pipeline, "ingest_many", real)
    retried = await delta.poll()
    assert retried.new_items == 2 and retried.unparsed == 2  # TALKS and BID parsed again and stored
    await _full.poll()
    await _same(bots)
    assert any("Baleba" in text for text in delta.sink.texts)


async def test_an_item_older_than_the_retention_costs_one_item_not_a_second_parse(
        tmp_path: Path, feed_server: FeedServer, make_app: MakeApp, monkeypatch: pytest.MonkeyPatch) -> None:
    """An item the retention never stores is built again each poll (it is never confirmed by the
    database), without the whole changed body being parsed a second time."""
    import bot.pipeline as pipeline

    ancient = FeedItemSpec("w-old", "Liverpool sign a goalkeeper", "From the archive.", at("2018-06-01T10:00:00"))
    delta, _full = await _both(tmp_path, feed_server, make_app)
    parses = []
    real = pipeline.parse_feed_delta_async

    async def counted(*args: Any, **kwargs: Any) -> Any:
        parses.append(1)
        return await real(*args, **kwargs)

    monkeypatch.setattr(pipeline, "parse_feed_delta_async", counted)
    history = [INTEREST, ancient]
    for new in (MATCH, TALKS, BID):
        history = [new, *history]
        _serve(feed_server, [delta], history)
        before = len(parses)
        outcome = await delta.poll()
        assert outcome.status == "changed" and len(parses) - before == 1, new.guid  # one parse a poll
    assert (await delta.app.db.fetchone("SELECT count(*) FROM items WHERE key = 'guid:w-old'"))[0] == 0
