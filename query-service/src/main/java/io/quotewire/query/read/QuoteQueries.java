package io.quotewire.query.read;

import io.quotewire.query.names.Names;
import io.quotewire.query.sql.Rows;
import io.quotewire.query.sql.SqlWhere;
import io.quotewire.query.sql.Times;

import io.quotewire.web.ProblemException;

import io.quotewire.query.api.model.DocumentRef;
import io.quotewire.query.api.model.EntityRef;
import io.quotewire.query.api.model.EntityType;
import io.quotewire.query.api.model.MentionRef;
import io.quotewire.query.api.model.QuoteHit;
import io.quotewire.query.api.model.QuotePage;
import io.quotewire.query.api.model.QuoteSort;
import io.quotewire.query.api.model.QuoteType;
import io.quotewire.query.api.model.SpeakerCount;
import io.quotewire.query.api.model.SpeakerRef;
import io.quotewire.query.api.model.SpeakerResolution;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Quote lists: newest first by document publishedAt (else receivedAt, copied to
 * {@code quotes.sort_at}), then quote id, with keyset pagination on (sort_at, id); or best match
 * first ({@code ts_rank_cd}, then id) with keyset pagination on (rank, id).
 */
@ApplicationScoped
public class QuoteQueries {

    /** Columns of a quote hit; {@link #row} reads them in this order (a rank column is appended). */
    static final String COLUMNS = """
            q.id, q.text, q.type, q.start_offset, q.end_offset, q.speaker_entity_id,
            coalesce(e.name, q.speaker_name), q.cue,
            d.id, d.title, d.source, d.url, d.published_at, q.sort_at,
            substr(d.text, q.sentence_start + 1, q.sentence_end - q.sentence_start), q.sentence_start,
            q.sentence_end, q.cluster_id, d.family_id, q.part_starts, q.part_ends, q.speaker_resolution,
            q.speaker_mention, q.speaker_mention_start, q.speaker_mention_end""";

    /** Index of the rank column after {@link #COLUMNS}. */
    private static final int RANK = 25;

    /** What a quote hit joins to (after the FROM of its {@link SqlWhere}). */
    static final String JOINS = """
            JOIN documents d ON d.id = q.document_id
            LEFT JOIN entities e ON e.id = q.speaker_entity_id
            """;

    /** Ranked searches rank the newest this many matches (after the filters). */
    @ConfigProperty(name = "quotewire.query.rank-window", defaultValue = "1000")
    int rankWindow;


    private static final String NEWEST = "q.sort_at DESC, q.id DESC";

    /** The condition for the entities a speaker name stands for (when no unlinked quote has it). */
    private static final String SPEAKER_IN = "q.speaker_entity_id IN (:speakers)";

    @Inject
    EntityManager em;

    @Inject
    NewestMatches newestMatches;

