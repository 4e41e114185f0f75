"""Story threads (`/alerts settings threads:true`), the real bot against the loopback Discord: what
a server sees in its channel and its threads, across crashes, restarts and moderators' actions."""

from __future__ import annotations

import asyncio
import shutil
import sqlite3
import subprocess
import sys
from collections.abc import AsyncIterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from bot.app import App, open_app, poll_all
from bot.discord_client import ClaimwatchBot
from bot.discord_endpoints import point_discord_at
from storage import outbox, threads
from tests.fakes import FakeDiscord, FakeMessage
from tests.fakes.feed_server import FeedItemSpec, FeedServer, at
from tests.helpers import is_alert, make_settings

ROOT = Path(__file__).resolve().parents[2]
GUILD, ALERTS, FORUM, ADMIN, FAN, ADMIN_ROLE = 600_001, 600_010, 600_020, 600_100, 600_101, 600_200
ADMINISTRATOR, MANAGE_GUILD, CREATE_PUBLIC_THREADS = 1 << 3, 1 << 5, 1 << 35

MATCH = FeedItemSpec("m-1", "Liverpool beat Brentford 3-0 at Anfield", "A routine home win.", at("2025-11-01T18:00:00"))
INTEREST = FeedItemSpec("k-1", "Real Madrid keen on Liverpool defender Ibrahima Konaté",
                        "The Spanish club are monitoring the centre-back, Marca reports.", at("2025-11-10T09:00:00"))
TALKS = FeedItemSpec("k-2", "Real Madrid open talks with Liverpool defender Ibrahima Konaté",
                     "First contact has been made with his representatives.", at("2025-11-20T09:00:00"))
BID = FeedItemSpec("k-3", "Real Madrid make bid for Liverpool defender Ibrahima Konaté",
                   "An opening offer has been submitted.", at("2025-11-25T09:00:00"))
ARSENAL = FeedItemSpec("k-5", "Arsenal keen on Liverpool defender Ibrahima Konaté", "Interest noted.",
                       at("2025-11-29T09:00:00"))
AGREEMENT = FeedItemSpec("k-4", "Real Madrid agree deal with Liverpool for Ibrahima Konaté",
                         "The clubs have reached an agreement on a fee.", at("2025-11-28T09:00:00"))


@dataclass
class World:
    fake: FakeDiscord
    feeds: FeedServer
    app: App
    bot: ClaimwatchBot
    task: asyncio.Task[None]

    async def news(self, *items: FeedItemSpec) -> None:
        """The wire now carries these items (newest first); the bot polls and delivers."""
        self.feeds.set_feed("/one.xml", "Wire One", [*items, MATCH])
        await poll_all(self.app)
        await self.bot.dispatcher.run_once()

    def channel_alerts(self) -> list[FakeMessage]:
        return [m for m in self.fake.messages(ALERTS) if is_alert(m)]

    def thread_alerts(self, thread: dict[str, Any]) -> list[FakeMessage]:
        return [m for m in self.fake.messages(int(thread["id"])) if is_alert(m)]

    async def restart(self) -> None:
        """The process is gone; a new bot starts on the same database."""
        await self.bot.close()
        await asyncio.wait_for(self.task, timeout=10)
        self.bot = ClaimwatchBot(self.app, start_polling=False, guild_ready_timeout=0.05)
        self.task = asyncio.create_task(self.bot.start(self.fake.token))
        await asyncio.sleep(0)
        await asyncio.wait_for(self.bot.wait_until_ready(), timeout=10)


@pytest.fixture
async def world(tmp_path: Path, database_target: str, feed_server: FeedServer) -> AsyncIterator[World]:
    fake = FakeDiscord(heartbeat_interval=0.25)
    fake.add_guild(
        GUILD, "Anfield Chat", channels=[{"id": ALERTS, "name": "transfers"}],
        members=[{"id": ADMIN, "username": "admin", "roles": [ADMIN_ROLE]}, {"id": FAN, "username": "fan"}],
        roles=[{"id": ADMIN_ROLE, "name": "mods", "permissions": MANAGE_GUILD}],
    )
    await fake.start()
    point_discord_at(fake.api_base_url, fake.gateway_url)
    one = feed_server.set_feed("/one.xml", "Wire One", [MATCH])
    settings = make_settings(tmp_path, [{"url": one, "name": "Wire One"}], database=database_target,
                             discord={"token": fake.token, "api_base_url": fake.api_base_url,
                                      "gateway_url": fake.gateway_url})
    app = await open_app(settings)
    await poll_all(app)  # the first fetch records the backlog without alerts
    bot = ClaimwatchBot(app, start_polling=False, guild_ready_timeout=0.05)
    task = asyncio.create_task(bot.start(fake.token))
    await asyncio.sleep(0)
    await asyncio.wait_for(bot.wait_until_ready(), timeout=10)
    world = World(fake, feed_server, app, bot, task)
    yield world
    await world.bot.close()
    await asyncio.wait_for(world.task, timeout=10)
    await app.close()
    point_discord_at(None, None)
    await fake.close()
    assert fake.unhandled == []


