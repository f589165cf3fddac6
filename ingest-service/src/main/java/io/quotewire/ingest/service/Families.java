package io.quotewire.ingest.service;

import io.quotewire.ingest.dedup.Fingerprint;
import io.quotewire.ingest.dedup.Fingerprinter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Finds the stored story a new text is a copy of, through the LSH band table
 * ({@code document_band}, indexed by band): only documents sharing a band with the new text are
 * read and compared, so the cost per ingest does not grow with the number of documents stored.
 * Runs inside the caller's transaction.
 */
@ApplicationScoped
public class Families {

    /** Documents compared at most per ingest: those sharing the most bands. */
    static final int MAX_CANDIDATES = 50;

    @Inject
    EntityManager em;

    /** A stored document the new text is a copy of. */
    public record Match(UUID documentId, UUID familyId, double similarity, Fingerprinter.Kind kind) {
    }

    /** The most similar stored document that is a copy of the same story, if any. */
    public Optional<Match> closest(Fingerprint fingerprint) {
        long[] keys = Fingerprinter.bandKeys(fingerprint);
        if (keys.length == 0) {
            return Optional.empty();
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        SELECT d.id, d.family_id, d.fingerprint
                        FROM (SELECT document_id, count(*) AS shared FROM document_band
                              WHERE band = ANY (CAST(string_to_array(:keys, ',') AS bigint[]))
                              GROUP BY document_id ORDER BY shared DESC LIMIT :max) c
                        JOIN document d ON d.id = c.document_id
                        WHERE d.fingerprint IS NOT NULL""")
                .setParameter("keys", join(keys))
                .setParameter("max", MAX_CANDIDATES)
                .getResultList();
        Match best = null;
        for (Object[] row : rows) {
            var resemblance = Fingerprinter.compare(fingerprint, Fingerprint.fromBytes((byte[]) row[2]));
            if (resemblance.isPresent() && (best == null || resemblance.get().score() > best.similarity())) {
                best = new Match((UUID) row[0], (UUID) row[1], resemblance.get().score(), resemblance.get().kind());
            }
        }
        return Optional.ofNullable(best);
    }

    /** Files a stored document's bands so later copies find it. */
    public void file(UUID documentId, Fingerprint fingerprint) {
        long[] keys = Fingerprinter.bandKeys(fingerprint);
        if (keys.length == 0) {
            return;
        }
        em.createNativeQuery("""
                        INSERT INTO document_band (band, document_id)
                        SELECT DISTINCT unnest(CAST(string_to_array(:keys, ',') AS bigint[])), :id
                        ON CONFLICT DO NOTHING""")
                .setParameter("keys", join(keys))
                .setParameter("id", documentId)
                .executeUpdate();
    }

    private static String join(long[] keys) {
        return Arrays.stream(keys).mapToObj(Long::toString).collect(Collectors.joining(","));
    }
}
