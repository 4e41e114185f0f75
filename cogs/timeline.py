"""/timeline and /latest."""

from __future__ import annotations

import discord
from discord import app_commands
from discord.ext import commands

from bot import service
from bot.alerts.render import alert_embed, timeline_pages
from bot.models import KINDS
from cogs.follow import person_autocomplete
from cogs.ui import NO_PINGS, app_of, send_pages

KIND_CHOICES = [app_commands.Choice(name=kind.replace("_", " "), value=kind) for kind in KINDS]


class TimelineCog(commands.Cog):
    @app_commands.command(name="timeline", description="A person's stories, oldest to newest, with sources")
    @app_commands.describe(name="the person", kind="only stories with this kind", since="only since a date (YYYY-MM-DD)")
    @app_commands.autocomplete(name=person_autocomplete)
    @app_commands.choices(kind=KIND_CHOICES)
    @app_commands.checks.cooldown(3, 30.0, key=lambda i: i.user.id)
    async def timeline(self, interaction: discord.Interaction, name: app_commands.Range[str, 1, 100],
                       kind: app_commands.Choice[str] | None = None, since: str | None = None) -> None:
        result = await service.timeline(app_of(interaction).db, name, kind=kind.value if kind else None, since=since,
                                        guild_id=interaction.guild_id or 0)  # 0 in a DM: the operator's feeds only
        subtitle = result.person.describe() + (f" · {kind.name} only" if kind else "") + (f" · since {since}" if since else "")
        await send_pages(interaction, timeline_pages(result.person.name, subtitle, result.stories), ephemeral=False)

    @app_commands.command(name="latest", description="The newest developments about people this server follows")
    @app_commands.guild_only()
    @app_commands.checks.cooldown(3, 30.0, key=lambda i: i.user.id)
    async def latest(self, interaction: discord.Interaction) -> None:
        assert interaction.guild_id is not None
        views = await service.latest(app_of(interaction).db, interaction.guild_id, limit=5)
        if not views:
            await interaction.response.send_message(
                "No developments yet about anyone this server follows.", ephemeral=True)
            return
        embeds = [discord.Embed.from_dict(alert_embed(view)) for view in views]
        # Five alert embeds fit Discord's 6,000-character message limit only if trimmed: send the newest that fit.
        fitted, total = [], 0
        for embed in embeds:
            if total + len(embed) > 6000:
                break
            fitted.append(embed)
            total += len(embed)
        await interaction.response.send_message(embeds=fitted, allowed_mentions=NO_PINGS)


async def setup(bot: commands.Bot) -> None:
    await bot.add_cog(TimelineCog())
