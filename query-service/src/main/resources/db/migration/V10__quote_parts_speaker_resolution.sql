-- A quotation interrupted by its attribution ("We are ready," she said. "End this war.") or
-- continued over paragraphs is one quote of several parts: part_starts[i], part_ends[i] are the
-- offsets of its i-th stretch of quoted words, in text order; text is their words joined by a
-- space (so part i's text is read back from text, IndexValidator having checked that each part's
-- text is the document text at its offsets). start_offset/end_offset run from the first part's
-- start to the last part's end. Quotes stored before have one part: their own offsets.
ALTER TABLE quotes ADD COLUMN part_starts int[], ADD COLUMN part_ends int[];
UPDATE quotes SET part_starts = ARRAY[start_offset], part_ends = ARRAY[end_offset];
ALTER TABLE quotes ALTER COLUMN part_starts SET NOT NULL, ALTER COLUMN part_ends SET NOT NULL,
    ADD CONSTRAINT quotes_parts_check CHECK (
        cardinality(part_starts) >= 1 AND cardinality(part_ends) = cardinality(part_starts)
        AND part_starts[1] = start_offset AND part_ends[cardinality(part_ends)] = end_offset);

-- How the extraction reached the speaker from the words at the cue (NAME, PRONOUN, DESCRIPTION,
-- ORGANIZATION, CONTINUED, UNNAMED) and those words (speaker_mention with its offsets; none for
-- CONTINUED). NULL for quotes indexed before the extraction reported them. An UNNAMED source ("a
-- senior adviser") has its description as speaker_name and no speaker_entity_id.
ALTER TABLE quotes ADD COLUMN speaker_resolution text
        CHECK (speaker_resolution IN ('NAME', 'PRONOUN', 'DESCRIPTION', 'ORGANIZATION', 'CONTINUED', 'UNNAMED')),
    ADD COLUMN speaker_mention text,
    ADD COLUMN speaker_mention_start int,
    ADD COLUMN speaker_mention_end int;
