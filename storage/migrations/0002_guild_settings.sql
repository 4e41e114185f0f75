-- Per-server alert settings: where notices go, the weakest source worth an alert, which kinds, digest.
CREATE TABLE guild_settings (
    guild_id INTEGER PRIMARY KEY,
    alert_channel_id INTEGER,
    min_tier TEXT,                 -- NULL: every source; else official | tier1 .. tier4
    kinds TEXT,                    -- NULL: every kind; else a comma-separated list
    digest INTEGER NOT NULL DEFAULT 0,
    updated_at TEXT NOT NULL
)
