"""`/why url` and `why URL`: why an item was posted in a server's channels, or why not, in the
words a user reads; every reason the issue names, and tenancy (a server sees only its own)."""

from __future__ import annotations

import io
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from bot import service
from bot.alerts.deliver import ConsoleSink, Dispatcher
from bot.app import App, open_app, poll_all
from storage import follows
from tests.conftest import make_settings
from tests.fakes.feed_server import FeedItemSpec, FeedServer, at
from tests.helpers import A_CHAN, A, B, Two

PATH = "/operator/wire.xml"
BACKLOG = FeedItemSpec("b-1", "Bayern Munich submit bid for Liverpool defender Ibrahima Konaté",
                       "An offer has been made.", at("2025-11-01T10:00:00"))
TALKS = FeedItemSpec("t-1", "Real Madrid open talks with Liverpool defender Ibrahima Konaté", "Contact made.",
                     at("2025-11-12T10:00:00"))
AGAIN = FeedItemSpec("t-2", "Liverpool defender Ibrahima Konaté in talks with Real Madrid", "Talks go on.",
                     at("2025-11-13T10:00:00"))
MATCH = FeedItemSpec("m-1", "Liverpool beat Brentford 3-0 at Anfield", "A routine home win.",
                     at("2025-11-14T18:00:00"))
# One server per setting, each with one channel following Konaté.
PLAIN, STRICT, BIDS, DIGEST, PAUSED, LATE, NOBODY = (100 + n for n in range(7))


def chan(guild: int) -> int:
    return guild * 10


@pytest.fixture
async def app(tmp_path: Path, database_target: str, feed_server: FeedServer) -> AsyncIterator[App]:
    url = feed_server.set_feed(PATH, "Operator Wire", [BACKLOG])
    opened = await open_app(make_settings(tmp_path, [{"url": url, "name": "Operator Wire"}], database=database_target))
    await poll_all(opened)  # the first fetch: its backlog is recorded without alerts
    for guild in (PLAIN, STRICT, BIDS, DIGEST, PAUSED):
        await service.follow(opened.db, guild, chan(guild), "Ibrahima Konaté")
    await service.update_alert_settings(opened.db, STRICT, min_tier="tier1")
    await service.update_alert_settings(opened.db, BIDS, kinds="bid, agreement")
    await service.update_alert_settings(opened.db, DIGEST, digest=True)
    await follows.pause_channel(opened.db, chan(PAUSED), "the bot lost permission to post in this channel")
    feed_server.set_feed(PATH, "Operator Wire", [BACKLOG, TALKS, AGAIN, MATCH])
    await poll_all(opened)
    await Dispatcher(opened.db, ConsoleSink(io.StringIO())).run_once()
    await service.follow(opened.db, LATE, chan(LATE), "Ibrahima Konaté")
    yield opened
    await opened.close()


async def why(app: App, spec: FeedItemSpec, guild: int) -> list[str]:
    return (await service.why(app.db, f"https://example.org/{spec.guid}", guild)).lines


async def test_an_alert_that_went_out_and_the_reasons_it_did_not_elsewhere(app: App) -> None:
    lines = await why(app, TALKS, PLAIN)
    assert lines[0] == "“Real Madrid open talks with Liverpool defender Ibrahima Konaté” <https://example.org/t-1>"
    assert lines[1].startswith("Brought by feed #1 Operator Wire, first seen ")
    assert "(published 12 Nov 2025 10:00 UTC)" in lines[1]
    assert lines[2:4] == ["Claims read from it: 1.", "• Ibrahima Konaté: talks with Real Madrid, per Operator Wire (unrated)."]
    assert lines[4].startswith("  It began the story Ibrahima Konaté · Real Madrid (since 12 Nov 2025, now at talks, "
                               "2 reports): a new story, so an alert.")
    assert lines[5].startswith(f"  channel {chan(PLAIN)}: posted as an alert on ")

    def verdict(guild: int) -> str:
        return next(line for line in reasons[guild] if line.startswith(f"  channel {chan(guild)}: ")).split(": ", 1)[1]

    reasons = {guild: await why(app, TALKS, guild) for guild in (STRICT, BIDS, DIGEST, PAUSED, LATE, NOBODY)}
    assert verdict(STRICT) == ("not alerted: below this server's minimum tier; its source is unrated, and the server "
                               "asks for tier1 or better.")
    assert verdict(BIDS) == "not alerted: kind filtered; this server alerts only on bid, agreement."
    assert verdict(DIGEST) == ("held for this server's daily digest (digest mode is on); it goes out with the next "
                               "digest.")
    assert verdict(PAUSED) == "not alerted: the follow here is paused (the bot lost permission to post in this channel)."
    assert verdict(LATE).startswith("not alerted: this channel began following Ibrahima Konaté on ")
    assert verdict(LATE).endswith(", after this report came in.")
    assert reasons[NOBODY][-1] == "  No channel in this server follows Ibrahima Konaté, so no alert went out here."