async def _slash(world: World, name: str, options: dict[str, Any] | None = None, *, user: int = FAN,
                 sub: str | None = None) -> dict[str, Any]:
    interaction = await world.fake.inject_slash(GUILD, ALERTS, user, name, options or {}, subcommand=sub)
    response: dict[str, Any] = await world.fake.wait_for_response(interaction)
    response["ephemeral"] = interaction.ephemeral
    return response


async def _threads_on(world: World) -> None:
    await _slash(world, "follow", {"name": "Ibrahima Konaté"})
    answer = await _slash(world, "alerts", {"threads": True}, sub="settings", user=ADMIN)
    assert answer["ephemeral"]
    assert answer["data"]["content"].startswith(
        "Alerts: instant alerts, each story in one thread (started from its first alert; later developments go in it)")


async def test_a_story_lives_in_one_thread_and_its_first_alert_shows_where_it_stands(world: World) -> None:
    shown = await _slash(world, "alerts", sub="settings", user=ADMIN)
    assert "thread" not in shown["data"]["content"]  # off by default: alerts as before
    await _threads_on(world)

    await world.news(INTEREST)
    [parent] = world.channel_alerts()
    assert parent.embeds[0]["title"] == "New story: Ibrahima Konaté — Interest · Real Madrid"
    [thread] = world.fake.threads_of(ALERTS)
    assert thread["name"] == "Ibrahima Konaté · Real Madrid"
    assert thread["id"] == str(parent.id)  # started from the story's first alert
    assert world.thread_alerts(thread) == []

    await world.news(TALKS, INTEREST)
    assert [m.id for m in world.channel_alerts()] == [parent.id]  # nothing new in the channel
    [talks] = world.thread_alerts(thread)
    assert talks.embeds[0]["title"] == "Moved up: Ibrahima Konaté — Talks · Real Madrid"
    custom_ids = [c["custom_id"] for row in talks.components for c in row["components"]]
    assert custom_ids[0].startswith("cw:timeline:") and custom_ids[1].startswith("cw:unfollow:")
    edited = world.fake.message(parent.id)
    assert edited.edited_timestamp is not None
    assert edited.embeds[0]["title"] == "Now at Talks: Ibrahima Konaté · Real Madrid"
    fields = {field["name"]: field["value"] for field in edited.embeds[0]["fields"]}
    assert fields["Development"] == "Interest → Talks"
    assert "posted in the thread on this message" in fields["Story thread"]
    assert edited.components == parent.components  # its buttons (and the outbox marker) stay

    await world.news(BID, TALKS, INTEREST)
    assert [m.embeds[0]["title"] for m in world.thread_alerts(thread)] == [
        "Moved up: Ibrahima Konaté — Talks · Real Madrid", "Moved up: Ibrahima Konaté — Bid · Real Madrid"]
    assert world.fake.message(parent.id).embeds[0]["title"] == "Now at Bid: Ibrahima Konaté · Real Madrid"
    assert len(world.fake.threads_of(ALERTS)) == 1 and len(world.channel_alerts()) == 1

    # The parent keeps its buttons: its Timeline answers with the story so far.
    timeline_id = [c["custom_id"] for row in parent.components for c in row["components"]][0]
    answer = await world.fake.wait_for_response(await world.fake.inject_button(GUILD, ALERTS, FAN, parent.id, timeline_id))
    assert answer["data"]["embeds"][0]["title"] == "Timeline: Ibrahima Konaté"


async def _settled(world: World) -> None:
    """Wait until the restarted bot's own delivery pass (at READY) has left nothing pending."""
    for _ in range(200):
        row = await world.app.db.fetchone("SELECT count(*) FROM outbox WHERE state IN ('pending', 'sending')")
        if row[0] == 0:
            return
        await asyncio.sleep(0.02)
    raise AssertionError("the outbox never settled")


