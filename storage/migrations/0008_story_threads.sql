-- Story threads (a per-server setting, off by default): a story's first alert in a channel becomes
-- the parent of a thread that takes its later developments. One row per story per channel: the
-- alert that started it (its outbox row and message) and the thread, NULL until it is created.
-- A thread started from a message has that message's id, so creating it again finds it.
ALTER TABLE guild_settings ADD COLUMN threads INTEGER NOT NULL DEFAULT 0;
CREATE TABLE story_threads (
    story_id INTEGER NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
    channel_id INTEGER NOT NULL,
    guild_id INTEGER NOT NULL,
    outbox_id INTEGER NOT NULL,
    parent_message_id TEXT NOT NULL,
    thread_id TEXT,
    created_at TEXT NOT NULL,
    PRIMARY KEY (story_id, channel_id)
);
CREATE INDEX story_threads_channel ON story_threads (channel_id)
