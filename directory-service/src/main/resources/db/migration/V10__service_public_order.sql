-- Searches and HSDS pages list active services by name, then id: with this index a page reads its offset and size in
-- that order instead of sorting every matching service (all 100,000 for an unfiltered HSDS page).
CREATE INDEX service_public_order ON service (name, id) WHERE status = 'ACTIVE';