async def test_a_crash_after_the_thread_is_made_but_before_it_is_recorded_makes_no_second_thread(
    world: World, monkeypatch: pytest.MonkeyPatch
) -> None:
    await _threads_on(world)
    recorded = threads.set_thread

    async def disk_full(*args: object) -> None:
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(threads, "set_thread", disk_full)
    world.feeds.set_feed("/one.xml", "Wire One", [INTEREST, MATCH])
    await poll_all(world.app)
    with pytest.raises(sqlite3.OperationalError):
        await world.bot.dispatcher.run_once()
    monkeypatch.setattr(threads, "set_thread", recorded)
    [parent] = world.channel_alerts()
    [thread] = world.fake.threads_of(ALERTS)
    assert (await world.app.db.fetchone("SELECT state FROM outbox"))["state"] == "sending"

    world.fake.nonce_window = -1.0  # hours later: Discord has long forgotten the nonce
    await world.restart()
    await _settled(world)
    assert [m.id for m in world.channel_alerts()] == [parent.id]  # the parent is not posted again
    assert world.fake.threads_of(ALERTS) == [thread]  # and its thread is found, not made twice
    row = await world.app.db.fetchone("SELECT state, message_id FROM outbox")
    assert (row["state"], row["message_id"]) == ("sent", str(parent.id))

    await world.news(TALKS, INTEREST)
    assert [m.embeds[0]["title"] for m in world.thread_alerts(thread)] == [
        "Moved up: Ibrahima Konaté — Talks · Real Madrid"]
    assert len(world.channel_alerts()) == 1


async def test_a_crash_after_a_thread_post_before_it_is_recorded_posts_nothing_twice(
    world: World, monkeypatch: pytest.MonkeyPatch
) -> None:
    await _threads_on(world)
    await world.news(INTEREST)
    [parent] = world.channel_alerts()
    [thread] = world.fake.threads_of(ALERTS)

    async def dies(*args: object) -> None:
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(outbox, "mark_posted", dies)
    world.feeds.set_feed("/one.xml", "Wire One", [TALKS, INTEREST, MATCH])
    await poll_all(world.app)
    with pytest.raises(sqlite3.OperationalError):
        await world.bot.dispatcher.run_once()
    monkeypatch.undo()
    [talks] = world.thread_alerts(thread)  # it reached the thread; the parent is not edited yet
    assert world.fake.message(parent.id).embeds[0]["title"].startswith("New story")

    world.fake.nonce_window = -1.0
    await world.restart()
    await _settled(world)
    assert [m.id for m in world.thread_alerts(thread)] == [talks.id]  # found in the thread, not posted again
    assert world.fake.message(parent.id).embeds[0]["title"] == "Now at Talks: Ibrahima Konaté · Real Madrid"
    assert world.fake.requests_matching("GET", rf"/channels/{thread['id']}/messages")
    row = await world.app.db.fetchone("SELECT state, message_id FROM outbox ORDER BY id DESC LIMIT 1")
    assert (row["state"], row["message_id"]) == ("sent", str(talks.id))


async def test_a_parent_edit_that_fails_is_retried_without_posting_again(
    world: World, monkeypatch: pytest.MonkeyPatch
) -> None:
    from bot.alerts.deliver import SendResult

    await _threads_on(world)
    await world.news(INTEREST)
    [parent] = world.channel_alerts()
    [thread] = world.fake.threads_of(ALERTS)
    monkeypatch.setattr(world.bot.sink, "edit_parent", _failing_once(world.bot.sink.edit_parent,
                                                                      SendResult(error="Discord HTTP 503")))
    await world.news(TALKS, INTEREST)
    [talks] = world.thread_alerts(thread)
    row = await world.app.db.fetchone("SELECT state, message_id FROM outbox ORDER BY id DESC LIMIT 1")
    assert (row["state"], row["message_id"]) == ("sending", str(talks.id))  # posted, a step left
    await world.app.db.write("UPDATE outbox SET next_attempt_at = NULL")  # the backoff has passed
    await world.bot.dispatcher.run_once()
    assert [m.id for m in world.thread_alerts(thread)] == [talks.id]
    assert world.fake.message(parent.id).embeds[0]["title"] == "Now at Talks: Ibrahima Konaté · Real Madrid"
    assert (await world.app.db.fetchone("SELECT state FROM outbox ORDER BY id DESC LIMIT 1"))["state"] == "sent"


