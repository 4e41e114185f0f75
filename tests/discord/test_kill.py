"""SIGKILL the real bot at random points of a busy cycle, restart it, and check nothing is lost or doubled.

The bot runs as a subprocess in Discord mode against the loopback Discord and a local feed
server; after every kill it restarts from what SQLite committed. Finally: every item stored
once, every claim once, every alert posted exactly once, and the database intact.
"""

from __future__ import annotations

import asyncio
import os
import random
import signal
import sqlite3
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

from bot.claims.extract import extract_claims
from bot.feeds.fetch import body_hash
from tests.fakes import FakeDiscord
from tests.fakes.feed_server import FeedItemSpec, FeedServer

ROOT = Path(__file__).resolve().parents[2]
GUILD, CHANNEL = 600_001, 600_010
PEOPLE = ["Tomas Varga", "Ilias Brenner", "Mateo Quiroga", "Jonas Ekdahl", "Rafael Toledo", "Kenji Morita"]
CLUBS = ["Real Madrid", "Arsenal", "Bayern Munich", "Juventus", "Newcastle United", "Benfica", "Ajax", "Celtic"]
STEPS = [
    "{club} keen on midfielder {name}",
    "{club} open talks over {name}",
    "{club} submit opening bid for {name}",
    "{club} agree fee for {name}",
    "{name} to undergo {club} medical",
    "{name} completes move to {club}",
]


def _batch(feed: int, batch: int, start: datetime) -> list[FeedItemSpec]:
    """Twelve items for one feed, in our own words: eight claims climbing a ladder, four match reports."""
    items = []
    for n in range(12):
        when = start + timedelta(days=batch * 3, hours=feed * 10 + n)
        guid = f"f{feed}-b{batch}-{n}"
        if n % 3 == 2:
            items.append(FeedItemSpec(guid, f"{CLUBS[(feed + n) % len(CLUBS)]} win 2-1 in a tight derby",
                                      "Two late goals settled it.", when))
            continue
        name = PEOPLE[(feed + n + batch) % len(PEOPLE)]
        club = CLUBS[(feed * 3 + n + batch) % len(CLUBS)]
        title = STEPS[(n + batch) % len(STEPS)].format(club=club, name=name)
        items.append(FeedItemSpec(guid, title, f"Our reporter hears {name} is wanted.", when))
    return items


def _config(path: Path, fake: FakeDiscord, urls: list[str]) -> Path:
    feeds = "\n".join(f'[[feeds]]\nurl = "{url}"\nname = "Kill Wire {i}"\n' for i, url in enumerate(urls))
    config = path / "config.toml"
    config.write_text(
        f'[discord]\ntoken = "{fake.token}"\napi_base_url = "{fake.api_base_url}"\ngateway_url = "{fake.gateway_url}"\n'
        f'[storage]\npath = "{path / "kill.db"}"\nretention_days = 10000\n'
        # The shortest lease: a killed run's feeds and alerts wait for it to run out (nothing is
        # taken back by name), and the restarted bot then finishes the cycle.
        "[polling]\ninterval_seconds = 30\njitter_seconds = 0\nallow_private_addresses = true\nlease_seconds = 15\n"
        "alert_on_first_poll = true\n" + feeds,
        encoding="utf-8",
    )
    return config


async def _cli(config: Path, *args: str) -> None:
    process = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "bot", "--config", str(config), *args, cwd=ROOT,
        stdout=asyncio.subprocess.DEVNULL, stderr=asyncio.subprocess.PIPE)
    _, err = await process.communicate()
    assert process.returncode == 0, err.decode()


def _pending(db: Path, bodies: dict[str, str]) -> int:
    """Work the bot has not finished: feeds whose served body is not stored yet, alerts not sent."""
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5) as conn:
            stored = dict(conn.execute("SELECT url, body_hash FROM feeds").fetchall())
            unsent = conn.execute("SELECT count(*) FROM outbox WHERE state != 'sent'").fetchone()[0]
    except sqlite3.OperationalError:
        return 1
    return sum(stored.get(url) != digest for url, digest in bodies.items()) + unsent


