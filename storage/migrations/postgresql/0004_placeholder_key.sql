-- PostgreSQL's form of storage/migrations/0004_placeholder_key.sql: BIGINT ids and flags, byte-ordered text
-- (COLLATE "C", SQLite's order: stored timestamps and aliases compare as SQLite compares them).
-- A person followed by name before any claim named them is created once, however many /follow of
-- the same new name race: placeholder_key is the folded full name, unique among placeholders, and
-- cleared when a claim confirms the person.
ALTER TABLE entities ADD COLUMN placeholder_key TEXT COLLATE "C";

-- Existing placeholders take their full alias as key; of duplicates, the oldest keeps it.
UPDATE entities SET placeholder_key = (
    SELECT a.alias FROM entity_aliases a WHERE a.entity_id = entities.id AND a.kind = 'full' LIMIT 1)
WHERE placeholder = 1 AND NOT EXISTS (
    SELECT 1 FROM entity_aliases mine
    JOIN entity_aliases theirs ON theirs.alias = mine.alias AND theirs.kind = 'full' AND theirs.entity_id < mine.entity_id
    JOIN entities older ON older.id = theirs.entity_id AND older.placeholder = 1
    WHERE mine.entity_id = entities.id AND mine.kind = 'full');

CREATE UNIQUE INDEX entities_placeholder_key ON entities (placeholder_key) WHERE placeholder_key IS NOT NULL
