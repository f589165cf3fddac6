package io.quotewire.query;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quotewire.testsupport.PostgresTestResource;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** POST /api/v1/entities/{id}/merge and /split: explainable, reversible corrections. */
@QuarkusTest
@QuarkusTestResource(value = PostgresTestResource.class, restrictToAnnotatedClass = false)
class EntityCorrectionTest {

    @Test
    void aMergeMovesQuotesAndNamesAndItsUndoRestoresEverything() {
        Article.of("Quillon on rail", "2025-04-01T08:00:00Z",
                        "Rafe Quillon opened the line. \"Trains will run every hour,\" Rafe Quillon said at Harlow Junction.")
                .entity("e1", "Rafe Quillon", "PERSON", List.of(), List.of("Transport Secretary"), "Rafe Quillon")
                .entity("e2", "Harlow Junction", "LOCATION", List.of(), List.of(), "Harlow Junction")
                .quote("Trains will run every hour,", "DIRECT", "e1", "Rafe Quillon", "said")
                .push();
        Article.of("Quillon on fares", "2025-04-02T08:00:00Z",
                        "Ralph Quillon defended the fares. \"Fares to Harlow Junction stay frozen until June,\" Ralph Quillon said.")
                .entity("e1", "Ralph Quillon", "PERSON", List.of(), List.of("rail minister"), "Ralph Quillon")
                .entity("e2", "Harlow Junction", "LOCATION", List.of(), List.of(), "Harlow Junction")
                .quote("Fares to Harlow Junction stay frozen until June,", "DIRECT", "e1", "Ralph Quillon", "said")
                .push();
        long rafe = QuoteClusterAndFilterTest.entityId("Rafe Quillon");
        long initial = QuoteClusterAndFilterTest.entityId("Ralph Quillon");
        assertThat(rafe).isNotEqualTo(initial);
        JsonPath before = profile(rafe);
        // Who speaks about the junction follows the quotes through the merge and its undo.
        long junction = QuoteClusterAndFilterTest.entityId("Harlow Junction");
        assertThat(speakers(junction)).containsExactlyInAnyOrderEntriesOf(Map.of("Rafe Quillon", 1L, "Ralph Quillon", 1L));

        JsonPath merged = given().contentType(ContentType.JSON)
                .body(Map.of("entityIds", List.of(initial), "reason", "Ralph Quillon is Rafe Quillon"))
                .post("/api/v1/entities/{id}/merge", rafe).then().statusCode(200).extract().jsonPath();
        long correction = merged.getLong("[0].id");
        assertThat(merged.getString("[0].kind")).isEqualTo("MERGE");
        assertThat(merged.getInt("[0].quotesMoved")).isEqualTo(1);
        assertThat(merged.getInt("[0].mentionsMoved")).isEqualTo(2);

        JsonPath after = profile(rafe);
        assertThat(after.getLong("quoteCount")).isEqualTo(2);
        assertThat(after.getLong("articleCount")).isEqualTo(2);
        assertThat(after.getList("aliases", String.class)).contains("Ralph Quillon");
        assertThat(after.getList("titles", String.class)).contains("rail minister");
        assertThat(after.getList("why.rule", String.class)).contains("MERGED");
        assertThat(after.getList("corrections.id", Long.class)).containsExactly(correction);
        assertThat(QuoteSearchTest.quotes(Map.of("speakerId", rafe)).getList("items.text", String.class))
                .containsExactly("Fares to Harlow Junction stay frozen until June,", "Trains will run every hour,");
        assertThat(profile(initial).getLong("mergedInto")).isEqualTo(rafe);
        assertThat(speakers(junction)).containsExactlyEntriesOf(Map.of("Rafe Quillon", 2L));
        assertThat(QuoteSearchTest.quotes(Map.of("speakerId", initial)).getList("items")).hasSize(2);

        // Merging it again is a conflict; undoing restores the counts, names and quotes exactly.
        given().contentType(ContentType.JSON).body(Map.of("entityIds", List.of(initial)))
                .post("/api/v1/entities/{id}/merge", rafe).then().statusCode(409).contentType("application/problem+json");
        JsonPath undone = given().contentType(ContentType.JSON).body(Map.of("correctionId", correction))
                .post("/api/v1/entities/{id}/split", rafe).then().statusCode(200).extract().jsonPath();
        assertThat(undone.getString("undoneAt")).isNotNull();
        JsonPath restored = profile(rafe);
        assertThat(restored.getLong("quoteCount")).isEqualTo(before.getLong("quoteCount"));
        assertThat(restored.getLong("mentionCount")).isEqualTo(before.getLong("mentionCount"));
        assertThat(restored.getList("aliases")).isEqualTo(before.getList("aliases"));
        assertThat(restored.getList("titles")).isEqualTo(before.getList("titles"));
        assertThat(profile(initial).getString("mergedInto")).isNull();
        assertThat(speakers(junction)).containsExactlyInAnyOrderEntriesOf(Map.of("Rafe Quillon", 1L, "Ralph Quillon", 1L));
        assertThat(QuoteSearchTest.quotes(Map.of("speakerId", initial)).getList("items.text", String.class))
                .containsExactly("Fares to Harlow Junction stay frozen until June,");
        given().contentType(ContentType.JSON).body(Map.of("correctionId", correction))
                .post("/api/v1/entities/{id}/split", rafe).then().statusCode(409);
    }

