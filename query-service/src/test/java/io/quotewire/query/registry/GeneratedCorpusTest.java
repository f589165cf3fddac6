package io.quotewire.query.registry;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quotewire.query.names.RegistryModel;
import io.quotewire.query.index.IndexService;
import io.quotewire.testsupport.PostgresTestResource;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The registry's own measure (query-service README, "Entity registry"): a generated corpus with
 * known identities ({@link GeneratedCorpus}) indexed in several random orders. Every order gives
 * the same registry; B-cubed precision, recall and F1 over the article entities (person-article
 * pairs) are printed and held to their floor. The in-memory model runs all the orders; the
 * database path runs two of them and must agree with it.
 */
@QuarkusTest
@QuarkusTestResource(value = PostgresTestResource.class, restrictToAnnotatedClass = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GeneratedCorpusTest {

    static final long SEED = 19;
    static final int ARTICLES = 400;
    static final int ORDERS = 8;

    @Inject
    IndexService index;

    @Inject
    EntityManager em;

    @AfterAll
    void leaveNothing() {
        RegistryRows.truncate(em);
    }

    private static List<List<Extracted.Article>> orders(GeneratedCorpus corpus, int count) {
        List<List<Extracted.Article>> orders = new ArrayList<>();
        orders.add(corpus.articles);
        List<Extracted.Article> reversed = new ArrayList<>(corpus.articles);
        Collections.reverse(reversed);
        orders.add(reversed);
        Random r = new Random(SEED);
        while (orders.size() < count) {
            List<Extracted.Article> shuffled = new ArrayList<>(corpus.articles);
            Collections.shuffle(shuffled, r);
            orders.add(shuffled);
        }
        return orders;
    }

    @Test
    void everyOrderGivesTheSameRegistryAndItsBCubedHolds() {
        GeneratedCorpus corpus = new GeneratedCorpus(SEED, ARTICLES);
        Map<RegistryModel.Member, String> first = null;
        for (List<Extracted.Article> order : orders(corpus, ORDERS)) {
            Map<RegistryModel.Member, String> assignment = RegistryRows.model(order);
            if (first == null) {
                first = assignment;
            } else {
                assertThat(assignment).isEqualTo(first);
            }
        }
        double[] b = corpus.bcubed(first);
        assertThat(corpus.impure(first)).as("entities holding two real people").isEmpty();
        System.out.printf("registry B-cubed on the generated corpus (%d articles, %d people, %d person-article pairs,"
                        + " %d orders): precision %.4f recall %.4f F1 %.4f%n", ARTICLES, corpus.people.size(),
                corpus.gold.size(), ORDERS, b[0], b[1], b[2]);
        assertThat(b[0]).as("precision").isEqualTo(1.0);
        assertThat(b[1]).as("recall").isGreaterThanOrEqualTo(0.92);
    }

    @Test
    void theDatabaseGivesTheModelsRegistryInTwoOrders() {
        GeneratedCorpus corpus = new GeneratedCorpus(SEED, ARTICLES);
        List<String> first = null;
        for (List<Extracted.Article> order : orders(corpus, 3).subList(1, 3)) {
            RegistryRows.truncate(em);
            RegistryRows.push(index, order);
            assertThat(RegistryRows.assignment(em, corpus.articles)).isEqualTo(RegistryRows.model(order));
            assertThat(RegistryRows.countersOff(em)).as("entities whose counters differ from their rows").isEmpty();
            List<String> registry = RegistryRows.snapshot(em);
            if (first == null) {
                first = registry;
            } else {
                assertThat(registry).containsExactlyElementsOf(first);
            }
        }
    }

    /**
     * Four writers at once, as ingest's workers push: the same registry as one writer gives. A
     * push that lost a deadlock (answered 503 by the API, which ingest retries) is retried here.
     */
    @Test
    void concurrentPushesGiveTheSameRegistry() throws Exception {
        GeneratedCorpus corpus = new GeneratedCorpus(SEED, ARTICLES);
        RegistryRows.truncate(em);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        java.util.concurrent.atomic.AtomicInteger retries = new java.util.concurrent.atomic.AtomicInteger();
        try {
            List<java.util.concurrent.Future<?>> done = new ArrayList<>();
            for (Extracted.Article a : corpus.articles) {
                done.add(pool.submit(() -> {
                    for (int attempt = 1; ; attempt++) {
                        try {
                            index.index(a.id(), a.doc());
                            return;
                        } catch (RuntimeException e) {
                            if (attempt == 5) {
                                throw e;
                            }
                            retries.incrementAndGet();
                        }
                    }
                }));
            }
            for (java.util.concurrent.Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        System.out.printf("registry: %d articles by 4 writers, %d pushes retried%n", ARTICLES, retries.get());
        assertThat(RegistryRows.assignment(em, corpus.articles)).isEqualTo(RegistryRows.model(corpus.articles));
        assertThat(RegistryRows.countersOff(em)).as("entities whose counters differ from their rows").isEmpty();
    }
}
