"""The loopback Discord against the real, unpatched discord.py client.

A tiny in-test cog (slash command with autocomplete, a subcommand group that defers, a
persistent button) runs in a real commands.Bot pointed at FakeDiscord with point_discord_at.
"""

from __future__ import annotations

import asyncio
import gc
import warnings
from collections.abc import AsyncIterator
from typing import Any

import aiohttp
import discord
import pytest
from discord import app_commands
from discord.ext import commands

from bot.discord_endpoints import point_discord_at
from tests.fakes import FakeDiscord

pytestmark = pytest.mark.filterwarnings("error")  # a leaked session/transport fails the test

GUILD, ALERTS, SPARE, ALICE = 400_000_000_000_000_001, 400_000_000_000_000_010, 400_000_000_000_000_011, 400_000_000_000_000_100
ACK_ID = "claimwatch:test:ack"
PEOPLE = ["Erling Haaland", "Jude Bellingham", "Xabi Alonso", "Kylian Mbappé"]


class AckView(discord.ui.View):
    def __init__(self) -> None:
        super().__init__(timeout=None)  # persistent: stable custom_id, no timeout

    @discord.ui.button(label="Acknowledge", style=discord.ButtonStyle.primary, custom_id=ACK_ID)
    async def ack(self, interaction: discord.Interaction, button: discord.ui.Button[AckView]) -> None:
        await interaction.response.send_message(f"acknowledged by {interaction.user.id}", ephemeral=True)


class WatchCog(commands.Cog):
    claims = app_commands.Group(name="claims", description="Claim history")

    @app_commands.command(name="watch", description="Follow a person")
    @app_commands.describe(person="Who to follow")
    async def watch(self, interaction: discord.Interaction, person: str, quiet: bool = False) -> None:
        manager = interaction.permissions.manage_guild
        await interaction.response.send_message(f"Now watching {person} (quiet={quiet}, manager={manager})", ephemeral=True)

    @watch.autocomplete("person")
    async def person_autocomplete(self, interaction: discord.Interaction, current: str) -> list[app_commands.Choice[str]]:
        return [app_commands.Choice(name=p, value=p) for p in PEOPLE if current.lower() in p.lower()]

    @claims.command(name="recent", description="Recent claims")
    async def recent(self, interaction: discord.Interaction, limit: int) -> None:
        await interaction.response.defer(thinking=True)
        await interaction.followup.send(f"{limit} recent claims")


class Bot(commands.Bot):
    async def setup_hook(self) -> None:
        await self.add_cog(WatchCog())
        self.add_view(AckView())


def make_bot() -> Bot:
    # guild_ready_timeout is a Client/ConnectionState option: how long READY waits after the
    # last GUILD_CREATE. The 2 s default would dominate the suite's runtime.
    return Bot(
        command_prefix=commands.when_mentioned,
        intents=discord.Intents.default(),
        allowed_mentions=discord.AllowedMentions.none(),
        guild_ready_timeout=0.05,
    )


@pytest.fixture
async def fake() -> AsyncIterator[FakeDiscord]:
    fake = FakeDiscord(heartbeat_interval=0.25)
    fake.add_guild(
        GUILD,
        "Claimwatch HQ",
        channels=[{"id": ALERTS, "name": "alerts"}, {"id": SPARE, "name": "spare"}],
        members=[{"id": ALICE, "username": "alice"}],
    )
    await fake.start()
    point_discord_at(fake.api_base_url, fake.gateway_url)
    yield fake
    point_discord_at(None, None)
    await fake.close()  # raises if a request handler inside the fake crashed
    assert fake.unhandled == [], "the bot called REST routes the fake does not implement"


async def start_bot(fake: FakeDiscord) -> tuple[Bot, asyncio.Task[None]]:
    bot = make_bot()
    task = asyncio.create_task(bot.start(fake.token))
    await asyncio.wait_for(bot.wait_until_ready(), timeout=5)
    return bot, task


