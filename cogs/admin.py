"""Admin commands (Manage Server): /feeds add|remove|list|resume and /alerts channel|settings."""

from __future__ import annotations

import discord
from discord import app_commands
from discord.ext import commands

from bot import service
from bot.discord_views import NO_PINGS, app_of, bot_of
from bot.literal import clip
from cogs.why import why as why_command

TIER_CHOICES = [app_commands.Choice(name=t, value=t) for t in ("any", *service.TIER_CHOICES)]


async def feed_url_autocomplete(interaction: discord.Interaction, current: str) -> list[app_commands.Choice[str]]:
    """The catalogue's real feeds matching what was typed (an outlet, club, country, language), and
    the URL being typed itself: any URL may still be added."""
    return [app_commands.Choice(name=name, value=url) for name, url in service.catalogue_choices(current)]


class AdminGroup(app_commands.Group):
    """default_permissions only hides commands in the client; this check is what enforces them."""

    async def interaction_check(self, interaction: discord.Interaction) -> bool:
        if not interaction.permissions.manage_guild:
            raise app_commands.MissingPermissions(["manage_guild"])
        return True


@app_commands.guild_only()
@app_commands.default_permissions(manage_guild=True)
class FeedsGroup(AdminGroup, name="feeds", description="Manage the news feeds claimwatch reads"):
    @app_commands.command(name="add", description="Add an RSS or Atom feed (http or https)")
    @app_commands.describe(url="a feed URL, or pick one of the catalogue's real feeds")
    @app_commands.autocomplete(url=feed_url_autocomplete)
    @app_commands.checks.cooldown(5, 60.0, key=lambda i: i.user.id)
    async def add(self, interaction: discord.Interaction, url: app_commands.Range[str, 1, 2000],
                  name: app_commands.Range[str, 1, 100] | None = None) -> None:
        assert interaction.guild_id is not None
        added = await service.add_server_feed(app_of(interaction).db, url, name, guild_id=interaction.guild_id,
                                              by=str(interaction.user.id))
        if added.new_feed:
            bot_of(interaction).poller.poll_soon()
        await interaction.response.send_message(added.message, ephemeral=True, allowed_mentions=NO_PINGS)

    @app_commands.command(name="remove", description="Take a feed off this server's list (its stories stay)")
    async def remove(self, interaction: discord.Interaction, feed: app_commands.Range[str, 1, 2000]) -> None:
        text = await service.remove_feed(app_of(interaction).db, feed, guild_id=interaction.guild_id or 0)
        await interaction.response.send_message(text, ephemeral=True, allowed_mentions=NO_PINGS)

    @app_commands.command(name="resume", description="Resume a paused feed")
    async def resume(self, interaction: discord.Interaction, feed: app_commands.Range[str, 1, 2000]) -> None:
        text = await service.resume_feed(app_of(interaction).db, feed, guild_id=interaction.guild_id or 0)
        await interaction.response.send_message(text, ephemeral=True, allowed_mentions=NO_PINGS)

    @app_commands.command(name="catalogue", description="Real football news feeds to start from")
    @app_commands.describe(search="an outlet, club, country, language or kind, like liverpool or german")
    async def catalogue(self, interaction: discord.Interaction,
                        search: app_commands.Range[str, 1, 100] | None = None) -> None:
        lines = service.catalogue_listing(search, limit_chars=3900)
        lines.append("Add one with `/feeds add`: it autocompletes from this list.")
        embed = discord.Embed(title="Feed catalogue", description=clip("\n".join(lines), 4096))
        await interaction.response.send_message(embed=embed, ephemeral=True, allowed_mentions=NO_PINGS)

    @app_commands.command(name="list", description="This server's feeds and their health")
    async def list(self, interaction: discord.Interaction) -> None:
        lines = await service.feed_list(app_of(interaction).db, interaction.guild_id or 0)
        if not lines or "the operator's feed" in lines[0]:
            lines.insert(0, "This server has added no feeds yet. Add one with `/feeds add`.")
        embed = discord.Embed(title="Feeds", description=clip("\n".join(lines), 4096))
        await interaction.response.send_message(embed=embed, ephemeral=True, allowed_mentions=NO_PINGS)


@app_commands.guild_only()
@app_commands.default_permissions(manage_guild=True)
class AlertsGroup(AdminGroup, name="alerts", description="Where and which alerts this server gets"):
    @app_commands.command(name="channel", description="Set the channel for server notices")
    async def channel(self, interaction: discord.Interaction, channel: discord.TextChannel) -> None:
        assert interaction.guild_id is not None
        text = await service.set_alert_channel(app_of(interaction).db, interaction.guild_id, channel.id)
        bot_of(interaction).sink.notice_channel[interaction.guild_id] = channel.id
        await interaction.response.send_message(text, ephemeral=True, allowed_mentions=NO_PINGS)

    @app_commands.command(name="settings",
                          description="Minimum source tier, kinds to alert, instant or daily digest, story threads")
    @app_commands.describe(min_tier="the weakest source worth an alert", kinds="comma-separated kinds, or all",
                           digest="true: one daily digest; false: instant alerts",
                           threads="true: each story's alerts in one thread, started from its first alert")
    @app_commands.choices(min_tier=TIER_CHOICES)
    async def settings(self, interaction: discord.Interaction, min_tier: app_commands.Choice[str] | None = None,
                       kinds: app_commands.Range[str, 1, 300] | None = None, digest: bool | None = None,
                       threads: bool | None = None) -> None:
        assert interaction.guild_id is not None
        db = app_of(interaction).db
        if min_tier is None and kinds is None and digest is None and threads is None:
            text = await service.alert_settings(db, interaction.guild_id)
        else:
            text = await service.update_alert_settings(db, interaction.guild_id, min_tier=min_tier.value if min_tier else None,
                                                       kinds=kinds, digest=digest, threads=threads)
        await interaction.response.send_message(text, ephemeral=True, allowed_mentions=NO_PINGS)


async def setup(bot: commands.Bot) -> None:
    bot.tree.add_command(FeedsGroup())
    bot.tree.add_command(AlertsGroup())
    bot.tree.add_command(why_command)  # /why rides with the admin cog, which the extension list loads