    @Test
    void laterArticlesNamingAMergedEntityJoinTheEntityItWasMergedInto() {
        Article.of("Okonjo visit", "2025-05-01T08:00:00Z", "Adaeze Okonjo-Price visited the port.")
                .entity("e1", "Adaeze Okonjo-Price", "PERSON", List.of(), List.of(), "Adaeze Okonjo-Price").push();
        Article.of("Okonjo speech", "2025-05-02T08:00:00Z", "Dr Adaeze Okonjo spoke at the port.")
                .entity("e1", "Adaeze Okonjo", "PERSON", List.of(), List.of(), "Adaeze Okonjo").push();
        long full = QuoteClusterAndFilterTest.entityId("Adaeze Okonjo-Price");
        long shorter = QuoteClusterAndFilterTest.entityId("Adaeze Okonjo");
        given().contentType(ContentType.JSON).body(Map.of("entityIds", List.of(shorter)))
                .post("/api/v1/entities/{id}/merge", full).then().statusCode(200);
        Article.of("Okonjo again", "2025-05-03T08:00:00Z",
                        "Adaeze Okonjo said the port would reopen.")
                .entity("e1", "Adaeze Okonjo", "PERSON", List.of(), List.of(), "Adaeze Okonjo")
                .quote("the port would reopen", "INDIRECT", "e1", "Adaeze Okonjo", "said")
                .push();
        assertThat(QuoteSearchTest.quotes(Map.of("speaker", "Adaeze Okonjo")).getList("items.speaker.entityId", Long.class))
                .containsExactly(full);
        assertThat(profile(full).getLong("articleCount")).isEqualTo(3);
    }

    @Test
    void namesCarvedOutMoveTheirMentionsAndQuotesToANewEntity() {
        Article.of("Arkwright mill", "2025-06-01T08:00:00Z",
                        "Nell Arkwright opened the mill. \"It will employ forty people,\" Nell Arkwright said.")
                .entity("e1", "Nell Arkwright", "PERSON", List.of(), List.of(), "Nell Arkwright")
                .quote("It will employ forty people,", "DIRECT", "e1", "Nell Arkwright", "said")
                .push();
        // "Arkwright" alone joins the only person with that surname, though it is someone else here.
        Article.of("Arkwright on tolls", "2025-06-02T08:00:00Z",
                        "\"The tolls must go,\" Arkwright told the bridge committee.")
                .entity("e1", "Arkwright", "PERSON", List.of(), List.of(), "Arkwright")
                .quote("The tolls must go,", "DIRECT", "e1", "Arkwright", "told")
                .push();
        long nell = QuoteClusterAndFilterTest.entityId("Nell Arkwright");
        assertThat(profile(nell).getLong("quoteCount")).isEqualTo(2);

        JsonPath split = given().contentType(ContentType.JSON)
                .body(Map.of("aliases", List.of("Arkwright"), "name", "Bram Arkwright", "reason", "the toll campaigner"))
                .post("/api/v1/entities/{id}/split", nell).then().statusCode(200).extract().jsonPath();
        assertThat(split.getString("kind")).isEqualTo("SPLIT");
        long bram = split.getLong("sourceId");
        assertThat(split.getInt("quotesMoved")).isEqualTo(1);
        assertThat(profile(nell).getLong("quoteCount")).isEqualTo(1);
        JsonPath b = profile(bram);
        assertThat(b.getString("name")).isEqualTo("Bram Arkwright");
        assertThat(b.getList("quotes.text", String.class)).containsExactly("The tolls must go,");
        assertThat(b.getList("aliases", String.class)).contains("Arkwright");

        given().contentType(ContentType.JSON).body(Map.of("aliases", List.of("Nell Arkwright")))
                .post("/api/v1/entities/{id}/split", nell).then().statusCode(409);
        given().contentType(ContentType.JSON).body(Map.of("aliases", List.of("Somebody Else")))
                .post("/api/v1/entities/{id}/split", nell).then().statusCode(409);
        given().contentType(ContentType.JSON).body(Map.of())
                .post("/api/v1/entities/{id}/split", nell).then().statusCode(400);
    }

    @Test
    void badCorrectionsAreProblems() {
        Article.of("Lisbet place", "2025-07-01T08:00:00Z", "Lisbet Varga visited Orrinmoor.")
                .entity("e1", "Lisbet Varga", "PERSON", List.of(), List.of(), "Lisbet Varga")
                .entity("e2", "Orrinmoor", "LOCATION", List.of(), List.of(), "Orrinmoor")
                .push();
        long person = QuoteClusterAndFilterTest.entityId("Lisbet Varga");
        long place = QuoteClusterAndFilterTest.entityId("Orrinmoor");
        given().contentType(ContentType.JSON).body(Map.of("entityIds", List.of(place)))
                .post("/api/v1/entities/{id}/merge", person).then().statusCode(409).contentType("application/problem+json");
        given().contentType(ContentType.JSON).body(Map.of("entityIds", List.of(person)))
                .post("/api/v1/entities/{id}/merge", person).then().statusCode(400);
        given().contentType(ContentType.JSON).body(Map.of("entityIds", List.of(999_999_999L)))
                .post("/api/v1/entities/{id}/merge", person).then().statusCode(404);
        given().contentType(ContentType.JSON).body(Map.of("entityIds", List.of()))
                .post("/api/v1/entities/{id}/merge", person).then().statusCode(400);
        assertThat(profile(person).getLong("articleCount")).isEqualTo(1);
    }

    /** The profile's top speakers: name → quotes about the entity. */
    private static Map<String, Long> speakers(long id) {
        JsonPath p = profile(id);
        List<String> names = p.getList("topSpeakers.entity.name", String.class);
        List<Long> quotes = p.getList("topSpeakers.quotes", Long.class);
        Map<String, Long> speakers = new java.util.LinkedHashMap<>();
        for (int i = 0; i < names.size(); i++) {
            speakers.put(names.get(i), quotes.get(i));
        }
        return speakers;
    }

    private static JsonPath profile(long id) {
        return given().get("/api/v1/entities/{id}", id).then().statusCode(200).extract().jsonPath();
    }
}
