-- PostgreSQL's form of storage/migrations/0003_feed_subscriptions.sql: BIGINT ids and flags, byte-ordered text
-- (COLLATE "C", SQLite's order: stored timestamps and aliases compare as SQLite compares them).
-- Servers are tenants: a feed added from Discord belongs to the servers that added it. One feeds row
-- per URL (fetched once, however many servers read it); one subscription per server that added it,
-- with that server's own name for it. Config and CLI feeds are the operator's and have none.
CREATE TABLE feed_subscriptions (
    feed_id BIGINT NOT NULL REFERENCES feeds(id) ON DELETE CASCADE,
    guild_id BIGINT NOT NULL,
    name TEXT COLLATE "C",
    added_by TEXT COLLATE "C",
    created_at TEXT COLLATE "C" NOT NULL,
    PRIMARY KEY (guild_id, feed_id)
);
CREATE INDEX feed_subscriptions_feed ON feed_subscriptions (feed_id);

-- Feeds added from Discord before this migration belong to the server recorded on them.
INSERT INTO feed_subscriptions (feed_id, guild_id, name, added_by, created_at)
SELECT id, guild_id, name, added_by, created_at FROM feeds WHERE origin = 'discord' AND guild_id IS NOT NULL
