-- Ranked search reads the newest matches of a query day range by day range, newest first
-- (NewestMatches): a GIN index over (UTC day, search) answers "matches of these words on these
-- days" from the index alone, where a GIN index over search alone returns every match of a common
-- word in no time order. btree_gin (a trusted extension, like pg_trgm) lets GIN index the day.
-- The composite index also serves conditions on search alone, so it replaces the plain one.
CREATE EXTENSION IF NOT EXISTS btree_gin;

CREATE INDEX documents_day_search_idx ON documents USING gin (CAST(sort_at AT TIME ZONE 'UTC' AS date), search);
DROP INDEX documents_search_idx;

CREATE INDEX quotes_day_search_idx ON quotes USING gin (CAST(sort_at AT TIME ZONE 'UTC' AS date), search);
DROP INDEX quotes_search_idx;
