package io.quotewire.query.index;

import io.quotewire.query.names.AliasRules;
import io.quotewire.query.names.Names;
import io.quotewire.query.sql.Rows;

import io.quotewire.web.ProblemException;

import io.quotewire.query.api.model.EntityCorrection;
import io.quotewire.query.api.model.EntityMergeRequest;
import io.quotewire.query.api.model.EntitySplitRequest;
import io.quotewire.query.domain.EntityRecord;
import io.quotewire.query.names.NameKey;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Corrections of cross-document entities, each recorded in {@code entity_corrections} with
 * the rows it moved: MERGE (other entities into one; undone exactly by a split naming the
 * correction) and SPLIT (names carved out of an entity into a new one). Manual ones take the
 * advisory locks an index push takes for the keys and surname groups involved, so they run between
 * pushes touching them; automatic merges (and their undoing) are made by {@link EntityResolver#reconcile}
 * inside an index push, which holds those locks already.
 */
@ApplicationScoped
public class EntityCorrections {

    private static final String MERGE = "MERGE";
    private static final String SPLIT = "SPLIT";
    private static final String TITLE = "TITLE:";

    @Inject
    EntityManager em;

    /** {@code POST /api/v1/entities/{id}/merge}. */
    @Transactional
    public List<EntityCorrection> merge(long targetId, EntityMergeRequest request) {
        if (request == null || request.getEntityIds() == null || request.getEntityIds().isEmpty()) {
            throw ProblemException.badRequest("entityIds must name at least one entity to merge");
        }
        Set<Long> sources = new TreeSet<>(request.getEntityIds());
        if (sources.contains(targetId)) {
            throw ProblemException.badRequest("an entity cannot be merged into itself");
        }
        Set<Long> all = new TreeSet<>(sources);
        all.add(targetId);
        lockNames(all);
        List<EntityRecord> locked = lockRows(all);
        EntityRecord target = find(locked, targetId);
        if (target.mergedInto != null) {
            throw conflict("entity " + targetId + " was merged into " + target.mergedInto + "; merge into that one");
        }
        List<EntityCorrection> done = new ArrayList<>();
        for (long sourceId : sources) {
            EntityRecord source = find(locked, sourceId);
            if (source.mergedInto != null) {
                throw conflict("entity " + sourceId + " is already merged into " + source.mergedInto);
            }
            if (!source.type.equals(target.type)) {
                throw conflict("entity " + sourceId + " is a " + source.type + ", " + targetId + " a " + target.type);
            }
            done.add(mergeOne(targetId, sourceId, request.getReason(), false));
        }
        recount(all);
        return done;
    }

    /**
     * Merges {@code source} into {@code target} by resolution (entity resolution found that the
     * surname-alone entity {@code source} is the one known person {@code target}): the same rows
     * move as in a manual merge, recorded as an automatic MERGE with {@code why} as its reason.
     * The caller (an index push) holds the advisory locks of the names involved.
     */
    void mergeAutomatic(long target, long source, String why) {
        List<EntityRecord> locked = lockRows(new TreeSet<>(List.of(target, source)));
        if (find(locked, target).mergedInto != null || find(locked, source).mergedInto != null) {
            throw new IllegalStateException("automatic merge of " + source + " into " + target + ": one is merged");
        }
        mergeOne(target, source, why, true);
        recount(new TreeSet<>(List.of(target, source)));
    }

    /** Undoes an automatic merge because resolution no longer finds one person for it. */
    void undoAutomatic(long correctionId) {
        Object[] c = single("SELECT target_id, source_id FROM entity_corrections WHERE id = :id", correctionId);
        undo(Rows.toLong(c[0]), correctionId, true);
    }

    private EntityCorrection mergeOne(long targetId, long sourceId, String reason, boolean automatic) {
        List<Long> mentionIds = ids("SELECT id FROM mentions WHERE entity_id = :e ORDER BY id", sourceId);
        List<Long> quoteIds = ids("SELECT id FROM quotes WHERE speaker_entity_id = :e ORDER BY id", sourceId);
        Set<UUID> docs = documentsOf(mentionIds, quoteIds);
        update("UPDATE mentions SET entity_id = :to WHERE entity_id = :from", sourceId, targetId);
        update("UPDATE quotes SET speaker_entity_id = :to WHERE speaker_entity_id = :from", sourceId, targetId);
        List<String> added = new ArrayList<>();
        for (Object norm : em.createNativeQuery("""
                INSERT INTO aliases (entity_id, kind, norm, alias, words, rule, document_id)
                SELECT :to, kind, norm, alias, words, :rule, document_id FROM aliases WHERE entity_id = :from
                ON CONFLICT DO NOTHING RETURNING kind || ':' || norm""")
                .setParameter("to", targetId).setParameter("from", sourceId)
                .setParameter("rule", automatic ? AliasRules.AUTO_MERGED : AliasRules.MERGED).getResultList()) {
            added.add(Rows.toStr(norm));
        }
        for (Object norm : em.createNativeQuery("""
                INSERT INTO titles (entity_id, norm, title) SELECT :to, norm, title FROM titles WHERE entity_id = :from
                ON CONFLICT DO NOTHING RETURNING norm""")
                .setParameter("to", targetId).setParameter("from", sourceId).getResultList()) {
            added.add(TITLE + Rows.toStr(norm));
        }
        update("UPDATE entities SET merged_into = :to WHERE id = :from OR merged_into = :from", sourceId, targetId);
        rederive(docs);
        return record(MERGE, targetId, sourceId, reason, mentionIds, quoteIds, added, automatic);
    }

    /** {@code POST /api/v1/entities/{id}/split}: undo a merge, or carve names out into a new entity. */
    @Transactional
    public EntityCorrection split(long targetId, EntitySplitRequest request) {
        if (request == null || (request.getCorrectionId() == null
                && (request.getAliases() == null || request.getAliases().isEmpty()))) {
            throw ProblemException.badRequest("give correctionId (a merge to undo) or aliases (names to carve out)");
        }
        if (request.getCorrectionId() != null) {
            return undo(targetId, request.getCorrectionId(), false);
        }
        return carve(targetId, request);
    }

    private EntityCorrection undo(long targetId, long correctionId, boolean automatic) {
        Object[] c = single("""
                SELECT kind, target_id, source_id, mention_ids, quote_ids, alias_norms, undone_at
                FROM entity_corrections WHERE id = :id""", correctionId);
        if (c == null) {
            throw ProblemException.notFound("no correction " + correctionId);
        }
        long sourceId = Rows.toLong(c[2]);
        if (!MERGE.equals(c[0]) || Rows.toLong(c[1]) != targetId || c[6] != null) {
            throw conflict("correction " + correctionId + " is not a merge into " + targetId + " that is still in effect");
        }
        Set<Long> both = new TreeSet<>(List.of(targetId, sourceId));
        if (!automatic) {
            lockNames(both);
        }
        lockRows(both);
        List<Long> mentionIds = longs(c[3]);
        List<Long> quoteIds = longs(c[4]);
        // With the recorded rows, those of articles indexed since that came with the source's key
        // (or the key of an entity merged into the source): they were on the target only through the merge.
        mentionIds.addAll(keyRows("SELECT id FROM mentions WHERE entity_id = :t AND key_entity_id IN (:keys)",
                targetId, sourceId));
        quoteIds.addAll(keyRows("SELECT id FROM quotes WHERE speaker_entity_id = :t AND speaker_key_entity_id IN (:keys)",
                targetId, sourceId));
        Set<UUID> docs = documentsOf(mentionIds, quoteIds);
        moveBack("mentions", "entity_id", mentionIds, targetId, sourceId);
        moveBack("quotes", "speaker_entity_id", quoteIds, targetId, sourceId);
        List<String> aliasKeys = new ArrayList<>();
        List<String> titleNorms = new ArrayList<>();
        for (Object o : Rows.toArray(c[5])) {
            String key = Rows.toStr(o);
            (key.startsWith(TITLE) ? titleNorms : aliasKeys).add(key.startsWith(TITLE) ? key.substring(TITLE.length()) : key);
        }
        if (!aliasKeys.isEmpty()) {
            em.createNativeQuery("DELETE FROM aliases WHERE entity_id = :e AND kind || ':' || norm IN (:keys)")
                    .setParameter("e", targetId).setParameter("keys", aliasKeys).executeUpdate();
        }
        if (!titleNorms.isEmpty()) {
            em.createNativeQuery("DELETE FROM titles WHERE entity_id = :e AND norm IN (:norms)")
                    .setParameter("e", targetId).setParameter("norms", titleNorms).executeUpdate();
        }
        // names that articles indexed since brought to the target through the merge
        em.createNativeQuery("""
                DELETE FROM aliases t WHERE t.entity_id = :e AND t.rule = :rule
                  AND EXISTS (SELECT 1 FROM aliases s WHERE s.entity_id = :source AND s.kind = t.kind AND s.norm = t.norm)""")
                .setParameter("e", targetId).setParameter("source", sourceId)
                .setParameter("rule", AliasRules.AUTO_MERGED).executeUpdate();
        em.createNativeQuery("UPDATE entities SET merged_into = NULL WHERE id = :id").setParameter("id", sourceId)
                .executeUpdate();
        em.createNativeQuery("UPDATE entity_corrections SET undone_at = now(), undone_automatically = :auto WHERE id = :id")
                .setParameter("auto", automatic).setParameter("id", correctionId).executeUpdate();
        rederive(docs);
        recount(both);
        return load(correctionId);
    }

    private EntityCorrection carve(long targetId, EntitySplitRequest request) {
        Set<String> keys = new LinkedHashSet<>();
        for (String alias : request.getAliases()) {
            String key = Names.key(alias);
            if (key.isEmpty()) {
                throw ProblemException.badRequest("alias '" + alias + "' has no letter or digit");
            }
            keys.add(key);
        }
        String name = request.getName() != null && !request.getName().isBlank()
                ? request.getName().strip() : request.getAliases().get(0).strip();
        String nameKey = Names.key(name);
        if (nameKey.isEmpty()) {
            throw ProblemException.badRequest("name must contain a letter or digit");
        }
        lockNames(Set.of(targetId));
        EntityRecord target = lockRows(Set.of(targetId)).get(0);
        if (target.mergedInto != null) {
            throw conflict("entity " + targetId + " was merged into " + target.mergedInto);
        }
        if (keys.contains(target.normName)) {
            throw conflict("'" + target.name + "' is the entity's own name; split the other names off instead");
        }
        List<?> known = em.createNativeQuery(
                        "SELECT norm FROM aliases WHERE entity_id = :e AND kind = 'ALIAS' AND norm IN (:keys)")
                .setParameter("e", targetId).setParameter("keys", keys).getResultList();
        if (known.size() != keys.size()) {
            throw conflict("entity " + targetId + " is not known by all of " + request.getAliases());
        }
        em.createNativeQuery("SELECT pg_advisory_xact_lock(:k)")
                .setParameter("k", IndexService.lockId("entity:" + target.type + ":" + nameKey)).getSingleResult();
        List<?> clash = em.createNativeQuery("SELECT id FROM entities WHERE type = :t AND norm_name = :n")
                .setParameter("t", target.type).setParameter("n", nameKey).getResultList();
        if (!clash.isEmpty()) {
            throw conflict("an entity named '" + name + "' exists (id " + clash.get(0) + "); merge into it instead");
        }
        // the new entity takes the key of its name unless another entity has it (then it has none)
        NameKey carvedKey = NameKey.of(target.type, name);
        em.createNativeQuery("SELECT pg_advisory_xact_lock(:k)")
                .setParameter("k", IndexService.lockId("entity:" + EntityResolver.keyLock(target.type, carvedKey.key())))
                .getSingleResult();
        boolean keyFree = em.createNativeQuery("SELECT 1 FROM entities WHERE type = :t AND match_key = :m")
                .setParameter("t", target.type).setParameter("m", carvedKey.key()).getResultList().isEmpty();
        long created = Rows.toLong(em.createNativeQuery("""
                        INSERT INTO entities (type, name, norm_name, match_key, surname_key) VALUES (:t, :n, :k, :m, :s)
                        RETURNING id""")
                .setParameter("t", target.type).setParameter("n", name).setParameter("k", nameKey)
                .setParameter("m", keyFree ? carvedKey.key() : null)
                .setParameter("s", keyFree && carvedKey.isPerson() ? carvedKey.surname() : null).getSingleResult());
        List<Long> mentionIds = new ArrayList<>();
        @SuppressWarnings("unchecked")
        List<Object[]> mentions = em.createNativeQuery("SELECT id, text FROM mentions WHERE entity_id = :e")
                .setParameter("e", targetId).getResultList();
        for (Object[] m : mentions) {
            if (keys.contains(Names.key(Rows.toStr(m[1])))) {
                mentionIds.add(Rows.toLong(m[0]));
            }
        }
        List<Long> quoteIds = new ArrayList<>();
        for (Object id : em.createNativeQuery(
                        "SELECT id FROM quotes WHERE speaker_entity_id = :e AND speaker_norm IN (:keys) ORDER BY id")
                .setParameter("e", targetId).setParameter("keys", keys).getResultList()) {
            quoteIds.add(Rows.toLong(id));
        }
        Set<UUID> docs = documentsOf(mentionIds, quoteIds);
        moveBack("mentions", "entity_id", mentionIds, targetId, created);
        moveBack("quotes", "speaker_entity_id", quoteIds, targetId, created);
        em.createNativeQuery("""
                UPDATE aliases SET entity_id = :to, rule = 'SPLIT'
                WHERE entity_id = :from AND kind = 'ALIAS' AND norm IN (:keys)""")
                .setParameter("to", created).setParameter("from", targetId).setParameter("keys", keys).executeUpdate();
        em.createNativeQuery("""
                INSERT INTO aliases (entity_id, kind, norm, alias, words, rule) VALUES (:e, 'ALIAS', :k, :n, :w, 'SPLIT')
                ON CONFLICT DO NOTHING""")
                .setParameter("e", created).setParameter("k", nameKey).setParameter("n", name)
                .setParameter("w", Names.words(nameKey)).executeUpdate();
        String surname = "PERSON".equals(target.type) ? Names.surname(nameKey) : null;
        if (surname != null) {
            em.createNativeQuery("""
                    INSERT INTO aliases (entity_id, kind, norm, alias, words, rule) VALUES (:e, 'SURNAME', :k, :k, 1, 'SPLIT')
                    ON CONFLICT DO NOTHING""").setParameter("e", created).setParameter("k", surname).executeUpdate();
        }
        rederive(docs);
        recount(Set.of(targetId, created));
        return record(SPLIT, targetId, created, request.getReason(), mentionIds, quoteIds, new ArrayList<>(keys), false);
    }

    /** The corrections involving an entity, oldest first. */
    public List<EntityCorrection> of(long entityId) {
        List<EntityCorrection> list = new ArrayList<>();
        for (Object id : em.createNativeQuery(
                        "SELECT id FROM entity_corrections WHERE target_id = :e OR source_id = :e ORDER BY id")
                .setParameter("e", entityId).getResultList()) {
            list.add(load(Rows.toLong(id)));
        }
        return list;
    }

    private EntityCorrection load(long id) {
        Object[] c = single("""
                SELECT id, kind, target_id, source_id, reason, cardinality(mention_ids), cardinality(quote_ids),
                       alias_norms, created_at, undone_at
                FROM entity_corrections WHERE id = :id""", id);
        List<String> aliases = new ArrayList<>();
        for (Object o : Rows.toArray(c[7])) {
            String key = Rows.toStr(o);
            if (!key.startsWith(TITLE)) {
                aliases.add(key.substring(key.indexOf(':') + 1));
            }
        }
        return new EntityCorrection().id(Rows.toLong(c[0])).kind(EntityCorrection.KindEnum.fromValue(Rows.toStr(c[1])))
                .targetId(Rows.toLong(c[2])).sourceId(Rows.toLong(c[3])).reason(Rows.toStr(c[4]))
                .mentionsMoved(Rows.toInt(c[5])).quotesMoved(Rows.toInt(c[6])).aliases(aliases)
                .createdAt(Rows.toTime(c[8])).undoneAt(Rows.toTime(c[9]));
    }

    private EntityCorrection record(String kind, long target, long source, String reason, List<Long> mentionIds,
                                    List<Long> quoteIds, List<String> aliasNorms, boolean automatic) {
        long id = Rows.toLong(em.createNativeQuery("""
                        INSERT INTO entity_corrections (kind, target_id, source_id, reason, mention_ids, quote_ids, alias_norms,
                                                        automatic)
                        VALUES (:kind, :target, :source, :reason, CAST(:mentions AS bigint[]), CAST(:quotes AS bigint[]),
                                CAST(:aliases AS text[]), :automatic)
                        RETURNING id""")
                .setParameter("kind", kind).setParameter("target", target).setParameter("source", source)
                .setParameter("reason", reason).setParameter("mentions", Rows.pgArray(mentionIds))
                .setParameter("quotes", Rows.pgArray(quoteIds)).setParameter("aliases", pgTextArray(aliasNorms))
                .setParameter("automatic", automatic)
                .getSingleResult());
        return load(id);
    }

    /**
     * Ids of rows on {@code target} that came with the key of {@code source} or of an entity merged
     * (directly or not) into it.
     */
    private List<Long> keyRows(String sql, long target, long source) {
        List<Long> keys = new ArrayList<>();
        for (Object id : em.createNativeQuery("""
                        WITH RECURSIVE k(id) AS (SELECT CAST(:source AS bigint)
                                                 UNION SELECT e.id FROM entities e JOIN k ON e.merged_into = k.id)
                        SELECT id FROM k""").setParameter("source", source).getResultList()) {
            keys.add(Rows.toLong(id));
        }
        List<Long> ids = new ArrayList<>();
        for (Object id : em.createNativeQuery(sql).setParameter("t", target).setParameter("keys", keys).getResultList()) {
            ids.add(Rows.toLong(id));
        }
        return ids;
    }

    /** Rows {@code ids} of {@code table} still on {@code from} move to {@code to}. */
    private void moveBack(String table, String column, List<Long> ids, long from, long to) {
        if (ids.isEmpty()) {
            return;
        }
        em.createNativeQuery("UPDATE " + table + " SET " + column + " = :to WHERE " + column
                        + " = :from AND id = ANY(CAST(:ids AS bigint[]))")
                .setParameter("to", to).setParameter("from", from).setParameter("ids", Rows.pgArray(ids)).executeUpdate();
    }

    /**
     * Recomputes what follows from the mentions and quotes of {@code docs}: which entities their
     * quotes are about and which entities each of them names or quotes together.
     */
    void rederive(Set<UUID> docs) {
        if (docs.isEmpty()) {
            return;
        }
        List<UUID> list = new ArrayList<>(docs);
        em.createNativeQuery("DELETE FROM quote_subjects WHERE quote_id IN (SELECT id FROM quotes WHERE document_id IN (:docs))")
                .setParameter("docs", list).executeUpdate();
        em.createNativeQuery(QuoteClusterer.SUBJECTS_OF_DOCUMENTS).setParameter("docs", list).executeUpdate();
        EntityDocuments.recompute(em, docs);
    }

    /** Recounts mentions, quotes and articles of the entities (and their days) from their rows. */
    void recount(Set<Long> ids) {
        em.createNativeQuery("""
                UPDATE entities e SET
                    mention_count = (SELECT count(*) FROM mentions m WHERE m.entity_id = e.id),
                    quote_count = (SELECT count(*) FROM quotes q WHERE q.speaker_entity_id = e.id),
                    article_count = (SELECT count(*) FROM (SELECT document_id FROM mentions WHERE entity_id = e.id
                                                           UNION SELECT document_id FROM quotes WHERE speaker_entity_id = e.id) x)
                WHERE e.id IN (:ids)""").setParameter("ids", new ArrayList<>(ids)).executeUpdate();
        EntityDays.recompute(em, ids);
    }

    private Set<UUID> documentsOf(List<Long> mentionIds, List<Long> quoteIds) {
        Set<UUID> docs = new LinkedHashSet<>();
        for (Object d : em.createNativeQuery("""
                        SELECT document_id FROM mentions WHERE id = ANY(CAST(:m AS bigint[]))
                        UNION SELECT document_id FROM quotes WHERE id = ANY(CAST(:q AS bigint[]))""")
                .setParameter("m", Rows.pgArray(mentionIds)).setParameter("q", Rows.pgArray(quoteIds)).getResultList()) {
            docs.add(Rows.toUuid(d));
        }
        return docs;
    }

    /** The advisory locks an index push takes for every name of these entities. */
    private void lockNames(Set<Long> entityIds) {
        Set<Long> locks = new TreeSet<>();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                SELECT type, match_key, surname_key FROM entities WHERE id IN (:ids) OR merged_into IN (:ids)""")
                .setParameter("ids", new ArrayList<>(entityIds)).getResultList();
        for (Object[] r : rows) {
            if (r[1] != null) {
                locks.add(IndexService.lockId("entity:" + EntityResolver.keyLock(Rows.toStr(r[0]), Rows.toStr(r[1]))));
            }
            if (r[2] != null) {
                locks.add(IndexService.lockId("entity:" + EntityResolver.groupLock(Rows.toStr(r[2]))));
            }
        }
        IndexService.lockAll(em, locks);
    }

    /** The entity rows, locked in id order (404 for an unknown id). */
    private List<EntityRecord> lockRows(Set<Long> ids) {
        List<EntityRecord> rows = new ArrayList<>();
        for (long id : new TreeSet<>(ids)) {
            EntityRecord r = EntityRecord.findById(id, LockModeType.PESSIMISTIC_WRITE);
            if (r == null) {
                throw ProblemException.notFound("no entity " + id);
            }
            em.refresh(r);
            rows.add(r);
        }
        return rows;
    }

    private static EntityRecord find(List<EntityRecord> rows, long id) {
        return rows.stream().filter(r -> r.id == id).findFirst().orElseThrow();
    }

    private List<Long> ids(String sql, long entity) {
        List<Long> ids = new ArrayList<>();
        for (Object o : em.createNativeQuery(sql).setParameter("e", entity).getResultList()) {
            ids.add(Rows.toLong(o));
        }
        return ids;
    }

    private void update(String sql, long from, long to) {
        em.createNativeQuery(sql).setParameter("from", from).setParameter("to", to).executeUpdate();
    }

    private Object[] single(String sql, long id) {
        List<?> rows = em.createNativeQuery(sql).setParameter("id", id).getResultList();
        return rows.isEmpty() ? null : (Object[]) rows.get(0);
    }

    private static List<Long> longs(Object array) {
        List<Long> list = new ArrayList<>();
        for (Object o : Rows.toArray(array)) {
            list.add(Rows.toLong(o));
        }
        return list;
    }


    /** A text[] literal; names keys hold only letters, digits, spaces and ':' (quoted anyway). */
    private static String pgTextArray(List<String> values) {
        StringBuilder s = new StringBuilder("{");
        for (int i = 0; i < values.size(); i++) {
            s.append(i == 0 ? "" : ",").append('"')
                    .append(values.get(i).replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
        }
        return s.append('}').toString();
    }

    private static ProblemException conflict(String detail) {
        return new ProblemException(409, "Conflict", detail);
    }
}