def _failing_once(real: Any, failure: Any) -> Any:
    calls = []

    async def edit(*args: Any) -> Any:
        calls.append(args)
        return failure if len(calls) == 1 else await real(*args)

    return edit


async def test_a_thread_that_cannot_be_started_yet_is_retried_without_posting_the_alert_again(
    world: World, monkeypatch: pytest.MonkeyPatch
) -> None:
    from bot.alerts.deliver import SendResult

    await _threads_on(world)
    monkeypatch.setattr(world.bot.sink, "start_thread", _failing_once(world.bot.sink.start_thread,
                                                                        SendResult(error="Discord HTTP 503")))
    await world.news(INTEREST)
    [parent] = world.channel_alerts()
    assert world.fake.threads_of(ALERTS) == []
    row = await world.app.db.fetchone("SELECT state, message_id FROM outbox")
    assert (row["state"], row["message_id"]) == ("sending", str(parent.id))  # posted, its thread to come
    await world.app.db.write("UPDATE outbox SET next_attempt_at = NULL")  # the backoff has passed
    await world.bot.dispatcher.run_once()
    assert [m.id for m in world.channel_alerts()] == [parent.id]
    [thread] = world.fake.threads_of(ALERTS)
    assert thread["id"] == str(parent.id)
    assert (await world.app.db.fetchone("SELECT state FROM outbox"))["state"] == "sent"


