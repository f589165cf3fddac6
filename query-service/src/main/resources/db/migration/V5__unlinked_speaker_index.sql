-- "Does any quote carry this speaker name without an entity?" (asked by every speaker-name search)
-- reads only the unlinked quotes: the (speaker_norm, sort_at, id) index holds every quote of a
-- prolific speaker, all linked, and the question would walk them all.
CREATE INDEX quotes_unlinked_speaker_idx ON quotes (speaker_norm, sort_at DESC, id DESC)
    WHERE speaker_entity_id IS NULL;