    /** {@code GET /api/v1/quotes}. */
    @Transactional
    public QuotePage search(QuoteFilter filter, QuoteSort sort, Integer limit, String cursor) {
        int size = Cursors.checkLimit(limit);
        boolean relevance = sort == QuoteSort.RELEVANCE;
        if (relevance && blank(filter.q())) {
            throw ProblemException.badRequest("sort=RELEVANCE needs q");
        }
        SqlWhere where = where(filter);
        boolean paged = cursor != null && !cursor.isBlank();
        String sql;
        if (relevance) {
            // The newest rankWindow matches (after the filters) are ranked; pages are keyset on (rank, id).
            String rank = "ts_rank_cd(q.search, websearch_to_tsquery('english', :q))";
            SqlWhere after = new SqlWhere();
            if (paged) {
                Cursors.Position position = Cursors.decode(Cursors.QUOTES_BY_RANK, cursor);
                after.and("(" + rank + ", q.id) < (CAST(:afterRank AS real), :afterId)")
                        .param("afterRank", position.keyAsFloat()).param("afterId", position.id());
            }
            String window = "SELECT q.id " + where.from() + where.sql() + "ORDER BY " + where.newest() + " LIMIT " + rankWindow;
            if (blank(filter.speaker()) && filter.speakerId() == null && filter.about() == null && filter.type() == null
                    && blank(filter.source()) && !filter.perFamily()) {
                // Only words and dates: the newest matches, read day by day from the newest (NewestMatches).
                window = "SELECT unnest(CAST(:windowIds AS bigint[])) AS id";
                where = new SqlWhere().param("q", filter.q()).param("windowIds",
                        Rows.pgArray(newestMatches.quotes(filter.q(), filter.from(), filter.to(), rankWindow)));
            }
            // Ranked and cut to the page before the joins that build the hits.
            sql = "SELECT " + COLUMNS + ", r.rank\n"
                    + "FROM (SELECT q.id, " + rank + " AS rank\n"
                    + "      FROM (" + window + ") w\n"
                    + "      JOIN quotes q ON q.id = w.id\n"
                    + after.sql() + "      ORDER BY 2 DESC, q.id DESC LIMIT " + (size + 1) + ") r\n"
                    + "JOIN quotes q ON q.id = r.id\n" + JOINS + "ORDER BY r.rank DESC, q.id DESC";
            where.params.putAll(after.params);
        } else {
            if (paged) {
                Cursors.Position position = Cursors.decode(Cursors.QUOTES, cursor);
                where.and(where.keyset() + " < (:afterTime, :afterId)")
                        .param("afterTime", position.keyAsTime()).param("afterId", position.id());
            }
            String fanOut = SPEAKER_IN;
            if (where.conditions.contains(fanOut) && where.isDrivenByQuotes()
                    && ((List<?>) where.params.get("speakers")).size() > 1) {
                // Several speakers (a surname): the newest page of each from its own (speaker,
                // sort_at, id) index range, merged, instead of filtering the whole date index.
                List<String> inner = new ArrayList<>(where.conditions);
                inner.set(inner.indexOf(fanOut), "q.speaker_entity_id = sp.id");
                sql = "SELECT " + COLUMNS + ", NULL\n"
                        + "FROM (SELECT x.id FROM unnest(CAST(:speakerIds AS bigint[])) sp(id)\n"
                        + "      CROSS JOIN LATERAL (SELECT q.id, q.sort_at FROM quotes q WHERE "
                        + String.join(" AND ", inner) + "\n"
                        + "                          ORDER BY q.sort_at DESC, q.id DESC LIMIT " + (size + 1) + ") x\n"
                        + "      ORDER BY x.sort_at DESC, x.id DESC LIMIT " + (size + 1) + ") w\n"
                        + "JOIN quotes q ON q.id = w.id\n" + JOINS + "ORDER BY " + NEWEST;
                @SuppressWarnings("unchecked")
                List<Long> speakers = (List<Long>) where.params.remove("speakers");
                where.param("speakerIds", Rows.pgArray(speakers));
            } else {
                sql = "SELECT " + COLUMNS + ", NULL\n" + where.from() + JOINS + where.sql() + "ORDER BY " + where.newest();
            }
        }
        Query query = em.createNativeQuery(sql).setMaxResults(size + 1);
        where.bind(query);
        List<Row> rows = new ArrayList<>();
        for (Object o : query.getResultList()) {
            rows.add(row((Object[]) o));
        }
        QuotePage page = new QuotePage().items(new ArrayList<>());
        page.setSpeakers(blank(filter.speaker()) ? null : speakers(Names.key(filter.speaker())));
        for (int i = 0; i < Math.min(size, rows.size()); i++) {
            page.addItemsItem(rows.get(i).hit());
        }
        if (rows.size() > size) {
            Row last = rows.get(size - 1);
            page.nextCursor(relevance
                    ? Cursors.encode(Cursors.QUOTES_BY_RANK, Float.floatToIntBits(last.hit().getRank().floatValue()),
                            last.hit().getId())
                    : Cursors.encode(Cursors.QUOTES, last.sortAt(), last.hit().getId()));
        }
        return page;
    }

