package io.quotewire.query;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.TestTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quotewire.query.service.NewestMatches;
import io.quotewire.testsupport.PostgresTestResource;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The newest matches found day range by day range (and, for sparse words, in one look-up of the
 * rest) are exactly the newest matches by (sort_at, id): checked against one plain query, for
 * dense, sparse and absent words, windows from 1 to more than all matches, with and without
 * dates, and day ranges bounded at 1, 40 and a million rows.
 */
@QuarkusTest
@QuarkusTestResource(value = PostgresTestResource.class, restrictToAnnotatedClass = false)
class NewestMatchesTest extends IndexedOnce {

    private static final LocalDate DAY0 = LocalDate.parse("2023-03-01");

    @Inject
    NewestMatches matches;

    @Inject
    EntityManager em;

    @Override
    protected void indexArticles() {
        Random random = new Random(7);
        int n = 0;
        for (int day = 0; day < 300; day += 1 + random.nextInt(4)) {
            // Dense: "brindlewort" on most days, several articles on the newest days;
            // sparse: "quillock" in four articles months apart.
            int articles = day > 280 ? 3 : 1;
            for (int i = 0; i < articles; i++) {
                String word = n++ % 25 == 3 ? "quillock" : "brindlewort";
                String time = DAY0.plusDays(day) + "T0" + (1 + random.nextInt(9)) + ":1" + i + ":00Z";
                Article.of("Market day " + day + "/" + i, time,
                                "Traders met. \"The " + word + " stays on the menu,\" Ira Doble said.")
                        .quote("The " + word + " stays on the menu,", "DIRECT", null, "Ira Doble", "said").push();
            }
        }
    }

    @Test
    @TestTransaction
    void sameAsOnePlainQueryForEveryWindowWordAndRange() {
        OffsetDateTime mid = OffsetDateTime.parse("2023-07-15T00:00:00Z");
        OffsetDateTime[][] ranges = {{null, null}, {null, mid}, {mid, null},
                {OffsetDateTime.parse("2023-04-02T12:00:00Z"), mid}};
        int compared = 0;
        em.createNativeQuery("ANALYZE documents, quotes").executeUpdate();
        for (String table : List.of("documents", "quotes")) {
            for (String word : List.of("brindlewort", "quillock", "brindlewort quillock", "zzyzxq")) {
                for (int window : new int[] {1, 3, 20, 57, 1000}) {
                    for (OffsetDateTime[] range : ranges) {
                        List<Object> expected = plain(table, word, range[0], range[1], window);
                        // Day ranges of about one row (the rest soon read at once), of about 40
                        // rows, and unbounded (day ranges back to the oldest row).
                        for (long rangeRows : new long[] {1, 40, 1_000_000}) {
                            assertThat(matches.ids(table, word, range[0], range[1], window, rangeRows))
                                    .as("%s %s window %d from %s to %s, ranges of %d rows", table, word, window,
                                            range[0], range[1], rangeRows)
                                    .containsExactlyElementsOf(expected);
                            compared += expected.size();
                        }
                    }
                }
            }
        }
        assertThat(compared).as("the comparisons saw matches").isGreaterThan(1000);
    }

    private List<Object> plain(String table, String q, OffsetDateTime from, OffsetDateTime to, int window) {
        Query query = em.createNativeQuery("SELECT t.id FROM " + table + " t WHERE t.search @@ websearch_to_tsquery('english', :q)"
                + (from == null ? "" : " AND t.sort_at >= :from") + (to == null ? "" : " AND t.sort_at < :to")
                + " ORDER BY t.sort_at DESC, t.id DESC LIMIT :limit");
        query.setParameter("q", q).setParameter("limit", window);
        if (from != null) {
            query.setParameter("from", from);
        }
        if (to != null) {
            query.setParameter("to", to);
        }
        return new ArrayList<>(query.getResultList());
    }
}
