package io.quotewire.query;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quotewire.testsupport.PostgresTestResource;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** GET /api/v1/documents with filters and keyset pages; the article view with its family. */
@QuarkusTest
@QuarkusTestResource(value = PostgresTestResource.class, restrictToAnnotatedClass = false)
class DocumentFilterTest extends IndexedOnce {

    /** Articles mentioning "zephyrine", newest first. */
    private final List<UUID> newestFirst = new ArrayList<>();
    private UUID family;

    @Override
    protected void indexArticles() {
        String[] sources = {"Coastal Times", "Inland Gazette", "Coastal Times", "Inland Gazette", "Coastal Times"};
        for (int i = 0; i < sources.length; i++) {
            String text = "Engineer Pelle Sorvino tested the zephyrine turbine in Brackwater for the " + (i + 1)
                    + (i == 0 ? "st" : "th") + " time. Zephyrine output rose again." + (i == 2 ? " Zephyrine zephyrine." : "");
            UUID id = UUID.randomUUID();
            Article a = Article.of("Turbine trial " + i, "2025-08-0" + (i + 1) + "T12:00:00Z", text).source(sources[i])
                    .entity("e1", "Pelle Sorvino", "PERSON", List.of(), List.of("Engineer"), "Pelle Sorvino");
            if (i % 2 == 0) {
                a.entity("e2", "Brackwater", "LOCATION", List.of(), List.of(), "Brackwater");
            }
            if (i >= 3) {
                a.family(family); // the 4th and 5th articles are copies of the 3rd
            }
            a.push(id);
            newestFirst.add(0, id);
            if (i == 2) {
                family = id;
            }
        }
    }

    @Test
    void fullTextHitsAreRankedWithHighlightsAndTotal() {
        JsonPath page = search(Map.of("q", "zephyrine"));
        assertThat(page.getLong("total")).isEqualTo(5);
        assertThat(page.getString("items[0].document.id")).isEqualTo(newestFirst.get(2).toString());
        assertThat(page.getString("items[0].headline")).containsIgnoringCase("<b>zephyrine</b>");
        List<Double> ranks = page.getList("items.rank", Double.class);
        for (int i = 1; i < ranks.size(); i++) {
            assertThat(ranks.get(i)).isLessThanOrEqualTo(ranks.get(i - 1));
        }
    }

    @Test
    void filtersBySourceEntityAndDate() {
        assertThat(search(Map.of("q", "zephyrine", "source", "inland gazette")).getList("items.document.id", String.class))
                .containsExactlyInAnyOrder(newestFirst.get(1).toString(), newestFirst.get(3).toString());
        long brackwater = QuoteClusterAndFilterTest.entityId("Brackwater");
        assertThat(search(Map.of("entity", brackwater)).getList("items.document.id", String.class))
                .containsExactly(newestFirst.get(0).toString(), newestFirst.get(2).toString(), newestFirst.get(4).toString());
        JsonPath range = search(Map.of("q", "zephyrine", "from", "2025-08-02T00:00:00Z", "to", "2025-08-04T00:00:00Z"));
        assertThat(range.getLong("total")).isEqualTo(2);
        assertThat(range.getList("items.document.id", String.class))
                .containsExactlyInAnyOrder(newestFirst.get(2).toString(), newestFirst.get(3).toString());
    }

    @Test
    void keysetPagesWalkEveryArticleOnceRankedOrNewestFirst() {
        assertThat(walk(Map.of("q", "zephyrine"))).containsExactlyInAnyOrderElementsOf(ids(newestFirst));
        long sorvino = QuoteClusterAndFilterTest.entityId("Pelle Sorvino");
        assertThat(walk(Map.of("entity", sorvino))).containsExactlyElementsOf(ids(newestFirst));
    }

    @Test
    void anArticleComesWithItsEntitiesQuotesAndDuplicateFamily() {
        JsonPath view = given().get("/api/v1/documents/{id}", newestFirst.get(0)).then().statusCode(200).extract().jsonPath();
        assertThat(view.getString("document.familyId")).isEqualTo(family.toString());
        assertThat(view.getList("family.id", String.class))
                .containsExactly(family.toString(), newestFirst.get(1).toString());
        assertThat(view.getList("entities.name", String.class)).containsExactly("Pelle Sorvino", "Brackwater");
        JsonPath alone = given().get("/api/v1/documents/{id}", newestFirst.get(4)).then().statusCode(200).extract().jsonPath();
        assertThat(alone.getString("document.familyId")).isEqualTo(newestFirst.get(4).toString());
        assertThat(alone.getList("family")).isEmpty();
    }

    private static List<String> walk(Map<String, Object> filters) {
        Map<String, Object> params = new HashMap<>(filters);
        params.put("limit", 2);
        return Pages.items("/api/v1/documents", params, "document.id", String.class);
    }

    private static List<String> ids(List<UUID> ids) {
        return ids.stream().map(UUID::toString).toList();
    }

    static JsonPath search(Map<String, ?> params) {
        return given().queryParams(params).get("/api/v1/documents").then().statusCode(200).extract().jsonPath();
    }
}
