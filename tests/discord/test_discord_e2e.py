"""The real bot, unpatched discord.py, against the loopback Discord: what a server sees."""

from __future__ import annotations

import asyncio
import sqlite3
from collections.abc import AsyncIterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from bot.app import App, poll_all
from bot.discord_client import ClaimwatchBot
from tests.fakes import FakeDiscord
from tests.fakes.feed_server import FeedItemSpec, FeedServer, at
from tests.helpers import discord_settings, is_alert, running_bot

ROOT = Path(__file__).resolve().parents[2]
GUILD, ALERTS, NEWS, ADMIN, FAN = 500_001, 500_010, 500_011, 500_100, 500_101
MANAGE_GUILD = 1 << 5
ADMIN_ROLE = 500_200

MATCH = FeedItemSpec("m-1", "Liverpool beat Brentford 3-0 at Anfield", "A routine home win.", at("2025-11-01T18:00:00"))
INTEREST = FeedItemSpec("k-1", "Real Madrid keen on Liverpool defender Ibrahima Konaté",
                        "The Spanish club are monitoring the centre-back, Marca reports.", at("2025-11-10T09:00:00"))
INTEREST_ELSEWHERE = FeedItemSpec("o-1", "Konaté on Real Madrid's radar as contract runs down",
                                  "Madrid are watching the Liverpool centre-back, according to AS.",
                                  at("2025-11-11T09:00:00"))
TALKS = FeedItemSpec("k-2", "Real Madrid open talks with Liverpool defender Ibrahima Konaté",
                     "First contact has been made with his representatives.", at("2025-11-20T09:00:00"))
ALONSO = [
    FeedItemSpec("a-1", "Xabi Alonso to leave Bayer Leverkusen at the end of the season",
                 "The Leverkusen head coach confirmed his departure on Friday.", at("2025-05-09T12:00:00")),
    FeedItemSpec("a-2", "Real Madrid appoint Xabi Alonso as head coach",
                 "The club confirmed the appointment in a statement.", at("2025-05-25T12:00:00")),
    FeedItemSpec("a-3", "Real Madrid sack head coach Xabi Alonso",
                 "The club announced his departure after the Super Cup defeat.", at("2026-01-12T12:00:00")),
]


@dataclass
class World:
    fake: FakeDiscord
    feeds: FeedServer
    app: App
    bot: ClaimwatchBot

    async def poll_and_deliver(self) -> None:
        await poll_all(self.app)
        await self.bot.dispatcher.run_once()

    def alerts(self, channel: int = ALERTS) -> list:
        """Alert posts only: command replies in the same channel are not alerts."""
        return [m for m in self.fake.messages(channel) if is_alert(m)]


@pytest.fixture
async def world(tmp_path: Path, feed_server: FeedServer) -> AsyncIterator[World]:
    fake = FakeDiscord(heartbeat_interval=0.25)
    fake.add_guild(
        GUILD, "Anfield Chat",
        channels=[{"id": ALERTS, "name": "transfers"}, {"id": NEWS, "name": "news"}],
        members=[{"id": ADMIN, "username": "admin", "roles": [ADMIN_ROLE]}, {"id": FAN, "username": "fan"}],
        roles=[{"id": ADMIN_ROLE, "name": "mods", "permissions": MANAGE_GUILD}],
    )
    await fake.start()
    one = feed_server.set_feed("/one.xml", "Wire One", [MATCH])
    two = feed_server.set_feed("/two.xml", "Wire Two", [])
    settings = discord_settings(tmp_path, fake, [{"url": one, "name": "Wire One"}, {"url": two, "name": "Wire Two"}])
    async with running_bot(fake, settings) as (app, bot):  # the first fetch records the backlog without alerts
        yield World(fake, feed_server, app, bot)
    await fake.close()
    assert fake.unhandled == []


async def _slash(world: World, name: str, options: dict | None = None, *, user: int = FAN,
                 sub: str | None = None, channel: int = ALERTS) -> dict:
    interaction = await world.fake.inject_slash(GUILD, channel, user, name, options or {}, subcommand=sub)
    response = await world.fake.wait_for_response(interaction)
    response["ephemeral"] = interaction.ephemeral
    return response


