-- PostgreSQL's form of storage/migrations/0008_story_threads.sql: BIGINT ids and flags, byte-ordered text
-- (COLLATE "C", SQLite's order: stored timestamps and aliases compare as SQLite compares them).
-- Story threads (a per-server setting, off by default): a story's first alert in a channel becomes
-- the parent of a thread that takes its later developments. One row per story per channel: the
-- alert that started it (its outbox row and message) and the thread, NULL until it is created.
-- A thread started from a message has that message's id, so creating it again finds it.
ALTER TABLE guild_settings ADD COLUMN threads BIGINT NOT NULL DEFAULT 0;
CREATE TABLE story_threads (
    story_id BIGINT NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
    channel_id BIGINT NOT NULL,
    guild_id BIGINT NOT NULL,
    outbox_id BIGINT NOT NULL,
    parent_message_id TEXT COLLATE "C" NOT NULL,
    thread_id TEXT COLLATE "C",
    created_at TEXT COLLATE "C" NOT NULL,
    PRIMARY KEY (story_id, channel_id)
);
CREATE INDEX story_threads_channel ON story_threads (channel_id)