async def test_discord_unreachable_mid_story_is_retried_not_fatal(world: World, monkeypatch: pytest.MonkeyPatch) -> None:
    await _threads_on(world)
    await world.news(INTEREST)
    [thread] = world.fake.threads_of(ALERTS)
    real = world.bot.sink.send_in_thread
    calls: list[object] = []

    async def unreachable(*args: object) -> object:
        calls.append(args)
        if len(calls) == 1:
            raise ConnectionError("Cannot connect to host discord.com:443")
        return await real(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(world.bot.sink, "send_in_thread", unreachable)
    await world.news(TALKS, INTEREST)  # the pass carries on: no exception out of the dispatcher
    assert world.thread_alerts(thread) == []
    row = await world.app.db.fetchone("SELECT state, last_error FROM outbox ORDER BY id DESC LIMIT 1")
    assert row["state"] == "pending" and "ConnectionError" in row["last_error"]
    await world.app.db.write("UPDATE outbox SET next_attempt_at = NULL")
    await world.bot.dispatcher.run_once()
    assert [m.embeds[0]["title"] for m in world.thread_alerts(thread)] == [
        "Moved up: Ibrahima Konaté — Talks · Real Madrid"]


async def test_a_deleted_thread_gives_way_to_a_new_one_with_a_note(world: World) -> None:
    await _threads_on(world)
    await world.news(INTEREST)
    [first_parent] = world.channel_alerts()
    [old] = world.fake.threads_of(ALERTS)
    await world.fake.delete_thread(int(old["id"]))

    await world.news(TALKS, INTEREST)
    first, second = world.channel_alerts()
    assert first.id == first_parent.id
    assert second.content == "This story's earlier thread was deleted, so it continues in a new thread from this alert."
    assert second.embeds[0]["title"] == "Moved up: Ibrahima Konaté — Talks · Real Madrid"
    [new] = world.fake.threads_of(ALERTS)
    assert new["id"] == str(second.id) and new["name"] == "Ibrahima Konaté · Real Madrid"

    await world.news(BID, TALKS, INTEREST)
    assert [m.embeds[0]["title"] for m in world.thread_alerts(new)] == ["Moved up: Ibrahima Konaté — Bid · Real Madrid"]
    assert world.fake.message(second.id).embeds[0]["title"] == "Now at Bid: Ibrahima Konaté · Real Madrid"
    assert len(world.channel_alerts()) == 2


async def test_an_archived_thread_reopens_and_a_locked_one_is_left_to_the_moderators(world: World) -> None:
    await _threads_on(world)
    await world.news(INTEREST)
    [thread] = world.fake.threads_of(ALERTS)

    await world.fake.archive_thread(int(thread["id"]))  # a week without news: Discord archives it
    await world.news(TALKS, INTEREST)
    assert [m.embeds[0]["title"] for m in world.thread_alerts(thread)] == [
        "Moved up: Ibrahima Konaté — Talks · Real Madrid"]
    assert thread["thread_metadata"]["archived"] is False

    await world.fake.archive_thread(int(thread["id"]), locked=True)  # a moderator closes it
    await world.news(BID, TALKS, INTEREST)
    assert len(world.thread_alerts(thread)) == 1  # nothing posted past the lock, though the bot could
    assert thread["thread_metadata"]["locked"] is True
    _, second = world.channel_alerts()
    assert second.content == "This story's earlier thread was locked, so it continues in a new thread from this alert."
    assert [t["id"] for t in world.fake.threads_of(ALERTS)] == [thread["id"], str(second.id)]


async def test_a_deleted_parent_leaves_the_thread_in_use(world: World) -> None:
    await _threads_on(world)
    await world.news(INTEREST)
    [parent] = world.channel_alerts()
    [thread] = world.fake.threads_of(ALERTS)
    await world.fake.delete_message(world.fake.message(parent.id))

    await world.news(TALKS, INTEREST)
    assert [m.embeds[0]["title"] for m in world.thread_alerts(thread)] == [
        "Moved up: Ibrahima Konaté — Talks · Real Madrid"]
    assert world.channel_alerts() == []
    assert (await world.app.db.fetchone("SELECT count(*) FROM outbox WHERE state != 'sent'"))[0] == 0


async def test_without_create_public_threads_each_alert_stands_alone_in_the_channel(world: World) -> None:
    guild = world.fake.guilds[GUILD]
    bot_role = next(role for role in guild.roles.values() if role.get("tags", {}).get("bot_id"))
    bot_role["permissions"] = str(int(bot_role["permissions"]) & ~(CREATE_PUBLIC_THREADS | ADMINISTRATOR))
    await _threads_on(world)
    await world.news(INTEREST)
    await world.news(TALKS, INTEREST)
    assert [m.embeds[0]["title"] for m in world.channel_alerts()] == [
        "New story: Ibrahima Konaté — Interest · Real Madrid", "Moved up: Ibrahima Konaté — Talks · Real Madrid"]
    assert all(not m.content for m in world.channel_alerts())
    assert world.fake.threads_of(ALERTS) == []
    assert (await world.app.db.fetchone("SELECT count(*) FROM outbox WHERE state != 'sent'"))[0] == 0


async def test_threads_off_again_posts_in_the_channel(world: World) -> None:
    await _threads_on(world)
    await world.news(INTEREST)
    answer = await _slash(world, "alerts", {"threads": False}, sub="settings", user=ADMIN)
    assert answer["data"]["content"].startswith("Alerts: instant alerts; minimum source tier")
    await world.news(TALKS, INTEREST)
    assert len(world.channel_alerts()) == 2
    [thread] = world.fake.threads_of(ALERTS)
    assert world.thread_alerts(thread) == []


async def _forum(world: World) -> None:
    """A forum channel (posts only) follows Konaté; the server's threads setting stays off."""
    await world.fake.add_channel(GUILD, {"id": FORUM, "name": "transfer-talk", "type": 15})
    await world.fake.wait_for(lambda: world.bot.get_channel(FORUM), what="the forum channel cached")
    followed = await _slash(world, "follow", {"name": "Ibrahima Konaté", "channel": FORUM})
    assert followed["data"]["content"].startswith("Following Ibrahima Konaté")
    assert followed["data"]["content"].endswith(f"(in <#{FORUM}>)")


async def test_in_a_forum_channel_each_story_is_one_post(world: World) -> None:
    await _forum(world)
    await world.news(INTEREST)
    [post] = world.fake.threads_of(FORUM)
    assert post["name"] == "Ibrahima Konaté · Real Madrid"
    [starter] = world.thread_alerts(post)
    assert starter.id == int(post["id"])  # the post's first message is the story's first alert
    assert starter.embeds[0]["title"] == "New story: Ibrahima Konaté — Interest · Real Madrid"

    await world.news(TALKS, INTEREST)
    assert [m.embeds[0]["title"] for m in world.thread_alerts(post)] == [
        "Now at Talks: Ibrahima Konaté · Real Madrid", "Moved up: Ibrahima Konaté — Talks · Real Madrid"]
    assert world.fake.messages(FORUM) == [] and len(world.fake.threads_of(FORUM)) == 1

    await world.news(ARSENAL, TALKS, INTEREST)  # another story about him: another post
    first, second = world.fake.threads_of(FORUM)
    assert first == post and second["name"] == "Ibrahima Konaté · Arsenal"
    assert [m.embeds[0]["title"] for m in world.thread_alerts(second)] == [
        "New story: Ibrahima Konaté — Interest · Arsenal"]


async def _click_unfollow(world: World, message: FakeMessage) -> dict[str, Any]:
    unfollow_id = [c["custom_id"] for row in message.components for c in row["components"]][1]
    assert unfollow_id.startswith("cw:unfollow:")
    click = await world.fake.inject_button(GUILD, message.channel_id, FAN, message.id, unfollow_id)
    answer: dict[str, Any] = await world.fake.wait_for_response(click)
    assert click.ephemeral
    return answer


async def test_unfollow_on_an_alert_in_a_story_thread_unfollows_the_parent_channel(world: World) -> None:
    await _threads_on(world)
    await world.news(INTEREST)
    await world.news(TALKS, INTEREST)
    [thread] = world.fake.threads_of(ALERTS)
    [talks] = world.thread_alerts(thread)
    assert talks.channel_id == int(thread["id"]) != ALERTS  # clicked inside the thread

    answer = await _click_unfollow(world, talks)
    assert answer["data"]["content"] == "Stopped following Ibrahima Konaté here."
    again = await _click_unfollow(world, talks)  # the channel's follow is gone now
    assert again["data"]["content"].startswith("This channel does not follow anyone called")


async def test_unfollow_on_a_forum_post_unfollows_the_forum(world: World) -> None:
    await _forum(world)
    await world.news(INTEREST)
    [post] = world.fake.threads_of(FORUM)
    [starter] = world.thread_alerts(post)

    answer = await _click_unfollow(world, starter)
    assert answer["data"]["content"] == "Stopped following Ibrahima Konaté here."
    again = await _click_unfollow(world, starter)  # the forum's follow is gone now
    assert again["data"]["content"].startswith("This channel does not follow anyone called")


async def test_a_crash_after_a_forum_post_before_it_is_recorded_opens_no_second_post(
    world: World, monkeypatch: pytest.MonkeyPatch
) -> None:
    await _forum(world)

    async def dies(*args: object) -> None:
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(threads, "started", dies)
    world.feeds.set_feed("/one.xml", "Wire One", [INTEREST, MATCH])
    await poll_all(world.app)
    with pytest.raises(sqlite3.OperationalError):
        await world.bot.dispatcher.run_once()
    monkeypatch.undo()
    [post] = world.fake.threads_of(FORUM)

    await world.restart()  # a forum post takes no nonce: only the search can tell
    await _settled(world)
    assert world.fake.threads_of(FORUM) == [post]
    assert world.fake.requests_matching("GET", rf"/guilds/{GUILD}/threads/active")
    row = await world.app.db.fetchone("SELECT state, message_id FROM outbox")
    assert (row["state"], row["message_id"]) == ("sent", post["id"])
    await world.news(TALKS, INTEREST)
    assert len(world.thread_alerts(post)) == 2 and len(world.fake.threads_of(FORUM)) == 1


async def test_a_forum_in_digest_mode_gets_the_day_as_one_post(world: World) -> None:
    await _forum(world)
    await _slash(world, "alerts", {"digest": True}, sub="settings", user=ADMIN)
    await world.news(TALKS, INTEREST)
    assert world.fake.threads_of(FORUM) == []  # held for the digest
    assert await world.bot.dispatcher.run_digests() == 1
    [post] = world.fake.threads_of(FORUM)
    assert post["name"] == "Daily digest: 2 developments"
    [digest] = world.fake.messages(int(post["id"]))
    assert "Interest" in digest.embeds[0]["description"] and "Talks" in digest.embeds[0]["description"]
    assert await world.bot.dispatcher.run_digests() == 0


@pytest.mark.slow  # starts the CLI
def test_the_cli_twin_turns_threads_on_and_off(tmp_path: Path) -> None:
    shutil.copy(ROOT / "config.example.toml", tmp_path / "config.toml")
    env = {"PATH": "/usr/bin:/bin", "PYTHONPATH": str(ROOT), "HOME": str(tmp_path)}

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-m", "bot", "alerts", "settings", "--guild", "42", *args],
                              cwd=tmp_path, capture_output=True, text=True, timeout=120, env=env)

    on = run("--threads")
    assert on.returncode == 0, on.stderr
    assert on.stdout.strip() == (
        "Alerts: instant alerts, each story in one thread (started from its first alert; later developments go in "
        "it); minimum source tier: any; kinds: all; notices channel: not set.")
    assert "each story in one thread" in run().stdout
    assert run("--no-threads").stdout.startswith("Alerts: instant alerts; minimum source tier: any")
    both = run("--threads", "--no-threads")
    assert both.returncode == 2 and "not allowed with argument" in both.stderr
