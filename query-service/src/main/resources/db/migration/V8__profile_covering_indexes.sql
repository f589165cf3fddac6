-- The entity profile's two dearest parts at 1M articles read a heap row for every index row:
-- "who speaks about it" fetched the speaker of each of the 500 newest quotes about the entity
-- (500 quotes rows: 4 ms for the most quoted-about entity) and the co-occurrence read the
-- entity of every mention in the articles of its 500 newest mentions (3 ms). Both now read
-- their index alone.
--
-- quote_subjects keeps the quote's speaker beside the subject: written with the subjects
-- (QuoteClusterer.SUBJECTS_OF_DOCUMENTS), and recomputed with them when a correction moves a
-- quote to another speaker.
ALTER TABLE quote_subjects ADD COLUMN speaker_entity_id bigint;
UPDATE quote_subjects s SET speaker_entity_id = q.speaker_entity_id
FROM quotes q WHERE q.id = s.quote_id AND q.speaker_entity_id IS NOT NULL;
DROP INDEX quote_subjects_entity_idx;
CREATE INDEX quote_subjects_entity_idx ON quote_subjects (entity_id, sort_at DESC, quote_id DESC)
    INCLUDE (speaker_entity_id);

DROP INDEX mentions_document_idx;
CREATE INDEX mentions_document_idx ON mentions (document_id, start_offset) INCLUDE (entity_id);
