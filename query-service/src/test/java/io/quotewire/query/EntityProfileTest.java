package io.quotewire.query;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quotewire.testsupport.PostgresTestResource;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** GET /api/v1/entities/{id}: why, first/last seen, co-occurring entities, timeline, top speakers. */
@QuarkusTest
@QuarkusTestResource(value = PostgresTestResource.class, restrictToAnnotatedClass = false)
class EntityProfileTest extends IndexedOnce {

    private UUID m1;
    private UUID m2;
    private UUID m3;

    @Override
    protected void indexArticles() {
        m1 = Article.of("Castellane on Marrow", "2025-03-03T08:00:00Z",
                        "Ilse Marrow met Dorin Castellane at the Vexford Council. "
                                + "\"Marrow has ignored the harbour towns,\" Castellane said.")
                .entity("e1", "Ilse Marrow", "PERSON", List.of("Marrow"), List.of("Mayor"), "Ilse Marrow", "Marrow")
                .entity("e2", "Dorin Castellane", "PERSON", List.of("Castellane"), List.of(), "Dorin Castellane", "Castellane")
                .entity("e3", "Vexford Council", "ORGANIZATION", List.of(), List.of(), "Vexford Council")
                .quote("Marrow has ignored the harbour towns,", "DIRECT", "e2", "Dorin Castellane", "said")
                .push();
        m2 = Article.of("Budget row", "2025-03-03T15:00:00Z",
                        "Dorin Castellane said Ilse Marrow was wrong about the Vexford Council budget.")
                .entity("e1", "Ilse Marrow", "PERSON", List.of(), List.of(), "Ilse Marrow")
                .entity("e2", "Dorin Castellane", "PERSON", List.of(), List.of(), "Dorin Castellane")
                .entity("e3", "Vexford Council", "ORGANIZATION", List.of(), List.of(), "Vexford Council")
                .quote("Ilse Marrow was wrong about the Vexford Council budget", "INDIRECT", "e2", "Dorin Castellane", "said")
                .push();
        m3 = Article.of("Marrow answers", "2025-03-05T09:00:00Z",
                        "Ilse Marrow answered Dorin Castellane. \"We will publish every figure,\" Marrow said.")
                .entity("e1", "Ilse Marrow", "PERSON", List.of("Marrow"), List.of(), "Ilse Marrow", "Marrow")
                .entity("e2", "Dorin Castellane", "PERSON", List.of(), List.of(), "Dorin Castellane")
                .quote("We will publish every figure,", "DIRECT", "e1", "Ilse Marrow", "said")
                .push();
        Article.of("Islands", "2025-03-12T10:00:00Z", "Tamsin Oyelaran said that Marrow had been fair to the islands.")
                .entity("e1", "Tamsin Oyelaran", "PERSON", List.of(), List.of(), "Tamsin Oyelaran")
                .entity("e2", "Marrow", "PERSON", List.of(), List.of(), "Marrow")
                .quote("Marrow had been fair to the islands", "INDIRECT", "e1", "Tamsin Oyelaran", "said")
                .push();
    }

    @Test
    void profileExplainsItsNamesAndShowsFirstAndLastSeen() {
        JsonPath p = profile(Map.of());
        assertThat(p.getString("name")).isEqualTo("Ilse Marrow");
        assertThat(p.getLong("articleCount")).isEqualTo(4);
        assertThat(p.getString("firstSeen")).isEqualTo("2025-03-03T08:00:00Z");
        assertThat(p.getString("lastSeen")).isEqualTo("2025-03-12T10:00:00Z");
        List<Map<String, Object>> why = p.getList("why");
        assertThat(why).extracting(w -> w.get("alias")).containsExactly("Ilse Marrow", "Marrow");
        assertThat(why.get(0).get("rule")).isEqualTo("NEW");
        assertThat(why.get(0).get("documentId")).isEqualTo(m1.toString());
        // "Marrow" came with the first article as an alias of Ilse Marrow (same entity answer).
        assertThat((String) why.get(1).get("explanation")).contains("'Marrow'").contains("Ilse Marrow");
    }

    @Test
    void cooccurringEntitiesAreWeightedByArticlesWithTheArticlesBehindEachEdge() {
        JsonPath p = profile(Map.of());
        assertThat(p.getList("cooccurring.entity.name", String.class))
                .containsExactly("Dorin Castellane", "Vexford Council", "Tamsin Oyelaran");
        assertThat(p.getList("cooccurring.weight", Long.class)).containsExactly(3L, 2L, 1L);
        assertThat(p.getList("cooccurring[0].documents.id", String.class))
                .containsExactly(m3.toString(), m2.toString(), m1.toString());
        assertThat(p.getList("cooccurring[1].documents.id", String.class)).containsExactly(m2.toString(), m1.toString());
    }

    @Test
    void timelineCountsArticlesMentionsAndQuotesPerDayOrWeek() {
        JsonPath days = profile(Map.of());
        assertThat(days.getString("timeline.interval")).isEqualTo("DAY");
        assertThat(days.getList("timeline.buckets.start", String.class))
                .containsExactly("2025-03-03T00:00:00Z", "2025-03-05T00:00:00Z", "2025-03-12T00:00:00Z");
        assertThat(days.getList("timeline.buckets.articles", Long.class)).containsExactly(2L, 1L, 1L);
        assertThat(days.getList("timeline.buckets.mentions", Long.class)).containsExactly(3L, 2L, 1L);
        assertThat(days.getList("timeline.buckets.quotes", Long.class)).containsExactly(0L, 1L, 0L);

        JsonPath weeks = profile(Map.of("interval", "WEEK"));
        assertThat(weeks.getList("timeline.buckets.start", String.class))
                .containsExactly("2025-03-03T00:00:00Z", "2025-03-10T00:00:00Z");
        assertThat(weeks.getList("timeline.buckets.articles", Long.class)).containsExactly(3L, 1L);

        JsonPath range = profile(Map.of("from", "2025-03-04T00:00:00Z", "to", "2025-03-06T00:00:00Z"));
        assertThat(range.getList("timeline.buckets.start", String.class)).containsExactly("2025-03-05T00:00:00Z");
    }

    @Test
    void topSpeakersAreWhoIsQuotedMostAboutIt() {
        JsonPath p = profile(Map.of());
        assertThat(p.getList("topSpeakers.entity.name", String.class)).containsExactly("Dorin Castellane", "Tamsin Oyelaran");
        assertThat(p.getList("topSpeakers.quotes", Long.class)).containsExactly(2L, 1L);
        assertThat(p.getList("quotes.text", String.class)).containsExactly("We will publish every figure,");
    }

    private static JsonPath profile(Map<String, ?> params) {
        long id = QuoteClusterAndFilterTest.entityId("Ilse Marrow");
        return given().queryParams(params).get("/api/v1/entities/{id}", id).then().statusCode(200).extract().jsonPath();
    }
}