    /** The conditions of {@code filter} (also used by the streamed export). */
    SqlWhere where(QuoteFilter f) {
        SqlWhere where = new SqlWhere();
        if (!blank(f.speaker())) {
            String key = Names.key(f.speaker());
            if (key.isEmpty()) {
                throw ProblemException.badRequest("speaker must contain a letter or digit");
            }
            // The entities known by that name, alias or surname first, so that the planner can
            // use the speaker indexes (or the date index, for a prolific speaker) for the page;
            // with them (id 0), whether any quote carries that name without an entity.
            List<Long> speakers = new ArrayList<>();
            boolean unlinked = false;
            for (Object id : em.createNativeQuery("""
                            SELECT DISTINCT a.entity_id FROM aliases a JOIN entities e ON e.id = a.entity_id
                            WHERE a.norm = :speaker AND e.merged_into IS NULL
                            UNION ALL
                            (SELECT 0 FROM quotes WHERE speaker_entity_id IS NULL AND speaker_norm = :speaker LIMIT 1)""")
                    .setParameter("speaker", key).getResultList()) {
                long entity = Rows.toLong(id);
                if (entity == 0) {
                    unlinked = true;
                } else {
                    speakers.add(entity);
                }
            }
            if (speakers.isEmpty()) {
                where.and("q.speaker_entity_id IS NULL AND q.speaker_norm = :speaker", "speaker", key);
            } else if (!unlinked) {
                // No unlinked quote carries that name: without the OR, a newest-first page of one
                // speaker is a range scan of the (speaker, sort_at, id) index.
                where.and(SPEAKER_IN, "speakers", speakers);
            } else {
                where.and("""
                        (q.speaker_entity_id IN (:speakers)
                         OR (q.speaker_entity_id IS NULL AND q.speaker_norm = :speaker))""", "speakers", speakers)
                        .param("speaker", key);
            }
        }
        if (f.speakerId() != null) {
            where.and("q.speaker_entity_id = :speakerId", "speakerId", canonical(f.speakerId()));
        }
        if (f.about() != null) {
            // Read from the subject's (entity, sort_at, quote) index, newest first.
            where.drive("quote_subjects s JOIN quotes q ON q.id = s.quote_id", "s.sort_at", "s.quote_id")
                    .and("s.entity_id = :about", "about", canonical(f.about()));
        }
        if (!blank(f.q())) {
            where.and("q.search @@ websearch_to_tsquery('english', :q)", "q", f.q());
        }
        if (f.type() != null) {
            where.and("q.type = :type", "type", f.type().toString());
        }
        if (!blank(f.source())) {
            where.and("EXISTS (SELECT 1 FROM documents sd WHERE sd.id = q.document_id AND lower(sd.source) = lower(:source))",
                    "source", f.source().strip());
        }
        Times.range(where, "q.sort_at", f.from(), f.to());
        if (f.perFamily()) {
            where.and("""
                    NOT EXISTS (SELECT 1 FROM quotes f WHERE f.family_id = q.family_id AND f.cluster_id = q.cluster_id
                                AND (f.sort_at, f.id) < (q.sort_at, q.id))""");
        }
        return where;
    }