@pytest.fixture
async def bot(fake: FakeDiscord) -> AsyncIterator[Bot]:
    bot, task = await start_bot(fake)
    yield bot
    await bot.close()
    await asyncio.wait_for(task, timeout=5)


async def raw(fake: FakeDiscord, method: str, path: str, body: Any = None) -> tuple[int, str, Any]:
    """A plain aiohttp call, for checking the wire format without discord.py in between."""
    headers = {"Authorization": f"Bot {fake.token}"}
    async with aiohttp.ClientSession() as session, session.request(method, fake.api_base_url + path, json=body, headers=headers) as resp:
        return resp.status, resp.headers["Content-Type"], await resp.json(content_type=None)


def alerts(bot: Bot) -> discord.TextChannel:
    channel = bot.get_channel(ALERTS)
    assert isinstance(channel, discord.TextChannel)
    return channel


async def test_bot_connects_sees_guild_and_syncs_commands(fake: FakeDiscord, bot: Bot) -> None:
    guild = bot.get_guild(GUILD)
    assert guild is not None and guild.name == "Claimwatch HQ"
    assert alerts(bot).name == "alerts"
    assert guild.me.id == fake.bot_user_id and bot.user is not None and bot.user.bot

    synced = await bot.tree.sync()
    stored = {c["name"]: c for c in fake.registered_commands()}
    assert set(stored) == {"watch", "claims"} == {c.name for c in synced}
    person = stored["watch"]["options"][0]
    assert person["name"] == "person" and person["autocomplete"] is True
    assert stored["claims"]["options"][0]["type"] == 1  # subcommand

    # A bulk overwrite keeps ids (Discord does this too); guild sync goes to its own store.
    again = await bot.tree.sync()
    assert {c.id for c in again} == {c.id for c in synced}
    bot.tree.copy_global_to(guild=discord.Object(GUILD))
    await bot.tree.sync(guild=discord.Object(GUILD))
    assert {c["name"] for c in fake.registered_commands(GUILD)} == {"watch", "claims"}
    assert all(c["guild_id"] == str(GUILD) for c in fake.registered_commands(GUILD))


async def test_send_message_with_embed_is_stored_and_echoed(fake: FakeDiscord, bot: Bot) -> None:
    echoed = asyncio.ensure_future(bot.wait_for("message", check=lambda m: m.channel.id == ALERTS))
    embed = discord.Embed(title="Haaland to Real Madrid", description="Source: a tier-1 journalist")
    embed.add_field(name="Confidence", value="high")
    sent = await alerts(bot).send(f"<@{ALICE}> new claim", embed=embed)

    [stored] = await fake.wait_for_message(ALERTS)
    assert stored.id == sent.id and stored.content == f"<@{ALICE}> new claim"
    assert stored.embeds[0]["title"] == "Haaland to Real Madrid"
    assert stored.embeds[0]["fields"] == [{"name": "Confidence", "value": "high", "inline": True}]
    assert stored.allowed_mentions == {"parse": []}
    assert stored.mentions() == ([], [], False)  # nobody would be pinged
    assert stored.nonce is not None and stored.request["enforce_nonce"] is True
    assert (await asyncio.wait_for(echoed, 5)).id == sent.id  # MESSAGE_CREATE came back over the gateway

    edited = await sent.edit(content="updated")
    assert edited.content == "updated" == fake.message(sent.id).content
    await sent.delete()
    assert fake.messages(ALERTS) == []


