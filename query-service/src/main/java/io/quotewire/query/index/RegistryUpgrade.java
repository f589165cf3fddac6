package io.quotewire.query.index;

import io.quotewire.query.sql.Rows;

import io.quarkus.runtime.StartupEvent;
import io.quotewire.query.names.NameKey;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Brings entities indexed before V11 (no {@code match_key}) into the registry, at start-up, once:
 * an entity whose key no other entity has takes it; one whose key is taken is merged into the
 * entity that has it (an automatic MERGE, reversible); a partial name's entity (a surname alone,
 * which before V11 gathered every article's "Smith") is split into one entity per article, as
 * resolution would have made them. Then the rules decide every surname group it touched. Runs under
 * the advisory locks of every key and group involved, so pushes and other replicas wait for it.
 */
@ApplicationScoped
public class RegistryUpgrade {

    private static final Logger LOG = Logger.getLogger(RegistryUpgrade.class);

    @Inject
    EntityManager em;

    @Inject
    EntityResolver resolver;

    @Inject
    EntityCorrections corrections;

    void onStart(@Observes StartupEvent event) {
        int n = upgrade();
        if (n > 0) {
            LOG.infof("registry upgrade: %d entities from before V11 keyed, merged or split", n);
        }
    }

    /** Keys the entities that have no key yet; how many it changed. */
    @Transactional
    public int upgrade() {
        List<Object[]> legacy = legacy();
        if (legacy.isEmpty()) {
            return 0;
        }
        Set<Long> locks = new TreeSet<>();
        for (Object[] r : legacy) {
            NameKey k = NameKey.of(Rows.toStr(r[1]), Rows.toStr(r[2]));
            locks.add(IndexService.lockId("entity:" + EntityResolver.keyLock(Rows.toStr(r[1]), k.key())));
            if (k.isPerson()) {
                locks.add(IndexService.lockId("entity:" + EntityResolver.groupLock(k.surname())));
            }
        }
        IndexService.lockAll(em, locks);
        legacy = legacy(); // as they are now that no push runs on them
        Set<String> groups = new TreeSet<>();
        Set<Long> touched = new TreeSet<>();
        Set<UUID> documents = new LinkedHashSet<>();
        for (Object[] r : legacy) {
            long id = Rows.toLong(r[0]);
            String type = Rows.toStr(r[1]);
            String name = Rows.toStr(r[2]);
            NameKey key = NameKey.of(type, name);
            if (key.isPerson()) {
                groups.add(key.surname());
            }
            if (key.kind() == NameKey.Kind.PARTIAL) {
                touched.add(id);
                for (UUID doc : documentsOf(id)) {
                    long own = resolver.keyEntity(type, key.inDocument(doc.toString()), key, name);
                    move(id, own, doc);
                    touched.add(own);
                    documents.add(doc);
                }
                // the emptied entity takes the key of its name's pool (below), or joins the pool's entity
            }
            List<?> owner = em.createNativeQuery("SELECT id FROM entities WHERE type = :t AND match_key = :k")
                    .setParameter("t", type).setParameter("k", key.key()).getResultList();
            if (owner.isEmpty()) {
                em.createNativeQuery("UPDATE entities SET match_key = :k, surname_key = :s WHERE id = :id")
                        .setParameter("k", key.key()).setParameter("s", key.isPerson() ? key.surname() : null)
                        .setParameter("id", id).executeUpdate();
            } else {
                long into = resolver.root(Rows.toLong(owner.get(0)));
                corrections.mergeAutomatic(into, id, "upgrade: '" + name + "' has the name key of entity " + into
                        + " (indexed before the keys existed)");
            }
        }
        corrections.rederive(documents);
        if (!touched.isEmpty()) {
            corrections.recount(touched);
        }
        resolver.reconcile(groups, groups, Set.of());
        return legacy.size();
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> legacy() {
        return em.createNativeQuery("""
                SELECT id, type, name FROM entities WHERE match_key IS NULL AND merged_into IS NULL
                  AND NOT EXISTS (SELECT 1 FROM entity_corrections c WHERE c.kind = 'SPLIT' AND c.source_id = entities.id)
                ORDER BY id""").getResultList();
    }

    private List<UUID> documentsOf(long entity) {
        List<UUID> docs = new ArrayList<>();
        for (Object d : em.createNativeQuery("""
                        SELECT document_id FROM mentions WHERE entity_id = :e
                        UNION SELECT document_id FROM quotes WHERE speaker_entity_id = :e ORDER BY 1""")
                .setParameter("e", entity).getResultList()) {
            docs.add(Rows.toUuid(d));
        }
        return docs;
    }

    /** The rows of {@code doc} on {@code from} move to {@code to}, with their names and titles. */
    private void move(long from, long to, UUID doc) {
        em.createNativeQuery("UPDATE mentions SET entity_id = :to, key_entity_id = :to WHERE entity_id = :from AND document_id = :d")
                .setParameter("to", to).setParameter("from", from).setParameter("d", doc).executeUpdate();
        em.createNativeQuery("""
                        UPDATE quotes SET speaker_entity_id = :to, speaker_key_entity_id = :to
                        WHERE speaker_entity_id = :from AND document_id = :d""")
                .setParameter("to", to).setParameter("from", from).setParameter("d", doc).executeUpdate();
        em.createNativeQuery("""
                        INSERT INTO aliases (entity_id, kind, norm, alias, words, rule, document_id)
                        SELECT :to, kind, norm, alias, words, rule, document_id FROM aliases WHERE entity_id = :from
                        ON CONFLICT DO NOTHING""")
                .setParameter("to", to).setParameter("from", from).executeUpdate();
        em.createNativeQuery("""
                        INSERT INTO titles (entity_id, norm, title) SELECT :to, norm, title FROM titles WHERE entity_id = :from
                        ON CONFLICT DO NOTHING""")
                .setParameter("to", to).setParameter("from", from).executeUpdate();
    }
}
