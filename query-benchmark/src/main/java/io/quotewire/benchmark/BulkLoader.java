package io.quotewire.benchmark;

import io.quotewire.query.names.Names;
import io.quotewire.query.index.QuoteKeys;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Loads generated articles straight into query-service's schema with COPY, writing the rows
 * {@code PUT /api/v1/index/documents/{id}} writes for them (checked by {@code --verify}: the same
 * corpus through the API and through this loader gives the same rows, ids aside). It applies the
 * index operation's rules as they act on {@link CorpusGenerator} articles: an entity is found by
 * (type, normalised name) — the generator names every person in full, so the single-word and
 * surname rules never decide — aliases and titles first seen win, quote clusters by
 * {@link QuoteKeys} (same candidates, same choice), quote subjects by sentence, and the counters
 * daily entity counts and cluster rows recomputed in SQL exactly as the service computes them. The one difference:
 * {@code content_hash} is not the service's hash of its own serialisation, so re-pushing a
 * bulk-loaded article re-indexes it instead of being a no-op.
 */
final class BulkLoader {

    private static final int MAX_CANDIDATES = 2000;
    private static final int BATCH = 2000;

    private final String jdbcUrl;
    private final Map<String, long[]> entityIds = new HashMap<>();
    private final Set<String> aliasKeys = new java.util.HashSet<>();
    private final Set<String> titleKeys = new java.util.HashSet<>();
    /**
     * Earlier quotes by key, each set holding only the MAX_CANDIDATES first in (cluster, text, norm)
     * order: the service reads the first MAX_CANDIDATES of the union of the keys' quotes in cluster
     * order, and those are always among the first MAX_CANDIDATES of their own key.
     */
    private final Map<Long, TreeSet<Candidate>> byTextKey = new HashMap<>();
    private final Map<Long, TreeSet<Candidate>> byHeadKey = new HashMap<>();
    private static final java.util.Comparator<Candidate> CANDIDATE_ORDER = java.util.Comparator
            .comparingLong(Candidate::cluster).thenComparing(Candidate::text).thenComparing(Candidate::norm);
    private long nextEntity;
    private long nextMention;
    private long nextQuote;
    private long nextCluster;

    private record Candidate(long cluster, String text, String norm) {
    }

    BulkLoader(String jdbcUrl) {
        this.jdbcUrl = jdbcUrl;
    }

    /** Reads the sequences' positions (after an earlier load or API pushes). */
    void init() throws SQLException {
        try (Connection c = DriverManager.getConnection(jdbcUrl, "postgres", "postgres"); Statement s = c.createStatement()) {
            nextEntity = next(s, "entities");
            nextMention = next(s, "mentions");
            nextQuote = next(s, "quotes");
            var rs = s.executeQuery("SELECT coalesce(max(id), 0) + 1 FROM quote_clusters");
            rs.next();
            nextCluster = Math.max(rs.getLong(1), nextQuote);
        }
    }

    private static long next(Statement s, String table) throws SQLException {
        var rs = s.executeQuery("SELECT coalesce(max(id), 0) + 1 FROM " + table);
        rs.next();
        return rs.getLong(1);
    }

