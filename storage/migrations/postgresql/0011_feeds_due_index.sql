-- PostgreSQL's form of storage/migrations/0011_feeds_due_index.sql (NULLS FIRST: SQLite's order).
-- The claim's order (storage/leases.py: never-polled feeds first, then the longest-waiting), as an
-- index: a claim reads the few feeds it takes instead of sorting every due feed, which after an
-- outage or a restart is all of them.
DROP INDEX feeds_lease;
CREATE INDEX feeds_due ON feeds (lease_until NULLS FIRST, id)
