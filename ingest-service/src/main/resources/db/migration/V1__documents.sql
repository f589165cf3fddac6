-- One row per ingested article. The row and its state are also the outbox: the worker picks up
-- rows that are RECEIVED or EXTRACTED and due (next_attempt_at <= now), see README.md.
CREATE TABLE document (
    id              uuid         PRIMARY KEY,
    content_hash    char(64)     NOT NULL,
    title           text,
    source          text,
    url             text,
    published_at    timestamptz,
    received_at     timestamptz  NOT NULL,
    text            text         NOT NULL,
    status          varchar(16)  NOT NULL,
    attempts        integer      NOT NULL DEFAULT 0,
    last_error      text,
    next_attempt_at timestamptz  NOT NULL,
    lease_token     uuid,
    extraction      jsonb,
    extracted_at    timestamptz,
    indexed_at      timestamptz,
    updated_at      timestamptz  NOT NULL,
    CONSTRAINT document_status_check CHECK (status IN ('RECEIVED', 'EXTRACTED', 'INDEXED', 'FAILED')),
    CONSTRAINT document_attempts_check CHECK (attempts >= 0)
);

-- The same text (normalised) is stored once; concurrent duplicates meet here.
CREATE UNIQUE INDEX document_content_hash_uq ON document (content_hash);

-- The worker's queue: only the rows still to be processed, in the order they fall due.
CREATE INDEX document_due_idx ON document (next_attempt_at) WHERE status IN ('RECEIVED', 'EXTRACTED');

-- Listing, newest first, optionally by state.
CREATE INDEX document_received_idx ON document (received_at DESC, id);
CREATE INDEX document_status_received_idx ON document (status, received_at DESC, id);
