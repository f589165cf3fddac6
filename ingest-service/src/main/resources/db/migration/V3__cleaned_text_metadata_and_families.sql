-- What the article came as and what its page declared; the cleaned body stays in "text".
ALTER TABLE document
    ADD COLUMN raw_body       text,
    ADD COLUMN raw_media_type varchar(100),
    ADD COLUMN authors        jsonb,
    ADD COLUMN language       varchar(16),
    ADD COLUMN canonical_url  text;

-- Families of copies of one story (syndicated, trimmed, spun, translated): family_id is the id of
-- the family's first document; duplicate_of the most similar earlier document; see README.md.
ALTER TABLE document
    ADD COLUMN fingerprint  bytea,
    ADD COLUMN family_id    uuid,
    ADD COLUMN duplicate_of uuid REFERENCES document (id),
    ADD COLUMN similarity   double precision,
    ADD COLUMN match_kind   varchar(16),
    ADD CONSTRAINT document_match_kind_check CHECK (match_kind IN ('NEAR_DUPLICATE', 'REWRITE'));

UPDATE document SET family_id = id WHERE family_id IS NULL;
ALTER TABLE document ALTER COLUMN family_id SET NOT NULL;

CREATE INDEX document_family_idx ON document (family_id, received_at);

-- LSH bands of each document's fingerprint: documents sharing a band are compared.
CREATE TABLE document_band (
    band        bigint NOT NULL,
    document_id uuid   NOT NULL REFERENCES document (id) ON DELETE CASCADE,
    PRIMARY KEY (band, document_id)
);
