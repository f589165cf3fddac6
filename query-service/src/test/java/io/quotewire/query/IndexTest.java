package io.quotewire.query;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quotewire.testsupport.PostgresTestResource;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** PUT /api/v1/index/documents/{id}: idempotent upsert, replacement of a changed extraction. */
@QuarkusTest
@QuarkusTestResource(value = PostgresTestResource.class, restrictToAnnotatedClass = false)
class IndexTest {

    private static final String TEXT = "Estonian Prime Minister Kaja Kallas visited Tallinn port on Tuesday. "
            + "\"Our borders are Europe's borders,\" Kallas said. Kallas added that sanctions must stay.";

    private static Article original() {
        return Article.of("Kallas at the port", "2024-08-06T09:00:00Z", TEXT)
                .entity("e1", "Kaja Kallas", "PERSON", List.of("Kallas"), List.of("Estonian Prime Minister"),
                        "Kaja Kallas", "Kallas")
                .entity("e2", "Tallinn", "LOCATION", List.of(), List.of(), "Tallinn")
                .quote("Our borders are Europe's borders,", "DIRECT", "e1", "Kaja Kallas", "said")
                .quote("sanctions must stay", "INDIRECT", "e1", "Kaja Kallas", "added");
    }

    @Test
    void samePushTwiceLeavesTheSameRows() {
        UUID id = original().push();
        JsonPath first = view(id);
        long kallas = kallasId();
        JsonPath profile = profile(kallas);

        original().push(id);
        JsonPath again = view(id);
        assertThat(again.getList("quotes.id")).isEqualTo(first.getList("quotes.id"));
        assertThat(again.getList("entities.id")).isEqualTo(first.getList("entities.id"));
        JsonPath profileAgain = profile(kallas);
        assertThat(profileAgain.getLong("mentionCount")).isEqualTo(profile.getLong("mentionCount")).isEqualTo(3);
        assertThat(profileAgain.getLong("quoteCount")).isEqualTo(2);
        assertThat(profileAgain.getLong("articleCount")).isEqualTo(1);
        assertThat(EntityMergeTest.entities("kallas", "PERSON")).hasSize(1);

        // A new extraction of the same document replaces its quotes and mentions.
        Article.of("Kallas at the port (updated)", "2024-08-06T09:00:00Z", TEXT)
                .entity("e1", "Kaja Kallas", "PERSON", List.of("Kallas"), List.of(), "Kaja Kallas")
                .quote("Our borders are Europe's borders,", "DIRECT", "e1", "Kaja Kallas", "said")
                .push(id);
        JsonPath replaced = view(id);
        assertThat(replaced.getString("document.title")).isEqualTo("Kallas at the port (updated)");
        assertThat(replaced.getList("quotes.text")).containsExactly("Our borders are Europe's borders,");
        assertThat(replaced.getList("entities.name")).containsExactly("Kaja Kallas");
        JsonPath after = profile(kallas);
        assertThat(after.getLong("mentionCount")).isEqualTo(1);
        assertThat(after.getLong("quoteCount")).isEqualTo(1);
        // Tallinn is no longer mentioned anywhere: it drops out of search.
        assertThat(EntityMergeTest.entities("tallinn", null)).isEmpty();
        assertThat(given().queryParam("speaker", "Kallas").queryParam("q", "sanctions").get("/api/v1/quotes")
                .then().statusCode(200).extract().jsonPath().getList("items")).isEmpty();
    }

    private static long kallasId() {
        return ((Number) EntityMergeTest.entities("kallas", "PERSON").get(0).get("id")).longValue();
    }

    private static JsonPath view(UUID id) {
        return given().get("/api/v1/documents/{id}", id).then().statusCode(200).extract().jsonPath();
    }

    private static JsonPath profile(long id) {
        return given().get("/api/v1/entities/{id}", id).then().statusCode(200).extract().jsonPath();
    }
}