    /**
     * Loads articles from..to (exclusive) of {@code corpus}. One thread composes the rows (the
     * resolution state is sequential) while this one streams the previous batch with COPY. When
     * the load at least doubles the corpus, the secondary indexes are dropped first and built
     * again afterwards (much faster than maintaining them row by row).
     */
    void load(CorpusGenerator corpus, long from, long to) throws Exception {
        // Everything the end of the load needs from query-service's classes, taken now: a load of
        // 1M articles runs for well over an hour, and a rebuild of query-service meanwhile once
        // removed a class it had not loaded yet, which threw away the whole (single-transaction) load.
        String entityDays = io.quotewire.query.index.EntityDays.fromRows(false);
        String entityDocuments = io.quotewire.query.index.EntityDocuments.fromRows(false);
        try (Connection c = DriverManager.getConnection(jdbcUrl, "postgres", "postgres")) {
            c.setAutoCommit(false);
            Map<String, String> dropped = to - from >= from ? dropSecondaryIndexes(c) : Map.of();
            BlockingQueue<Rows> batches = new ArrayBlockingQueue<>(2);
            ExecutorService composer = Executors.newSingleThreadExecutor();
            Future<?> composing = composer.submit(() -> {
                Rows rows = new Rows();
                for (long i = from; i < to; i++) {
                    add(rows, corpus.id(i), corpus.article(i));
                    if ((i + 1 - from) % BATCH == 0 || i + 1 == to) {
                        rows.compose();
                        batches.put(rows);
                        rows = new Rows();
                    }
                }
                batches.put(Rows.END);
                return null;
            });
            try {
                long step = Math.max(BATCH, (to - from) / 10 / BATCH * BATCH);
                long done = from;
                for (Rows rows = take(batches, composing); rows != Rows.END; rows = take(batches, composing)) {
                    rows.copy(c);
                    done += rows.documents.size();
                    if ((done - from) % step == 0) {
                        System.out.printf("  copied %,d%n", done);
                    }
                }
                composing.get();
            } finally {
                composing.cancel(true);
                composer.shutdownNow();
            }
            try (Statement s = c.createStatement()) {
                s.execute("SET maintenance_work_mem = '1GB'");
                // Before the indexes are built again: 4 rows per article to insert.
                s.execute("DELETE FROM entity_documents");
                s.execute("INSERT INTO entity_documents (entity_id, document_id, sort_at, co_entity_ids)\n" + entityDocuments);
                for (Map.Entry<String, String> index : dropped.entrySet()) {
                    long t0 = System.nanoTime();
                    s.execute(index.getValue());
                    System.out.printf(java.util.Locale.ROOT, "  index %s built again in %.0f s%n", index.getKey(),
                            (System.nanoTime() - t0) / 1e9);
                }
                s.execute("""
                        UPDATE entities e SET mention_count = coalesce(n.m, 0), quote_count = coalesce(n.q, 0),
                                              article_count = coalesce(n.a, 0)
                        FROM (SELECT x.id, m.m, q.q, a.a FROM entities x
                              LEFT JOIN (SELECT entity_id, count(*) AS m FROM mentions GROUP BY entity_id) m ON m.entity_id = x.id
                              LEFT JOIN (SELECT speaker_entity_id, count(*) AS q FROM quotes WHERE speaker_entity_id IS NOT NULL
                                         GROUP BY speaker_entity_id) q ON q.speaker_entity_id = x.id
                              LEFT JOIN (SELECT entity_id, count(*) AS a
                                         FROM (SELECT entity_id, document_id FROM mentions
                                               UNION SELECT speaker_entity_id, document_id FROM quotes
                                                     WHERE speaker_entity_id IS NOT NULL) d
                                         GROUP BY entity_id) a ON a.entity_id = x.id) n
                        WHERE n.id = e.id""");
                s.execute("DELETE FROM entity_days");
                s.execute("INSERT INTO entity_days (entity_id, day, articles, mentions, quotes)\n" + entityDays);
                s.execute("DELETE FROM quote_clusters");
                s.execute("""
                        INSERT INTO quote_clusters (id, occurrences, documents, families, first_quote_id, first_at, last_at)
                        SELECT cluster_id, count(*), count(DISTINCT document_id), count(DISTINCT family_id),
                               (array_agg(id ORDER BY sort_at, id))[1], min(sort_at), max(sort_at)
                        FROM quotes GROUP BY cluster_id""");
                s.execute("SELECT setval('entities_id_seq', " + (nextEntity + 1000) + ")");
                s.execute("SELECT setval('mentions_id_seq', " + (nextMention + 1000) + ")");
                s.execute("SELECT setval('quotes_id_seq', " + (nextQuote + 1000) + ")");
                s.execute("SELECT setval('quote_clusters_id_seq', " + (nextCluster + 1000) + ")");
            }
            c.commit();
        }
    }

    private static Rows take(BlockingQueue<Rows> batches, Future<?> composing) throws Exception {
        while (true) {
            Rows rows = batches.poll(1, TimeUnit.SECONDS);
            if (rows != null) {
                return rows;
            }
            if (composing.isDone()) {
                composing.get(); // the composer's failure, if it failed
                throw new IllegalStateException("the composer stopped without finishing");
            }
        }
    }

