"""/timeline and /latest."""

from __future__ import annotations

import asyncio
import io
import logging
from collections.abc import Sequence
from typing import Any

import discord
from discord import app_commands
from discord.ext import commands

from bot import service
from bot.alerts.render import alert_embed, timeline_pages
from bot.alerts.timeline_picture import alt_text, filter_note, render_png, wants_picture
from bot.models import KINDS, StoryView
from cogs.follow import person_autocomplete
from cogs.ui import NO_PINGS, Paginator, app_of
from cogs.ui import embeds as page_embeds

KIND_CHOICES = [app_commands.Choice(name=kind.replace("_", " "), value=kind) for kind in KINDS]
PICTURE_NAME = "timeline.png"
NO_PICTURE = "The timeline picture could not be drawn this time; the stories are below as text."
log = logging.getLogger(__name__)


async def timeline_picture(person: str, stories: Sequence[StoryView], note: str = "") -> discord.File:
    """The timeline as a PNG attachment with its alt text. Drawn in a worker thread, so the event
    loop keeps serving; a failure raises and the caller answers with the text alone."""
    png = await asyncio.to_thread(render_png, person, stories, note=note)
    return discord.File(io.BytesIO(png), filename=PICTURE_NAME, description=alt_text(person, stories))


async def send_timeline(interaction: discord.Interaction, pages: list[dict[str, Any]], picture: discord.File | None,
                        *, content: str | None = None) -> None:
    """The pages (with the paginator when there are several) and the picture, in one reply."""
    built = page_embeds(pages)
    extra: dict[str, Any] = {"view": Paginator(built, interaction.user.id)} if len(built) > 1 else {}
    if picture is not None:
        extra["file"] = picture
    await interaction.response.send_message(content=content, embed=built[0], allowed_mentions=NO_PINGS, **extra)


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
        note = filter_note(kind.value if kind else None, since)
        subtitle = result.person.describe() + (f" · {note}" if note else "")
        pages = timeline_pages(result.person.name, subtitle, result.stories, kind=kind.value if kind else None)
        picture, content = None, None
        if wants_picture(result.stories):
            try:
                picture = await timeline_picture(result.person.name, result.stories, note)
            except Exception:  # any failure to draw: the text alone still answers
                log.exception("timeline picture for entity %s failed", result.person.id)
                content = NO_PICTURE
        await send_timeline(interaction, pages, picture, content=content)

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