async def test_a_duplicate_report_a_claimless_item_and_a_first_fetch(app: App) -> None:
    again = await why(app, AGAIN, PLAIN)
    assert again[3] == "• Ibrahima Konaté: talks with Real Madrid, per Operator Wire (unrated)."
    assert again[4] == ("  It joined the story Ibrahima Konaté · Real Madrid (since 12 Nov 2025, now at talks, 2 reports): "
                        "a duplicate report of an existing story: it adds to its reports, but no new development, "
                        "so no alert.")

    match = await service.why(app.db, "https://example.org/m-1", PLAIN)
    assert match.lines[2] == ("No claim was read from it (no transfer or managerial development about a named person), "
                              "so it alerts no one.")
    assert match.explain == ["dropped: the title marks a match report or a clip"]

    backlog = await why(app, BACKLOG, PLAIN)
    assert backlog[3] == "• Ibrahima Konaté: a bid from Bayern Munich, per Operator Wire (unrated)."
    assert backlog[-1] == (f"  channel {chan(PLAIN)}: not alerted: it came in the first fetch of a new feed, which "
                           "records what the feed already carries without alerting.")


async def test_links_match_with_or_without_a_trailing_slash_or_https(app: App) -> None:
    for link in ("http://example.org/t-1", "https://example.org/t-1/", "  https://example.org/t-1 "):
        lines = (await service.why(app.db, link, PLAIN)).lines
        assert lines[0].endswith("<https://example.org/t-1>")


async def test_an_item_never_seen_and_a_feed_not_yet_polled(app: App) -> None:
    never = await service.why(app.db, "https://example.org/never", PLAIN)
    assert never.lines == [
        "I have not seen <https://example.org/never> in any feed this server reads, so it was never posted here.",
        "Every feed this server reads has been polled. Add the outlet's feed if it is missing; an item older than "
        "the feeds' current window is not fetched."]
    await service.add_server_feed(app.db, "https://feeds.example.org/club.xml", "Club **news**", guild_id=PLAIN)
    waiting = await service.why(app.db, "https://example.org/never", PLAIN)
    assert waiting.lines[1] == ("Not yet polled: #2 Club **news**. If the item is in one of them, ask again "
                                "after its first fetch.")
    in_discord = await service.why(app.db, "https://example.org/never", PLAIN, for_discord=True)
    assert in_discord.lines[1].startswith("Not yet polled: #2 Club \\*\\*news\\*\\*.")  # markdown defused there
    other = await service.why(app.db, "https://example.org/never", STRICT)  # another server's feed is not its own
    assert other.lines[1].startswith("Every feed this server reads has been polled.")
    with pytest.raises(service.UserError, match="Give the item's link"):
        await service.why(app.db, "not a link", PLAIN)