async def test_follow_alert_once_corroborate_climb_and_timeline(world: World) -> None:
    world.feeds.set_feed("/one.xml", "Wire One", [INTEREST, MATCH])
    await world.poll_and_deliver()  # Konaté becomes known; nobody follows him yet
    assert world.alerts() == []

    choices = await world.fake.inject_autocomplete(GUILD, ALERTS, FAN, "follow", {"name": "kona"})
    assert choices and choices[0]["value"] == "Ibrahima Konaté"
    followed = await _slash(world, "follow", {"name": "konate"})
    assert followed["data"]["content"].startswith("Following Ibrahima Konaté (player, Liverpool)")
    assert followed["data"]["allowed_mentions"] == {"parse": []}

    world.feeds.set_feed("/one.xml", "Wire One", [TALKS, INTEREST, MATCH])
    await world.poll_and_deliver()
    [alert] = world.alerts()
    embed = alert.embeds[0]
    assert "Ibrahima Konaté" in embed["title"] and "Talks" in embed["title"] and "Real Madrid" in embed["title"]
    assert alert.allowed_mentions == {"parse": []}
    custom_ids = [c["custom_id"] for row in alert.components for c in row["components"]]
    assert custom_ids[0].startswith("cw:timeline:") and custom_ids[1].startswith("cw:unfollow:")

    # The same development from another outlet: no second alert, but the timeline lists both.
    world.feeds.set_feed("/two.xml", "Wire Two", [FeedItemSpec(
        "t-2", "Madrid in talks over Konaté, says Marca", "Real Madrid have opened talks with the Liverpool defender.",
        at("2025-11-21T09:00:00"))])
    await world.poll_and_deliver()
    assert len(world.alerts()) == 1

    timeline = await _slash(world, "timeline", {"name": "konate"})
    fields = timeline["data"]["embeds"][0]["fields"]
    assert "Interest → Talks" in fields[0]["name"]
    assert "Wire One" in fields[0]["value"] and "Wire Two" in fields[0]["value"]
    assert "reported by 2 outlets" in fields[0]["value"]

    # The Timeline button on the alert answers privately with the same history.
    click = await world.fake.inject_button(GUILD, ALERTS, FAN, alert.id, custom_ids[0])
    answer = await world.fake.wait_for_response(click)
    assert click.ephemeral and answer["data"]["embeds"][0]["title"] == "Timeline: Ibrahima Konaté"


async def test_rung_climb_alerts_again_and_duplicates_do_not(world: World) -> None:
    await _slash(world, "follow", {"name": "Ibrahima Konaté"})
    world.feeds.set_feed("/one.xml", "Wire One", [INTEREST, MATCH])
    await world.poll_and_deliver()
    world.feeds.set_feed("/two.xml", "Wire Two", [INTEREST_ELSEWHERE])
    await world.poll_and_deliver()
    assert len(world.alerts()) == 1
    world.feeds.set_feed("/one.xml", "Wire One", [TALKS, INTEREST, MATCH])
    await world.poll_and_deliver()
    titles = [m.embeds[0]["title"] for m in world.alerts()]
    assert len(titles) == 2 and titles[0].startswith("New story") and titles[1].startswith("Moved up")


async def test_timeline_alonso_in_date_order(world: World) -> None:
    world.feeds.set_feed("/one.xml", "Wire One", [*reversed(ALONSO), MATCH])
    await world.poll_and_deliver()
    timeline = await _slash(world, "timeline", {"name": "alonso"})
    embed = timeline["data"]["embeds"][0]
    assert embed["title"] == "Timeline: Xabi Alonso"
    names = [field["name"] for field in embed["fields"]]
    assert [n.split(" — ")[0] for n in names] == ["09 May 2025", "25 May 2025", "12 Jan 2026"]
    assert "Departure" in names[0] and "Completed" in names[1] and "Real Madrid" in names[1]


async def test_admin_commands_refuse_non_admins(world: World) -> None:
    refused = await _slash(world, "feeds", sub="list")
    assert refused["ephemeral"] and "Manage Server" in refused["data"]["content"]
    allowed = await _slash(world, "feeds", sub="list", user=ADMIN)
    assert allowed["ephemeral"] and "Wire One" in allowed["data"]["embeds"][0]["description"]
    bad = await _slash(world, "feeds", {"url": "http://127.0.0.1/feed"}, sub="add", user=ADMIN)
    assert bad["ephemeral"] and "Added feed" in bad["data"]["content"]  # accepted; the fetch itself is refused
    settings = await _slash(world, "alerts", {"kinds": "bid, nonsense"}, sub="settings", user=ADMIN)
    assert settings["ephemeral"] and "Unknown kinds: nonsense" in settings["data"]["content"]


