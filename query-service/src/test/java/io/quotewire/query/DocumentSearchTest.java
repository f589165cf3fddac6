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

/** GET /api/v1/documents (full-text, ranked) and /api/v1/documents/{id}. */
@QuarkusTest
@QuarkusTestResource(value = PostgresTestResource.class, restrictToAnnotatedClass = false)
class DocumentSearchTest extends IndexedOnce {

    private UUID focused;
    private UUID passing;
    private UUID unrelated;

    @Override
    protected void indexArticles() {
        focused = Article.of("Desalination plant opens on the coast", "2024-11-01T08:00:00Z",
                        "The desalination plant in Alicante opened on Friday. Engineer Marta Ruiz said desalination "
                                + "will cover a third of the city's water. \"Desalination is no longer a luxury,\" Ruiz said.")
                .entity("e1", "Marta Ruiz", "PERSON", List.of("Ruiz"), List.of("Engineer"), "Marta Ruiz", "Ruiz")
                .entity("e2", "Alicante", "LOCATION", List.of(), List.of(), "Alicante")
                .quote("desalination will cover a third of the city's water", "INDIRECT", "e1", "Marta Ruiz", "said")
                .quote("Desalination is no longer a luxury,", "DIRECT", "e1", "Marta Ruiz", "said")
                .push();
        passing = Article.of("Drought measures announced", "2024-11-03T08:00:00Z",
                        "The regional government announced drought measures, from irrigation limits to a study "
                                + "of desalination. Farmers' groups criticised the plan.")
                .entity("e1", "Farmers' groups", "ORGANIZATION", List.of(), List.of(), "Farmers' groups")
                .push();
        unrelated = Article.of("Election night", "2024-11-04T08:00:00Z",
                        "Turnout was high across the region, officials said.")
                .push();
    }

    @Test
    void rankedBestMatchFirstWithHeadlineAndTotal() {
        JsonPath page = given().queryParam("q", "desalination").get("/api/v1/documents").then().statusCode(200)
                .extract().jsonPath();
        assertThat(page.getLong("total")).isEqualTo(2);
        assertThat(page.getList("items.document.id")).containsExactly(focused.toString(), passing.toString());
        double first = page.getDouble("items[0].rank");
        double second = page.getDouble("items[1].rank");
        assertThat(first).isGreaterThan(second);
        assertThat(second).isPositive();
        assertThat(page.getString("items[0].headline")).containsIgnoringCase("<b>desalination</b>");
        assertThat(page.getString("items[0].document.title")).isEqualTo("Desalination plant opens on the coast");

        // Keyset pages in rank order; the total comes with the first page.
        JsonPath firstPage = given().queryParam("q", "desalination").queryParam("limit", 1)
                .get("/api/v1/documents").then().statusCode(200).extract().jsonPath();
        assertThat(firstPage.getLong("total")).isEqualTo(2);
        assertThat(firstPage.getList("items.document.id")).containsExactly(focused.toString());
        JsonPath secondPage = given().queryParam("q", "desalination").queryParam("limit", 1)
                .queryParam("cursor", firstPage.getString("nextCursor"))
                .get("/api/v1/documents").then().statusCode(200).extract().jsonPath();
        assertThat(secondPage.getList("items.document.id")).containsExactly(passing.toString());
        assertThat(secondPage.getString("nextCursor")).isNull();
    }

    @Test
    void websearchSyntaxAndNoMatch() {
        JsonPath phrase = given().queryParam("q", "\"drought measures\" -luxury").get("/api/v1/documents")
                .then().statusCode(200).extract().jsonPath();
        assertThat(phrase.getList("items.document.id")).containsExactly(passing.toString());
        JsonPath none = given().queryParam("q", "submarine").get("/api/v1/documents")
                .then().statusCode(200).extract().jsonPath();
        assertThat(none.getLong("total")).isZero();
        assertThat(none.getList("items")).isEmpty();
    }

    @Test
    void documentViewHasTextEntitiesAndQuotes() {
        JsonPath view = given().get("/api/v1/documents/{id}", focused).then().statusCode(200).extract().jsonPath();
        assertThat(view.getString("document.title")).isEqualTo("Desalination plant opens on the coast");
        assertThat(view.getString("document.publishedAt")).isEqualTo("2024-11-01T08:00:00Z");
        assertThat(view.getString("text")).startsWith("The desalination plant in Alicante");
        assertThat(view.getList("entities.name")).containsExactly("Alicante", "Marta Ruiz");
        assertThat(view.getList("quotes.text")).containsExactly(
                "desalination will cover a third of the city's water", "Desalination is no longer a luxury,");
        assertThat(view.getList("quotes.speaker.name")).containsOnly("Marta Ruiz");

        JsonPath bare = given().get("/api/v1/documents/{id}", unrelated).then().statusCode(200).extract().jsonPath();
        assertThat(bare.getList("entities")).isEmpty();
        assertThat(bare.getList("quotes")).isEmpty();
    }
}