async def test_killed_at_random_points_each_alert_posted_exactly_once(tmp_path: Path, feed_server: FeedServer) -> None:
    start = datetime(2025, 7, 1, tzinfo=UTC)
    feeds = range(6)
    served: dict[int, list[FeedItemSpec]] = {f: _batch(f, 0, start) for f in feeds}
    urls = [feed_server.set_feed(f"/kill{f}.xml", f"Kill Wire {f}", items) for f, items in served.items()]
    # Discord forgets a nonce after a few minutes, and a restart may come hours later: here it never
    # honours one, so only finding the post already in the channel keeps an alert from doubling.
    fake = FakeDiscord(heartbeat_interval=0.5, nonce_window=-1.0)
    fake.add_guild(GUILD, "Kill Test", channels=[{"id": CHANNEL, "name": "alerts"}])
    await fake.start()
    try:
        config = _config(tmp_path, fake, urls)
        for name in PEOPLE:
            await _cli(config, "follow", name, "--guild", str(GUILD), "--channel", str(CHANNEL))
        rng = random.Random(20251121)
        env = {**os.environ, "PYTHONPATH": str(ROOT)}
        db = tmp_path / "kill.db"
        for trial in range(8):
            if trial:  # every restart finds new work: a fresh batch in every feed
                for f in feeds:
                    served[f] = _batch(f, trial, start) + served[f]
                    feed_server.set_feed(f"/kill{f}.xml", f"Kill Wire {f}", served[f])
            process = await asyncio.create_subprocess_exec(
                sys.executable, "-m", "bot", "--config", str(config), "run", cwd=ROOT, env=env,
                stdout=asyncio.subprocess.DEVNULL, stderr=asyncio.subprocess.DEVNULL)
            # Kill somewhere between connecting and finishing the cycle: the gateway IDENTIFY marks the start.
            identified = len(fake.requests_matching("GET", r"/users/@me"))
            await fake.wait_for(lambda n=identified: len(fake.requests_matching("GET", r"/users/@me")) > n or None,
                                timeout=30, what=f"trial {trial} login")
            await asyncio.sleep(rng.uniform(0.0, 1.5))
            process.send_signal(signal.SIGKILL)
            await process.wait()

        final = await asyncio.create_subprocess_exec(
            sys.executable, "-m", "bot", "--config", str(config), "run", cwd=ROOT, env=env,
            stdout=asyncio.subprocess.DEVNULL, stderr=asyncio.subprocess.PIPE)
        bodies = {feed_server.url(f"/kill{f}.xml"): body_hash(feed_server.routes[f"/kill{f}.xml"].body) for f in feeds}
        for _ in range(1200):  # a deadline for a slow machine, not a measure: leases run out after 15 s
            if _pending(db, bodies) == 0:
                break
            await asyncio.sleep(0.1)
        final.send_signal(signal.SIGTERM)
        try:
            await asyncio.wait_for(final.wait(), timeout=10)
        except TimeoutError:
            final.kill()
        assert _pending(db, bodies) == 0, "the restarted bot did not finish the cycle"
        # `python -m bot run` with a token logged in and registered its slash commands.
        assert {c["name"] for c in fake.registered_commands()} == {
            "follow", "unfollow", "following", "timeline", "latest", "feeds", "alerts", "why"}

        with sqlite3.connect(db) as conn:
            assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
            items = conn.execute("SELECT count(*), count(DISTINCT feed_id || key) FROM items").fetchone()
            total = sum(len(items) for items in served.values())
            assert items == (total, total)
            expected_claims = sum(len(extract_claims(i.title, i.summary)) for f in served.values() for i in f)
            assert conn.execute("SELECT count(*) FROM claims").fetchone()[0] == expected_claims
            rows = conn.execute("SELECT nonce, message_id FROM outbox WHERE channel_id = ?", (CHANNEL,)).fetchall()
        assert rows, "the busy cycle produced no alerts"
        posted = fake.messages(CHANNEL)
        nonces = [m.nonce for m in posted]
        assert len(posted) == len(rows), "an alert was posted twice or not at all"
        assert sorted(nonces) == sorted(nonce for nonce, _ in rows)
        assert {str(m.id) for m in posted} == {message_id for _, message_id in rows}
    finally:
        await fake.close()
