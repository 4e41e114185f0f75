"""`python -m bot run` with no token: console mode on the bundled samples, as a new user sees it."""

from __future__ import annotations

import json
import shutil
import sys
from pathlib import Path

from tests.helpers import ROOT
from tests.helpers import run_bot as _run


def test_console_mode_prints_alerts_timelines_and_exits_zero(tmp_path: Path) -> None:
    shutil.copy(ROOT / "config.example.toml", tmp_path / "config.toml")
    first = _run(["run"], tmp_path)
    assert first.returncode == 0, first.stderr
    out = first.stdout
    assert "🔔 New story: Ibrahima Konaté" in out
    assert "🔔 New story: Xabi Alonso" in out
    assert "Alexis Mac Allister" in out
    assert "Timeline: Ibrahima Konaté" in out and "Timeline: Xabi Alonso" in out
    assert "Real Madrid" in out
    assert "To connect to Discord" in out
    assert "Traceback" not in first.stderr
    assert (tmp_path / "data" / "claimwatch.db").exists()

    # A second run finds nothing new: no alert twice, the timelines still print.
    second = _run(["run"], tmp_path)
    assert second.returncode == 0, second.stderr
    assert "🔔" not in second.stdout
    assert "No new developments" in second.stdout and "Timeline: Xabi Alonso" in second.stdout


def test_cli_twins_follow_timeline_and_feeds(tmp_path: Path) -> None:
    shutil.copy(ROOT / "config.example.toml", tmp_path / "config.toml")
    # The Makefile's form: the option after the command.
    assert _run(["run", "--once", "--config", str(tmp_path / "config.toml")], tmp_path).returncode == 0
    followed = _run(["follow", "konate", "--channel", "42"], tmp_path)
    assert followed.returncode == 0 and "Following Ibrahima Konaté" in followed.stdout
    listed = _run(["following", "--channel", "42"], tmp_path)
    assert "Ibrahima Konaté" in listed.stdout
    timeline = _run(["timeline", "alonso"], tmp_path)
    assert timeline.returncode == 0 and timeline.stdout.startswith("Timeline: Xabi Alonso")
    unknown = _run(["timeline", "nobody-we-know"], tmp_path)
    assert unknown.returncode == 1 and "No stories about" in unknown.stderr
    feeds = _run(["feeds", "list"], tmp_path)
    assert "Transfer Wire" in feeds.stdout and "[ok]" in feeds.stdout
    bad = _run(["feeds", "add", "ftp://example.org/feed"], tmp_path)
    assert bad.returncode == 1 and "must start with http" in bad.stderr
    assert "Stopped following" in _run(["unfollow", "Konate", "--channel", "42"], tmp_path).stdout
    assert _run(["latest"], tmp_path).stdout.startswith("🔔 ")  # the console follows the demo names
    changed = _run(["alerts", "settings", "--min-tier", "tier2", "--kinds", "bid,agreement", "--digest"], tmp_path)
    assert changed.stdout.strip() == ("Alerts: a daily digest; minimum source tier: tier2; kinds: bid, agreement; "
                                      "notices channel: not set.")
    assert "instant alerts" in _run(["alerts", "settings", "--instant"], tmp_path).stdout
    # The CLI names a channel in words, not with Discord's <#77>.
    assert "now go to channel 77." in _run(["alerts", "channel", "--channel", "77"], tmp_path).stdout
    refused = _run(["alerts", "settings", "--kinds", "rumours"], tmp_path)
    assert refused.returncode == 1 and "Unknown kinds: rumours" in refused.stderr


