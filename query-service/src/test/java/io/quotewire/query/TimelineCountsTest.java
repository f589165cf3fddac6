package io.quotewire.query;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quotewire.testsupport.PostgresTestResource;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The profile timeline is read from daily counts kept at index time: they follow a replaced
 * article (new date, fewer mentions), a merge and its undo, and always equal what the mentions and
 * quotes themselves add up to.
 */
@QuarkusTest
@QuarkusTestResource(value = PostgresTestResource.class, restrictToAnnotatedClass = false)
class TimelineCountsTest {

    @Inject
    EntityManager em;

    @Test
    void dailyCountsFollowReplacementsMergesAndUndos() {
        UUID first = Article.of("Harrowgate on tides", "2025-06-02T23:30:00Z",
                        "Nell Harrowgate spoke. \"The tide turns at noon,\" Nell Harrowgate said. Harrowgate left.")
                .entity("e1", "Nell Harrowgate", "PERSON", List.of("Harrowgate"), List.of(), "Nell Harrowgate", "Harrowgate")
                .quote("The tide turns at noon,", "DIRECT", "e1", "Nell Harrowgate", "said")
                .push();
        Article.of("Harrowgate again", "2025-06-03T09:00:00Z", "Nell Harrowgate waved from the pier.")
                .entity("e1", "Nell Harrowgate", "PERSON", List.of(), List.of(), "Nell Harrowgate")
                .push();
        long nell = QuoteClusterAndFilterTest.entityId("Nell Harrowgate");
        JsonPath t = timeline(nell);
        assertThat(t.getList("buckets.start", String.class)).containsExactly("2025-06-02T00:00:00Z", "2025-06-03T00:00:00Z");
        assertThat(t.getList("buckets.mentions", Long.class)).containsExactly(3L, 1L);
        assertThat(t.getList("buckets.quotes", Long.class)).containsExactly(1L, 0L);
        assertConsistent();

        // The first article is corrected: a later date, one mention and no quote.
        Article.of("Harrowgate on tides", "2025-06-03T07:00:00Z", "Nell Harrowgate spoke about the tides.")
                .entity("e1", "Nell Harrowgate", "PERSON", List.of(), List.of(), "Nell Harrowgate")
                .push(first);
        t = timeline(nell);
        assertThat(t.getList("buckets.start", String.class)).containsExactly("2025-06-03T00:00:00Z");
        assertThat(t.getList("buckets.articles", Long.class)).containsExactly(2L);
        assertThat(t.getList("buckets.mentions", Long.class)).containsExactly(2L);
        assertThat(t.getList("buckets.quotes", Long.class)).containsExactly(0L);
        assertConsistent();

        // A merge adds the other entity's days; its undo takes them away again.
        Article.of("Nora Harrowgate", "2025-06-05T10:00:00Z", "\"Boats stay in,\" Nora Harrowgate said.")
                .entity("e1", "Nora Harrowgate", "PERSON", List.of(), List.of(), "Nora Harrowgate")
                .quote("Boats stay in,", "DIRECT", "e1", "Nora Harrowgate", "said")
                .push();
        long initial = QuoteClusterAndFilterTest.entityId("Nora Harrowgate");
        long correction = given().contentType(ContentType.JSON).body(Map.of("entityIds", List.of(initial)))
                .post("/api/v1/entities/{id}/merge", nell).then().statusCode(200).extract().jsonPath().getLong("[0].id");
        t = timeline(nell);
        assertThat(t.getList("buckets.start", String.class)).containsExactly("2025-06-03T00:00:00Z", "2025-06-05T00:00:00Z");
        assertThat(t.getList("buckets.quotes", Long.class)).containsExactly(0L, 1L);
        assertConsistent();
        given().contentType(ContentType.JSON).body(Map.of("correctionId", correction))
                .post("/api/v1/entities/{id}/split", nell).then().statusCode(200);
        assertThat(timeline(nell).getList("buckets.start", String.class)).containsExactly("2025-06-03T00:00:00Z");
        assertThat(timeline(initial).getList("buckets.quotes", Long.class)).containsExactly(1L);
        assertConsistent();
    }

    @Test
    void theTimelineCoversWholeUtcDaysAndSaysWhichOnes() {
        Article.of("Pellworth on ferries", "2025-07-10T18:00:00Z", "Ines Pellworth ran the ferry.")
                .entity("e1", "Ines Pellworth", "PERSON", List.of(), List.of(), "Ines Pellworth")
                .push();
        long ines = QuoteClusterAndFilterTest.entityId("Ines Pellworth");
        JsonPath t = given().queryParam("from", "2025-07-10T12:00:00Z").queryParam("to", "2025-07-10T13:00:00Z")
                .get("/api/v1/entities/{id}", ines).then().statusCode(200).extract().jsonPath().setRootPath("timeline");
        assertThat(t.getString("from")).isEqualTo("2025-07-10T00:00:00Z");
        assertThat(t.getString("to")).isEqualTo("2025-07-11T00:00:00Z");
        assertThat(t.getList("buckets.articles", Long.class)).containsExactly(1L);
        JsonPath before = given().queryParam("from", "2025-07-09T00:00:00Z").queryParam("to", "2025-07-10T00:00:00Z")
                .get("/api/v1/entities/{id}", ines).then().statusCode(200).extract().jsonPath().setRootPath("timeline");
        assertThat(before.getList("buckets")).isEmpty();
    }

    private static JsonPath timeline(long id) {
        return given().queryParam("from", "2025-06-01T00:00:00Z").queryParam("to", "2025-06-10T00:00:00Z")
                .get("/api/v1/entities/{id}", id).then().statusCode(200).extract().jsonPath().setRootPath("timeline");
    }

    /** entity_days holds exactly what the mentions and quotes add up to, for every entity. */
    private void assertConsistent() {
        String recomputed = """
                SELECT entity_id, day, sum(articles), sum(mentions), sum(quotes) FROM (
                    SELECT entity_id, (sort_at AT TIME ZONE 'UTC')::date AS day, count(DISTINCT document_id) AS articles,
                           count(*) AS mentions, 0 AS quotes FROM mentions GROUP BY 1, 2
                    UNION ALL
                    SELECT speaker_entity_id, (sort_at AT TIME ZONE 'UTC')::date, 0, 0, count(*)
                    FROM quotes WHERE speaker_entity_id IS NOT NULL GROUP BY 1, 2) x
                GROUP BY 1, 2""";
        String kept = "SELECT entity_id, day, articles, mentions, quotes FROM entity_days";
        DerivedRows.assertSame(em, kept, recomputed);
    }
}
