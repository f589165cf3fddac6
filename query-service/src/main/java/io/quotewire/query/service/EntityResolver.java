package io.quotewire.query.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quotewire.query.api.model.Entity;
import io.quotewire.query.api.model.EntityType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Cross-document entity resolution: maps an entity of one extraction answer to a row of
 * {@code entities}, creating it when no existing entity matches, and records the aliases and titles
 * seen. Matching is on {@link Names#key name keys}, within one entity type:
 * <ol>
 *   <li>the canonical name or a multi-word alias equals a multi-word name or alias of an existing
 *       entity ("Donald Trump", "Donald J. Trump");</li>
 *   <li>a single-word name ("Trump") joins the entity with that canonical name, else the one
 *       entity that has the word as alias or surname, never one of several ("Smith" with Jack Smith
 *       and Brad Smith known stays apart);</li>
 *   <li>a multi-word person name that matches nothing takes over a lone bare-surname entity
 *       ("Trump", created before any "Donald Trump" was seen) when no other person has that
 *       surname, and gives it its full name.</li>
 * </ol>
 * Callers must hold the advisory locks of {@link #lockKeys} for the whole transaction, so that two
 * concurrent pushes cannot both create the same entity; the unique (type, norm_name) constraint
 * with {@code INSERT ... ON CONFLICT} is the backstop.
 */
@ApplicationScoped
public class EntityResolver {

    static final String ALIAS = "ALIAS";
    static final String SURNAME = "SURNAME";

    @Inject
    EntityManager em;

    @Inject
    ObjectMapper objectMapper;

    /** Every key this entity could match or claim, each prefixed by its type. */
    static Set<String> lockKeys(Entity e) {
        String type = e.getType().toString();
        Set<String> keys = new LinkedHashSet<>();
        String nameKey = Names.key(e.getName());
        keys.add(type + ":" + nameKey);
        String surname = Names.surname(nameKey);
        if (surname != null) {
            keys.add(type + ":" + surname);
        }
        for (String alias : e.getAliases()) {
            String k = Names.key(alias);
            if (!k.isEmpty()) {
                keys.add(type + ":" + k);
            }
        }
        return keys;
    }

    /** Rules by which a name joins an entity (stored with each alias, explained by {@link #explain}). */
    static final String NEW = "NEW";
    static final String SAME_NAME = "SAME_NAME";
    static final String NAME_IS_ALIAS = "NAME_IS_ALIAS";
    static final String SHARED_ALIAS = "SHARED_ALIAS";
    static final String ONLY_ENTITY_WITH_WORD = "ONLY_ENTITY_WITH_WORD";
    static final String SURNAME_UPGRADE = "SURNAME_UPGRADE";
    static final String MERGED = "MERGED";

    /** A human explanation of why {@code alias} belongs to the entity named {@code name}. */
    static String explain(String rule, String alias, String name) {
        if (rule == null) {
            return "'" + alias + "' was seen as a name of " + name;
        }
        return switch (rule) {
            case NEW -> "'" + alias + "' matched no known entity of this type, so it started " + name;
            case SAME_NAME -> "'" + alias + "' came with a name equal (after normalising case, accents, punctuation"
                    + " and honorifics) to the name of " + name;
            case NAME_IS_ALIAS -> "'" + alias + "' came with a multi-word name already known as an alias of " + name;
            case SHARED_ALIAS -> "'" + alias + "' came with a multi-word alias shared with " + name;
            case ONLY_ENTITY_WITH_WORD -> "'" + alias + "' came with a one-word name that only " + name
                    + " had as an alias or surname (a word shared by several entities joins none of them)";
            case SURNAME_UPGRADE -> "'" + alias + "' is the full name of a person known before only by the surname,"
                    + " and no other person has that surname";
            case MERGED -> "'" + alias + "' was added by a manual merge into " + name;
            default -> "'" + alias + "' joined " + name + " (" + rule + ")";
        };
    }

    /**
     * The id of the entity {@code e} resolves to (created if new), with its aliases and titles
     * recorded together with the rule that joined them and the document they came from.
     */
    public long resolve(Entity e, UUID documentId) {
        String type = e.getType().toString();
        String name = e.getName().strip();
        String nameKey = Names.key(name);
        int nameWords = Names.words(nameKey);

        Set<String> multiWordKeys = new LinkedHashSet<>();
        if (nameWords >= 2) {
            multiWordKeys.add(nameKey);
        }
        for (String alias : e.getAliases()) {
            String k = Names.key(alias);
            if (Names.words(k) >= 2) {
                multiWordKeys.add(k);
            }
        }

        String[] rule = {NEW};
        Long id = multiWordKeys.isEmpty() ? null : byMultiWordKeys(type, nameKey, multiWordKeys, rule);
        if (id == null && nameWords == 1) {
            id = bySingleWord(type, nameKey, rule);
        }
        if (id == null && nameWords >= 2 && e.getType() == EntityType.PERSON) {
            id = bareSurnameToUpgrade(nameKey);
            if (id != null) {
                rule[0] = SURNAME_UPGRADE;
                em.createNativeQuery("UPDATE entities SET name = :name, norm_name = :norm WHERE id = :id")
                        .setParameter("name", name).setParameter("norm", nameKey).setParameter("id", id)
                        .executeUpdate();
            }
        }
        if (id == null) {
            rule[0] = NEW;
            id = create(type, name, nameKey);
        }
        record(id, e, name, nameKey, rule[0], documentId);
        return id;
    }

    private Long byMultiWordKeys(String type, String nameKey, Set<String> keys, String[] rule) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                SELECT e.id, e.norm_name, a.norm
                FROM aliases a JOIN entities e ON e.id = a.entity_id
                WHERE e.type = :type AND a.kind = 'ALIAS' AND a.words >= 2 AND a.norm IN (:keys)
                  AND e.merged_into IS NULL
                ORDER BY e.id""")
                .setParameter("type", type).setParameter("keys", keys)
                .getResultList();
        Long best = null;
        int bestScore = -1;
        for (Object[] row : rows) {
            // Same canonical name beats a match on the name, which beats a match on an alias.
            int score = nameKey.equals(row[1]) ? 2 : nameKey.equals(row[2]) ? 1 : 0;
            if (score > bestScore) {
                best = Rows.toLong(row[0]);
                bestScore = score;
            }
        }
        rule[0] = bestScore == 2 ? SAME_NAME : bestScore == 1 ? NAME_IS_ALIAS : SHARED_ALIAS;
        return best;
    }

    private Long bySingleWord(String type, String word, String[] rule) {
        Long exact = single(em.createNativeQuery(
                        "SELECT coalesce(merged_into, id) FROM entities WHERE type = :type AND norm_name = :word")
                .setParameter("type", type).setParameter("word", word).getResultList());
        if (exact != null) {
            rule[0] = SAME_NAME;
            return exact;
        }
        List<?> owners = em.createNativeQuery("""
                SELECT DISTINCT a.entity_id
                FROM aliases a JOIN entities e ON e.id = a.entity_id
                WHERE e.type = :type AND a.norm = :word AND e.merged_into IS NULL""")
                .setParameter("type", type).setParameter("word", word)
                .getResultList();
        rule[0] = ONLY_ENTITY_WITH_WORD;
        return owners.size() == 1 ? Rows.toLong(owners.get(0)) : null;
    }

    private Long bareSurnameToUpgrade(String nameKey) {
        String surname = Names.surname(nameKey);
        if (surname == null) {
            return null;
        }
        Long bare = single(em.createNativeQuery(
                        "SELECT id FROM entities WHERE type = 'PERSON' AND norm_name = :surname AND merged_into IS NULL")
                .setParameter("surname", surname).getResultList());
        if (bare == null) {
            return null;
        }
        Number others = (Number) em.createNativeQuery("""
                SELECT count(*) FROM aliases a JOIN entities e ON e.id = a.entity_id
                WHERE e.type = 'PERSON' AND a.norm = :surname AND a.kind = 'SURNAME' AND a.entity_id <> :bare
                  AND e.merged_into IS NULL""")
                .setParameter("surname", surname).setParameter("bare", bare)
                .getSingleResult();
        return others.longValue() == 0 ? bare : null;
    }

    private long create(String type, String name, String nameKey) {
        Long id = single(em.createNativeQuery("""
                INSERT INTO entities (type, name, norm_name) VALUES (:type, :name, :norm)
                ON CONFLICT (type, norm_name) DO NOTHING
                RETURNING id""")
                .setParameter("type", type).setParameter("name", name).setParameter("norm", nameKey)
                .getResultList());
        if (id != null) {
            return id;
        }
        return Rows.toLong(em.createNativeQuery(
                        "SELECT coalesce(merged_into, id) FROM entities WHERE type = :type AND norm_name = :norm")
                .setParameter("type", type).setParameter("norm", nameKey)
                .getSingleResult());
    }

    /** Records the names and titles seen, one statement each (rows passed as JSON). */
    private void record(long id, Entity e, String name, String nameKey, String rule, UUID documentId) {
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
}
