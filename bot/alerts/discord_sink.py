"""Posts outbox alerts to Discord channels and turns Discord's errors into outbox outcomes."""

from __future__ import annotations

import logging
from datetime import datetime, timedelta
from typing import Final, Literal

import discord

from bot.alerts.buttons import alert_buttons, marker_of
from bot.alerts.deliver import SendResult
from bot.alerts.render import alert_embed, digest_embed, story_parent_embed, thread_name
from bot.literal import clip
from bot.models import AlertView

log = logging.getLogger(__name__)
# How far before a row went 'sending' to start looking (clocks differ), and how many posts after it.
CLOCK_SLACK = timedelta(minutes=10)
HISTORY_LIMIT = 200
THREAD_ARCHIVE_MINUTES: Final[Literal[10080]] = 10080  # a week: sagas are slow; a post in an archived thread reopens it
ALREADY_THREADED = 160004  # "A thread has already been created for this message"
ARCHIVED_THREAD, LOCKED_THREAD = 50083, 160005


def _outcome(error: discord.HTTPException | discord.RateLimited, *, not_found: SendResult,
             forbidden: SendResult) -> SendResult:
    """Discord's answer to a failed call as an outbox outcome: the place is gone or closed to the
    bot (`not_found`, `forbidden`), wait and retry (rate limit), or a retryable HTTP error."""
    if isinstance(error, discord.RateLimited):
        return SendResult(retry_after=error.retry_after, error="rate limited")
    if isinstance(error, discord.NotFound):
        return not_found
    if isinstance(error, discord.Forbidden):
        return forbidden
    return SendResult(error=f"Discord HTTP {error.status}: {clip(str(error.text), 200)}")


_CHANNEL_GONE = SendResult(channel_lost="the channel no longer exists")
_CHANNEL_CLOSED = SendResult(channel_lost="the bot lost permission to post there")


