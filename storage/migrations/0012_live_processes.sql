-- The processes alive on this database, each run renewing its row while it lives (storage/leases.py):
-- a due feed goes first to the live process its id hashes to, so the polls spread over every
-- process and a feed stays with the process that remembers its last body, instead of going to
-- whichever process happens to ask first.
CREATE TABLE processes (
    owner TEXT PRIMARY KEY,
    alive_until TEXT NOT NULL
)
