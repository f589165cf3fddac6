-- Ranked quote search reads the newest matches day by day (NewestMatches.quotes). The (day,
-- search) GIN index of V6 still reads each word's whole posting list for any day range (GIN keeps
-- the day and the words as separate keys), so a look-up grew with the corpus: 9 ms for one day
-- and 38 ms for 32 days at 1M articles. Here every word of a quote is indexed once more, tagged
-- with the quote's UTC day ('20452:bridg'): a word on a day is one short posting list, and a
-- look-up of a day costs that day's matches only.
--
-- day_lexemes tags each lexeme of a tsvector (positions and weights kept, so phrase queries
-- stay exact); day_query tags each lexeme of a tsquery the same way. The tag is the day number
-- since 1970-01-01. In their text forms every lexeme opens with a quote that follows the start,
-- a space, or (in a query) '(' or '!'; a lexeme never holds a space (the parser splits on it).
CREATE FUNCTION day_lexemes(search tsvector, day integer) RETURNS tsvector
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    RETURN CAST(regexp_replace(CAST(search AS text), '(^| )''', '\1''' || CAST(day AS text) || ':', 'g') AS tsvector);

CREATE FUNCTION day_query(query tsquery, day integer) RETURNS tsquery
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    RETURN CAST(regexp_replace(CAST(query AS text), '(^|[ (!])''', '\1''' || CAST(day AS text) || ':', 'g') AS tsquery);

CREATE INDEX quotes_day_lexemes_idx ON quotes
    USING gin (day_lexemes(search, CAST(sort_at AT TIME ZONE 'UTC' AS date) - DATE '1970-01-01'));
