-- Read model of query-service: articles, cross-document entities, mentions and quotes.
-- pg_trgm (a trusted extension: the database owner may create it) indexes substring search on
-- entity names and aliases.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- One row per indexed article. sort_at = published_at, else received_at, else the time it was
-- first indexed; every "newest first" list sorts on it.
CREATE TABLE documents (
    id                uuid PRIMARY KEY,
    title             text,
    source            text,
    url               text,
    published_at      timestamptz,
    received_at       timestamptz,
    sort_at           timestamptz NOT NULL,
    text              text        NOT NULL,
    extractor_version text,
    -- SHA-256 of the pushed body: an identical re-push changes nothing.
    content_hash      text        NOT NULL,
    indexed_at        timestamptz NOT NULL,
    search            tsvector GENERATED ALWAYS AS (
                          setweight(to_tsvector('english', coalesce(title, '')), 'A') ||
                          setweight(to_tsvector('english', text), 'B')) STORED
);
CREATE INDEX documents_search_idx ON documents USING gin (search);
CREATE INDEX documents_sort_idx ON documents (sort_at DESC, id);

-- One row per real person / organisation / place, across all documents. norm_name is the
-- normalised canonical name (lower case, no accents, no possessive 's, no punctuation).
-- The counters are updated incrementally, in the same transaction, by every push that changes them.
CREATE SEQUENCE entities_id_seq;
CREATE TABLE entities (
    id            bigint PRIMARY KEY DEFAULT nextval('entities_id_seq'),
    type          text        NOT NULL CHECK (type IN ('PERSON', 'ORGANIZATION', 'LOCATION')),
    name          text        NOT NULL,
    norm_name     text        NOT NULL,
    article_count bigint      NOT NULL DEFAULT 0,
    mention_count bigint      NOT NULL DEFAULT 0,
    quote_count   bigint      NOT NULL DEFAULT 0,
    created_at    timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT entities_type_norm_name_key UNIQUE (type, norm_name)
);
ALTER SEQUENCE entities_id_seq OWNED BY entities.id;
CREATE INDEX entities_rank_idx ON entities (mention_count DESC, id DESC);
CREATE INDEX entities_type_rank_idx ON entities (type, mention_count DESC, id DESC);

-- Names an entity is known by. kind ALIAS: a name or alias seen in some document (the canonical
-- name included); kind SURNAME: the last word of a multi-word person name, which lets a bare
-- surname ("Trump") find and join the one person with that surname. norm is the matching key.
CREATE TABLE aliases (
    entity_id bigint NOT NULL REFERENCES entities (id) ON DELETE CASCADE,
    kind      text   NOT NULL CHECK (kind IN ('ALIAS', 'SURNAME')),
    norm      text   NOT NULL,
    alias     text   NOT NULL,
    words     int    NOT NULL,
    PRIMARY KEY (entity_id, kind, norm)
);
CREATE INDEX aliases_norm_idx ON aliases (norm, kind);
CREATE INDEX aliases_norm_trgm_idx ON aliases USING gin (norm gin_trgm_ops);

-- Titles and roles seen with the entity ("Russian President", "national security adviser").
CREATE TABLE titles (
    entity_id bigint NOT NULL REFERENCES entities (id) ON DELETE CASCADE,
    norm      text   NOT NULL,
    title     text   NOT NULL,
    PRIMARY KEY (entity_id, norm)
);

-- Where an entity is named in a document (character offsets into documents.text).
CREATE SEQUENCE mentions_id_seq INCREMENT BY 50;
CREATE TABLE mentions (
    id           bigint PRIMARY KEY,
    document_id  uuid   NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    entity_id    bigint NOT NULL REFERENCES entities (id),
    start_offset int    NOT NULL,
    end_offset   int    NOT NULL,
    text         text,
    CHECK (0 <= start_offset AND start_offset <= end_offset)
);
ALTER SEQUENCE mentions_id_seq OWNED BY mentions.id;
CREATE INDEX mentions_entity_idx ON mentions (entity_id, document_id);
CREATE INDEX mentions_document_idx ON mentions (document_id, start_offset);

-- Quotes, with the speaker resolved to an entity when the extraction named one. sort_at is copied
-- from the document so that "newest first" keyset pages are served from one index.
CREATE SEQUENCE quotes_id_seq INCREMENT BY 50;
CREATE TABLE quotes (
    id                bigint      PRIMARY KEY,
    document_id       uuid        NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    sort_at           timestamptz NOT NULL,
    speaker_entity_id bigint REFERENCES entities (id),
    speaker_name      text,
    speaker_norm      text,
    text              text        NOT NULL,
    type              text        NOT NULL CHECK (type IN ('DIRECT', 'PARTIAL', 'INDIRECT')),
    start_offset      int         NOT NULL,
    end_offset        int         NOT NULL,
    cue               text,
    cue_start         int,
    cue_end           int,
    confidence        double precision,
    search            tsvector GENERATED ALWAYS AS (to_tsvector('english', text)) STORED,
    CHECK (0 <= start_offset AND start_offset <= end_offset)
);
ALTER SEQUENCE quotes_id_seq OWNED BY quotes.id;
CREATE INDEX quotes_sort_idx ON quotes (sort_at DESC, id DESC);
CREATE INDEX quotes_speaker_idx ON quotes (speaker_entity_id, sort_at DESC, id DESC);
CREATE INDEX quotes_speaker_norm_idx ON quotes (speaker_norm, sort_at DESC, id DESC);
CREATE INDEX quotes_document_idx ON quotes (document_id, start_offset);
CREATE INDEX quotes_search_idx ON quotes USING gin (search);

-- Takes the transaction-scoped advisory locks of an index push, in the order given (the caller
-- sorts them), in one round trip.
CREATE FUNCTION lock_index_keys(keys bigint[]) RETURNS integer
LANGUAGE plpgsql AS $$
DECLARE
    k bigint;
BEGIN
    FOREACH k IN ARRAY keys LOOP
        PERFORM pg_advisory_xact_lock(k);
    END LOOP;
    RETURN cardinality(keys);
END
$$;
