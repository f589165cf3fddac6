package io.quotewire.query.registry;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quotewire.query.index.IndexService;
import io.quotewire.testsupport.PostgresTestResource;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The five seed articles, extracted by extraction-core, indexed through the index service in all
 * 120 orders: the registry is the same every time (every mention and quote on the same entity,
 * the same names, counts, aliases and titles), the in-memory model of the rules agrees with it,
 * and Zelensky, Putin and Trump are one entity each.
 */
@QuarkusTest
@QuarkusTestResource(value = PostgresTestResource.class, restrictToAnnotatedClass = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SeedOrderTest {

    @Inject
    IndexService index;

    @Inject
    EntityManager em;

    @AfterAll
    void leaveNothing() {
        RegistryRows.truncate(em);
    }

    @Test
    void everyOrderOfTheSeedsGivesTheSameRegistry() {
        List<Extracted.Article> seeds = Extracted.seeds();
        assertThat(seeds).hasSize(5);
        List<List<Extracted.Article>> orders = permutations(seeds);
        assertThat(orders).hasSize(120);
        List<String> first = null;
        for (List<Extracted.Article> order : orders) {
            RegistryRows.truncate(em);
            RegistryRows.push(index, order);
            List<String> registry = RegistryRows.snapshot(em);
            if (first == null) {
                first = registry;
                onePersonEach();
            } else {
                assertThat(registry).as("order %s", order.stream().map(Extracted.Article::label).toList())
                        .containsExactlyElementsOf(first);
            }
            assertThat(RegistryRows.assignment(em, seeds)).as("the database agrees with the model of the rules")
                    .isEqualTo(RegistryRows.model(order));
            assertThat(RegistryRows.countersOff(em)).as("entities whose counters differ from their rows").isEmpty();
        }
    }

    /** Every PERSON mention naming Zelensky, Putin or Trump is on one entity per person. */
    private void onePersonEach() {
        for (String surname : List.of("zelensk", "putin", "trump")) {
            List<?> entities = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery("""
                    SELECT DISTINCT e.name FROM mentions m JOIN entities e ON e.id = m.entity_id
                    WHERE e.type = 'PERSON' AND lower(m.text) LIKE :s""")
                    .setParameter("s", "%" + surname + "%").getResultList());
            assertThat(entities).as(surname).hasSize(1);
        }
    }

    static <T> List<List<T>> permutations(List<T> items) {
        List<List<T>> out = new ArrayList<>();
        permute(new ArrayList<>(items), 0, out);
        return out;
    }

    private static <T> void permute(List<T> items, int k, List<List<T>> out) {
        if (k == items.size()) {
            out.add(List.copyOf(items));
            return;
        }
        for (int i = k; i < items.size(); i++) {
            java.util.Collections.swap(items, k, i);
            permute(items, k + 1, out);
            java.util.Collections.swap(items, k, i);
        }
    }
}
