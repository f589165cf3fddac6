package io.quotewire.query.read;

import io.quotewire.query.names.AliasRules;
import io.quotewire.query.index.EntityCorrections;
import io.quotewire.query.names.Names;
import io.quotewire.query.sql.Rows;
import io.quotewire.query.sql.Times;

import io.quotewire.web.ProblemException;

import io.quotewire.query.api.model.AliasReason;
import io.quotewire.query.api.model.CoOccurrence;
import io.quotewire.query.api.model.DocumentRef;
import io.quotewire.query.api.model.EntityArticle;
import io.quotewire.query.api.model.EntityPage;
import io.quotewire.query.api.model.EntityProfile;
import io.quotewire.query.api.model.EntityRef;
import io.quotewire.query.api.model.EntitySummary;
import io.quotewire.query.api.model.EntityType;
import io.quotewire.query.api.model.MentionRef;
import io.quotewire.query.api.model.SpeakerCount;
import io.quotewire.query.api.model.Timeline;
import io.quotewire.query.api.model.TimelineBucket;
import io.quotewire.query.api.model.TimelineInterval;
import io.quotewire.query.domain.EntityRecord;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** Entity search (most mentioned first), entity profiles and entity summaries. */
@ApplicationScoped
public class EntityQueries {

    @Inject
    EntityManager em;

    @Inject
    QuoteQueries quotes;

    @Inject
    DocumentRefs documentRefs;

    @Inject
    EntityCorrections corrections;

    @ConfigProperty(name = "quotewire.query.profile-limit", defaultValue = "20")
    int profileLimit;

    /** Alias rows an entity search reads for its name before it counts the name as common. */
    @ConfigProperty(name = "quotewire.query.entity-match-cap", defaultValue = "1000")
    int matchCap;

    /** Newest mentions (resp. quotes about it) that co-occurrence and top speakers are computed over. */
    static final int WINDOW = 500;

    /**
     * {@code GET /api/v1/entities}: entities with a name or alias containing {@code q} (as a
     * {@link Names#key}, so case, accents, punctuation and a leading "Mr." do not matter), most mentioned first, keyset pages on
     * (mention_count, id). Entities no longer mentioned anywhere are left out.
     */
    @Transactional
    public EntityPage search(String q, EntityType type, Integer limit, String cursor) {
        return search(q, type, limit, cursor, matchCap);
    }