async def test_rate_limit_then_success_posts_once(world: World) -> None:
    await _slash(world, "follow", {"name": "Ibrahima Konaté"})
    world.fake.fail_next("POST", rf"/channels/{ALERTS}/messages", 429, retry_after=0.2)
    world.feeds.set_feed("/one.xml", "Wire One", [INTEREST, MATCH])
    await world.poll_and_deliver()
    assert len(world.alerts()) == 1
    posts = world.fake.requests_matching("POST", rf"/channels/{ALERTS}/messages")
    assert [r.status for r in posts] == [429, 200]


async def test_a_rate_limited_channel_does_not_hold_back_another_channels_alert(world: World) -> None:
    """Discord limits each channel on its own: while one channel waits out its limit, another
    channel's alert goes out; then the waiting one is posted, once."""
    await _slash(world, "follow", {"name": "Ibrahima Konaté"})
    await _slash(world, "follow", {"name": "Ibrahima Konaté"}, channel=NEWS)
    world.fake.fail_next("POST", rf"/channels/{ALERTS}/messages", 429, retry_after=4.0)
    world.feeds.set_feed("/one.xml", "Wire One", [INTEREST, MATCH])
    await world.poll_and_deliver()
    assert len(world.alerts()) == 1 and len(world.alerts(NEWS)) == 1
    posts = world.fake.requests_matching("POST", rf"/channels/({ALERTS}|{NEWS})/messages")
    answered = [(int(r.path.split("/")[2]), r.status) for r in posts]
    assert sorted(answered) == sorted([(ALERTS, 429), (ALERTS, 200), (NEWS, 200)])
    # NEWS is posted while ALERTS waits out its limit, not after it.
    assert answered.index((NEWS, 200)) < answered.index((ALERTS, 200))


async def test_forbidden_channel_pauses_follow_without_retry_storm(world: World) -> None:
    await _slash(world, "follow", {"name": "Ibrahima Konaté"})
    await _slash(world, "alerts", {"channel": NEWS}, sub="channel", user=ADMIN)
    world.fake.fail_next("POST", rf"/channels/{ALERTS}/messages", 403, times=100)
    world.feeds.set_feed("/one.xml", "Wire One", [INTEREST, MATCH])
    await world.poll_and_deliver()
    world.feeds.set_feed("/one.xml", "Wire One", [TALKS, INTEREST, MATCH])
    await world.poll_and_deliver()
    await world.bot.dispatcher.run_once()
    assert len(world.fake.requests_matching("POST", rf"/channels/{ALERTS}/messages")) == 1
    [notice] = world.fake.messages(NEWS)
    assert f"<#{ALERTS}>" in notice.content and "paused" in notice.content
    following = await _slash(world, "following")
    assert "paused: the bot lost permission" in following["data"]["content"]


async def test_deleting_a_channel_removes_its_follows(world: World) -> None:
    await _slash(world, "follow", {"name": "Ibrahima Konaté", "channel": NEWS})
    assert (await world.app.db.fetchone("SELECT count(*) FROM follows"))[0] == 1
    await world.fake.delete_channel(NEWS)
    await world.fake.wait_for(lambda: world.bot.get_channel(NEWS) is None or None, what="channel deleted")
    for _ in range(50):
        if (await world.app.db.fetchone("SELECT count(*) FROM follows"))[0] == 0:
            break
        await asyncio.sleep(0.02)
    assert (await world.app.db.fetchone("SELECT count(*) FROM follows"))[0] == 0


async def test_latest_lists_what_the_server_follows(world: World) -> None:
    empty = await _slash(world, "latest")
    assert empty["ephemeral"] and "No developments yet" in empty["data"]["content"]
    await _slash(world, "follow", {"name": "Ibrahima Konaté"})
    world.feeds.set_feed("/one.xml", "Wire One", [TALKS, INTEREST, MATCH])
    await world.poll_and_deliver()
    latest = await _slash(world, "latest")
    titles = [embed["title"] for embed in latest["data"]["embeds"]]
    assert titles[0].startswith("Moved up: Ibrahima Konaté") and titles[1].startswith("New story")


