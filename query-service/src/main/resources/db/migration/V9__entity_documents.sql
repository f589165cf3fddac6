-- The entity profile's co-occurrence read, for each of the entity's newest articles, every
-- mention in it (mentions_document_idx): ~500 index pages spread over the whole index at 1M
-- articles, 2.7 ms of PostgreSQL time when they are cached and most of the profile's slow tail
-- when they are not. One row per (entity, article naming or quoting it) that carries the other
-- entities the article names or quotes puts all of that in a few consecutive index pages per
-- entity; the profile's newest articles are then its first rows too.
--
-- Kept per document (EntityDocuments): rewritten when an article is indexed or replaced, and
-- when a correction moves mentions or quotes from one entity to another.
CREATE TABLE entity_documents (
    entity_id     bigint      NOT NULL REFERENCES entities (id),
    document_id   uuid        NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    sort_at       timestamptz NOT NULL,
    co_entity_ids bigint[]    NOT NULL, -- the other entities it names or quotes, ascending
    PRIMARY KEY (document_id, entity_id)
);
INSERT INTO entity_documents (entity_id, document_id, sort_at, co_entity_ids)
WITH e AS (SELECT entity_id, document_id, max(sort_at) AS sort_at FROM (
               SELECT entity_id, document_id, sort_at FROM mentions
               UNION ALL
               SELECT speaker_entity_id, document_id, sort_at FROM quotes WHERE speaker_entity_id IS NOT NULL) x
           GROUP BY entity_id, document_id)
SELECT a.entity_id, a.document_id, a.sort_at,
       coalesce(array_agg(b.entity_id ORDER BY b.entity_id) FILTER (WHERE b.entity_id IS NOT NULL), '{}')
FROM e a LEFT JOIN e b ON b.document_id = a.document_id AND b.entity_id <> a.entity_id
GROUP BY a.entity_id, a.document_id, a.sort_at;
CREATE INDEX entity_documents_entity_idx ON entity_documents (entity_id, sort_at DESC, document_id)
    INCLUDE (co_entity_ids);
ANALYZE entity_documents;