    /** Drops the indexes that back no constraint; returns name → definition, to build them again. */
    private static Map<String, String> dropSecondaryIndexes(Connection c) throws SQLException {
        Map<String, String> indexes = new LinkedHashMap<>();
        try (Statement s = c.createStatement()) {
            var rs = s.executeQuery("""
                    SELECT ic.relname, pg_get_indexdef(i.indexrelid)
                    FROM pg_index i JOIN pg_class ic ON ic.oid = i.indexrelid JOIN pg_class t ON t.oid = i.indrelid
                    JOIN pg_namespace n ON n.oid = t.relnamespace
                    WHERE n.nspname = 'public' AND t.relname <> 'flyway_schema_history'
                      AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = i.indexrelid)
                    ORDER BY t.relname, ic.relname""");
            while (rs.next()) {
                indexes.put(rs.getString(1), rs.getString(2));
            }
            for (String name : indexes.keySet()) {
                s.execute("DROP INDEX \"" + name + "\"");
            }
        }
        return indexes;
    }

    @SuppressWarnings("unchecked")
    private void add(Rows rows, UUID id, Map<String, Object> a) {
        Instant published = a.get("publishedAt") == null ? null : Instant.parse((String) a.get("publishedAt"));
        Instant received = a.get("receivedAt") == null ? null : Instant.parse((String) a.get("receivedAt"));
        Instant sortAt = published != null ? published : received;
        String family = a.get("familyId") != null ? (String) a.get("familyId") : id.toString();
        String text = (String) a.get("text");
        Map<String, Object> x = (Map<String, Object>) a.get("extraction");
        rows.documents.add(java.util.Arrays.asList(id, str(a.get("title")), str(a.get("source")), str(a.get("url")), time(published),
                time(received), time(sortAt), text, str(x.get("extractorVersion")), "bulk:" + sha256(text),
                time(Instant.now()), family));

        Map<String, Long> resolved = new HashMap<>();
        Map<String, Set<Long>> byNameKey = new HashMap<>();
        List<long[]> mentionSpans = new ArrayList<>(); // entity, start, end
        for (Map<String, Object> e : (List<Map<String, Object>>) x.get("entities")) {
            String type = (String) e.get("type");
            String name = ((String) e.get("name")).strip();
            String nameKey = Names.key(name);
            long[] entity = entityIds.get(type + ":" + nameKey);
            String rule = "SAME_NAME";
            if (entity == null) {
                entity = new long[] {nextEntity++};
                entityIds.put(type + ":" + nameKey, entity);
                rows.entities.add(java.util.Arrays.asList(entity[0], type, name, nameKey));
                rule = "NEW";
            }
            long entityId = entity[0];
            resolved.put((String) e.get("id"), entityId);
            byNameKey.computeIfAbsent(nameKey, k -> new LinkedHashSet<>()).add(entityId);
            Map<String, String> aliases = new LinkedHashMap<>();
            aliases.put(nameKey, name);
            for (String alias : (List<String>) e.get("aliases")) {
                String k = Names.key(alias);
                byNameKey.computeIfAbsent(k, kk -> new LinkedHashSet<>()).add(entityId);
                if (!k.isEmpty()) {
                    aliases.putIfAbsent(k, alias.strip());
                }
            }
            for (Map.Entry<String, String> alias : aliases.entrySet()) {
                if (aliasKeys.add(entityId + ":ALIAS:" + alias.getKey())) {
                    rows.aliases.add(java.util.Arrays.asList(entityId, "ALIAS", alias.getKey(), alias.getValue(),
                            Names.words(alias.getKey()), rule, id));
                }
            }
            String surname = "PERSON".equals(type) ? Names.surname(nameKey) : null;
            if (surname != null && aliasKeys.add(entityId + ":SURNAME:" + surname)) {
                rows.aliases.add(java.util.Arrays.asList(entityId, "SURNAME", surname, surname, 1, rule, id));
            }
            for (String title : (List<String>) e.get("titles")) {
                String norm = Names.normalize(title);
                if (!norm.isEmpty() && titleKeys.add(entityId + ":" + norm)) {
                    rows.titles.add(java.util.Arrays.asList(entityId, norm, title.strip()));
                }
            }
            for (Map<String, Object> m : (List<Map<String, Object>>) e.get("mentions")) {
                int start = (Integer) m.get("start");
                int end = (Integer) m.get("end");
                rows.mentions.add(java.util.Arrays.asList(nextMention++, id, entityId, start, end, str(m.get("text")), time(sortAt)));
                mentionSpans.add(new long[] {entityId, start, end});
            }
        }

        // Quotes, their clusters (candidates from other documents first, then this one's) and subjects.
        List<Map<String, Object>> quotes = (List<Map<String, Object>>) x.get("quotes");
        TreeSet<Candidate> found = new TreeSet<>(CANDIDATE_ORDER);
        List<String> norms = new ArrayList<>();
        for (Map<String, Object> q : quotes) {
            String norm = QuoteKeys.normalize((String) q.get("text"));
            norms.add(norm);
            QuoteKeys.Lookup lookup = QuoteKeys.lookup(norm);
            for (long key : lookup.headKeys()) {
                firstOf(found, byHeadKey.get(key));
            }
            for (long key : lookup.textKeys()) {
                firstOf(found, byTextKey.get(key));
            }
        }
        List<Candidate> candidates = new ArrayList<>(found);
        List<Candidate> added = new ArrayList<>();
        for (int k = 0; k < quotes.size(); k++) {
            Map<String, Object> q = quotes.get(k);
            String qText = (String) q.get("text");
            String norm = norms.get(k);
            Long cluster = null;
            QuoteKeys.Shape shape = QuoteKeys.Shape.of(qText, norm);
            for (Candidate cand : candidates) {
                if ((cluster == null || cand.cluster < cluster) && shape.sameQuote(QuoteKeys.Shape.of(cand.text, cand.norm))) {
                    cluster = cand.cluster;
                }
            }
            if (cluster == null) {
                cluster = nextCluster++;
            }
            Candidate mine = new Candidate(cluster, qText, norm);
            candidates.add(mine);
            added.add(mine);
            Map<String, Object> speaker = (Map<String, Object>) q.get("speaker");
            Map<String, Object> cue = (Map<String, Object>) q.get("cue");
            Map<String, Object> sentence = (Map<String, Object>) q.get("sentence");
            int start = (Integer) q.get("start");
            int end = (Integer) q.get("end");
            int ss = (Integer) sentence.get("start");
            int se = (Integer) sentence.get("end");
            String speakerName = speaker == null ? null : ((String) speaker.get("name")).strip();
            String speakerNorm = speaker == null ? null : Names.key((String) speaker.get("name"));
            String resolution = speaker == null ? null : (String) speaker.get("resolution");
            Map<String, Object> mention = speaker == null ? null : (Map<String, Object>) speaker.get("mention");
            // an UNNAMED source is no entity (as IndexService)
            Long speakerId = speaker == null ? null : speaker.get("entityId") != null
                    ? resolved.get((String) speaker.get("entityId"))
                    : "UNNAMED".equals(resolution) ? null : onlyOne(byNameKey.get(speakerNorm));
            // the quotation's parts (absent or empty: one part, the quote's own offsets)
            List<Map<String, Object>> parts = (List<Map<String, Object>>) q.get("parts");
            List<int[]> partSpans = new ArrayList<>();
            if (parts == null || parts.isEmpty()) {
                partSpans.add(new int[] {start, end});
            } else {
                for (Map<String, Object> part : parts) {
                    partSpans.add(new int[] {(Integer) part.get("start"), (Integer) part.get("end")});
                }
            }
            long quoteId = nextQuote++;
            rows.quotes.add(java.util.Arrays.asList(quoteId, id, time(sortAt), speakerId, speakerName, speakerNorm, qText,
                    q.get("type"), start, end, cue == null ? null : cue.get("text"), cue == null ? null : cue.get("start"),
                    cue == null ? null : cue.get("end"), q.get("confidence"), family, ss, se, norm, QuoteKeys.hash(norm),
                    QuoteKeys.hash(QuoteKeys.head(norm)), cluster, intArray(partSpans, 0), intArray(partSpans, 1),
                    resolution, mention == null ? null : mention.get("text"), mention == null ? null : mention.get("start"),
                    mention == null ? null : mention.get("end")));
            Set<Long> subjects = new TreeSet<>();
            for (long[] m : mentionSpans) {
                boolean inSentence = m[1] >= ss && m[2] <= se;
                boolean inQuote = partSpans.stream().anyMatch(p -> m[1] >= p[0] && m[2] <= p[1]);
                if (inSentence && (speakerId == null || m[0] != speakerId || inQuote)) {
                    subjects.add(m[0]);
                }
            }
            for (long entity : subjects) {
                rows.subjects.add(java.util.Arrays.asList(quoteId, entity, time(sortAt), speakerId));
            }
        }
        for (Candidate cand : added) {
            firstOf(byTextKey.computeIfAbsent(QuoteKeys.hash(cand.norm), k -> new TreeSet<>(CANDIDATE_ORDER)), Set.of(cand));
            firstOf(byHeadKey.computeIfAbsent(QuoteKeys.hash(QuoteKeys.head(cand.norm)), k -> new TreeSet<>(CANDIDATE_ORDER)),
                    Set.of(cand));
        }
    }

