package io.quotewire.query.service;

import io.quotewire.query.api.model.DocumentRef;
import io.quotewire.query.api.model.EntityArticle;
import io.quotewire.query.api.model.EntityPage;
import io.quotewire.query.api.model.EntityProfile;
import io.quotewire.query.api.model.EntitySummary;
import io.quotewire.query.api.model.EntityType;
import io.quotewire.query.api.model.MentionRef;
import io.quotewire.query.domain.EntityRecord;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Entity search (most mentioned first), entity profiles and entity summaries. */
@ApplicationScoped
public class EntityQueries {

    @Inject
    EntityManager em;

    @Inject
    QuoteQueries quotes;

    @ConfigProperty(name = "quotewire.query.profile-limit", defaultValue = "100")
    int profileLimit;

    /**
     * {@code GET /api/v1/entities}: entities with a name or alias containing {@code q} (as a
     * {@link Names#key}, so case, accents, punctuation and a leading "Mr." do not matter), most mentioned first, keyset pages on
     * (mention_count, id). Entities no longer mentioned anywhere are left out.
     */
    @Transactional
    public EntityPage search(String q, EntityType type, Integer limit, String cursor) {
        int size = Cursors.checkLimit(limit);
        StringBuilder sql = new StringBuilder("""
                SELECT e.id, e.mention_count FROM entities e
                WHERE (e.mention_count > 0 OR e.quote_count > 0)
                """);
        Map<String, Object> params = new HashMap<>();
        if (q != null && !q.isBlank()) {
            String norm = Names.key(q);
            if (norm.isEmpty()) {
                throw ProblemException.badRequest("q must contain a letter or digit");
            }
            // norm holds only letters, digits and single spaces: no LIKE wildcard to escape.
            sql.append("""
                      AND e.id IN (SELECT a.entity_id FROM aliases a WHERE a.kind = 'ALIAS' AND a.norm LIKE :pattern)
                    """);
            params.put("pattern", "%" + norm + "%");
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

    /** {@code GET /api/v1/entities/{id}}: the summary plus its newest articles and quotes. */
    @Transactional
    public EntityProfile profile(long id) {
        List<EntitySummary> found = summaries(List.of(id));
        if (found.isEmpty()) {
            throw ProblemException.notFound("no entity " + id);
        }
        EntitySummary s = found.get(0);
        EntityProfile profile = new EntityProfile()
                .id(s.getId()).name(s.getName()).type(s.getType()).aliases(s.getAliases()).titles(s.getTitles())
                .articleCount(s.getArticleCount()).mentionCount(s.getMentionCount()).quoteCount(s.getQuoteCount());
        profile.setArticles(articles(id));
        profile.setQuotes(quotes.bySpeaker(id, profileLimit));
        return profile;
    }

    /** Articles naming or quoting the entity, newest first, with the offsets of its mentions. */
    private List<EntityArticle> articles(long id) {
        @SuppressWarnings("unchecked")
        List<Object[]> docs = em.createNativeQuery("""
                SELECT d.id, d.title, d.source, d.url, d.published_at
                FROM documents d
                WHERE d.id IN (SELECT m.document_id FROM mentions m WHERE m.entity_id = :id
                               UNION SELECT q.document_id FROM quotes q WHERE q.speaker_entity_id = :id)
                ORDER BY d.sort_at DESC, d.id""")
                .setParameter("id", id).setMaxResults(profileLimit).getResultList();
        Map<UUID, EntityArticle> articles = new LinkedHashMap<>();
        for (Object[] c : docs) {
            DocumentRef ref = new DocumentRef().id(Rows.toUuid(c[0])).title(Rows.toStr(c[1]))
                    .source(Rows.toStr(c[2])).url(Rows.toStr(c[3])).publishedAt(Rows.toTime(c[4]));
            articles.put(ref.getId(), new EntityArticle().document(ref).mentions(new ArrayList<>()));
        }
        if (!articles.isEmpty()) {
            @SuppressWarnings("unchecked")
            List<Object[]> mentions = em.createNativeQuery("""
                    SELECT m.document_id, m.text, m.start_offset, m.end_offset
                    FROM mentions m
                    WHERE m.entity_id = :id AND m.document_id IN (:docs)
                    ORDER BY m.document_id, m.start_offset, m.id""")
                    .setParameter("id", id).setParameter("docs", new ArrayList<>(articles.keySet()))
                    .getResultList();
            for (Object[] c : mentions) {
                articles.get(Rows.toUuid(c[0])).addMentionsItem(new MentionRef()
                        .text(Rows.toStr(c[1])).start(Rows.toInt(c[2])).end(Rows.toInt(c[3])));
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
