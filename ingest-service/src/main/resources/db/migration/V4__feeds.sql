-- RSS/Atom subscriptions. A feed row is also its polling schedule: the poller claims due feeds
-- (next_poll_at <= now) with FOR UPDATE SKIP LOCKED, like the document outbox.
CREATE TABLE feed (
    id                    uuid        PRIMARY KEY,
    url                   text        NOT NULL,
    title                 text,
    source                text,
    poll_interval_seconds integer     NOT NULL CHECK (poll_interval_seconds > 0),
    etag                  text,
    last_modified         text,
    created_at            timestamptz NOT NULL,
    last_polled_at        timestamptz,
    next_poll_at          timestamptz NOT NULL,
    last_status           integer,
    last_error            text,
    entries_seen          integer     NOT NULL DEFAULT 0,
    documents_ingested    integer     NOT NULL DEFAULT 0
);
CREATE UNIQUE INDEX feed_url_uq ON feed (url);
CREATE INDEX feed_due_idx ON feed (next_poll_at);

-- Entries already ingested, by the entry's id (guid / atom:id) or else its link: skipped next time.
CREATE TABLE feed_entry (
    feed_id     uuid        NOT NULL REFERENCES feed (id) ON DELETE CASCADE,
    entry_key   text        NOT NULL,
    document_id uuid        REFERENCES document (id),
    seen_at     timestamptz NOT NULL,
    PRIMARY KEY (feed_id, entry_key)
);
