"""/why url: why an item was posted in this server's channels, or why not (bot/why.py)."""

from __future__ import annotations

import discord
from discord import app_commands

from bot import service
from bot.discord_views import NO_PINGS, app_of
from bot.literal import clip

EXPLAIN_LINES = 20  # the extractor's reading, clipped: the answer above it matters more
DESCRIPTION_LIMIT = 4096  # Discord's limit on an embed's description
READING_HEAD, READING_TAIL = "\nHow the extractor reads it now:\n```\n", "\n```"
MIN_READING = 40  # less room than this for the reading: leave it out (the CLI shows it all)


def why_text(answer: service.WhyAnswer) -> str:
    """The answer, then the extractor's reading in a code block (feed text shown literally). The
    code block is whole or absent: a long answer leaves the reading out rather than cut a fence."""
    text = "\n".join(answer.lines)
    room = DESCRIPTION_LIMIT - len(text) - len(READING_HEAD) - len(READING_TAIL)
    if answer.explain and room >= MIN_READING:
        shown = [line.replace("`", "'") for line in answer.explain[:EXPLAIN_LINES]]
        if len(answer.explain) > EXPLAIN_LINES:
            shown.append(f"… {len(answer.explain) - EXPLAIN_LINES} more lines (`python -m bot why URL` shows all)")
        text += READING_HEAD + clip("\n".join(shown), room) + READING_TAIL
    return clip(text, DESCRIPTION_LIMIT)


def why_embed(answer: service.WhyAnswer) -> discord.Embed:
    return discord.Embed(title="Why?", description=why_text(answer))


@app_commands.command(name="why", description="Why an item was posted here, or why not")
@app_commands.describe(url="the item's link, as the alert or the feed shows it")
@app_commands.guild_only()
@app_commands.checks.cooldown(3, 30.0, key=lambda i: i.user.id)
async def why(interaction: discord.Interaction, url: app_commands.Range[str, 1, 2000]) -> None:
    assert interaction.guild_id is not None
    answer = await service.why(app_of(interaction).db, url, interaction.guild_id, for_discord=True)
    await interaction.response.send_message(embed=why_embed(answer), ephemeral=True, allowed_mentions=NO_PINGS)
