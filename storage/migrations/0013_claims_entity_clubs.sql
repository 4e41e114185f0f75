-- A person's claims by date, now with the club each names: telling namesakes apart asks which of
-- them a claim's clubs were seen with (storage/people.py with_clubs), and read the claims
-- themselves, one table page each, for every person sharing a surname (dozens in a database of
-- 100,000 people). The index answers it alone; it keeps serving the timeline's order.
DROP INDEX claims_entity;
CREATE INDEX claims_entity ON claims (entity_id, published, counterpart_key)
