-- Failed attempts that may be the document's own fault (5xx, timeouts), as opposed to the service
-- being unreachable or unavailable. Only these spend the retry budget; see README.md.
ALTER TABLE document ADD COLUMN failures integer NOT NULL DEFAULT 0;
ALTER TABLE document ADD CONSTRAINT document_failures_check CHECK (failures >= 0);
