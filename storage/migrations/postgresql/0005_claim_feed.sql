-- PostgreSQL's form of storage/migrations/0005_claim_feed.sql: BIGINT ids and flags, byte-ordered text
-- (COLLATE "C", SQLite's order: stored timestamps and aliases compare as SQLite compares them).
-- Which feed a claim was read from, kept after its item is pruned: a claim read from a feed a
-- server added reaches that server's alerts, /latest and /timeline only (other servers never see
-- a private feed's text). NULL: the operator's feeds, or unknown; negative: a server's feed since
-- removed (hidden from every server). No foreign key: removal rewrites it (storage/feeds.py).
ALTER TABLE claims ADD COLUMN feed_id BIGINT;
UPDATE claims SET feed_id = (SELECT i.feed_id FROM items i WHERE i.id = claims.item_id) WHERE item_id IS NOT NULL
