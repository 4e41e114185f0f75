-- PostgreSQL's form of storage/migrations/0002_guild_settings.sql: BIGINT ids and flags, byte-ordered text
-- (COLLATE "C", SQLite's order: stored timestamps and aliases compare as SQLite compares them).
-- Per-server alert settings: where notices go, the weakest source worth an alert, which kinds, digest.
CREATE TABLE guild_settings (
    guild_id BIGINT PRIMARY KEY,
    alert_channel_id BIGINT,
    min_tier TEXT COLLATE "C",                 -- NULL: every source; else official | tier1 .. tier4
    kinds TEXT COLLATE "C",                    -- NULL: every kind; else a comma-separated list
    digest BIGINT NOT NULL DEFAULT 0,
    updated_at TEXT COLLATE "C" NOT NULL
)
