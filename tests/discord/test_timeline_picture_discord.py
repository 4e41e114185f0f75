"""/timeline's picture through the real bot and unpatched discord.py on the loopback Discord: the
attachment a server sees, and the text that answers alone when the picture cannot be drawn."""

from __future__ import annotations

import asyncio
import io
import re
import sys
from collections.abc import AsyncIterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from PIL import Image

from bot.app import App, open_app, poll_all
from bot.discord_client import ClaimwatchBot
from bot.discord_endpoints import point_discord_at
from cogs import timeline as timeline_cog
from tests.conftest import make_settings
from tests.fakes import FakeDiscord
from tests.fakes.feed_server import FeedItemSpec, FeedServer, at

GUILD, CHANNEL, FAN = 800_001, 800_010, 800_101
MATCH = FeedItemSpec("m-1", "Liverpool beat Brentford 3-0 at Anfield", "A routine home win.", at("2025-11-01T18:00:00"))
CLUBS = ["Arsenal", "Chelsea", "Juventus", "Bayern Munich", "Napoli", "Benfica", "Ajax"]
RUMOURS = [FeedItemSpec(f"p-{n}", f"{club} keen on Liverpool defender Ibrahima Konaté", "Interest noted.",
                        at(f"2025-0{n + 1}-10T09:00:00")) for n, club in enumerate(CLUBS)]
DENIAL = FeedItemSpec("d-1", "Ibrahima Konaté's camp deny any agreement with Juventus",
                      "Sources close to the player say there is no deal.", at("2025-09-02T09:00:00"))


@dataclass
class Server:
    fake: FakeDiscord
    feeds: FeedServer
    app: App
    bot: ClaimwatchBot

    async def news(self, items: list[FeedItemSpec]) -> None:
        self.feeds.set_feed("/wire.xml", "Wire", [*items, MATCH])
        await poll_all(self.app)

    async def timeline(self, name: str) -> tuple[dict, object]:
        interaction = await self.fake.inject_slash(GUILD, CHANNEL, FAN, "timeline", {"name": name})
        response = await self.fake.wait_for_response(interaction)
        return response, interaction.original


@pytest.fixture
async def server(tmp_path: Path, feed_server: FeedServer) -> AsyncIterator[Server]:
    fake = FakeDiscord(heartbeat_interval=0.25)
    fake.add_guild(GUILD, "Anfield Chat", channels=[{"id": CHANNEL, "name": "transfers"}],
                   members=[{"id": FAN, "username": "fan"}])
    await fake.start()
    point_discord_at(fake.api_base_url, fake.gateway_url)
    wire = feed_server.set_feed("/wire.xml", "Wire", [MATCH])
    settings = make_settings(tmp_path, [{"url": wire, "name": "Wire"}],
                             discord={"token": fake.token, "api_base_url": fake.api_base_url,
                                      "gateway_url": fake.gateway_url})
    app = await open_app(settings)
    await poll_all(app)  # the first fetch records the backlog
    bot = ClaimwatchBot(app, start_polling=False, guild_ready_timeout=0.05)
    task = asyncio.create_task(bot.start(fake.token))
    await asyncio.sleep(0)
    await asyncio.wait_for(bot.wait_until_ready(), timeout=10)
    yield Server(fake, feed_server, app, bot)
    await bot.close()
    await asyncio.wait_for(task, timeout=10)
    await app.close()
    point_discord_at(None, None)
    await fake.close()
    assert fake.unhandled == []


async def test_a_long_timeline_carries_its_picture(server: Server) -> None:
    await server.news([*RUMOURS, DENIAL])
    response, message = await server.timeline("konate")
    assert message is not None and not message.ephemeral
    [attachment] = message.attachments
    assert attachment["filename"] == "timeline.png"
    png = message.files["timeline.png"]
    assert attachment["size"] == len(png) and png.startswith(b"\x89PNG\r\n\x1a\n") and len(png) < 200_000
    image = Image.open(io.BytesIO(png))
    assert image.format == "PNG" and image.width == 800 and 500 <= image.height <= 1000  # a row per story
    [sent] = message.request["attachments"]  # what a screen reader says
    assert re.match(r"Timeline of Ibrahima Konaté: \d+ stories from Jan 2025 to Sep 2025", sent["description"])
    # The text pages are still there, with their buttons, and flipping a page keeps the picture.
    embed = response["data"]["embeds"][0]
    assert embed["title"] == "Timeline: Ibrahima Konaté" and embed["footer"]["text"] == "page 1 of 2 · oldest first"
    assert not response["data"].get("content")
    buttons = [c for row in response["data"]["components"] for c in row["components"]]
    views = server.bot._connection._view_store
    await server.fake.wait_for(lambda: views.is_message_tracked(message.id) or None, what="paginator stored")
    click = await server.fake.inject_button(GUILD, CHANNEL, FAN, message.id, buttons[1]["custom_id"])
    flipped = await server.fake.wait_for_response(click)
    assert flipped["data"]["embeds"][0]["footer"]["text"] == "page 2 of 2 · oldest first"
    assert [a["filename"] for a in message.attachments] == ["timeline.png"]


async def test_a_short_timeline_is_text_alone(server: Server) -> None:
    await server.news(RUMOURS[:2])
    response, message = await server.timeline("konate")
    assert message.attachments == [] and message.files == {}
    assert len(response["data"]["embeds"][0]["fields"]) == 2


async def test_when_the_picture_fails_the_text_answers_and_says_so(server: Server,
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*args: object, **kwargs: object) -> bytes:
        raise MemoryError("no room to draw")

    # discord.py loads each cog as a module of its own: patch the one the bot runs.
    monkeypatch.setattr(sys.modules["cogs.timeline"], "render_png", broken)
    await server.news(RUMOURS)
    response, message = await server.timeline("konate")
    assert message.attachments == []
    assert response["data"]["content"] == timeline_cog.NO_PICTURE
    assert response["data"]["embeds"][0]["title"] == "Timeline: Ibrahima Konaté"
