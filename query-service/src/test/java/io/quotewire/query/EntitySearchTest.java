package io.quotewire.query;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quotewire.query.api.model.EntityPage;
import io.quotewire.query.api.model.EntityType;
import io.quotewire.query.read.EntityQueries;
import io.quotewire.testsupport.PostgresTestResource;
import jakarta.inject.Inject;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** GET /api/v1/entities and /api/v1/entities/{id}. */
@QuarkusTest
@QuarkusTestResource(value = PostgresTestResource.class, restrictToAnnotatedClass = false)
class EntitySearchTest extends IndexedOnce {

    @Inject
    EntityQueries entityQueries;

    private UUID older;
    private UUID newer;

    @Override
    protected void indexArticles() {
        older = Article.of("Madrid budget", "2024-09-01T10:00:00Z",
                        "Pedro Sánchez presented the budget in Madrid. Sánchez said it protects pensions. "
                                + "Pedro Almodóvar attended the session.")
                .entity("e1", "Pedro Sánchez", "PERSON", List.of("Sánchez"), List.of("Prime Minister"),
                        "Pedro Sánchez", "Sánchez")
                .entity("e2", "Pedro Almodóvar", "PERSON", List.of(), List.of("film director"), "Pedro Almodóvar")
                .entity("e3", "Madrid", "LOCATION", List.of(), List.of(), "Madrid")
                .quote("it protects pensions", "INDIRECT", "e1", "Pedro Sánchez", "said")
                .push();
        newer = Article.of("Sánchez in Brussels", "2024-09-05T10:00:00Z",
                        "Spanish Prime Minister Pedro Sánchez arrived late. \"Spain keeps its word,\" Sánchez said. "
                                + "Sánchez later met Pedrosa Logistics, a freight firm.")
                .entity("e1", "Pedro Sánchez", "PERSON", List.of("Sánchez"), List.of("Spanish Prime Minister"),
                        "Pedro Sánchez", "Sánchez")
                .entity("e2", "Pedrosa Logistics", "ORGANIZATION", List.of("Pedrosa"), List.of(), "Pedrosa Logistics")
                .quote("Spain keeps its word,", "DIRECT", "e1", "Pedro Sánchez", "said")
                .push();
    }

    @Test
    void substringSearchMostMentionedFirstWithCountsAliasesAndTitles() {
        JsonPath page = given().queryParam("q", "pedro").get("/api/v1/entities").then().statusCode(200)
                .extract().jsonPath();
        // Equal counts: the newer entity (higher id) first.
        assertThat(page.getList("items.name")).containsExactly("Pedro Sánchez", "Pedrosa Logistics", "Pedro Almodóvar");
        assertThat(page.getList("items.mentionCount", Long.class)).containsExactly(5L, 1L, 1L);
        Map<String, Object> sanchez = page.getMap("items[0]");
        assertThat(sanchez.get("type")).isEqualTo("PERSON");
        assertThat(sanchez.get("aliases")).isEqualTo(List.of("Sánchez"));
        assertThat((List<String>) sanchez.get("titles")).containsExactlyInAnyOrder("Prime Minister", "Spanish Prime Minister");
        assertThat(((Number) sanchez.get("articleCount")).longValue()).isEqualTo(2);
        assertThat(((Number) sanchez.get("quoteCount")).longValue()).isEqualTo(2);

        // Type filter, accent-insensitive infix, and alias match.
        JsonPath people = given().queryParam("q", "PEDRO").queryParam("type", "PERSON").get("/api/v1/entities")
                .then().statusCode(200).extract().jsonPath();
        assertThat(people.getList("items.name")).containsExactly("Pedro Sánchez", "Pedro Almodóvar");
        assertThat(names("ANCHE")).containsExactly("Pedro Sánchez");
        assertThat(names("almodovar")).containsExactly("Pedro Almodóvar");
        assertThat(names("madr")).containsExactly("Madrid");
        assertThat(names("nobody-like-this")).isEmpty();
    }

    @Test
    void entityPagesWalkWithoutDuplicates() {
        List<Object> walked = new ArrayList<>();
        String cursor = null;
        do {
            Map<String, Object> params = new HashMap<>(Map.of("q", "pedro", "limit", 1));
            if (cursor != null) {
                params.put("cursor", cursor);
            }
            JsonPath page = given().queryParams(params).get("/api/v1/entities").then().statusCode(200)
                    .extract().jsonPath();
            assertThat(page.getList("items")).hasSize(1);
            walked.add(page.get("items[0].name"));
            cursor = page.getString("nextCursor");
        } while (cursor != null);
        assertThat(walked).containsExactly("Pedro Sánchez", "Pedrosa Logistics", "Pedro Almodóvar");
    }

    @Test
    void rareAndCommonNamesAreSearchedAlikeWhicheverWayTheyAreRead() {
        // Cap 1: every name that matches is "common" (walk the most mentioned entities);
        // cap 1,000: every name here is "rare" (read its aliases first). Same pages either way.
        for (int cap : new int[] {1, 2, 1000}) {
            assertThat(walk("pedro", null, cap)).as("cap %d", cap)
                    .containsExactly("Pedro Sánchez", "Pedrosa Logistics", "Pedro Almodóvar");
            assertThat(walk("PEDRO", EntityType.PERSON, cap)).as("cap %d", cap)
                    .containsExactly("Pedro Sánchez", "Pedro Almodóvar");
            assertThat(walk("anche", null, cap)).as("cap %d", cap).containsExactly("Pedro Sánchez");
            assertThat(walk("nobody like this", null, cap)).as("cap %d", cap).isEmpty();
        }
    }

    /** Every page of an entity search, one entity per page, read with the given cap. */
    private List<String> walk(String q, EntityType type, int cap) {
        List<String> walked = new ArrayList<>();
        String cursor = null;
        do {
            EntityPage page = entityQueries.search(q, type, 1, cursor, cap);
            page.getItems().forEach(e -> walked.add(e.getName()));
            cursor = page.getNextCursor();
        } while (cursor != null);
        return walked;
    }

    @Test
    void profileListsArticlesNewestFirstWithMentionOffsetsAndQuotes() {
        long id = given().queryParam("q", "Pedro Sanchez").get("/api/v1/entities").then().statusCode(200)
                .extract().jsonPath().getLong("items[0].id");
        JsonPath profile = given().get("/api/v1/entities/{id}", id).then().statusCode(200).extract().jsonPath();
        assertThat(profile.getString("name")).isEqualTo("Pedro Sánchez");
        assertThat(profile.getLong("mentionCount")).isEqualTo(5);
        assertThat(profile.getList("articles.document.id")).containsExactly(newer.toString(), older.toString());
        assertThat(profile.getList("quotes.text")).containsExactly("Spain keeps its word,", "it protects pensions");
        assertThat(profile.getList("quotes.speaker.entityId", Long.class)).containsOnly(id);

        String text = given().get("/api/v1/documents/{id}", newer).then().statusCode(200).extract().path("text");
        List<Map<String, Object>> mentions = profile.getList("articles[0].mentions");
        assertThat(mentions).hasSize(3);
        for (Map<String, Object> m : mentions) {
            assertThat(text.substring((Integer) m.get("start"), (Integer) m.get("end"))).isEqualTo(m.get("text"));
        }
        assertThat(mentions).extracting(m -> m.get("text")).containsExactly("Pedro Sánchez", "Sánchez", "Sánchez");
    }

    private static List<Object> names(String q) {
        return given().queryParam("q", q).get("/api/v1/entities").then().statusCode(200)
                .extract().jsonPath().getList("items.name");
    }
}
