-- PostgreSQL's form of storage/migrations/0009_processes.sql: BIGINT ids and flags, byte-ordered text
-- (COLLATE "C", SQLite's order: stored timestamps and aliases compare as SQLite compares them).
-- Several processes on one database (issue 13). A version row for the names autocomplete indexes:
-- every alias insert bumps it, so each process rebuilds its cache when another learned a name.
CREATE TABLE counters (
    name TEXT COLLATE "C" PRIMARY KEY,
    value BIGINT NOT NULL
);
INSERT INTO counters (name, value) VALUES ('names', 0);

-- A lease on a feed's poll: the process that claimed it (lease_owner) until lease_until, so each
-- feed is fetched once per interval across the deployment and a dead process's feeds are taken
-- over when its leases run out. polled_by: the process that fetched it last (/feeds list).
ALTER TABLE feeds ADD COLUMN lease_owner TEXT COLLATE "C";
ALTER TABLE feeds ADD COLUMN lease_until TEXT COLLATE "C";
ALTER TABLE feeds ADD COLUMN polled_by TEXT COLLATE "C";
CREATE INDEX feeds_lease ON feeds (paused, lease_until)