    /** The entities with quotes that a speaker name matches, most quoted first (at most 100). */
    private List<SpeakerCount> speakers(String key) {
        List<SpeakerCount> out = new ArrayList<>();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                SELECT e.id, e.name, e.type, e.quote_count FROM entities e
                WHERE e.id IN (SELECT a.entity_id FROM aliases a WHERE a.norm = :speaker)
                  AND e.merged_into IS NULL AND e.quote_count > 0
                ORDER BY e.quote_count DESC, e.id LIMIT 100""").setParameter("speaker", key).getResultList();
        for (Object[] r : rows) {
            out.add(new SpeakerCount().entity(new EntityRef().id(Rows.toLong(r[0])).name(Rows.toStr(r[1]))
                    .type(EntityType.fromValue(Rows.toStr(r[2])))).quotes(Rows.toLong(r[3])));
        }
        return out;
    }

    /** The entity an id stands for now (the one it was merged into, if any). */
    long canonical(long entityId) {
        List<?> rows = em.createNativeQuery("SELECT coalesce(merged_into, id) FROM entities WHERE id = :id")
                .setParameter("id", entityId).getResultList();
        return rows.isEmpty() ? entityId : Rows.toLong(rows.get(0));
    }

    /** The newest {@code limit} quotes attributed to an entity. */
    public List<QuoteHit> bySpeaker(long entityId, int limit) {
        return list(new SqlWhere().and("q.speaker_entity_id = :entity", "entity", entityId), NEWEST, limit);
    }

    /** All quotes of a document, in text order. */
    public List<QuoteHit> byDocument(UUID documentId) {
        return list(new SqlWhere().and("q.document_id = :doc", "doc", documentId), "q.start_offset, q.id",
                Integer.MAX_VALUE);
    }

    /** Quotes with the given ids, in that order. */
    public List<QuoteHit> byIds(List<Long> ids) {
        if (ids.isEmpty()) {
            return new ArrayList<>();
        }
        List<QuoteHit> hits = list(new SqlWhere().and("q.id IN (:ids)", "ids", ids), "q.id", Integer.MAX_VALUE);
        hits.sort((a, b) -> Integer.compare(ids.indexOf(a.getId()), ids.indexOf(b.getId())));
        return hits;
    }

    /** Quotes matching {@code where} in {@code order}. */
    List<QuoteHit> list(SqlWhere where, String order, int limit) {
        Query query = em.createNativeQuery("SELECT " + COLUMNS + ", NULL\n" + where.from() + JOINS + where.sql()
                + "ORDER BY " + order);
        where.bind(query);
        if (limit != Integer.MAX_VALUE) {
            query.setMaxResults(limit);
        }
        List<QuoteHit> hits = new ArrayList<>();
        for (Object o : query.getResultList()) {
            hits.add(row((Object[]) o).hit());
        }
        return hits;
    }

    /** A row of {@link #COLUMNS} plus a rank column. */
    static Row row(Object[] c) {
        QuoteHit hit = new QuoteHit()
                .id(Rows.toLong(c[0]))
                .text(Rows.toStr(c[1]))
                .type(QuoteType.fromValue(Rows.toStr(c[2])))
                .start(Rows.toInt(c[3]))
                .end(Rows.toInt(c[4]))
                .cue(Rows.toStr(c[7]))
                .sentence(Rows.toStr(c[14]))
                .sentenceStart(Rows.toInt(c[15]))
                .sentenceEnd(Rows.toInt(c[16]))
                .clusterId(Rows.toLong(c[17]))
                .parts(parts(Rows.toStr(c[1]), Rows.toInts(c[19]), Rows.toInts(c[20])))
                .rank(Rows.toDouble(c[RANK]))
                .document(new DocumentRef()
                        .id(Rows.toUuid(c[8]))
                        .title(Rows.toStr(c[9]))
                        .source(Rows.toStr(c[10]))
                        .url(Rows.toStr(c[11]))
                        .publishedAt(Rows.toTime(c[12]))
                        .familyId(Rows.toUuid(c[18])));
        if (c[6] != null) {
            SpeakerRef speaker = new SpeakerRef().entityId(Rows.toLong(c[5])).name(Rows.toStr(c[6]));
            if (c[21] != null) {
                speaker.resolution(SpeakerResolution.fromValue(Rows.toStr(c[21])));
            }
            if (c[23] != null) {
                speaker.mention(new MentionRef().text(Rows.toStr(c[22])).start(Rows.toInt(c[23])).end(Rows.toInt(c[24])));
            }
            hit.speaker(speaker);
        }
        return new Row(hit, Rows.toTime(c[13]));
    }

    /**
     * The parts of a quote with their texts: one part is the quote's text; several are read back from
     * it, their words joined by a space, each as long as its offsets (the index push checked both).
     */
    static List<MentionRef> parts(String text, int[] starts, int[] ends) {
        List<MentionRef> parts = new ArrayList<>(starts.length);
        if (starts.length == 1) {
            parts.add(new MentionRef().text(text).start(starts[0]).end(ends[0]));
            return parts;
        }
        int at = 0;
        for (int i = 0; i < starts.length; i++) {
            int length = ends[i] - starts[i];
            String words = at + length <= text.length() ? text.substring(at, at + length) : null;
            parts.add(new MentionRef().text(words).start(starts[i]).end(ends[i]));
            at += length + 1;
        }
        return parts;
    }

    static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    record Row(QuoteHit hit, OffsetDateTime sortAt) {
    }
}
