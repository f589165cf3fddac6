-- Issue 19: one person, one entity, whatever order the articles arrive in.
--
-- match_key: the order-free identity key of the name an entity was created for (Java NameKey:
-- "F:donald|trump|" for a full person name, "P:|trump|" for a surname alone, "N:white house" for
-- other names). Unique per type: every article naming a person so lands on that row, and two
-- concurrent pushes cannot both create it (INSERT ... ON CONFLICT). NULL for entities from before
-- this migration until RegistryUpgrade keys them at start-up (Java: the keys need the name lexicons),
-- and for entities carved out by a split whose key another entity has.
-- surname_key: the folded surname of a person key; the rows of one surname are the group that an
-- index push locks and reconciles (which person a surname alone belongs to).
ALTER TABLE entities ADD COLUMN match_key text, ADD COLUMN surname_key text;
CREATE UNIQUE INDEX entities_type_match_key_key ON entities (type, match_key);
-- (surname_key, match_key): a group's full names ('F:' keys) and its partial names ('P:' keys) are
-- each one index range, however many articles named the surname alone.
CREATE INDEX entities_surname_key_idx ON entities (surname_key, match_key text_pattern_ops)
    WHERE surname_key IS NOT NULL;
-- The canonical name now follows the best form seen (Java Matching.DISPLAY), so two keys may
-- show the same name; the identity constraint is on match_key.
ALTER TABLE entities DROP CONSTRAINT entities_type_norm_name_key;
CREATE INDEX entities_type_norm_name_idx ON entities (type, norm_name);

-- The entity row of the name each mention and quote speaker came with (its key entity): the row
-- follows that entity's merges (entity_id = the entity it was merged into), and an undone merge
-- takes back every row of the key, also those of articles indexed after the merge.
ALTER TABLE mentions ADD COLUMN key_entity_id bigint REFERENCES entities (id);
ALTER TABLE quotes ADD COLUMN speaker_key_entity_id bigint REFERENCES entities (id);
UPDATE mentions SET key_entity_id = entity_id;
UPDATE quotes SET speaker_key_entity_id = speaker_entity_id;
CREATE INDEX mentions_key_entity_idx ON mentions (key_entity_id, entity_id);
CREATE INDEX quotes_speaker_key_entity_idx ON quotes (speaker_key_entity_id, speaker_entity_id)
    WHERE speaker_key_entity_id IS NOT NULL;

-- Merges made by resolution (a surname alone joining the one person it fits), recorded like a
-- manual merge with the reason why, reversible the same way. undone_automatically: resolution
-- undid it (a second person of that surname appeared); a merge undone by hand is a veto that
-- resolution respects.
ALTER TABLE entity_corrections
    ADD COLUMN automatic boolean NOT NULL DEFAULT false,
    ADD COLUMN undone_automatically boolean NOT NULL DEFAULT false;
CREATE INDEX entity_corrections_automatic_idx ON entity_corrections (source_id, target_id) WHERE automatic;