    /**
     * {@link #search(String, EntityType, Integer, String)} with the number of alias rows the first
     * look-up reads before it counts {@code q} as common. A name matched by fewer rows (most
     * names) is searched among its entities only; a common one (fewer than {@code matchCap} rows
     * cannot hold it) by walking the entities most mentioned first until a page is full. Either
     * way alone has a bad case: the walk passes thousands of entities for a rare name, the
     * look-up reads thousands of aliases for a common one, and PostgreSQL's estimate of a
     * substring's frequency (trigram statistics) is too rough to choose between them.
     */
    @Transactional
    public EntityPage search(String q, EntityType type, Integer limit, String cursor, int matchCap) {
        int size = Cursors.checkLimit(limit);
        StringBuilder sql = new StringBuilder("""
                SELECT e.id, e.mention_count FROM entities e
                WHERE (e.mention_count > 0 OR e.quote_count > 0) AND e.merged_into IS NULL
                """);
        Map<String, Object> params = new HashMap<>();
        if (q != null && !q.isBlank()) {
            String norm = Names.key(q);
            if (norm.isEmpty()) {
                throw ProblemException.badRequest("q must contain a letter or digit");
            }
            // norm holds only letters, digits and single spaces: no LIKE wildcard to escape.
            String pattern = "%" + norm + "%";
            @SuppressWarnings("unchecked")
            List<Object> matched = em.createNativeQuery(
                            "SELECT entity_id FROM aliases WHERE kind = 'ALIAS' AND norm LIKE :pattern LIMIT :cap")
                    .setParameter("pattern", pattern).setParameter("cap", matchCap).getResultList();
            if (matched.size() < matchCap) {
                sql.append("  AND e.id = ANY(CAST(:matched AS bigint[]))\n");
                params.put("matched", Rows.pgArray(new LinkedHashSet<>(matched.stream().map(Rows::toLong).toList())));
            } else {
                sql.append("""
                          AND e.id IN (SELECT a.entity_id FROM aliases a WHERE a.kind = 'ALIAS' AND a.norm LIKE :pattern)
                        """);
                params.put("pattern", pattern);
            }
        }
        if (type != null) {
            sql.append("  AND e.type = :type\n");
            params.put("type", type.toString());
        }
        if (cursor != null && !cursor.isBlank()) {
            Cursors.Position after = Cursors.decode(Cursors.ENTITIES, cursor);
            sql.append("  AND (e.mention_count, e.id) < (:afterCount, :afterId)\n");
            params.put("afterCount", after.key());
            params.put("afterId", after.id());
        }
        sql.append("ORDER BY e.mention_count DESC, e.id DESC");
        Query query = em.createNativeQuery(sql.toString()).setMaxResults(size + 1);
        params.forEach(query::setParameter);
        List<Long> ids = new ArrayList<>();
        List<Long> counts = new ArrayList<>();
        for (Object o : query.getResultList()) {
            Object[] c = (Object[]) o;
            ids.add(Rows.toLong(c[0]));
            counts.add(Rows.toLong(c[1]));
        }
        EntityPage page = new EntityPage().items(summaries(ids.subList(0, Math.min(size, ids.size()))));
        if (ids.size() > size) {
            // The position is the one this query sorted on, even if the counter moved since.
            page.nextCursor(Cursors.encode(Cursors.ENTITIES, counts.get(size - 1), ids.get(size - 1)));
        }
        return page;
    }

    /**
     * {@code GET /api/v1/entities/{id}}: the summary, why each name belongs to it, first/last seen,
     * co-occurring entities, a timeline, who speaks about it, and its newest articles and quotes.
     */
    @Transactional
    public EntityProfile profile(long id, TimelineInterval interval, OffsetDateTime from, OffsetDateTime to) {
        // The entity, its first and last sighting, its titles and whether corrections touched it: one query.
        @SuppressWarnings("unchecked")
        List<Object[]> heads = em.createNativeQuery("""
                SELECT e.name, e.type, e.norm_name, e.article_count, e.mention_count, e.quote_count, e.merged_into,
                       (SELECT min(sort_at) FROM entity_documents WHERE entity_id = e.id),
                       (SELECT max(sort_at) FROM entity_documents WHERE entity_id = e.id),
                       ARRAY(SELECT title FROM titles WHERE entity_id = e.id ORDER BY title),
                       EXISTS (SELECT 1 FROM entity_corrections c WHERE c.target_id = e.id)
                           OR EXISTS (SELECT 1 FROM entity_corrections c WHERE c.source_id = e.id)
                FROM entities e WHERE e.id = :id""").setParameter("id", id).getResultList();
        if (heads.isEmpty()) {
            throw ProblemException.notFound("no entity " + id);
        }
        Object[] head = heads.get(0);
        String name = Rows.toStr(head[0]);
        List<String> titles = new ArrayList<>();
        for (Object t : Rows.toArray(head[9])) {
            titles.add(Rows.toStr(t));
        }
        // Each part below is one query, except where refs of entities and of documents are
        // gathered and read once for all parts.
        List<Object[]> names = names(id);
        EntityProfile profile = new EntityProfile()
                .id(id).name(name).type(EntityType.fromValue(Rows.toStr(head[1])))
                .aliases(aliases(names, Rows.toStr(head[2]))).titles(titles)
                .articleCount(Rows.toLong(head[3])).mentionCount(Rows.toLong(head[4])).quoteCount(Rows.toLong(head[5]))
                .mergedInto(Rows.toLong(head[6]));
        profile.firstSeen(Rows.toTime(head[7])).lastSeen(Rows.toTime(head[8]));
        profile.setWhy(why(names, name));
        profile.setCorrections(Boolean.TRUE.equals(head[10]) ? corrections.of(id) : new ArrayList<>());
        List<Edge> cooccurring = cooccurring(id);
        List<Object[]> speakers = topSpeakers(id);
        List<Object[]> articles = articles(id);
        Set<Long> entityIds = new LinkedHashSet<>();
        Set<UUID> docIds = new LinkedHashSet<>();
        for (Edge e : cooccurring) {
            entityIds.add(e.entity);
            docIds.addAll(e.documents);
        }
        speakers.forEach(c -> entityIds.add(Rows.toLong(c[0])));
        articles.forEach(c -> docIds.add(Rows.toUuid(c[0])));
        Map<Long, EntityRef> entities = refs(entityIds);
        Map<UUID, DocumentRef> documents = documentRefs.refs(docIds);
        profile.setCooccurring(cooccurring(cooccurring, entities, documents));
        profile.setTimeline(timeline(id, interval == null ? TimelineInterval.DAY : interval, from, to,
                profile.getLastSeen()));
        profile.setTopSpeakers(topSpeakers(speakers, entities));
        profile.setArticles(articles(articles, documents));
        profile.setQuotes(quotes.bySpeaker(id, profileLimit));
        return profile;
    }

