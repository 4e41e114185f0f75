-- PostgreSQL's form of storage/migrations/0006_merge_twin_placeholders.sql.
-- Twin placeholders left by the old /follow race: the follows of the twin that lost the key (0004)
-- move to the one that kept it, so the first report naming the person alerts every channel. A
-- follow that would repeat one the channel already has is dropped; the twin stays, followed by nobody.
UPDATE follows SET entity_id = (
    SELECT keeper.id FROM entity_aliases a JOIN entities keeper ON keeper.placeholder_key = a.alias
    WHERE a.entity_id = follows.entity_id AND a.kind = 'full')
WHERE entity_id IN (
    SELECT twin.id FROM entities twin
    JOIN entity_aliases a ON a.entity_id = twin.id AND a.kind = 'full'
    JOIN entities keeper ON keeper.placeholder_key = a.alias
    WHERE twin.placeholder = 1 AND twin.placeholder_key IS NULL)
-- What SQLite's UPDATE OR IGNORE skips: a follow the channel already has under the keeper.
AND NOT EXISTS (
    SELECT 1 FROM follows other
    JOIN entity_aliases a ON a.entity_id = follows.entity_id AND a.kind = 'full'
    JOIN entities keeper ON keeper.placeholder_key = a.alias
    WHERE other.guild_id = follows.guild_id AND other.channel_id = follows.channel_id
    AND other.entity_id = keeper.id);

DELETE FROM follows WHERE entity_id IN (
    SELECT twin.id FROM entities twin
    JOIN entity_aliases a ON a.entity_id = twin.id AND a.kind = 'full'
    JOIN entities keeper ON keeper.placeholder_key = a.alias
    WHERE twin.placeholder = 1 AND twin.placeholder_key IS NULL)