async def test_slash_command_answers_ephemerally(fake: FakeDiscord, bot: Bot) -> None:
    await bot.tree.sync()
    interaction = await fake.inject_slash(GUILD, ALERTS, ALICE, "watch", {"person": "Xabi Alonso", "quiet": True})
    response = await fake.wait_for_response(interaction)
    assert response["type"] == 4
    assert response["data"]["content"] == "Now watching Xabi Alonso (quiet=True, manager=False)"
    assert response["data"]["flags"] & 64 and interaction.ephemeral
    assert fake.messages(ALERTS) == []  # ephemeral: not visible in the channel
    assert [m.id for m in fake.messages(ALERTS, include_ephemeral=True)] == [interaction.original.id]  # type: ignore[union-attr]

    manage_guild = 1 << 5
    admin = await fake.inject_slash(GUILD, ALERTS, ALICE, "watch", {"person": "Xabi Alonso"}, permissions=manage_guild)
    assert "manager=True" in (await fake.wait_for_response(admin))["data"]["content"]


async def test_deferred_subcommand_followup_fills_the_thinking_message(fake: FakeDiscord, bot: Bot) -> None:
    await bot.tree.sync()
    interaction = await fake.inject_slash(GUILD, ALERTS, ALICE, "claims", {"limit": 3}, subcommand="recent")
    assert (await fake.wait_for_response(interaction))["type"] == 5
    [followup] = await fake.wait_for_followup(interaction)
    assert followup is interaction.original and followup.content == "3 recent claims"
    assert not followup.flags & 128  # no longer "thinking"
    assert [m.content for m in fake.messages(ALERTS)] == ["3 recent claims"]


async def test_unregistered_command_cannot_be_injected(fake: FakeDiscord, bot: Bot) -> None:
    with pytest.raises(LookupError, match="sync"):
        await fake.inject_slash(GUILD, ALERTS, ALICE, "watch", {"person": "x"})


async def test_autocomplete_returns_choices(fake: FakeDiscord, bot: Bot) -> None:
    await bot.tree.sync()
    choices = await fake.inject_autocomplete(GUILD, ALERTS, ALICE, "watch", {"person": "al"})
    assert [c["name"] for c in choices] == ["Erling Haaland", "Xabi Alonso"]
    assert all(c["value"] == c["name"] for c in choices)


async def test_persistent_button_from_an_earlier_run_is_handled(fake: FakeDiscord, bot: Bot) -> None:
    # Posted by "the previous process": the only handler is the view registered by add_view().
    components = [{"type": 1, "components": [{"type": 2, "style": 1, "label": "Acknowledge", "custom_id": ACK_ID}]}]
    status, _, message = await raw(fake, "POST", f"/channels/{ALERTS}/messages", {"content": "claim", "components": components})
    assert status == 200

    interaction = await fake.inject_button(GUILD, ALERTS, ALICE, int(message["id"]), ACK_ID)
    response = await fake.wait_for_response(interaction)
    assert response["type"] == 4 and response["data"]["content"] == f"acknowledged by {ALICE}"
    assert interaction.ephemeral
    with pytest.raises(LookupError):
        await fake.inject_button(GUILD, ALERTS, ALICE, int(message["id"]), "no-such-button")


async def test_429_is_retried_after_retry_after_and_stores_one_message(fake: FakeDiscord, bot: Bot) -> None:
    fake.fail_next("POST", rf"/channels/{ALERTS}/messages", 429, retry_after=0.2)
    loop = asyncio.get_running_loop()
    started = loop.time()
    await alerts(bot).send("after the rate limit")
    assert loop.time() - started >= 0.2
    calls = fake.requests_matching("POST", rf"/channels/{ALERTS}/messages")
    assert [(r.status, r.injected) for r in calls] == [(429, True), (200, False)]
    assert [m.content for m in fake.messages(ALERTS)] == ["after the rate limit"]


async def test_403_raises_forbidden_and_404_not_found(fake: FakeDiscord, bot: Bot) -> None:
    fake.fail_next("POST", rf"/channels/{ALERTS}/messages", 403)
    with pytest.raises(discord.Forbidden) as forbidden:
        await alerts(bot).send("nope")
    assert forbidden.value.code == 50013 and fake.messages(ALERTS) == []

    fake.fail_next("GET", rf"/channels/{SPARE}", 404)
    with pytest.raises(discord.NotFound) as missing:
        await bot.fetch_channel(SPARE)
    assert missing.value.code == 10003
    assert (await bot.fetch_channel(SPARE)).name == "spare"  # only the next call failed


