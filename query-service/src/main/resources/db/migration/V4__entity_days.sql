-- Issue 5 at scale: mentions, articles and quotes per entity and UTC day, behind the profile
-- timeline. Every index push adds its document's share (and takes the old share away when it
-- replaces a document); a merge or split recomputes the rows of the entities it touches. A
-- timeline then reads at most one row per day, however often the entity is named.
CREATE TABLE entity_days (
    entity_id bigint NOT NULL REFERENCES entities (id),
    day       date   NOT NULL,
    articles  int    NOT NULL, -- articles naming the entity that day
    mentions  int    NOT NULL, -- its mentions in them
    quotes    int    NOT NULL, -- quotes it is the speaker of
    PRIMARY KEY (entity_id, day)
);
INSERT INTO entity_days (entity_id, day, articles, mentions, quotes)
SELECT entity_id, day, sum(articles), sum(mentions), sum(quotes) FROM (
    SELECT entity_id, (sort_at AT TIME ZONE 'UTC')::date AS day, count(DISTINCT document_id) AS articles,
           count(*) AS mentions, 0 AS quotes
    FROM mentions GROUP BY 1, 2
    UNION ALL
    SELECT speaker_entity_id, (sort_at AT TIME ZONE 'UTC')::date, 0, 0, count(*)
    FROM quotes WHERE speaker_entity_id IS NOT NULL GROUP BY 1, 2) x
GROUP BY entity_id, day;