    /** Adds {@code more} (in candidate order, or a single one) to {@code first}, keeping its first MAX_CANDIDATES. */
    private static void firstOf(TreeSet<Candidate> first, Set<Candidate> more) {
        if (more == null) {
            return;
        }
        for (Candidate c : more) {
            if (first.size() >= MAX_CANDIDATES && CANDIDATE_ORDER.compare(c, first.last()) > 0) {
                if (more instanceof TreeSet) {
                    return; // the rest comes later still
                }
                continue;
            }
            if (first.add(c) && first.size() > MAX_CANDIDATES) {
                first.pollLast();
            }
        }
    }

    /** An SQL int[] literal of the parts' starts (i = 0) or ends (i = 1): "{43,75}". */
    private static String intArray(List<int[]> parts, int i) {
        StringBuilder a = new StringBuilder("{");
        for (int[] p : parts) {
            if (a.length() > 1) {
                a.append(',');
            }
            a.append(p[i]);
        }
        return a.append('}').toString();
    }

    private static Long onlyOne(Set<Long> ids) {
        return ids != null && ids.size() == 1 ? ids.iterator().next() : null;
    }

    /** The rows of one batch, per table, written with COPY in foreign-key order. */
    private static final class Rows {
        private static final String[] TABLES = {
                "documents (id, title, source, url, published_at, received_at, sort_at, text, extractor_version,"
                        + " content_hash, indexed_at, family_id)",
                "entities (id, type, name, norm_name)",
                "aliases (entity_id, kind, norm, alias, words, rule, document_id)",
                "titles (entity_id, norm, title)",
                "mentions (id, document_id, entity_id, start_offset, end_offset, text, sort_at)",
                "quotes (id, document_id, sort_at, speaker_entity_id, speaker_name, speaker_norm, text, type,"
                        + " start_offset, end_offset, cue, cue_start, cue_end, confidence, family_id, sentence_start,"
                        + " sentence_end, norm_text, text_key, head_key, cluster_id, part_starts, part_ends,"
                        + " speaker_resolution, speaker_mention, speaker_mention_start, speaker_mention_end)",
                "quote_subjects (quote_id, entity_id, sort_at, speaker_entity_id)"};
        /** Marks the end of the batches. */
        static final Rows END = new Rows();
        final List<List<?>> documents = new ArrayList<>();
        final List<List<?>> entities = new ArrayList<>();
        final List<List<?>> aliases = new ArrayList<>();
        final List<List<?>> titles = new ArrayList<>();
        final List<List<?>> mentions = new ArrayList<>();
        final List<List<?>> quotes = new ArrayList<>();
        final List<List<?>> subjects = new ArrayList<>();
        private final String[] csv = new String[TABLES.length];