async def test_settings_filter_kinds_and_tiers_and_digest_batches(world: World) -> None:
    await _slash(world, "follow", {"name": "Ibrahima Konaté"})
    answer = await _slash(world, "alerts", {"kinds": "talks", "digest": True}, sub="settings", user=ADMIN)
    assert "a daily digest" in answer["data"]["content"] and "kinds: talks" in answer["data"]["content"]
    world.feeds.set_feed("/one.xml", "Wire One", [TALKS, INTEREST, MATCH])
    await world.poll_and_deliver()
    assert world.alerts() == []  # interest filtered out, talks waits for the digest
    assert await world.bot.dispatcher.run_digests() == 1
    [digest] = [m for m in world.fake.messages(ALERTS) if m.embeds and "digest" in m.embeds[0]["title"].lower()]
    assert digest.embeds[0]["title"] == "Daily digest: 1 developments"
    assert "Ibrahima Konaté" in digest.embeds[0]["description"] and "Talks" in digest.embeds[0]["description"]
    assert await world.bot.dispatcher.run_digests() == 0  # nothing twice


async def test_leaving_a_guild_removes_its_follows(world: World) -> None:
    await _slash(world, "follow", {"name": "Ibrahima Konaté"})
    await world.fake.remove_guild(GUILD)
    for _ in range(100):
        if (await world.app.db.fetchone("SELECT count(*) FROM follows"))[0] == 0:
            break
        await asyncio.sleep(0.02)
    assert (await world.app.db.fetchone("SELECT count(*) FROM follows"))[0] == 0


async def test_expensive_commands_have_a_per_user_cooldown(world: World) -> None:
    answers = [await _slash(world, "timeline", {"name": "x" * 100}) for _ in range(4)]
    assert answers[0]["ephemeral"] and "longer than 80 characters" in answers[0]["data"]["content"]
    assert answers[3]["ephemeral"] and "Slow down" in answers[3]["data"]["content"]
    other = await _slash(world, "timeline", {"name": "nobody"}, user=ADMIN)
    assert "Slow down" not in other["data"]["content"]


async def test_long_timeline_pages_with_buttons_for_its_owner(world: World) -> None:
    clubs = ["Arsenal", "Chelsea", "Juventus", "Bayern Munich", "Napoli", "Benfica", "Ajax"]
    items = [FeedItemSpec(f"p-{n}", f"{club} keen on Liverpool defender Ibrahima Konaté", "Interest noted.",
                          at(f"2025-0{n + 1}-10T09:00:00")) for n, club in enumerate(clubs)]
    world.feeds.set_feed("/one.xml", "Wire One", [*items, MATCH])
    await world.poll_and_deliver()
    interaction = await world.fake.inject_slash(GUILD, ALERTS, FAN, "timeline", {"name": "konate"})
    first = await world.fake.wait_for_response(interaction)
    embed = first["data"]["embeds"][0]
    assert embed["footer"]["text"] == "page 1 of 2 · oldest first" and "Arsenal" in embed["fields"][0]["name"]
    buttons = [c for row in first["data"]["components"] for c in row["components"]]
    assert [b["label"] for b in buttons] == ["◀ Older", "Newer ▶"] and buttons[0].get("disabled")
    message = interaction.original
    assert message is not None
    # discord.py stores the view once the callback's HTTP answer is back; no person clicks faster.
    views = world.bot._connection._view_store
    await world.fake.wait_for(lambda: views.is_message_tracked(message.id) or None, what="paginator stored")
    stranger = await world.fake.inject_button(GUILD, ALERTS, ADMIN, message.id, buttons[1]["custom_id"])
    refusal = await world.fake.wait_for_response(stranger)
    assert stranger.ephemeral and "Run the command yourself" in refusal["data"]["content"]
    click = await world.fake.inject_button(GUILD, ALERTS, FAN, message.id, buttons[1]["custom_id"])
    flipped = await world.fake.wait_for_response(click)
    assert flipped["type"] == 7  # the message itself is updated
    page = flipped["data"]["embeds"][0]
    assert page["footer"]["text"] == "page 2 of 2 · oldest first" and "Benfica" in page["fields"][0]["name"]