    /** The entity's names (alias, rule, document_id, norm), longest first. */
    @SuppressWarnings("unchecked")
    private List<Object[]> names(long id) {
        return em.createNativeQuery("""
                SELECT alias, rule, document_id, norm FROM aliases WHERE entity_id = :id AND kind = 'ALIAS'
                ORDER BY words DESC, alias""").setParameter("id", id).getResultList();
    }

    /** The names other than the canonical one. */
    private static List<String> aliases(List<Object[]> names, String canonicalNorm) {
        List<String> aliases = new ArrayList<>();
        for (Object[] c : names) {
            if (!c[3].equals(canonicalNorm)) {
                aliases.add(Rows.toStr(c[0]));
            }
        }
        return aliases;
    }

    /** Why each name belongs to the entity: the rule that joined it and the document it came from. */
    private static List<AliasReason> why(List<Object[]> names, String name) {
        List<AliasReason> why = new ArrayList<>();
        for (Object[] c : names) {
            String alias = Rows.toStr(c[0]);
            String rule = Rows.toStr(c[1]);
            why.add(new AliasReason().alias(alias).rule(rule).explanation(AliasRules.explain(rule, alias, name))
                    .documentId(Rows.toUuid(c[2])));
        }
        return why;
    }

    /**
     * The entities most often named or quoted in the same articles, over the entity's newest
     * {@link #WINDOW} articles: (entity, weight = articles with both, the 5 newest of them), the
     * heaviest 10, ties by entity id. The articles and the other entities of each are the entity's
     * newest rows of {@code entity_documents} (a few index pages); they are counted here because
     * PostgreSQL spent about 1 ms unnesting and grouping them (of 0.15 ms to read them, at 1M).
     */
    private List<Edge> cooccurring(long id) {
        @SuppressWarnings("unchecked")
        List<Object[]> articles = em.createNativeQuery("""
                SELECT document_id, co_entity_ids FROM entity_documents
                WHERE entity_id = :id ORDER BY sort_at DESC, document_id LIMIT :window""")
                .setParameter("id", id).setParameter("window", WINDOW).getResultList();
        Map<Long, Edge> edges = new HashMap<>();
        for (Object[] article : articles) { // newest first
            UUID document = Rows.toUuid(article[0]);
            for (Object other : Rows.toArray(article[1])) {
                Edge edge = edges.computeIfAbsent(Rows.toLong(other), Edge::new);
                edge.weight++;
                if (edge.documents.size() < 5) {
                    edge.documents.add(document);
                }
            }
        }
        return edges.values().stream()
                .sorted(Comparator.comparingLong((Edge e) -> -e.weight).thenComparingLong(e -> e.entity))
                .limit(10).toList();
    }

    /** One co-occurring entity while counting: articles with both, the newest 5 of them. */
    private static final class Edge {
        final long entity;
        long weight;
        final List<UUID> documents = new ArrayList<>(5);

