"""Rough edges a new user met by trying claimwatch (issue 11): each test asserts what they see."""

from __future__ import annotations

import io
import logging
import os
import shutil
import socket
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest

from bot import service
from bot.__main__ import main
from bot.alerts.render import story_lines, timeline_pages
from bot.app import poll_all
from bot.console import run_console
from bot.doctor import doctor
from bot.feed_lists import feed_health_lines
from storage import feeds as feed_store
from storage.backends import open_database
from tests.conftest import MakeApp, make_settings

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.slow
@pytest.mark.parametrize("hook", ["build_editable", "build_wheel"])
def test_building_claimwatch_prints_no_packaging_warnings(tmp_path: Path, hook: str) -> None:
    """`make run`'s first install (pip install -e, build_editable) and the image's (pip install .,
    build_wheel) go through these hooks; pip shows their warnings even with --quiet, and a
    deprecated pyproject.toml once made that about 60 lines before the first alert."""
    project = tmp_path / "project"
    project.mkdir()
    for name in ("pyproject.toml", "README.md"):
        shutil.copy2(ROOT / name, project / name)
    for package in ("bot", "cogs", "storage"):
        (project / package).mkdir()
        (project / package / "__init__.py").write_text("", encoding="utf-8")
    out = tmp_path / "out"
    out.mkdir()
    built = subprocess.run(
        [sys.executable, "-W", "error", "-c",
         f"from setuptools import build_meta; print(build_meta.{hook}({str(out)!r}))"],
        cwd=project, capture_output=True, text=True, timeout=300, check=False)
    assert built.returncode == 0, built.stderr
    assert "Warning" not in built.stderr and "deprecated" not in built.stderr.lower(), built.stderr
    assert list(out.glob("claimwatch-0.1.0*.whl"))


