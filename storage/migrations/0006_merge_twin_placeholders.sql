-- Twin placeholders left by the old /follow race: the follows of the twin that lost the key (0004)
-- move to the one that kept it, so the first report naming the person alerts every channel. A
-- follow that would repeat one the channel already has is dropped; the twin stays, followed by nobody.
UPDATE OR IGNORE follows SET entity_id = (
    SELECT keeper.id FROM entity_aliases a JOIN entities keeper ON keeper.placeholder_key = a.alias
    WHERE a.entity_id = follows.entity_id AND a.kind = 'full')
WHERE entity_id IN (
    SELECT twin.id FROM entities twin
    JOIN entity_aliases a ON a.entity_id = twin.id AND a.kind = 'full'
    JOIN entities keeper ON keeper.placeholder_key = a.alias
    WHERE twin.placeholder = 1 AND twin.placeholder_key IS NULL);

DELETE FROM follows WHERE entity_id IN (
    SELECT twin.id FROM entities twin
    JOIN entity_aliases a ON a.entity_id = twin.id AND a.kind = 'full'
    JOIN entities keeper ON keeper.placeholder_key = a.alias
    WHERE twin.placeholder = 1 AND twin.placeholder_key IS NULL)