        Edge(long entity) {
            this.entity = entity;
        }
    }

    private static List<CoOccurrence> cooccurring(List<Edge> top, Map<Long, EntityRef> entities,
                                                  Map<UUID, DocumentRef> documents) {
        List<CoOccurrence> edges = new ArrayList<>();
        for (Edge e : top) {
            List<DocumentRef> behind = new ArrayList<>();
            e.documents.forEach(d -> behind.add(documents.get(d)));
            behind.sort(DocumentQueries.NEWEST_FIRST);
            edges.add(new CoOccurrence().entity(entities.get(e.entity)).weight(e.weight).documents(behind));
        }
        return edges;
    }

    /**
     * Articles naming the entity, its mentions and its quotes per day or week, over the whole UTC
     * days that from..to touches (read from {@code entity_days}: one row per day at most).
     */
    private Timeline timeline(long id, TimelineInterval interval, OffsetDateTime from, OffsetDateTime to,
                              OffsetDateTime lastSeen) {
        OffsetDateTime end = to != null ? to : lastSeen != null ? lastSeen.plusNanos(1000) : OffsetDateTime.now(ZoneOffset.UTC);
        OffsetDateTime start = from != null ? from : end.minusDays(180);
        if (!start.isBefore(end)) {
            throw ProblemException.badRequest("from must be before to");
        }
        LocalDate firstDay = Times.utcDay(start);
        LocalDate endDay = Times.utcDay(end.minusNanos(1000)).plusDays(1);
        String bucket = interval == TimelineInterval.WEEK ? "date_trunc('week', day)" : "CAST(day AS timestamp)";
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                SELECT %s AS b, sum(articles), sum(mentions), sum(quotes)
                FROM entity_days WHERE entity_id = :id AND day >= :from AND day < :to
                GROUP BY b ORDER BY b""".formatted(bucket))
                .setParameter("id", id).setParameter("from", firstDay).setParameter("to", endDay).getResultList();
        Timeline timeline = new Timeline().interval(interval)
                .from(firstDay.atStartOfDay().atOffset(ZoneOffset.UTC)).to(endDay.atStartOfDay().atOffset(ZoneOffset.UTC))
                .buckets(new ArrayList<>());
        for (Object[] c : rows) {
            timeline.addBucketsItem(new TimelineBucket().start(Rows.toTime(c[0]))
                    .articles(Rows.toLong(c[1])).mentions(Rows.toLong(c[2])).quotes(Rows.toLong(c[3])));
        }
        return timeline;
    }

    /** Who is quoted most about the entity (over the newest {@link #WINDOW} quotes about it): (speaker, quotes). */
    @SuppressWarnings("unchecked")
    private List<Object[]> topSpeakers(long id) {
        return em.createNativeQuery("""
                SELECT s.speaker_entity_id, count(*) AS n
                FROM (SELECT speaker_entity_id FROM quote_subjects WHERE entity_id = :id
                      ORDER BY sort_at DESC, quote_id DESC LIMIT :window) s
                WHERE s.speaker_entity_id IS NOT NULL AND s.speaker_entity_id <> :id
                GROUP BY s.speaker_entity_id
                ORDER BY n DESC, s.speaker_entity_id
                LIMIT 10""").setParameter("id", id).setParameter("window", WINDOW).getResultList();
    }

    private static List<SpeakerCount> topSpeakers(List<Object[]> rows, Map<Long, EntityRef> entities) {
        List<SpeakerCount> speakers = new ArrayList<>();
        for (Object[] c : rows) {
            speakers.add(new SpeakerCount().entity(entities.get(Rows.toLong(c[0]))).quotes(Rows.toLong(c[1])));
        }
        return speakers;
    }

    /** Names and types of the entities, by id (one query with a stable text: the ids are an array). */
    private Map<Long, EntityRef> refs(Collection<Long> ids) {
        Map<Long, EntityRef> refs = new HashMap<>();
        if (!ids.isEmpty()) {
            @SuppressWarnings("unchecked")
            List<Object[]> rows = em.createNativeQuery("SELECT id, name, type FROM entities WHERE id = ANY(CAST(:ids AS bigint[]))")
                    .setParameter("ids", Rows.pgArray(ids)).getResultList();
            for (Object[] c : rows) {
                Long id = Rows.toLong(c[0]);
                refs.put(id, new EntityRef().id(id).name(Rows.toStr(c[1])).type(EntityType.fromValue(Rows.toStr(c[2]))));
            }
        }
        return refs;
    }

    /**
     * Articles naming or quoting the entity, newest first, with the offsets of its mentions: one row
     * per (article, mention) or (article, null) for an article that only quotes it.
     */
    @SuppressWarnings("unchecked")
    private List<Object[]> articles(long id) {
        return em.createNativeQuery("""
                SELECT n.document_id, m.text, m.start_offset, m.end_offset
                FROM (SELECT document_id, sort_at FROM entity_documents WHERE entity_id = :id
                      ORDER BY sort_at DESC, document_id LIMIT :limit) n
                LEFT JOIN mentions m ON m.document_id = n.document_id AND m.entity_id = :id
                ORDER BY n.sort_at DESC, n.document_id, m.start_offset, m.id""")
                .setParameter("id", id).setParameter("limit", profileLimit).getResultList();
    }

    private static List<EntityArticle> articles(List<Object[]> rows, Map<UUID, DocumentRef> documents) {
        Map<UUID, EntityArticle> articles = new LinkedHashMap<>();
        for (Object[] c : rows) {
            EntityArticle article = articles.computeIfAbsent(Rows.toUuid(c[0]),
                    doc -> new EntityArticle().document(documents.get(doc)).mentions(new ArrayList<>()));
            if (c[1] != null) {
                article.addMentionsItem(new MentionRef().text(Rows.toStr(c[1])).start(Rows.toInt(c[2])).end(Rows.toInt(c[3])));
            }
        }
        return new ArrayList<>(articles.values());
    }

    /** Summaries of {@code ids}, in that order (unknown ids are skipped). */
    public List<EntitySummary> summaries(List<Long> ids) {
        if (ids.isEmpty()) {
            return new ArrayList<>();
        }
        Map<Long, EntitySummary> byId = new HashMap<>();
        List<EntityRecord> records = EntityRecord.list("id in ?1", ids);
        for (EntityRecord r : records) {
            byId.put(r.id, new EntitySummary()
                    .id(r.id).name(r.name).type(EntityType.fromValue(r.type))
                    .aliases(new ArrayList<>()).titles(new ArrayList<>())
                    .articleCount(r.articleCount).mentionCount(r.mentionCount).quoteCount(r.quoteCount));
        }
        Map<Long, String> canonical = new HashMap<>();
        records.forEach(r -> canonical.put(r.id, r.normName));
        @SuppressWarnings("unchecked")
        List<Object[]> aliases = em.createNativeQuery("""
                SELECT entity_id, norm, alias FROM aliases
                WHERE entity_id IN (:ids) AND kind = 'ALIAS'
                ORDER BY entity_id, words DESC, alias""")
                .setParameter("ids", ids).getResultList();
        for (Object[] c : aliases) {
            Long entity = Rows.toLong(c[0]);
            if (!c[1].equals(canonical.get(entity))) {
                byId.get(entity).addAliasesItem(Rows.toStr(c[2]));
            }
        }
        @SuppressWarnings("unchecked")
        List<Object[]> titles = em.createNativeQuery("""
                SELECT entity_id, title FROM titles WHERE entity_id IN (:ids) ORDER BY entity_id, title""")
                .setParameter("ids", ids).getResultList();
        for (Object[] c : titles) {
            byId.get(Rows.toLong(c[0])).addTitlesItem(Rows.toStr(c[1]));
        }
        List<EntitySummary> ordered = new ArrayList<>();
        for (Long id : ids) {
            EntitySummary s = byId.get(id);
            if (s != null) {
                ordered.add(s);
            }
        }
        return ordered;
    }
}
