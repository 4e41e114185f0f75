"""Story threads: which thread of a channel holds a story's alerts (the per-server `threads` setting).

A row is written when the story's first alert is in the channel, in the same transaction that
notes the alert's message on its outbox row, so a restart knows the parent exists and never posts
it again; the thread's id follows once Discord has created it.
"""

from __future__ import annotations

from storage.db import Executor, one, transaction, utcnow
from storage.records import StoryThread

_COLUMNS = "story_id, channel_id, guild_id, outbox_id, parent_message_id, thread_id"


async def get(ex: Executor, story_id: int, channel_id: int) -> StoryThread | None:
    return await one(ex, StoryThread, f"SELECT {_COLUMNS} FROM story_threads WHERE story_id = ? AND channel_id = ?",
                     (story_id, channel_id))


async def started(ex: Executor, story_id: int, channel_id: int, guild_id: int, outbox_id: int,
                  parent_message_id: str) -> None:
    """The story's first alert is posted in the channel: it is the thread's parent from now on
    (replacing a thread that was lost), and its outbox row knows its message."""
    async with transaction(ex) as conn:
        await conn.execute(
            "INSERT INTO story_threads (story_id, channel_id, guild_id, outbox_id, parent_message_id, thread_id,"
            " created_at) VALUES (?, ?, ?, ?, ?, NULL, ?) ON CONFLICT (story_id, channel_id) DO UPDATE SET"
            " outbox_id = excluded.outbox_id, parent_message_id = excluded.parent_message_id, thread_id = NULL,"
            " created_at = excluded.created_at",
            (story_id, channel_id, guild_id, outbox_id, parent_message_id, utcnow()),
        )
        await conn.execute("UPDATE outbox SET message_id = ? WHERE id = ?", (parent_message_id, outbox_id))


async def set_thread(ex: Executor, story_id: int, channel_id: int, thread_id: str) -> None:
    async with transaction(ex) as conn:
        await conn.execute("UPDATE story_threads SET thread_id = ? WHERE story_id = ? AND channel_id = ?",
                           (thread_id, story_id, channel_id))


async def forget(ex: Executor, story_id: int, channel_id: int) -> None:
    """The thread (or its parent) is gone: the story's next alert in the channel starts afresh."""
    async with transaction(ex) as conn:
        await conn.execute("DELETE FROM story_threads WHERE story_id = ? AND channel_id = ?", (story_id, channel_id))
