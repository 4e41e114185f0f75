"""The loopback Discord's thread and forum rules, on the wire: what the story thread tests rely on."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

import aiohttp
import pytest

from tests.fakes import FakeDiscord

GUILD, TEXT, FORUM = 700_001, 700_010, 700_020
MANAGE_THREADS, ADMINISTRATOR = 1 << 34, 1 << 3


@pytest.fixture
async def fake() -> AsyncIterator[FakeDiscord]:
    discord = FakeDiscord()
    discord.add_guild(GUILD, "Guild", channels=[{"id": TEXT, "name": "transfers"},
                                                {"id": FORUM, "name": "talk", "type": 15}])
    await discord.start()
    yield discord
    await discord.close()
    assert discord.unhandled == []


async def _call(fake: FakeDiscord, method: str, path: str, body: dict[str, Any] | None = None) -> tuple[int, Any]:
    headers = {"Authorization": f"Bot {fake.token}"}
    async with aiohttp.ClientSession() as session, \
            session.request(method, fake.api_base_url + path, json=body, headers=headers) as response:
        return response.status, await response.json()


def _drop(fake: FakeDiscord, permission: int) -> None:
    """The bot's role loses a permission (and Administrator, which would grant it back)."""
    guild = fake.guilds[GUILD]
    role = next(r for r in guild.roles.values() if r.get("tags", {}).get("bot_id"))
    role["permissions"] = str(int(role["permissions"]) & ~(permission | ADMINISTRATOR))


async def test_a_thread_from_a_message_has_its_id_and_there_is_only_one(fake: FakeDiscord) -> None:
    status, message = await _call(fake, "POST", f"/channels/{TEXT}/messages", {"content": "first alert"})
    assert status == 200
    path = f"/channels/{TEXT}/messages/{message['id']}/threads"
    status, thread = await _call(fake, "POST", path, {"name": "Konaté · Real Madrid", "auto_archive_duration": 10080})
    assert status == 201 and thread["id"] == message["id"] and thread["parent_id"] == str(TEXT)
    assert thread["thread_metadata"]["auto_archive_duration"] == 10080
    status, again = await _call(fake, "POST", path, {"name": "again"})
    assert (status, again["code"]) == (400, 160004)
    status, fetched = await _call(fake, "GET", f"/channels/{thread['id']}")
    assert status == 200 and fetched["type"] == 11
    status, _ = await _call(fake, "POST", f"/channels/{thread['id']}/messages", {"content": "later"})
    assert status == 200 and fake.threads[int(thread["id"])]["message_count"] == 1
    status, _ = await _call(fake, "POST", f"/channels/{TEXT}/messages/{message['id']}/threads", {"name": ""})
    assert status == 400


async def test_archived_threads_reopen_on_a_post_locked_ones_do_not(fake: FakeDiscord) -> None:
    _, message = await _call(fake, "POST", f"/channels/{TEXT}/messages", {"content": "first alert"})
    _, thread = await _call(fake, "POST", f"/channels/{TEXT}/messages/{message['id']}/threads", {"name": "t"})
    thread_id = int(thread["id"])
    await fake.archive_thread(thread_id)
    assert (await _call(fake, "POST", f"/channels/{thread_id}/messages", {"content": "x"}))[0] == 200
    assert fake.threads[thread_id]["thread_metadata"]["archived"] is False
    await fake.archive_thread(thread_id, locked=True)
    assert (await _call(fake, "POST", f"/channels/{thread_id}/messages", {"content": "y"}))[0] == 200  # Manage Threads
    await fake.archive_thread(thread_id, locked=True)
    _drop(fake, MANAGE_THREADS)
    status, error = await _call(fake, "POST", f"/channels/{thread_id}/messages", {"content": "z"})
    assert (status, error["code"]) == (400, 50083)
    await fake.delete_thread(thread_id)
    status, error = await _call(fake, "POST", f"/channels/{thread_id}/messages", {"content": "z"})
    assert (status, error["code"]) == (404, 10003)
    assert fake.threads_of(TEXT) == []


async def test_a_forum_takes_posts_not_messages(fake: FakeDiscord) -> None:
    status, error = await _call(fake, "POST", f"/channels/{FORUM}/messages", {"content": "hello"})
    assert (status, error["code"]) == (400, 50008)
    status, post = await _call(fake, "POST", f"/channels/{FORUM}/threads",
                               {"name": "Konaté · Real Madrid", "message": {"content": "first alert"}})
    assert status == 201 and post["message"]["id"] == post["id"] and post["message"]["channel_id"] == post["id"]
    status, active = await _call(fake, "GET", f"/guilds/{GUILD}/threads/active")
    assert status == 200 and [t["id"] for t in active["threads"]] == [post["id"]]
    await fake.archive_thread(int(post["id"]))
    assert (await _call(fake, "GET", f"/guilds/{GUILD}/threads/active"))[1]["threads"] == []
