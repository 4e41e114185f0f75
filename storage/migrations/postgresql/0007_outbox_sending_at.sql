-- PostgreSQL's form of storage/migrations/0007_outbox_sending_at.sql: BIGINT ids and flags, byte-ordered text
-- (COLLATE "C", SQLite's order: stored timestamps and aliases compare as SQLite compares them).
-- When a delivery last went out: a row still 'sending' at start-up may already be in its channel,
-- and past Discord's nonce window only the channel's history can tell (bot/alerts/deliver.py).
ALTER TABLE outbox ADD COLUMN sending_at TEXT COLLATE "C"
