"""/follow, /unfollow, /following: parse the interaction, call the service, render the answer."""

from __future__ import annotations

import discord
from discord import app_commands
from discord.ext import commands

from bot import service
from bot.discord_views import NO_PINGS, app_of


async def person_autocomplete(interaction: discord.Interaction, current: str) -> list[app_commands.Choice[str]]:
    """Known people, accent-insensitive, surname or full name, typo-tolerant, at most 25."""
    if len(current) > 80:
        return []
    people = await service.suggest(app_of(interaction).db, current or "", limit=25, guild_id=interaction.guild_id)
    return [app_commands.Choice(name=person.describe()[:100], value=person.name[:100]) for person in people]


# Alerts go to a text channel, or to a forum channel, where each story is one post (bot/alerts/deliver.py).
AlertChannel = discord.TextChannel | discord.ForumChannel


async def _target_channel(interaction: discord.Interaction, channel: AlertChannel | None) -> int:
    if channel is not None:
        return channel.id
    assert interaction.channel_id is not None
    return interaction.channel_id


class FollowCog(commands.Cog):
    @app_commands.command(name="follow", description="Get alerts in a channel when a player or manager has news")
    @app_commands.describe(name="the person, e.g. konate or Xabi Alonso", channel="where alerts go (default: here)")
    @app_commands.autocomplete(name=person_autocomplete)
    @app_commands.guild_only()
    async def follow(self, interaction: discord.Interaction, name: app_commands.Range[str, 1, 100],
                     channel: AlertChannel | None = None) -> None:
        assert interaction.guild_id is not None
        target = await _target_channel(interaction, channel)
        result = await service.follow(app_of(interaction).db, interaction.guild_id, target, name, by=str(interaction.user.id))
        text = result.message if target == interaction.channel_id else f"{result.message} (in <#{target}>)"
        await interaction.response.send_message(text, ephemeral=result.person is None, allowed_mentions=NO_PINGS)

    @app_commands.command(name="unfollow", description="Stop alerts about a person in a channel")
    @app_commands.describe(name="the person to stop following", channel="the channel (default: here)")
    @app_commands.autocomplete(name=person_autocomplete)
    @app_commands.guild_only()
    async def unfollow(self, interaction: discord.Interaction, name: app_commands.Range[str, 1, 100],
                       channel: AlertChannel | None = None) -> None:
        assert interaction.guild_id is not None
        target = await _target_channel(interaction, channel)
        text = await service.unfollow(app_of(interaction).db, interaction.guild_id, target, name)
        await interaction.response.send_message(text, allowed_mentions=NO_PINGS)

    @app_commands.command(name="following", description="Who this channel (or a given one) follows")
    @app_commands.guild_only()
    async def following(self, interaction: discord.Interaction, channel: AlertChannel | None = None) -> None:
        assert interaction.guild_id is not None
        target = await _target_channel(interaction, channel)
        lines = await service.following(app_of(interaction).db, interaction.guild_id, target)
        text = "\n".join(f"• {line}" for line in lines) if lines else "Nobody is followed here yet. Try `/follow konate`."
        await interaction.response.send_message(text[:2000], ephemeral=True, allowed_mentions=NO_PINGS)


async def setup(bot: commands.Bot) -> None:
    await bot.add_cog(FollowCog())
