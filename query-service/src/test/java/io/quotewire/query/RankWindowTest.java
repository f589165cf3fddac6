package io.quotewire.query;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quotewire.testsupport.PostgresTestResource;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Ranked searches at scale: only the newest matches are ranked (a window, 3 here), the article
 * count stops at the window and says so; narrowing the dates reaches older matches.
 */
@QuarkusTest
@TestProfile(RankWindowTest.SmallWindow.class)
@QuarkusTestResource(value = PostgresTestResource.class, restrictToAnnotatedClass = false)
class RankWindowTest extends IndexedOnce {

    public static class SmallWindow implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quotewire.query.rank-window", "3");
        }
    }

    @Override
    protected void indexArticles() {
        // The oldest is the best match by far (the word in its title and three times in its text).
        Article.of("Zorbulate zorbulate", "2025-08-01T08:00:00Z",
                        "The zorbulate plan. \"Zorbulate it, zorbulate it now,\" Ada Quern said.")
                .quote("Zorbulate it, zorbulate it now,", "DIRECT", null, "Ada Quern", "said").push();
        for (int day = 2; day <= 6; day++) {
            Article.of("Harbour day " + day, "2025-08-0" + day + "T08:00:00Z",
                            "Dockers met on day " + day + ". \"We zorbulate on day " + day + ",\" Ada Quern said.")
                    .quote("We zorbulate on day " + day + ",", "DIRECT", null, "Ada Quern", "said").push();
        }
    }

    @Test
    void articlesAreRankedWithinTheNewestMatchesAndTheCountSaysWhereItStopped() {
        JsonPath page = given().queryParam("q", "zorbulate").get("/api/v1/documents").then().statusCode(200)
                .extract().jsonPath();
        assertThat(page.getLong("total")).isEqualTo(3);
        assertThat(page.getBoolean("totalExact")).isFalse();
        assertThat(page.getList("items.document.title", String.class))
                .containsExactlyInAnyOrder("Harbour day 6", "Harbour day 5", "Harbour day 4");

        JsonPath older = given().queryParam("q", "zorbulate").queryParam("to", "2025-08-03T00:00:00Z")
                .get("/api/v1/documents").then().statusCode(200).extract().jsonPath();
        assertThat(older.getLong("total")).isEqualTo(2);
        assertThat(older.getBoolean("totalExact")).isTrue();
        assertThat(older.getList("items.document.title", String.class))
                .containsExactly("Zorbulate zorbulate", "Harbour day 2");
    }

    @Test
    void rankedQuotePagesCoverTheWindowOnce() {
        List<String> seen = new ArrayList<>();
        double previous = Double.MAX_VALUE;
        for (JsonPath page : Pages.all("/api/v1/quotes", Map.of("q", "zorbulate", "sort", "RELEVANCE", "limit", 1))) {
            seen.addAll(page.getList("items.text", String.class));
            if (!page.getList("items").isEmpty()) {
                assertThat(page.getDouble("items[0].rank")).isLessThanOrEqualTo(previous);
                previous = page.getDouble("items[0].rank");
            }
        }
        assertThat(seen).containsExactlyInAnyOrder("We zorbulate on day 6,", "We zorbulate on day 5,",
                "We zorbulate on day 4,");
        JsonPath old = given().queryParam("q", "zorbulate").queryParam("sort", "RELEVANCE")
                .queryParam("to", "2025-08-02T00:00:00Z").get("/api/v1/quotes").then().statusCode(200).extract().jsonPath();
        assertThat(old.getList("items.text", String.class)).containsExactly("Zorbulate it, zorbulate it now,");
    }
}