async def test_alert_buttons_work_after_a_restart(world: World) -> None:
    await _slash(world, "follow", {"name": "Ibrahima Konaté"})
    world.feeds.set_feed("/one.xml", "Wire One", [INTEREST, MATCH])
    await world.poll_and_deliver()
    [alert] = world.alerts()
    timeline_id, unfollow_id = [c["custom_id"] for row in alert.components for c in row["components"]]

    await world.bot.close()  # the old process is gone; a new bot starts on the same database
    world.bot = ClaimwatchBot(world.app, start_polling=False, guild_ready_timeout=0.05)
    task = asyncio.create_task(world.bot.start(world.fake.token))
    await asyncio.sleep(0)
    await asyncio.wait_for(world.bot.wait_until_ready(), timeout=10)
    try:
        click = await world.fake.inject_button(GUILD, ALERTS, FAN, alert.id, timeline_id)
        answer = await world.fake.wait_for_response(click)
        assert answer["data"]["embeds"][0]["title"] == "Timeline: Ibrahima Konaté"
        click = await world.fake.inject_button(GUILD, ALERTS, FAN, alert.id, unfollow_id)
        answer = await world.fake.wait_for_response(click)
        assert answer["data"]["content"] == "Stopped following Ibrahima Konaté here."
        assert (await world.app.db.fetchone("SELECT count(*) FROM follows"))[0] == 0
    finally:
        await world.bot.close()
        await asyncio.wait_for(task, timeout=10)


async def test_an_alert_posted_before_a_failure_to_record_it_is_found_not_posted_again(
    world: World, monkeypatch: pytest.MonkeyPatch
) -> None:
    from storage import outbox

    await _slash(world, "follow", {"name": "Ibrahima Konaté"})
    world.feeds.set_feed("/one.xml", "Wire One", [INTEREST, MATCH])
    await poll_all(world.app)
    # The alert reaches the channel, then the bot cannot record it (the disk fills, or the process dies).
    recorded = outbox.mark_sent

    async def disk_full(*args: object) -> None:
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(outbox, "mark_sent", disk_full)
    with pytest.raises(sqlite3.OperationalError):
        await world.bot.dispatcher.run_once()
    monkeypatch.setattr(outbox, "mark_sent", recorded)
    [posted] = world.alerts()
    assert (await world.app.db.fetchone("SELECT state FROM outbox"))["state"] == "sending"

    world.fake.nonce_window = -1.0  # hours later: Discord has long forgotten the nonce
    await world.bot.dispatcher.run_once()
    assert [message.id for message in world.alerts()] == [posted.id]  # found in the channel, not posted again
    row = await world.app.db.fetchone("SELECT state, message_id FROM outbox")
    assert (row["state"], row["message_id"]) == ("sent", str(posted.id))
    assert world.fake.requests_matching("GET", rf"/channels/{ALERTS}/messages")


async def test_an_alert_left_sending_that_never_reached_discord_is_posted_once(world: World) -> None:
    from storage import outbox

    await _slash(world, "follow", {"name": "Ibrahima Konaté"})
    world.feeds.set_feed("/one.xml", "Wire One", [INTEREST, MATCH])
    await poll_all(world.app)
    [row] = await outbox.due(world.app.db)
    await outbox.mark_sending(world.app.db, row.id)  # the process died before the post left
    world.fake.nonce_window = -1.0
    await world.bot.dispatcher.run_once()
    await world.bot.dispatcher.run_once()
    [alert] = world.alerts()
    assert "Ibrahima Konaté" in alert.embeds[0]["title"]
    assert (await world.app.db.fetchone("SELECT message_id FROM outbox"))["message_id"] == str(alert.id)


async def test_a_wrong_token_gets_one_clear_message(tmp_path: Path) -> None:
    import sys

    fake = FakeDiscord()
    fake.add_guild(GUILD, "Anfield Chat", channels=[{"id": ALERTS, "name": "transfers"}])
    await fake.start()
    try:
        config = tmp_path / "config.toml"
        config.write_text(
            f'[discord]\ntoken = "not-the-token"\napi_base_url = "{fake.api_base_url}"\n'
            f'gateway_url = "{fake.gateway_url}"\n[storage]\npath = "{tmp_path / "t.db"}"\n', encoding="utf-8")
        process = await asyncio.create_subprocess_exec(
            sys.executable, "-m", "bot", "run", "--config", str(config), cwd=ROOT,
            stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE)
        _, err = await asyncio.wait_for(process.communicate(), timeout=60)
        assert process.returncode == 1
        assert "Discord refused the token" in err.decode() and "Traceback" not in err.decode()
    finally:
        await fake.close()
