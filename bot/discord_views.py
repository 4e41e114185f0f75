"""Discord pieces every command and alert shares: no pings, embeds from rendered pages, the
timeline paginator, ephemeral error replies, and the App behind an interaction."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Protocol, cast

import discord

if TYPE_CHECKING:
    from bot.app import App

NO_PINGS = discord.AllowedMentions.none()


def embeds(pages: list[dict[str, Any]]) -> list[discord.Embed]:
    return [discord.Embed.from_dict(page) for page in pages]


class _WithApp(Protocol):
    app: App


class _Poller(Protocol):
    def poll_soon(self) -> None: ...


class _Sink(Protocol):
    notice_channel: dict[int, int]  # guild id -> the channel set with /alerts channel


class RunningBot(Protocol):
    """What a command asks of the running bot (discord_client.ClaimwatchBot), named here as a
    protocol so that the client, which imports these views, is not imported back."""

    @property
    def poller(self) -> _Poller: ...

    @property
    def sink(self) -> _Sink: ...


def bot_of(interaction: discord.Interaction) -> RunningBot:
    """The running bot (its poller, its sink) behind an interaction."""
    return cast(RunningBot, interaction.client)


def app_of(interaction: discord.Interaction) -> App:
    """The bot's App (database, settings): cogs reach the service layer through it."""
    return cast(_WithApp, interaction.client).app


class Paginator(discord.ui.View):
    """Previous/next over prepared embeds; only the person who asked can flip the pages."""

    def __init__(self, pages: list[discord.Embed], owner_id: int) -> None:
        super().__init__(timeout=600)
        self.pages = pages
        self.owner_id = owner_id
        self.index = 0
        self._sync()

    def _sync(self) -> None:
        self.previous.disabled = self.index == 0
        self.next.disabled = self.index >= len(self.pages) - 1

    async def interaction_check(self, interaction: discord.Interaction) -> bool:
        if interaction.user.id != self.owner_id:
            await interaction.response.send_message("Run the command yourself to page through it.", ephemeral=True)
            return False
        return True

    @discord.ui.button(label="◀ Older", style=discord.ButtonStyle.secondary)
    async def previous(self, interaction: discord.Interaction, button: discord.ui.Button[Paginator]) -> None:
        self.index = max(0, self.index - 1)
        self._sync()
        await interaction.response.edit_message(embed=self.pages[self.index], view=self)

    @discord.ui.button(label="Newer ▶", style=discord.ButtonStyle.secondary)
    async def next(self, interaction: discord.Interaction, button: discord.ui.Button[Paginator]) -> None:
        self.index = min(len(self.pages) - 1, self.index + 1)
        self._sync()
        await interaction.response.edit_message(embed=self.pages[self.index], view=self)


async def send_pages(interaction: discord.Interaction, pages: list[dict[str, Any]], *, ephemeral: bool) -> None:
    built = embeds(pages)
    if len(built) == 1:
        await interaction.response.send_message(embed=built[0], ephemeral=ephemeral, allowed_mentions=NO_PINGS)
    else:
        await interaction.response.send_message(embed=built[0], view=Paginator(built, interaction.user.id),
                                                ephemeral=ephemeral, allowed_mentions=NO_PINGS)


async def reply_error(interaction: discord.Interaction, text: str) -> None:
    """Every user-facing error is ephemeral and pings nobody, answered or followed up."""
    if interaction.response.is_done():
        await interaction.followup.send(text, ephemeral=True, allowed_mentions=NO_PINGS)
    else:
        await interaction.response.send_message(text, ephemeral=True, allowed_mentions=NO_PINGS)