        /** Turns the rows into CSV (on the composing thread). */
        void compose() {
            List<List<List<?>>> all = List.of(documents, entities, aliases, titles, mentions, quotes, subjects);
            for (int t = 0; t < TABLES.length; t++) {
                csv[t] = csv(all.get(t));
            }
            all.stream().filter(l -> l != documents).forEach(List::clear);
        }

        void copy(Connection c) throws SQLException, IOException {
            CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
            for (int t = 0; t < TABLES.length; t++) {
                if (!csv[t].isEmpty()) {
                    copy.copyIn("COPY " + TABLES[t] + " FROM STDIN WITH (FORMAT csv)", new StringReader(csv[t]));
                }
            }
        }

        private static String csv(List<List<?>> rows) {
            StringBuilder csv = new StringBuilder();
            for (List<?> row : rows) {
                for (int i = 0; i < row.size(); i++) {
                    if (i > 0) {
                        csv.append(',');
                    }
                    Object v = row.get(i);
                    if (v != null) {
                        csv.append('"').append(v.toString().replace("\"", "\"\"")).append('"');
                    }
                }
                csv.append('\n');
            }
            return csv.toString();
        }
    }

    private static String str(Object o) {
        return o == null ? null : o.toString();
    }

    private static String time(Instant t) {
        return t == null ? null : t.toString();
    }

    private static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
