package io.quotewire.query.index;

import static io.quotewire.query.names.AliasRules.NEW;
import static io.quotewire.query.names.AliasRules.SAME_KEY;
import static io.quotewire.query.names.AliasRules.MERGED;
import static io.quotewire.query.names.AliasRules.AUTO_MERGED;

import io.quotewire.query.names.Names;
import io.quotewire.query.sql.Rows;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quotewire.query.api.model.Entity;
import io.quotewire.query.api.model.EntityType;
import io.quotewire.query.names.Matching;
import io.quotewire.query.names.NameKey;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Cross-document entity resolution (the DB glue of {@link NameKey} and {@link Matching}, which hold
 * the rules and no database): maps an entity of one extraction answer to a row of
 * {@code entities} and records the aliases and titles seen.
 * <ol>
 *   <li>The name's {@link NameKey order-free key} names one row per type ({@code match_key}, unique):
 *       created on first sight ({@code INSERT ... ON CONFLICT DO NOTHING}), found by every later
 *       article that names the person the same way ("Donald J. Trump", "Donald Trump"; "Joe Biden",
 *       "Joseph Biden"; "Volodymyr Zelenskyy", "Volodymyr Zelensky"). That row is the record's
 *       <em>key entity</em>; its mentions and quotes go to the entity it is merged into, if any.</li>
 *   <li>A partial name (a surname alone, an initial and a surname) has a key entity per article
 *       ({@link NameKey#inDocument}). After the article's rows are written, {@link #reconcile}
 *       re-applies {@link Matching#outcome} to each surname group the article touched: the
 *       article's "Putin" is merged into the one known person it fits, automatically and with the
 *       reason recorded; with no known person that fits, into the pool of all articles' "Putin";
 *       and the merge is undone when a second person of the surname appears ("Trump" once Melania
 *       Trump is known: then each article's "Trump" is an entity of its own). The entities are
 *       those the rules give for the set of names seen, in any arrival order.</li>
 * </ol>
 * Callers must hold the advisory locks of {@link #lockKeys} for the whole transaction: the record's
 * (type, key), so two pushes cannot both create it (the unique index is the backstop), and its
 * surname group, so two pushes never reconcile one group at the same time.
 */
@ApplicationScoped
public class EntityResolver {

    static final String ALIAS = "ALIAS";
    static final String SURNAME = "SURNAME";

    @Inject
    EntityManager em;

    @Inject
    ObjectMapper objectMapper;

    @Inject
    EntityCorrections corrections;

    /** The entity a record resolved to: its key entity and the entity that one stands for now. */
    public record Resolved(long keyEntity, long entity, NameKey key, boolean created) {
    }

    /** The advisory lock names of an entity's key and of its surname group. */
    static Set<String> lockKeys(Entity e) {
        String type = e.getType().toString();
        NameKey key = NameKey.of(type, e.getName());
        Set<String> keys = new LinkedHashSet<>();
        keys.add(keyLock(type, key.key()));
        if (key.isPerson()) {
            keys.add(groupLock(key.surname()));
        }
        return keys;
    }

    static String keyLock(String type, String matchKey) {
        return type + ":" + matchKey;
    }

    static String groupLock(String surname) {
        return "PERSON:surname:" + surname;
    }

    /**
     * The entity {@code e} resolves to: its key entity (created if new, its canonical name the best
     * form seen, {@link Matching#DISPLAY}) and the entity that one stands for now; the aliases and
     * titles are recorded on both, with the rule that joined them and the document they came from.
     */
    public Resolved resolve(Entity e, UUID documentId) {
        String type = e.getType().toString();
        String name = e.getName().strip();
        NameKey key = NameKey.of(type, name);
        boolean[] created = {false};
        long keyEntity = ensure(type, key.inDocument(documentId.toString()), key, name, created);
        long entity = root(keyEntity);
        record(keyEntity, e, name, created[0] ? NEW : SAME_KEY, documentId);
        if (entity != keyEntity) {
            record(entity, e, name, AUTO_MERGED.equals(mergeRule(keyEntity)) ? AUTO_MERGED : MERGED, documentId);
        }
        return new Resolved(keyEntity, entity, key, created[0]);
    }

    /** The key entity's row: found, or created; its name replaced by a better form of the key. */
    private long ensure(String type, String matchKey, NameKey key, String name, boolean[] created) {
        Long id = single(em.createNativeQuery("""
                INSERT INTO entities (type, name, norm_name, match_key, surname_key)
                VALUES (:type, :name, :norm, :key, :surname)
                ON CONFLICT (type, match_key) DO NOTHING
                RETURNING id""")
                .setParameter("type", type).setParameter("name", name).setParameter("norm", Names.key(name))
                .setParameter("key", matchKey).setParameter("surname", key.isPerson() ? key.surname() : null)
                .getResultList());
        if (id != null) {
            created[0] = true;
            return id;
        }
        Object[] row = (Object[]) em.createNativeQuery("SELECT id, name FROM entities WHERE type = :type AND match_key = :key")
                .setParameter("type", type).setParameter("key", matchKey).getSingleResult();
        long found = Rows.toLong(row[0]);
        if (Matching.betterName(name, Rows.toStr(row[1]))) {
            em.createNativeQuery("UPDATE entities SET name = :name, norm_name = :norm WHERE id = :id")
                    .setParameter("name", name).setParameter("norm", Names.key(name)).setParameter("id", found)
                    .executeUpdate();
        }
        return found;
    }

    /** The row of a stored key ({@link NameKey#inDocument} of {@code key}), created if new. */
    long keyEntity(String type, String matchKey, NameKey key, String name) {
        return ensure(type, matchKey, key, name, new boolean[1]);
    }

    /** The entity {@code id} stands for: itself, or the end of its chain of merges. */
    long root(long id) {
        long at = id;
        for (int hops = 0; hops < 64; hops++) {
            Object next = single0(em.createNativeQuery("SELECT merged_into FROM entities WHERE id = :id")
                    .setParameter("id", at).getResultList());
            if (next == null) {
                return at;
            }
            at = Rows.toLong(next);
        }
        throw new IllegalStateException("merge chain from entity " + id + " does not end");
    }

    /** AUTO_MERGED when the entity is merged by resolution, else MERGED. */
    private String mergeRule(long keyEntity) {
        return em.createNativeQuery("""
                        SELECT 1 FROM entity_corrections WHERE source_id = :id AND automatic AND undone_at IS NULL""")
                .setParameter("id", keyEntity).getResultList().isEmpty() ? MERGED : AUTO_MERGED;
    }

    /**
     * Applies {@link Matching#outcome} to the partial names of each surname group the article
     * touched: each article's surname-alone entity is merged (automatically, with the reason) into
     * the one known person it fits, or into the pool of its name when none fits, and its automatic
     * merge is undone when it fits several. The partial names of this push ({@code ownPartials},
     * key entity ids) are looked at; in a group where this push created a full name (which can
     * change where any partial name of the group goes), all of them. Entities merged by hand, and
     * automatic merges undone by hand (a veto), are left as the human left them. The caller holds
     * the groups' advisory locks.
     */
    public void reconcile(Set<String> surnames, Set<String> newFullNames, Set<Long> ownPartials) {
        for (String surname : new TreeSet<>(surnames)) {
            Map<NameKey, Long> fulls = new LinkedHashMap<>();
            @SuppressWarnings("unchecked")
            List<Object[]> fullRows = em.createNativeQuery("""
                    SELECT id, match_key FROM entities
                    WHERE type = 'PERSON' AND surname_key = :s AND match_key LIKE 'F:%' ORDER BY id""")
                    .setParameter("s", surname).getResultList();
            for (Object[] r : fullRows) {
                fulls.put(NameKey.parse(Rows.toStr(r[1])), root(Rows.toLong(r[0])));
            }
            List<Object[]> partials;
            if (newFullNames.contains(surname)) {
                partials = rows("""
                        SELECT id, match_key, merged_into, name FROM entities
                        WHERE type = 'PERSON' AND surname_key = :s AND match_key LIKE 'P:%@%' ORDER BY id""", surname, null);
            } else if (!ownPartials.isEmpty()) {
                partials = rows("""
                        SELECT id, match_key, merged_into, name FROM entities
                        WHERE type = 'PERSON' AND surname_key = :s AND id IN (:ids) AND match_key LIKE 'P:%@%'
                        ORDER BY id""", surname, ownPartials);
            } else {
                continue;
            }
            for (Object[] p : partials) {
                reconcile(Rows.toLong(p[0]), NameKey.parse(Rows.toStr(p[1])), p[2] != null, Rows.toStr(p[3]), fulls);
            }
        }
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> rows(String sql, String surname, Set<Long> ids) {
        var q = em.createNativeQuery(sql).setParameter("s", surname);
        if (ids != null) {
            q.setParameter("ids", new ArrayList<>(ids));
        }
        return q.getResultList();
    }

    private void reconcile(long id, NameKey key, boolean merged, String name, Map<NameKey, Long> fulls) {
        @SuppressWarnings("unchecked")
        List<Object[]> auto = em.createNativeQuery("""
                SELECT id, target_id FROM entity_corrections
                WHERE source_id = :id AND automatic AND undone_at IS NULL""")
                .setParameter("id", id).getResultList();
        if (merged && auto.isEmpty()) {
            return; // merged by hand
        }
        Matching.Outcome outcome = Matching.outcome(key, fulls);
        Long desired = switch (outcome) {
            case PERSON -> Matching.target(key, fulls);
            case POOL -> root(ensure("PERSON", key.key(), key, name, new boolean[1]));
            case AMBIGUOUS -> null;
        };
        Long current = auto.isEmpty() ? null : root(Rows.toLong(auto.get(0)[1]));
        if (java.util.Objects.equals(current, desired)) {
            return;
        }
        if (!auto.isEmpty()) {
            corrections.undoAutomatic(Rows.toLong(auto.get(0)[0]));
        }
        if (desired != null && desired != id && !vetoed(id, desired)) {
            String target = Rows.toStr(em.createNativeQuery("SELECT name FROM entities WHERE id = :id")
                    .setParameter("id", desired).getSingleResult());
            corrections.mergeAutomatic(desired, id,
                    outcome == Matching.Outcome.POOL ? Matching.whyPooled(name) : Matching.why(name, target));
        }
    }

    /** Whether a human undid an automatic merge of {@code source} into {@code target}. */
    private boolean vetoed(long source, long target) {
        return !em.createNativeQuery("""
                        SELECT 1 FROM entity_corrections WHERE source_id = :s AND target_id = :t AND automatic
                          AND undone_at IS NOT NULL AND NOT undone_automatically""")
                .setParameter("s", source).setParameter("t", target).getResultList().isEmpty();
    }

    /** Records the names and titles seen, one statement each (rows passed as JSON). */
    private void record(long id, Entity e, String name, String rule, UUID documentId) {
        String nameKey = Names.key(name);
        Map<String, String> aliases = new LinkedHashMap<>();
        aliases.put(nameKey, name);
        for (String alias : e.getAliases()) {
            String k = Names.key(alias);
            if (!k.isEmpty()) {
                aliases.putIfAbsent(k, alias.strip());
            }
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        aliases.forEach((k, display) -> rows.add(Map.of("kind", ALIAS, "norm", k, "alias", display, "words", Names.words(k))));
        String surname = e.getType() == EntityType.PERSON ? Names.surname(nameKey) : null;
        if (surname != null) {
            rows.add(Map.of("kind", SURNAME, "norm", surname, "alias", surname, "words", 1));
        }
        em.createNativeQuery("""
                INSERT INTO aliases (entity_id, kind, norm, alias, words, rule, document_id)
                SELECT :id, x.kind, x.norm, x.alias, x.words, :rule, :doc
                FROM jsonb_to_recordset(CAST(:rows AS jsonb)) AS x(kind text, norm text, alias text, words int)
                ON CONFLICT DO NOTHING""")
                .setParameter("id", id).setParameter("rows", json(rows))
                .setParameter("rule", rule).setParameter("doc", documentId)
                .executeUpdate();

        List<Map<String, Object>> titles = new ArrayList<>();
        if (e.getTitles() != null) {
            for (String title : e.getTitles()) {
                String norm = Names.normalize(title);
                if (!norm.isEmpty()) {
                    titles.add(Map.of("norm", norm, "title", title.strip()));
                }
            }
        }
        if (!titles.isEmpty()) {
            em.createNativeQuery("""
                    INSERT INTO titles (entity_id, norm, title)
                    SELECT :id, x.norm, x.title
                    FROM jsonb_to_recordset(CAST(:rows AS jsonb)) AS x(norm text, title text)
                    ON CONFLICT DO NOTHING""")
                    .setParameter("id", id).setParameter("rows", json(titles))
                    .executeUpdate();
        }
    }

    private String json(Object value) {
        try {
            return objectMapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Long single(List<?> rows) {
        return rows.isEmpty() ? null : Rows.toLong(rows.get(0));
    }

    private static Object single0(List<?> rows) {
        return rows.isEmpty() ? null : rows.get(0);
    }
}