def closed_port() -> int:
    """A local port nothing listens on: connecting to it is refused at once, no network needed."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def test_discord_unreachable_at_start_up_is_one_line_without_voice_warnings(tmp_path: Path) -> None:
    port = closed_port()
    config = tmp_path / "config.toml"
    config.write_text(
        '[discord]\ntoken = "MTIzNDU2Nzg5MDEyMzQ1Njc4.GAbcde.abcdefghijklmnopqrstuvwxyzABCDEFGHIJ"\n'
        f'api_base_url = "http://127.0.0.1:{port}/api/v10"\ngateway_url = "ws://127.0.0.1:{port}/"\n'
        f'[storage]\npath = "{tmp_path / "claimwatch.db"}"\n', encoding="utf-8")
    ran = subprocess.run([sys.executable, "-m", "bot", "run", "--config", str(config)], cwd=ROOT,
                         capture_output=True, text=True, timeout=120, check=False)
    assert ran.returncode == 1
    assert ran.stderr.splitlines() == [
        f"Discord is unreachable (cannot connect to 127.0.0.1:{port}: connection refused): claimwatch did not "
        "start. Check the network, or [discord] api_base_url if it is set, and start it again."]
    assert "voice" not in ran.stderr


def run_cli(config: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "bot", *args, "--config", str(config)], cwd=ROOT,
                          capture_output=True, text=True, timeout=120, check=False)


def test_a_storage_path_under_a_file_is_one_line_not_a_traceback(tmp_path: Path) -> None:
    (tmp_path / "data").write_text("a file where the data directory should be", encoding="utf-8")
    config = tmp_path / "config.toml"
    config.write_text(f'[storage]\npath = "{tmp_path / "data" / "claimwatch.db"}"\n', encoding="utf-8")
    ran = run_cli(config, "run")
    assert ran.returncode == 3
    assert ran.stderr.splitlines() == [
        f"database error: {tmp_path / 'data' / 'claimwatch.db'} cannot be opened: part of its directory path is "
        "a file, not a directory; set [storage] path to a file in a directory claimwatch may write"]


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root writes anywhere")
def test_a_storage_path_in_a_read_only_directory_is_one_line(tmp_path: Path) -> None:
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o555)
    config = tmp_path / "config.toml"
    config.write_text(f'[storage]\npath = "{locked / "claimwatch.db"}"\n', encoding="utf-8")
    try:
        ran = run_cli(config, "run")
    finally:
        locked.chmod(0o755)
    assert ran.returncode == 3
    [line] = ran.stderr.splitlines()
    assert line.startswith(f"database error: {locked / 'claimwatch.db'} cannot be")


# --- what the feed and console answers say ---------------------------------------------------

WIRE = {"url": "bundled:transfer_wire.xml", "name": "Transfer Wire"}
TOUCHLINE = {"url": "bundled:touchline_daily.atom", "name": "Touchline Daily"}


async def test_feeds_resume_on_a_feed_that_is_not_paused_says_so(tmp_path: Path, make_app: MakeApp) -> None:
    app = await make_app(make_settings(tmp_path, [WIRE]))
    assert await service.resume_feed(app.db, "1") == (
        "#1 Transfer Wire is not paused, so there is nothing to resume; it is polled on its schedule.")


async def test_a_feed_never_fetched_is_not_shown_ok(tmp_path: Path, make_app: MakeApp) -> None:
    app = await make_app(make_settings(tmp_path, [WIRE]))
    [line] = await service.feed_list(app.db)
    assert line.startswith("#1 Transfer Wire [not fetched yet] · 0 items · last fetch never\n")
    [operator] = await service.feed_list(app.db, 1)  # as a server sees the operator's feed
    assert operator == "#1 Transfer Wire [not fetched yet] · the operator's feed, read for every server"
    await poll_all(app)
    [line] = await service.feed_list(app.db)
    assert line.startswith("#1 Transfer Wire [ok] · ")
    assert (await service.feed_list(app.db, 1))[0].startswith("#1 Transfer Wire [ok] · ")


def test_feed_health_counts_read_in_the_singular_for_one() -> None:
    row = {"id": 4, "name": "Wire", "url": "https://example.org/feed", "paused": False, "consecutive_failures": 1,
           "item_count": 1, "last_fetch_at": "2025-12-04T10:00:00+00:00", "last_success_at": None,
           "last_error": "HTTP 503", "paused_reason": None}
    [line] = feed_health_lines([row])
    assert "#4 Wire [failing] · 1 item · last fetch 04 Dec 2025 · 1 failure in a row · last error: HTTP 503" in line


async def test_console_header_counts_every_feed_it_polls_and_a_one_shot_run_promises_no_retry(
        tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    # A feed added from the CLI is polled too, so the header counts it.
    await run_console(make_settings(tmp_path, [WIRE]), watch=False, out=io.StringIO())
    db = await open_database(tmp_path / "test.db")
    await feed_store.upsert(db, f"http://127.0.0.1:{closed_port()}/feed.xml", "Gone", None, "cli", "cli", None)
    await db.close()
    out = io.StringIO()
    with caplog.at_level(logging.WARNING):
        assert await run_console(make_settings(tmp_path, [WIRE]), watch=False, out=out) == 0
    text = out.getvalue()
    assert text.startswith("claimwatch console mode: 2 feeds, following nobody\n")
    assert "Read 0 new items, found 0 claims, sent 0 alerts." in text
    [failed] = [record.getMessage() for record in caplog.records if record.name == "bot.pipeline"]
    assert failed.endswith("attempt 1, tried again at the next run") and "next try" not in failed



async def test_one_of_each_reads_in_the_singular(tmp_path: Path, make_app: MakeApp) -> None:
    settings = make_settings(tmp_path, [WIRE], console={"alert_on_first_poll": True})
    out = io.StringIO()
    await run_console(settings, watch=False, out=out)
    assert out.getvalue().startswith("claimwatch console mode: 1 feed, following nobody\n")
    app = await make_app(settings)
    story = (await service.timeline(app.db, "Konaté")).stories[0]
    six = replace(story, reports=[story.reports[0]] * 6)
    assert story_lines(six)[-1] == "    … and 1 more report"


def test_cli_answers_name_channels_and_commands_as_a_terminal_shows_them(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    config = tmp_path / "config.toml"
    config.write_text(f'[storage]\npath = "{tmp_path / "cli.db"}"\n', encoding="utf-8")

    def cli(*argv: str) -> tuple[int, str, str]:
        code = main([*argv, "--config", str(config)])
        out, err = capsys.readouterr()
        return code, out, err

    assert cli("alerts", "channel", "--channel", "77")[1].startswith(
        "Server notices (for example, a channel the bot can no longer post in) now go to channel 77. ")
    assert cli("alerts", "settings")[1] == (
        "Alerts: instant alerts; minimum source tier: any; kinds: all; notices channel: channel 77.\n")
    assert cli("follow", "Ibrahima Konaté", "--channel", "0")[0] == 0
    assert cli("following")[1] == "Ibrahima Konaté (not yet seen) in the console\n"
    code, _, err = cli("unfollow", "Salah", "--channel", "0")
    assert code == 1 and err == "This channel does not follow anyone called Salah. See `following --channel ID`.\n"


# --- console mode under the server's alert settings --------------------------------------------

DEMO_FEEDS = [WIRE, TOUCHLINE, {"url": "bundled:continental_desk.rdf", "name": "Continental Desk"}]
DEMO_CONSOLE = {"alert_on_first_poll": True, "follow": ["Ibrahima Konaté", "Xabi Alonso", "Alexis Mac Allister"]}


async def console_run_with(tmp_path: Path, **alert_settings: object) -> str:
    settings = make_settings(tmp_path, DEMO_FEEDS, console=DEMO_CONSOLE)
    db = await open_database(settings.database_path)
    try:
        await service.update_alert_settings(db, 0, **alert_settings)  # type: ignore[arg-type]
    finally:
        await db.close()
    out = io.StringIO()
    assert await run_console(settings, watch=False, out=out) == 0
    return out.getvalue()


async def test_console_says_what_a_minimum_tier_held_back_instead_of_no_new_developments(tmp_path: Path) -> None:
    text = await console_run_with(tmp_path, min_tier="tier1", kinds="talks,agreement,completed")
    assert "No new developments" not in text
    [held] = [line for line in text.splitlines() if line.startswith("Held back")]
    assert held.startswith("Held back by the alert settings: ")
    assert "below the minimum source tier (tier1 or better wanted)" in held
    assert "of a kind not chosen (alerts only on talks, agreement, completed)" in held
    assert held.endswith("See or change them with `alerts settings --guild 0`.")


async def test_console_prints_the_digest_a_digest_server_would_get(tmp_path: Path) -> None:
    text = await console_run_with(tmp_path, digest=True)
    assert "No new developments" not in text
    assert ("held for the daily digest (posted at 08:00 UTC; a run without --watch prints it at its end)"
            in text)
    [digest] = [line for line in text.splitlines() if line.startswith("📰 Daily digest: ")]
    assert digest.endswith(" developments") and text.count("🔔 ") >= 2
    assert "Read 51 new items" in text and "sent 0 alerts" in text
    # Shown once: the next run has nothing new, held or sent.
    again = io.StringIO()
    await run_console(make_settings(tmp_path, DEMO_FEEDS, console=DEMO_CONSOLE), watch=False, out=again)
    assert "📰" not in again.getvalue() and "No new developments" in again.getvalue()


# --- alerts and timelines tell the story as it stood ---------------------------------------------

def alert_blocks(text: str) -> dict[str, list[str]]:
    """Console alerts by headline: the lines under each 🔔."""
    blocks: dict[str, list[str]] = {}
    for block in text.split("\n\n"):
        lines = block.strip().splitlines()
        if lines and lines[0].startswith("🔔 "):
            blocks[lines[0][2:]] = lines[1:]
    return blocks


async def test_an_alert_counts_the_story_as_it_stood_at_that_alert_and_denials_read_apart(tmp_path: Path) -> None:
    out = io.StringIO()
    await run_console(make_settings(tmp_path, DEMO_FEEDS, console=DEMO_CONSOLE), watch=False, out=out)
    text = out.getvalue()
    blocks = alert_blocks(text)
    # The demo's one cycle stores all of Konaté's Real Madrid story; each alert counts only what
    # had come in by its report, while the timeline counts everything.
    assert blocks["New story: Ibrahima Konaté — Interest · Real Madrid"][-2].endswith(
        "· reported by 1 outlet, citing 1 source")
    assert blocks["Denied: Ibrahima Konaté — Interest denied · Real Madrid"][-2].endswith(
        "· reported by 3 outlets, citing 3 sources")
    assert "Interest → Denial → Talks with Real Madrid  (reported by 3 outlets, citing 4 sources)" in text
    # A story that opens with a denial is not told as the denial of a rung it never had.
    assert "New story, opening with a denial: Alexis Mac Allister · Real Madrid" in blocks
    assert not [headline for headline in blocks if headline.endswith("— Denial · Real Madrid")]


def test_cli_timeline_shows_every_report_with_all_and_never_hides_the_kind_asked_for(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    config = tmp_path / "config.toml"
    feeds = "".join(f'[[feeds]]\nurl = "{feed["url"]}"\nname = "{feed["name"]}"\n' for feed in DEMO_FEEDS)
    config.write_text(f'[storage]\npath = "{tmp_path / "cli.db"}"\n[console]\nalert_on_first_poll = true\n{feeds}',
                      encoding="utf-8")
    assert main(["run", "--config", str(config)]) == 0
    capsys.readouterr()
    talks = "      15 Dec 2025 · Talks · sources close to the negotiations (unrated) via Continental Desk"

    assert main(["timeline", "Konaté", "--config", str(config)]) == 0
    five = capsys.readouterr().out
    assert talks not in five and "      … and 1 more report\n" in five

    assert main(["timeline", "Konaté", "--all", "--config", str(config)]) == 0
    every = capsys.readouterr().out
    assert talks in every and "more report" not in every

    assert main(["timeline", "Konaté", "--kind", "talks", "--config", str(config)]) == 0
    asked = capsys.readouterr().out
    assert talks in asked and "more report" not in asked


# --- config feeds: the config decides, and old news stays old ------------------------------------

async def test_a_feed_taken_out_of_the_config_stops_being_read_and_never_re_alerts(
        tmp_path: Path, database_target: str, caplog: pytest.LogCaptureFixture) -> None:
    both = make_settings(tmp_path, [WIRE, TOUCHLINE], database=database_target, console=DEMO_CONSOLE)
    first = io.StringIO()
    await run_console(both, watch=False, out=first)
    assert "🔔 " in first.getvalue()

    # Taken out of the config: paused, not deleted, and the operator is told.
    with caplog.at_level(logging.WARNING):
        out = io.StringIO()
        await run_console(make_settings(tmp_path, [TOUCHLINE], database=database_target, console=DEMO_CONSOLE),
                          watch=False, out=out)
    assert out.getvalue().startswith("claimwatch console mode: 1 feed, following ")
    assert ("feed #1 Transfer Wire is no longer in the config: it is not read any more; what it carried stays "
            "known, so listing it again never alerts it twice") in caplog.messages
    db = await open_database(both.database)
    try:
        lines = await service.feed_list(db)
        assert lines[0].startswith("#1 Transfer Wire [paused] · 18 items · ")
        assert "paused: no longer in the config file; list it there again to read it again\n" in lines[0]
        assert "feeds resume" not in lines[0]  # the config decides; a resume would last until the next start
        with pytest.raises(service.UserError) as resumed:
            await service.resume_feed(db, "1")
        assert str(resumed.value) == ("#1 Transfer Wire is no longer in the config file; list it there again "
                                      "to read it again.")
        assert await service.remove_feed(db, "1") == (
            "#1 Transfer Wire is no longer in the config file, so it is not read. It stays known: listed there "
            "again, it never alerts what it already carried.")
        with pytest.raises(service.UserError) as removed:  # still listed: the config decides
            await service.remove_feed(db, "2")
        assert str(removed.value) == (
            "#2 Touchline Daily is listed in the config file: remove it there. From the next start it is not "
            "read, and it stays known, so listing it again never alerts its old items.")
    finally:
        await db.close()

    # Listed again: the same feed (#1), its old items known, so nothing it carried alerts again.
    again = io.StringIO()
    await run_console(both, watch=False, out=again)
    assert again.getvalue().startswith("claimwatch console mode: 2 feeds, ")
    assert "🔔" not in again.getvalue() and "Read 0 new items" in again.getvalue()
    db = await open_database(both.database)
    try:
        assert [line.split(" [")[0] for line in await service.feed_list(db)] == ["#1 Transfer Wire",
                                                                                "#2 Touchline Daily"]
    finally:
        await db.close()


async def test_a_config_feed_paused_for_failures_and_then_taken_out_of_the_config_is_out_of_it(
        tmp_path: Path, database_target: str, make_app: MakeApp) -> None:
    app = await make_app(make_settings(tmp_path, [WIRE, TOUCHLINE], database=database_target))
    [wire, _] = await feed_store.list_active(app.db)
    _, paused = await feed_store.record_failure(app.db, wire.id, "HTTP 500", backoff_seconds=60, pause_after=1)
    assert paused
    await app.close()

    app = await make_app(make_settings(tmp_path, [TOUCHLINE], database=database_target))
    lines = await service.feed_list(app.db)
    assert "paused: no longer in the config file; list it there again to read it again\n" in lines[0]
    assert await service.remove_feed(app.db, "1") == (
        "#1 Transfer Wire is no longer in the config file, so it is not read. It stays known: listed there "
        "again, it never alerts what it already carried.")
    with pytest.raises(service.UserError) as resumed:
        await service.resume_feed(app.db, "1")
    assert str(resumed.value) == "#1 Transfer Wire is no longer in the config file; list it there again to read it again."
    await app.close()

    app = await make_app(make_settings(tmp_path, [WIRE, TOUCHLINE], database=database_target))  # listed again: read again, same id
    assert [feed.id for feed in await feed_store.list_active(app.db)] == [1, 2]


def test_doctor_says_a_feed_taken_out_of_the_config_is_paused_at_the_next_start(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    config = tmp_path / "config.toml"

    def write(feeds: list[dict[str, str]]) -> None:
        listed = "".join(f'[[feeds]]\nurl = "{feed["url"]}"\nname = "{feed["name"]}"\n' for feed in feeds)
        config.write_text(f'[storage]\npath = "{tmp_path / "cli.db"}"\n{listed}', encoding="utf-8")

    write([WIRE, TOUCHLINE])
    assert main(["run", "--config", str(config)]) == 0
    write([TOUCHLINE])
    report = io.StringIO()
    doctor(config, out=report, env={})
    out = report.getvalue()
    assert ("    paused at the next start: Transfer Wire <bundled:transfer_wire.xml> (from an earlier config): "
            "no longer in the config file; list it there again to read it again\n") in out
    assert "would poll 1 feed, without fetching any now (1 paused, 0 failing)" in out


async def test_discord_timeline_pages_never_hide_the_kind_asked_for(tmp_path: Path) -> None:
    await run_console(make_settings(tmp_path, DEMO_FEEDS, console=DEMO_CONSOLE), watch=False, out=io.StringIO())
    db = await open_database(tmp_path / "test.db")
    try:
        stories = (await service.timeline(db, "Konaté", kind="talks")).stories
    finally:
        await db.close()
    [plain] = [field["value"] for field in timeline_pages("Ibrahima Konaté", "", stories)[0]["fields"]]
    [asked] = [field["value"] for field in timeline_pages("Ibrahima Konaté", "", stories, kind="talks")[0]["fields"]]
    assert "· Talks ·" not in plain and "\n… 2 more\n" in plain
    assert "15 Dec 2025 · Talks · sources close to the negotiations" in asked and "\n… 1 more\n" in asked
