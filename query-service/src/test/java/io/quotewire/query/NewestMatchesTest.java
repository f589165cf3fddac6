package io.quotewire.query;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.TestTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quotewire.query.read.NewestMatches;
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
 * The newest matches found day by day (quotes) or day range by day range (articles), and for
 * sparse words in one look-up of the rest, are exactly the newest matches by (sort_at, id):
 * checked against one plain query, for dense, sparse and absent words, phrases (in and out of
 * order), negation, "or" and stop words only, windows from 1 to more than all matches, with and
 * without dates, and bounds of 1, 40 and a million (matches foretold in the days left below
 * which all are read at once for quotes, rows a day range may hold for articles).
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
            for (String word : List.of("brindlewort", "quillock", "brindlewort quillock", "zzyzxq",
                    "\"stays on the menu\"", "\"menu stays\"", "menu -quillock", "quillock or zzyzxq", "the")) {
                for (int window : new int[] {1, 3, 20, 57, 1000}) {
                    for (OffsetDateTime[] range : ranges) {
                        List<Object> expected = plain(table, word, range[0], range[1], window);
                        // Quotes: the rest read at once when at most 1 (almost never), 40 or a
                        // million (after the first day) matches are foretold. Articles: day ranges
                        // of about one row (the rest soon read at once), 40 rows, or unbounded.
                        for (long bound : new long[] {1, 40, 1_000_000}) {
                            assertThat(table.equals("quotes")
                                    ? matches.quotes(word, range[0], range[1], window, bound)
                                    : matches.documents(word, range[0], range[1], window, bound))
                                    .as("%s %s window %d from %s to %s, bound %d", table, word, window,
                                            range[0], range[1], bound)
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
