-- Which feed a claim was read from, kept after its item is pruned: a claim read from a feed a
-- server added reaches that server's alerts, /latest and /timeline only (other servers never see
-- a private feed's text). NULL: the operator's feeds, or unknown; negative: a server's feed since
-- removed (hidden from every server). No foreign key: removal rewrites it (storage/feeds.py).
ALTER TABLE claims ADD COLUMN feed_id INTEGER;
UPDATE claims SET feed_id = (SELECT i.feed_id FROM items i WHERE i.id = claims.item_id) WHERE item_id IS NOT NULL
