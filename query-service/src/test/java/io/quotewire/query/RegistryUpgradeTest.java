package io.quotewire.query;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quotewire.query.index.RegistryUpgrade;
import io.quotewire.testsupport.PostgresTestResource;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Entities from before V11 (no key): rows put back in the shape the old resolution left them in,
 * one entity per first-seen name and one for every article's bare surname, then upgraded.
 */
@QuarkusTest
@QuarkusTestResource(value = PostgresTestResource.class, restrictToAnnotatedClass = false)
class RegistryUpgradeTest {

    @Inject
    EntityManager em;

    @Inject
    RegistryUpgrade upgrade;

    private static UUID person(String title, String day, String name, String quote) {
        return Article.of(title, day + "T08:00:00Z", name + " said " + quote + ".")
                .entity("e1", name, "PERSON", List.of(), List.of(), name)
                .quote(quote, "INDIRECT", "e1", name, "said")
                .push();
    }

    @Test
    void entitiesIndexedBeforeTheKeysJoinTheRegistry() {
        person("Vesely one", "2025-11-01", "Anton Vesely", "the mine would close");
        UUID two = person("Vesely two", "2025-11-02", "Anton J. Vesely", "the mine would stay");
        UUID three = person("Vesely three", "2025-11-03", "Vesely", "the union agreed");
        UUID four = person("Vesely four", "2025-11-04", "Vesely", "the union was split");
        long anton = QuoteClusterAndFilterTest.entityId("Anton Vesely");
        QuarkusTransaction.requiringNew().run(() -> {
            // before V11: no keys; "Anton J. Vesely" an entity of its own, every bare "Vesely" one more
            em.createNativeQuery("UPDATE entities SET match_key = NULL, surname_key = NULL WHERE surname_key = 'vesely'")
                    .executeUpdate();
            long middle = legacyEntity("Anton J. Vesely");
            long bare = legacyEntity("Vesely");
            moveTo(middle, List.of(two));
            moveTo(bare, List.of(three, four));
        });
        assertThat(QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery("""
                SELECT DISTINCT m.entity_id FROM mentions m JOIN entities e ON e.id = m.entity_id
                WHERE e.surname_key IS NULL AND lower(m.text) LIKE '%vesely%'""").getResultList())).hasSize(3);

        assertThat(upgrade.upgrade()).isGreaterThanOrEqualTo(3);
        List<Map<String, Object>> after = EntityMergeTest.entities("vesely", "PERSON");
        assertThat(after).extracting(m -> m.get("name")).containsExactly("Anton Vesely");
        assertThat(((Number) after.get(0).get("id")).longValue()).isEqualTo(anton);
        assertThat(((Number) after.get(0).get("articleCount")).longValue()).isEqualTo(4);
        assertThat(QuoteSearchTest.quotes(Map.of("speakerId", anton)).getList("items")).hasSize(4);
        // once is enough
        assertThat(upgrade.upgrade()).isZero();
        // and a new article naming him so joins him
        person("Vesely five", "2025-11-05", "Anton Vesely", "the mine had a buyer");
        assertThat(QuoteSearchTest.quotes(Map.of("speakerId", anton)).getList("items")).hasSize(5);
    }

    private long legacyEntity(String name) {
        return ((Number) em.createNativeQuery("""
                        INSERT INTO entities (type, name, norm_name) VALUES ('PERSON', :n, lower(:n)) RETURNING id""")
                .setParameter("n", name).getSingleResult()).longValue();
    }

    private void moveTo(long entity, List<UUID> docs) {
        em.createNativeQuery("UPDATE mentions SET entity_id = :e, key_entity_id = :e WHERE document_id IN (:d)")
                .setParameter("e", entity).setParameter("d", docs).executeUpdate();
        em.createNativeQuery("""
                        UPDATE quotes SET speaker_entity_id = :e, speaker_key_entity_id = :e WHERE document_id IN (:d)""")
                .setParameter("e", entity).setParameter("d", docs).executeUpdate();
        em.createNativeQuery("DELETE FROM entity_documents WHERE document_id IN (:d)").setParameter("d", docs)
                .executeUpdate();
    }
}
