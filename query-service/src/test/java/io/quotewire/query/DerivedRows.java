package io.quotewire.query;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.persistence.EntityManager;

import static org.assertj.core.api.Assertions.assertThat;

/** Checks a table kept at index time against the same rows computed from their sources. */
final class DerivedRows {

    private DerivedRows() {
    }

    /** {@code kept} and {@code recomputed} (two SELECTs of the same columns) hold the same rows. */
    static void assertSame(EntityManager em, String kept, String recomputed) {
        assertThat(count(em, "(" + kept + " EXCEPT " + recomputed + ") d")).as("kept but not recomputed").isZero();
        assertThat(count(em, "(" + recomputed + " EXCEPT " + kept + ") d")).as("recomputed but not kept").isZero();
    }

    private static long count(EntityManager em, String from) {
        return QuarkusTransaction.requiringNew().call(() ->
                ((Number) em.createNativeQuery("SELECT count(*) FROM " + from).getSingleResult()).longValue());
    }
}