def test_extract_json_is_one_object_per_claim(tmp_path: Path) -> None:
    feed = tmp_path / "feed.xml"
    feed.write_text(
        '<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Our Wire</title>'
        "<item><title>Arsenal table £60m bid for Real Sociedad midfielder Martín Zubimendi</title>"
        "<link>https://example.org/zubimendi</link><guid>z-1</guid>"
        "<pubDate>Tue, 03 Jun 2025 09:00:00 +0000</pubDate>"
        "<description>The offer was submitted on Monday, according to The Athletic.</description></item>"
        "<item><title>Arsenal 3-1 Spurs: five things we learned</title><guid>m-1</guid>"
        "<description>A derby win keeps the Gunners top.</description></item>"
        "</channel></rss>",
        encoding="utf-8",
    )
    done = _run(["extract", str(feed), "--json"], tmp_path)
    assert done.returncode == 0, done.stderr
    lines = [json.loads(line) for line in done.stdout.splitlines()]
    assert len(lines) == 1
    claim = lines[0]
    assert list(claim) == ["item", "subject", "role", "kind", "counterpart", "from_club", "source", "outlet",
                           "published", "evidence"]
    assert claim["item"] == "https://example.org/zubimendi"
    assert claim["subject"] == "Martín Zubimendi" and claim["kind"] == "bid"
    assert claim["counterpart"] == "Arsenal" and claim["source"] == "The Athletic"
    assert claim["outlet"] == "Our Wire" and claim["published"].startswith("2025-06-03")


def test_extract_reads_atom_rdf_and_urls_without_a_database(tmp_path: Path) -> None:
    samples = ROOT / "bot" / "samples"
    for name in ("touchline_daily.atom", "continental_desk.rdf"):
        done = _run(["extract", str(samples / name), "--json"], tmp_path)
        assert done.returncode == 0, done.stderr
        claims = [json.loads(line) for line in done.stdout.splitlines()]
        assert claims and all(c["outlet"] and c["item"].startswith("https://example.org/") for c in claims)
        assert any(c["subject"] == "Xabi Alonso" for c in claims)
    assert not list(tmp_path.glob("**/*.db"))  # extract never touches a database


async def test_extract_reads_a_url(tmp_path: Path, feed_server) -> None:  # type: ignore[no-untyped-def]
    import asyncio

    from tests.fakes.feed_server import FeedItemSpec, at

    url = feed_server.set_feed("/x.xml", "Url Wire", [FeedItemSpec(
        "u-1", "Brighton reject Arsenal bid for Kaoru Mitoma", "The offer fell short.", at("2025-07-01T08:00:00"))])
    process = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "bot", "extract", url, "--json", cwd=tmp_path, env={"PYTHONPATH": str(ROOT)},
        stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE)
    out, err = await process.communicate()
    assert process.returncode == 0, err.decode()
    [claim] = [json.loads(line) for line in out.decode().splitlines()]
    assert (claim["subject"], claim["kind"], claim["counterpart"]) == ("Kaoru Mitoma", "bid_rejected", "Arsenal")


async def test_a_watching_console_stops_cleanly_on_sigterm_and_lets_go_of_its_leases(tmp_path: Path) -> None:
    """A service manager stops `run --watch` with SIGTERM: the run ends as Ctrl+C ends it, with its
    summary and exit status 0, and no feed is left leased to it."""
    import asyncio
    import signal
    import sqlite3

    from tests.helpers import bare_env

    shutil.copy(ROOT / "config.example.toml", tmp_path / "config.toml")
    process = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "bot", "--config", str(tmp_path / "config.toml"), "run", "--watch", cwd=tmp_path,
        env=bare_env(tmp_path), stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE)
    assert process.stdout is not None
    seen = b""
    while b"Ctrl+C to stop" not in seen:  # a deadline for a stuck process, not a measure
        seen += await asyncio.wait_for(process.stdout.readline(), timeout=120)
    process.send_signal(signal.SIGTERM)
    out, err = await asyncio.wait_for(process.communicate(), timeout=120)
    assert process.returncode == 0, err.decode()
    assert b"Timeline: Xabi Alonso" in seen + out and b"Traceback" not in err
    with sqlite3.connect(tmp_path / "data" / "claimwatch.db") as conn:
        assert conn.execute("SELECT count(*) FROM feeds WHERE lease_owner IS NOT NULL").fetchone()[0] == 0