async def test_a_servers_own_feed_is_explained_only_to_that_server(app: App, feed_server: FeedServer,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    from tests.fakes.hostile_feed_server import FakeDNS, pretend_loopback_is_public

    pretend_loopback_is_public(monkeypatch, FakeDNS({}))
    own = feed_server.set_feed("/plain-only.xml", "Plain's Wire", [FeedItemSpec(
        "p-1", "Chelsea open talks with Liverpool defender Ibrahima Konaté", "Contact.", at("2025-11-15T10:00:00"),
        link="https://example.org/plain-only")])
    await service.add_server_feed(app.db, own, "Plain's own", guild_id=PLAIN)
    await poll_all(app)
    mine = await service.why(app.db, "https://example.org/plain-only", PLAIN)
    assert mine.lines[1].startswith("Brought by feed #2 Plain's own, first seen ")
    theirs = await service.why(app.db, "https://example.org/plain-only", STRICT)
    assert theirs.lines[0].startswith("I have not seen <https://example.org/plain-only>")


def test_cli_why_prints_the_answer_and_the_extractors_reading(tmp_path: Path,
                                                             capsys: pytest.CaptureFixture[str]) -> None:
    from bot.__main__ import main

    config = tmp_path / "config.toml"
    config.write_text(f'[storage]\npath = "{tmp_path / "cli.db"}"\n', encoding="utf-8")
    assert main(["why", "https://example.org/nothing", "--config", str(config)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("I have not seen <https://example.org/nothing> in any feed this server reads")
    assert main(["why", "ftp://example.org/x", "--config", str(config)]) == 1
    assert capsys.readouterr().err.startswith("Give the item's link")


async def test_discord_why_answers_in_the_servers_own_words(two: Two, feed_server: FeedServer) -> None:  # noqa: F811
    await service.follow(two.app.db, A, A_CHAN, "Ibrahima Konaté")
    feed_server.set_feed("/operator-only/wire.xml", "Operator Wire", [MATCH, TALKS])
    await poll_all(two.app)

    talks = await two.slash(A, "why", {"url": "https://example.org/t-1"})
    assert talks["ephemeral"]
    lines = talks["text"].splitlines()
    assert lines[0] == "“Real Madrid open talks with Liverpool defender Ibrahima Konaté” <https://example.org/t-1>"
    assert f"  <#{A_CHAN}>: queued; it has not been posted yet." in lines
    assert "How the extractor reads it now:" in lines and "  people: Ibrahima Konaté (player)" in lines

    match = await two.slash(A, "why", {"url": "https://example.org/m-1"})
    assert "No claim was read from it" in match["text"]
    assert "```\ndropped: the title marks a match report or a clip\n```" in match["text"]

    unseen = await two.slash(B, "why", {"url": "https://example.org/elsewhere"})
    assert unseen["text"].startswith("I have not seen <https://example.org/elsewhere> in any feed this server reads")


def test_console_run_verbose_says_why_for_every_item_it_read(tmp_path: Path) -> None:
    import shutil
    import subprocess
    import sys

    root = Path(__file__).resolve().parents[1]
    shutil.copy(root / "config.example.toml", tmp_path / "config.toml")
    env = {"PATH": "/usr/bin:/bin", "PYTHONPATH": str(root), "HOME": str(tmp_path)}
    run = subprocess.run([sys.executable, "-m", "bot", "run", "-v"], cwd=tmp_path, capture_output=True, text=True,
                         timeout=120, env=env)
    assert run.returncode == 0, run.stderr
    out = run.stdout.split("Why each of the ", 1)[1]
    assert " items read this run was posted or not (`python -m bot why URL` says the same for one" in out
    assert ("“Salah becomes first three-time winner of PFA Players' Player of the Year” "
            "<https://example.org/touchline-daily/salah-pfa-player-of-the-year>") in out
    assert "No claim was read from it (no transfer or managerial development about a named person)" in out
    assert "  the console: posted as an alert on " in out
    assert "a duplicate report of an existing story" in out
    assert "It began the story Xabi Alonso · leaving Bayer Leverkusen (since 09 May 2025, now at departure" in out

    quiet = subprocess.run([sys.executable, "-m", "bot", "run"], cwd=tmp_path, capture_output=True, text=True,
                           timeout=120, env=env)
    assert quiet.returncode == 0 and "Why each" not in quiet.stdout


async def test_a_shared_feed_never_shows_another_servers_name_for_it(app: App, feed_server: FeedServer,
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    from tests.fakes.hostile_feed_server import FakeDNS, pretend_loopback_is_public

    pretend_loopback_is_public(monkeypatch, FakeDNS({}))
    shared = feed_server.set_feed("/shared.xml", "Shared Wire", [FeedItemSpec(
        "s-1", "Chelsea open talks with Liverpool defender Ibrahima Konaté", "Contact.", at("2025-11-15T10:00:00"),
        link="https://example.org/shared")])
    await service.add_server_feed(app.db, shared, "Mods-only leak feed of server A", guild_id=PLAIN)
    await service.add_server_feed(app.db, shared, None, guild_id=STRICT)
    waiting = await service.why(app.db, "https://example.org/never", STRICT)
    assert waiting.lines[1].startswith("Not yet polled: #2 unnamed feed.")
    await poll_all(app)
    theirs = await service.why(app.db, "https://example.org/shared", STRICT)
    assert theirs.lines[1].startswith("Brought by feed #2 127.0.0.1, first seen ")  # its site, not A's name
    assert not any("Mods-only" in line for line in theirs.lines)
    mine = await service.why(app.db, "https://example.org/shared", PLAIN)
    assert mine.lines[1].startswith("Brought by feed #2 Mods-only leak feed of server A, first seen ")
