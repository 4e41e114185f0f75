"""The buttons under every alert, Timeline and Unfollow: persistent (their custom id carries the
person), so they keep working on alerts posted before a restart, and answered through the service
layer like the slash commands."""

from __future__ import annotations

import re
from typing import Any

import discord

from bot import service
from bot.alerts.render import timeline_pages
from bot.discord_views import NO_PINGS, app_of, send_pages

TIMELINE_ID = re.compile(r"cw:timeline:(?P<entity>\d+)(?::(?P<marker>[0-9a-z-]{1,40}))?")


class TimelineButton(discord.ui.DynamicItem[discord.ui.Button[discord.ui.View]], template=TIMELINE_ID):
    """Stable custom id with the person in it, so the button works after a restart. On an alert
    it also carries the outbox row's nonce (`marker`): how a restarted bot finds the alert it
    posted before it could record it (DiscordSink.find_posted)."""

    def __init__(self, entity_id: int, marker: str | None = None) -> None:
        custom_id = f"cw:timeline:{entity_id}" + (f":{marker}" if marker else "")
        super().__init__(discord.ui.Button(label="Timeline", style=discord.ButtonStyle.secondary,
                                           custom_id=custom_id))
        self.entity_id = entity_id

    @classmethod
    async def from_custom_id(cls, interaction: discord.Interaction, item: discord.ui.Item[Any],
                             match: re.Match[str]) -> TimelineButton:
        return cls(int(match["entity"]), match["marker"])

    async def callback(self, interaction: discord.Interaction) -> None:
        found = await service.timeline_of(app_of(interaction).db, self.entity_id, guild_id=interaction.guild_id or 0)
        if found is None:
            await interaction.response.send_message("That person is no longer tracked.", ephemeral=True)
            return
        await send_pages(interaction, timeline_pages(found.person.name, "", found.stories), ephemeral=True)


class UnfollowButton(discord.ui.DynamicItem[discord.ui.Button[discord.ui.View]], template=r"cw:unfollow:(?P<entity>\d+)"):
    def __init__(self, entity_id: int) -> None:
        super().__init__(discord.ui.Button(label="Unfollow", style=discord.ButtonStyle.danger,
                                           custom_id=f"cw:unfollow:{entity_id}"))
        self.entity_id = entity_id

    @classmethod
    async def from_custom_id(cls, interaction: discord.Interaction, item: discord.ui.Item[Any],
                             match: re.Match[str]) -> UnfollowButton:
        return cls(int(match["entity"]))

    async def callback(self, interaction: discord.Interaction) -> None:
        db = app_of(interaction).db
        person = await service.person(db, self.entity_id)
        channel_id = followed_channel_id(interaction)
        if person is None or interaction.guild_id is None or channel_id is None:
            await interaction.response.send_message("Nothing to unfollow here.", ephemeral=True)
            return
        try:
            text = await service.unfollow(db, interaction.guild_id, channel_id, person.name)
        except service.UserError as error:
            text = str(error)
        await interaction.response.send_message(text, ephemeral=True, allowed_mentions=NO_PINGS)


def followed_channel_id(interaction: discord.Interaction) -> int | None:
    """The channel whose follows an alert belongs to. An alert in a story thread or a forum post is
    clicked in the thread, whose id is the interaction's channel_id; the follow is the parent's."""
    channel = interaction.channel
    if isinstance(channel, discord.Thread):
        return channel.parent_id
    return interaction.channel_id


def marker_of(custom_id: str) -> str | None:
    """The outbox marker an alert's Timeline button carries, if any."""
    match = TIMELINE_ID.fullmatch(custom_id)
    return match["marker"] if match else None


def alert_buttons(entity_id: int, marker: str | None = None) -> discord.ui.View:
    view = discord.ui.View(timeout=None)
    view.add_item(TimelineButton(entity_id, marker))
    view.add_item(UnfollowButton(entity_id))
    return view
