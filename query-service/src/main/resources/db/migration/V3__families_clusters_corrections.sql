-- Issue 5: duplicate families, quote clusters, quotes "about" an entity, timelines, and reversible
-- entity corrections (merge/split) with the reason every name joined its entity.

-- Duplicate family (the ingest-side family id; the document's own id when it has no copies).
ALTER TABLE documents ADD COLUMN family_id uuid;
UPDATE documents SET family_id = id;
ALTER TABLE documents ALTER COLUMN family_id SET NOT NULL;
CREATE INDEX documents_family_idx ON documents (family_id, sort_at, id);
-- Keyset pages "newest first" with the id as the tie-break in the same direction.
CREATE INDEX documents_sort_desc_idx ON documents (sort_at DESC, id DESC);
CREATE INDEX documents_source_idx ON documents (lower(source), sort_at DESC, id DESC);

-- Mentions carry their document's sort_at: timelines and "articles of an entity, newest first"
-- are index range scans on (entity_id, sort_at).
ALTER TABLE mentions ADD COLUMN sort_at timestamptz;
UPDATE mentions m SET sort_at = d.sort_at FROM documents d WHERE d.id = m.document_id;
ALTER TABLE mentions ALTER COLUMN sort_at SET NOT NULL;
CREATE INDEX mentions_entity_time_idx ON mentions (entity_id, sort_at DESC, document_id);

-- Quotes: family (copied from the document), the sentence around the quote, and the cluster key.
-- norm_text: the quote's words, lower case, without accents, punctuation or ellipses (Java
-- QuoteKeys.normalize; rows from before this migration get an SQL approximation). text_key = the
-- first 8 bytes of SHA-256(norm_text) as a bigint (quote_key below, QuoteKeys.hash in Java);
-- head_key = the same hash of its first QuoteKeys.HEAD_WORDS words.
CREATE FUNCTION quote_key(norm text) RETURNS bigint
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
    SELECT ('x' || substr(encode(sha256(convert_to(norm, 'UTF8')), 'hex'), 1, 16))::bit(64)::bigint
$$;
ALTER TABLE quotes
    ADD COLUMN family_id      uuid,
    ADD COLUMN sentence_start int,
    ADD COLUMN sentence_end   int,
    ADD COLUMN norm_text      text,
    ADD COLUMN text_key       bigint,
    ADD COLUMN head_key       bigint,
    ADD COLUMN cluster_id     bigint;
UPDATE quotes SET family_id = document_id,
                  sentence_start = start_offset,
                  sentence_end = end_offset,
                  norm_text = btrim(regexp_replace(lower(text), '[^[:alnum:]]+', ' ', 'g')),
                  cluster_id = id;
UPDATE quotes SET text_key = quote_key(norm_text),
                  head_key = quote_key(array_to_string((regexp_split_to_array(norm_text, ' '))[1:6], ' '));
ALTER TABLE quotes
    ALTER COLUMN family_id SET NOT NULL,
    ALTER COLUMN sentence_start SET NOT NULL,
    ALTER COLUMN sentence_end SET NOT NULL,
    ALTER COLUMN norm_text SET NOT NULL,
    ALTER COLUMN text_key SET NOT NULL,
    ALTER COLUMN head_key SET NOT NULL,
    ALTER COLUMN cluster_id SET NOT NULL;
CREATE INDEX quotes_text_key_idx ON quotes (text_key);
CREATE INDEX quotes_head_key_idx ON quotes (head_key);
CREATE INDEX quotes_cluster_idx ON quotes (cluster_id, sort_at, id);
-- perFamily: a quote counts once per family (the first occurrence of its cluster in the family).
CREATE INDEX quotes_family_cluster_idx ON quotes (family_id, cluster_id, sort_at, id);
CREATE INDEX quotes_type_sort_idx ON quotes (type, sort_at DESC, id DESC);

-- One row per cluster of the same quote across articles; id = the cluster_id of its quotes.
-- Maintained by every index push that adds or removes an occurrence.
CREATE TABLE quote_clusters (
    id             bigint PRIMARY KEY,
    occurrences    int         NOT NULL,
    documents      int         NOT NULL,
    families       int         NOT NULL,
    first_quote_id bigint      NOT NULL,
    first_at       timestamptz NOT NULL,
    last_at        timestamptz NOT NULL
);
CREATE SEQUENCE quote_clusters_id_seq;
SELECT setval('quote_clusters_id_seq', coalesce((SELECT max(id) FROM quotes), 0) + 1, false);
CREATE INDEX quote_clusters_rank_idx ON quote_clusters (occurrences DESC, id DESC);
INSERT INTO quote_clusters (id, occurrences, documents, families, first_quote_id, first_at, last_at)
SELECT cluster_id, count(*), count(DISTINCT document_id), count(DISTINCT family_id),
       (array_agg(id ORDER BY sort_at, id))[1], min(sort_at), max(sort_at)
FROM quotes GROUP BY cluster_id;

-- Entities a quote is about: named inside the quote, or in its sentence (the speaker's own name
-- outside the quote does not count).
CREATE TABLE quote_subjects (
    quote_id  bigint      NOT NULL REFERENCES quotes (id) ON DELETE CASCADE,
    entity_id bigint      NOT NULL REFERENCES entities (id),
    sort_at   timestamptz NOT NULL,
    PRIMARY KEY (quote_id, entity_id)
);
CREATE INDEX quote_subjects_entity_idx ON quote_subjects (entity_id, sort_at DESC, quote_id DESC);
INSERT INTO quote_subjects (quote_id, entity_id, sort_at)
SELECT DISTINCT q.id, m.entity_id, q.sort_at
FROM quotes q JOIN mentions m ON m.document_id = q.document_id
WHERE m.start_offset >= q.sentence_start AND m.end_offset <= q.sentence_end
  AND (m.entity_id IS DISTINCT FROM q.speaker_entity_id
       OR (m.start_offset >= q.start_offset AND m.end_offset <= q.end_offset));

-- Entities merged by a correction point at the entity they were merged into.
ALTER TABLE entities ADD COLUMN merged_into bigint REFERENCES entities (id);

-- Why a name joined its entity: the resolution rule and the document that brought it.
ALTER TABLE aliases ADD COLUMN rule text, ADD COLUMN document_id uuid;
UPDATE aliases SET rule = 'SEEN';

-- Manual corrections: MERGE (source into target) and SPLIT (names carved out of target into a new
-- source entity). The rows moved are recorded so that a merge can be undone exactly.
CREATE TABLE entity_corrections (
    id           bigserial   PRIMARY KEY,
    kind         text        NOT NULL CHECK (kind IN ('MERGE', 'SPLIT')),
    target_id    bigint      NOT NULL REFERENCES entities (id),
    source_id    bigint      NOT NULL REFERENCES entities (id),
    reason       text,
    mention_ids  bigint[]    NOT NULL,
    quote_ids    bigint[]    NOT NULL,
    alias_norms  text[]      NOT NULL,
    created_at   timestamptz NOT NULL DEFAULT now(),
    undone_at    timestamptz
);
CREATE INDEX entity_corrections_target_idx ON entity_corrections (target_id, id);
CREATE INDEX entity_corrections_source_idx ON entity_corrections (source_id, id);
