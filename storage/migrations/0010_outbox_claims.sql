-- Exactly once across processes: a delivery pass claims the outbox rows it will post (claimed_by,
-- until claimed_until), so two processes that both hold a guild's shard for a moment (a rolling
-- restart, overlapping --shards) never post the same alert. A claim ends with its pass; one left
-- by a killed process runs out, and the same process restarted takes its own back at once.
ALTER TABLE outbox ADD COLUMN claimed_by TEXT;
ALTER TABLE outbox ADD COLUMN claimed_until TEXT
