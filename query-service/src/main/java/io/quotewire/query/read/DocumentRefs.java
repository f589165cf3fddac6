package io.quotewire.query.read;

import io.quotewire.query.api.model.DocumentRef;
import io.quotewire.query.sql.Rows;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The short form of an article that listings and profiles link to ({@code DocumentRef}): read by
 * the article search and view and by entity profiles, which otherwise need nothing of each other.
 */
@ApplicationScoped
public class DocumentRefs {

    @Inject
    EntityManager em;

    /** References to the given documents, by id (unknown ids are left out). */
    public Map<UUID, DocumentRef> refs(Collection<UUID> ids) {
        Map<UUID, DocumentRef> refs = new HashMap<>();
        if (ids.isEmpty()) {
            return refs;
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                SELECT d.id, d.title, d.source, d.url, d.published_at, d.family_id FROM documents d
                WHERE d.id = ANY(CAST(:ids AS uuid[]))""")
                .setParameter("ids", Rows.pgArray(ids)).getResultList();
        for (Object[] c : rows) {
            DocumentRef ref = ref(c);
            refs.put(ref.getId(), ref);
        }
        return refs;
    }

    /** id, title, source, url, published_at, family_id. */
    static DocumentRef ref(Object[] c) {
        return new DocumentRef().id(Rows.toUuid(c[0])).title(Rows.toStr(c[1])).source(Rows.toStr(c[2]))
                .url(Rows.toStr(c[3])).publishedAt(Rows.toTime(c[4])).familyId(Rows.toUuid(c[5]));
    }
}