class DiscordSink:
    def __init__(self, client: discord.Client, notice_channel: dict[int, int] | None = None) -> None:
        self.client = client
        self.notice_channel = notice_channel or {}  # guild id -> the channel set with /alerts channel

    async def _channel(self, channel_id: int) -> discord.abc.Messageable:
        channel = self.client.get_channel(channel_id)
        if channel is None:
            channel = await self.client.fetch_channel(channel_id)
        assert isinstance(channel, discord.abc.Messageable)
        return channel

    async def _any_channel(self, channel_id: int) -> object:
        """The channel, of whatever kind (a forum channel is not Messageable)."""
        return self.client.get_channel(channel_id) or await self.client.fetch_channel(channel_id)

    async def _post(self, channel_id: int, **message: object) -> SendResult:
        """Send one message; Discord's answer becomes an outbox outcome."""
        try:
            channel = await self._channel(channel_id)
            # A nonce makes discord.py send enforce_nonce: a resend after a crash returns the first post.
            sent = await channel.send(allowed_mentions=discord.AllowedMentions.none(), **message)  # type: ignore[call-overload]
            return SendResult(message_id=str(sent.id))
        except (discord.HTTPException, discord.RateLimited) as error:
            return _outcome(error, not_found=_CHANNEL_GONE, forbidden=_CHANNEL_CLOSED)

    async def send(self, guild_id: int, channel_id: int, view: AlertView, nonce: str) -> SendResult:
        return await self._post(channel_id, embed=discord.Embed.from_dict(alert_embed(view)),
                                view=alert_buttons(view.story.entity_id, marker=nonce), nonce=nonce)

    # -- story threads (the per-server `threads` setting; bot/alerts/deliver.py decides the steps) --

    async def send_parent(self, guild_id: int, channel_id: int, view: AlertView, nonce: str,
                          note: str | None) -> SendResult:
        """A story's first alert in the channel, the parent of its thread: an alert like any other,
        with a line saying why when it replaces a thread that was lost."""
        if not await self.is_forum(guild_id, channel_id):
            return await self._post(channel_id, content=note, embed=discord.Embed.from_dict(alert_embed(view)),
                                    view=alert_buttons(view.story.entity_id, marker=nonce), nonce=nonce)
        # In a forum the first alert opens the story's post: a thread and its starter message, one
        # id. Discord takes no nonce here; find_posted looks for the post after a crash instead.
        return await self._open_post(channel_id, thread_name(view), content=note,
                                     embed=discord.Embed.from_dict(alert_embed(view)),
                                     view=alert_buttons(view.story.entity_id, marker=nonce))

    async def _open_post(self, forum_id: int, name: str, *, content: str | None = None, embed: discord.Embed,
                         view: discord.ui.View | None = None) -> SendResult:
        """A new post in a forum channel; Discord's answer becomes an outbox outcome."""
        try:
            forum = await self._any_channel(forum_id)
            if not isinstance(forum, discord.ForumChannel):
                return SendResult(error="not a forum channel")
            created = await forum.create_thread(name=name, auto_archive_duration=THREAD_ARCHIVE_MINUTES,
                                                content=content, embed=embed, view=view or discord.utils.MISSING,
                                                allowed_mentions=discord.AllowedMentions.none())
            return SendResult(message_id=str(created.message.id))
        except (discord.HTTPException, discord.RateLimited) as error:
            return _outcome(error, not_found=_CHANNEL_GONE, forbidden=_CHANNEL_CLOSED)

    async def is_forum(self, guild_id: int, channel_id: int) -> bool:
        """A forum channel holds posts only: there every story is one post, whatever the setting."""
        try:
            return isinstance(await self._any_channel(channel_id), discord.ForumChannel)
        except discord.HTTPException:
            return False  # the post itself will say what is wrong with the channel

    async def start_thread(self, guild_id: int, channel_id: int, parent_id: str, view: AlertView) -> SendResult:
        """The thread on the parent alert; its id is the parent's, so a second attempt (after a
        crash) finds the first one's thread. `thread_lost` when it cannot be had."""
        try:
            if await self.is_forum(guild_id, channel_id):
                return SendResult(message_id=str(parent_id))  # a forum post is its own thread
            channel = await self._channel(channel_id)
            if not isinstance(channel, discord.TextChannel):
                return SendResult(thread_lost="cannot start a thread in this kind of channel")
            thread = await channel.get_partial_message(int(parent_id)).create_thread(
                name=thread_name(view), auto_archive_duration=THREAD_ARCHIVE_MINUTES)
            return SendResult(message_id=str(thread.id))
        except (discord.HTTPException, discord.RateLimited) as error:
            if isinstance(error, discord.HTTPException) and error.code == ALREADY_THREADED:
                return SendResult(message_id=str(parent_id))
            return _outcome(error, not_found=SendResult(thread_lost="lost its first alert (deleted)"),
                            forbidden=SendResult(thread_lost="could not be started (the bot lacks Create Public Threads)"))

    async def send_in_thread(self, guild_id: int, thread_id: str, view: AlertView, nonce: str) -> SendResult:
        """A later development, in the story's thread. `thread_lost` when the thread cannot take
        it: deleted, locked by a moderator (looked up first, so a bot that may post in locked
        threads still respects the lock), or closed to the bot. An archived thread that is not
        locked takes the post, and Discord reopens it."""
        try:
            thread = await self.client.fetch_channel(int(thread_id))
            if not isinstance(thread, discord.Thread):
                return SendResult(thread_lost="is no longer a thread")
            if thread.locked:
                return SendResult(thread_lost="was locked")
            sent = await thread.send(embed=discord.Embed.from_dict(alert_embed(view)),
                                     view=alert_buttons(view.story.entity_id, marker=nonce), nonce=nonce,
                                     allowed_mentions=discord.AllowedMentions.none())
            return SendResult(message_id=str(sent.id))
        except (discord.HTTPException, discord.RateLimited) as error:
            if isinstance(error, discord.HTTPException) and error.code in (ARCHIVED_THREAD, LOCKED_THREAD):
                return SendResult(thread_lost="was locked")
            return _outcome(error, not_found=SendResult(thread_lost="was deleted"),
                            forbidden=SendResult(thread_lost="is closed to the bot (Send Messages in Threads)"))

    async def edit_parent(self, guild_id: int, channel_id: int, parent_id: str, view: AlertView) -> SendResult:
        """Show the story's current rung on its parent alert. Editing is idempotent, so a retry after
        a crash edits again; a parent that was deleted is `thread_lost` (nothing left to edit)."""
        try:
            if await self.is_forum(guild_id, channel_id):  # a forum post's starter message is in the post
                holder: discord.abc.Messageable = self.client.get_partial_messageable(
                    int(parent_id), guild_id=guild_id, type=discord.ChannelType.public_thread)
            else:
                holder = await self._channel(channel_id)
            if not isinstance(holder, discord.TextChannel | discord.PartialMessageable):
                return SendResult(thread_lost="has no parent to edit")
            await holder.get_partial_message(int(parent_id)).edit(
                embed=discord.Embed.from_dict(story_parent_embed(view)))
            return SendResult(message_id=str(parent_id))
        except (discord.HTTPException, discord.RateLimited) as error:
            return _outcome(error, not_found=SendResult(thread_lost="lost its first alert (deleted)"),
                            forbidden=SendResult(thread_lost="has a parent the bot may no longer edit"))

    async def find_posted(self, guild_id: int, channel_id: int, marker: str, since: str | None) -> str | None:
        """Our message whose Timeline button carries `marker`, among the channel's posts from a
        little before `since` on (the latest ones when unknown). Needs Read Message History."""
        me = self.client.user
        if me is not None and await self.is_forum(guild_id, channel_id):
            return await self._find_forum_post(guild_id, channel_id, marker)
        channel = await self._channel(channel_id)
        if me is None or not isinstance(channel, discord.abc.Messageable):
            return None
        after = datetime.fromisoformat(since.replace("Z", "+00:00")) - CLOCK_SLACK if since else None
        async for message in channel.history(limit=HISTORY_LIMIT, after=after):
            if message.author.id != me.id:
                continue
            for row in message.components:
                for item in getattr(row, "children", ()):
                    if marker_of(getattr(item, "custom_id", None) or "") == marker:
                        return str(message.id)
        return None

    async def _find_forum_post(self, guild_id: int, forum_id: int, marker: str) -> str | None:
        """Our post in a forum whose starter message carries `marker`, among the server's active
        threads (a post is archived only after a quiet week, long after any restart looks for it)."""
        me = self.client.user
        guild = self.client.get_guild(guild_id) or await self.client.fetch_guild(guild_id)
        for thread in await guild.active_threads():
            if thread.parent_id != forum_id or me is None or thread.owner_id != me.id:
                continue
            try:
                starter = await thread.fetch_message(thread.id)
            except discord.NotFound:
                continue
            for row in starter.components:
                for item in getattr(row, "children", ()):
                    if marker_of(getattr(item, "custom_id", None) or "") == marker:
                        return str(starter.id)
        return None

    async def send_digest(self, guild_id: int, channel_id: int, views: list[AlertView], nonce: str) -> SendResult:
        digest = digest_embed(views)
        if await self.is_forum(guild_id, channel_id):  # a forum takes posts only: the day's digest is one
            return await self._open_post(channel_id, digest["title"][:100], embed=discord.Embed.from_dict(digest))
        return await self._post(channel_id, embed=discord.Embed.from_dict(digest), nonce=nonce)

    async def channel_lost(self, guild_id: int, channel_id: int, reason: str) -> None:
        """Tell the server once, where the bot still can: its alerts channel or system channel."""
        guild = self.client.get_guild(guild_id)
        if guild is None:
            return
        candidates = [self.client.get_channel(self.notice_channel.get(guild_id, 0)), guild.system_channel]
        text = (f"claimwatch can no longer post alerts in <#{channel_id}>: {reason}. Its follows are paused; "
                "fix the channel's permissions and run /follow there again to resume.")
        for channel in candidates:
            if channel is None or getattr(channel, "id", None) == channel_id:
                continue
            try:
                await channel.send(text, allowed_mentions=discord.AllowedMentions.none())  # type: ignore[union-attr]
                return
            except discord.HTTPException:
                continue
        log.warning("could not tell guild %s that channel %s was lost", guild_id, channel_id)