async def test_channel_and_guild_removal_reach_the_bot(fake: FakeDiscord, bot: Bot) -> None:
    deleted = asyncio.ensure_future(bot.wait_for("guild_channel_delete"))
    await fake.delete_channel(SPARE)
    assert (await asyncio.wait_for(deleted, 5)).id == SPARE and bot.get_channel(SPARE) is None
    with pytest.raises(discord.NotFound):
        await bot.fetch_channel(SPARE)

    removed = asyncio.ensure_future(bot.wait_for("guild_remove"))
    await fake.remove_guild(GUILD)
    assert (await asyncio.wait_for(removed, 5)).id == GUILD and bot.get_guild(GUILD) is None


async def test_discord_validation_errors(fake: FakeDiscord, bot: Bot) -> None:
    status, content_type, body = await raw(fake, "POST", f"/channels/{ALERTS}/messages", {"embeds": [{"title": "x" * 257}]})
    assert (status, content_type) == (400, "application/json")  # exactly, or discord.py reads text
    assert body["code"] == 50035 and body["message"] == "Invalid Form Body"
    assert body["errors"]["embeds"]["0"]["title"]["_errors"][0]["code"] == "BASE_TYPE_MAX_LENGTH"

    too_big = discord.Embed(description="d" * 4000)
    for i in range(25):
        too_big.add_field(name=f"f{i}", value="v" * 100)  # 4000 + 25 * 102 > 6000 in total
    with pytest.raises(discord.HTTPException) as invalid:
        await alerts(bot).send(embed=too_big)
    assert invalid.value.status == 400 and invalid.value.code == 50035
    with pytest.raises(discord.HTTPException, match="2000 or fewer"):
        await alerts(bot).send("x" * 2001)
    assert fake.messages(ALERTS) == []


async def test_enforced_nonce_returns_the_original_message(fake: FakeDiscord, bot: Bot) -> None:
    body = {"content": "once", "nonce": "claim-42", "enforce_nonce": True}
    first = await raw(fake, "POST", f"/channels/{ALERTS}/messages", body)
    second = await raw(fake, "POST", f"/channels/{ALERTS}/messages", body)
    assert first[2]["id"] == second[2]["id"]
    assert len(fake.messages(ALERTS)) == 1


async def test_gateway_reconnect_resumes_and_keeps_working(fake: FakeDiscord, bot: Bot) -> None:
    await bot.tree.sync()
    resumed = asyncio.ensure_future(bot.wait_for("resumed"))
    await fake.request_reconnect()
    await asyncio.wait_for(resumed, 5)
    await fake.wait_for_gateway(identified=1, resumed=1)
    interaction = await fake.inject_slash(GUILD, ALERTS, ALICE, "watch", {"person": "Jude Bellingham"})
    assert (await fake.wait_for_response(interaction))["type"] == 4


async def test_close_is_clean(fake: FakeDiscord) -> None:
    loop = asyncio.get_running_loop()
    loop_errors: list[dict[str, Any]] = []
    loop.set_exception_handler(lambda _loop, context: loop_errors.append(context))
    before = asyncio.all_tasks()
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        bot, task = await start_bot(fake)
        await asyncio.sleep(0.3)  # let a heartbeat round-trip happen
        assert any(p.get("op") == 1 for p in fake.gateway.received)
        await bot.close()
        await asyncio.wait_for(task, timeout=5)
        await fake.close()
        await asyncio.sleep(0.05)
        gc.collect()
    loop.set_exception_handler(None)
    leaked = [t for t in asyncio.all_tasks() - before if not t.done()]
    assert leaked == []
    assert [str(w.message) for w in caught] == []
    assert loop_errors == []
    assert fake.gateway.connections == set() and fake.unhandled == []
