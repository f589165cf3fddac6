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
 * A profile's co-occurrence is read from per-article rows kept at index time (entity_documents):
 * the edges follow a replaced article, a merge and its undo, and the kept rows always equal what
 * the mentions themselves say.
 */
@QuarkusTest
@QuarkusTestResource(value = PostgresTestResource.class, restrictToAnnotatedClass = false)
class CooccurrenceTest {

    @Inject
    EntityManager em;

    @Test
    void edgesFollowReplacementsMergesAndUndos() {
        UUID a1 = Article.of("Fenwick at the quay", "2025-08-01T09:00:00Z",
                        "Orla Fenwick met Pim Darrow at the Quayside Trust. Fenwick left early.")
                .entity("e1", "Orla Fenwick", "PERSON", List.of("Fenwick"), List.of(), "Orla Fenwick", "Fenwick")
                .entity("e2", "Pim Darrow", "PERSON", List.of(), List.of(), "Pim Darrow")
                .entity("e3", "Quayside Trust", "ORGANIZATION", List.of(), List.of(), "Quayside Trust")
                .push();
        UUID a2 = Article.of("Fenwick and Darrow", "2025-08-02T09:00:00Z", "Orla Fenwick and Pim Darrow spoke again.")
                .entity("e1", "Orla Fenwick", "PERSON", List.of(), List.of(), "Orla Fenwick")
                .entity("e2", "Pim Darrow", "PERSON", List.of(), List.of(), "Pim Darrow")
                .push();
        UUID a3 = Article.of("Fenwick thanks Darrow", "2025-08-03T09:00:00Z", "Orla Fenwick thanked Piet Darrow.")
                .entity("e1", "Orla Fenwick", "PERSON", List.of(), List.of(), "Orla Fenwick")
                .entity("e2", "Piet Darrow", "PERSON", List.of(), List.of(), "Piet Darrow")
                .push();
        long orla = QuoteClusterAndFilterTest.entityId("Orla Fenwick");
        long pim = QuoteClusterAndFilterTest.entityId("Pim Darrow");
        long initial = QuoteClusterAndFilterTest.entityId("Piet Darrow");
        JsonPath p = profile(orla);
        assertThat(p.getList("cooccurring.entity.name", String.class))
                .containsExactly("Pim Darrow", "Quayside Trust", "Piet Darrow");
        assertThat(p.getList("cooccurring.weight", Long.class)).containsExactly(2L, 1L, 1L);
        assertThat(p.getList("cooccurring[0].documents.id", String.class)).containsExactly(a2.toString(), a1.toString());
        assertThat(profile(pim).getList("cooccurring.entity.name", String.class))
                .containsExactly("Orla Fenwick", "Quayside Trust");
        assertConsistent();

        // The Piet Darrow of the third article is merged into Pim Darrow: his edge gains that article.
        long correction = given().contentType(ContentType.JSON).body(Map.of("entityIds", List.of(initial)))
                .post("/api/v1/entities/{id}/merge", pim).then().statusCode(200).extract().jsonPath().getLong("[0].id");
        p = profile(orla);
        assertThat(p.getList("cooccurring.entity.name", String.class)).containsExactly("Pim Darrow", "Quayside Trust");
        assertThat(p.getList("cooccurring.weight", Long.class)).containsExactly(3L, 1L);
        assertThat(p.getList("cooccurring[0].documents.id", String.class))
                .containsExactly(a3.toString(), a2.toString(), a1.toString());
        assertConsistent();

        // The first article is corrected and no longer names Pim Darrow.
        Article.of("Fenwick at the quay", "2025-08-01T09:00:00Z", "Orla Fenwick visited the Quayside Trust.")
                .entity("e1", "Orla Fenwick", "PERSON", List.of(), List.of(), "Orla Fenwick")
                .entity("e3", "Quayside Trust", "ORGANIZATION", List.of(), List.of(), "Quayside Trust")
                .push(a1);
        p = profile(orla);
        assertThat(p.getList("cooccurring.weight", Long.class)).containsExactly(2L, 1L);
        assertThat(p.getList("cooccurring[0].documents.id", String.class)).containsExactly(a3.toString(), a2.toString());
        assertThat(profile(pim).getList("cooccurring.entity.name", String.class)).containsExactly("Orla Fenwick");
        assertConsistent();

        // Undoing the merge gives the third article back to Piet Darrow.
        given().contentType(ContentType.JSON).body(Map.of("correctionId", correction))
                .post("/api/v1/entities/{id}/split", pim).then().statusCode(200);
        p = profile(orla);
        assertThat(p.getList("cooccurring.entity.name", String.class))
                .containsExactly("Pim Darrow", "Quayside Trust", "Piet Darrow");
        assertThat(p.getList("cooccurring.weight", Long.class)).containsExactly(1L, 1L, 1L);
        assertThat(p.getList("cooccurring[2].documents.id", String.class)).containsExactly(a3.toString());
        assertThat(p.getList("articles.document.id", String.class))
                .containsExactly(a3.toString(), a2.toString(), a1.toString());
        assertConsistent();

        // Quotes carved out to a new entity by their speaker's name leave it quoted in an article
        // that does not name it: the article still joins it to the others there.
        UUID a4 = Article.of("Fenwick on the quay", "2025-08-04T09:00:00Z",
                        "\"The quay is open,\" Orla said. Orla Fenwick cut the ribbon with Pim Darrow.")
                .entity("e1", "Orla Fenwick", "PERSON", List.of("Orla"), List.of(), "Orla Fenwick")
                .entity("e2", "Pim Darrow", "PERSON", List.of(), List.of(), "Pim Darrow")
                .quote("The quay is open,", "DIRECT", "e1", "Orla", "said")
                .push();
        long carved = given().contentType(ContentType.JSON).body(Map.of("aliases", List.of("Orla"), "name", "Orla Quist"))
                .post("/api/v1/entities/{id}/split", orla).then().statusCode(200).extract().jsonPath().getLong("sourceId");
        JsonPath quist = profile(carved);
        assertThat(quist.getList("articles.document.id", String.class)).containsExactly(a4.toString());
        assertThat(quist.getList("articles[0].mentions")).isEmpty();
        assertThat(quist.getList("cooccurring.entity.name", String.class)).containsExactly("Orla Fenwick", "Pim Darrow");
        assertThat(profile(orla).getList("cooccurring.entity.name", String.class)).contains("Orla Quist");
        assertConsistent();
    }

    private static JsonPath profile(long id) {
        return given().get("/api/v1/entities/{id}", id).then().statusCode(200).extract().jsonPath();
    }

    /** entity_documents holds one row per entity and article naming or quoting it, with the others there. */
    private void assertConsistent() {
        String present = """
                (SELECT entity_id, document_id, sort_at FROM mentions
                 UNION SELECT speaker_entity_id, document_id, sort_at FROM quotes WHERE speaker_entity_id IS NOT NULL)""";
        String recomputed = """
                SELECT p.entity_id, p.document_id, max(p.sort_at),
                       ARRAY(SELECT DISTINCT o.entity_id FROM %s o
                             WHERE o.document_id = p.document_id AND o.entity_id <> p.entity_id ORDER BY 1)
                FROM %s p GROUP BY p.entity_id, p.document_id""".formatted(present, present);
        String kept = "SELECT entity_id, document_id, sort_at, co_entity_ids FROM entity_documents";
        DerivedRows.assertSame(em, kept, recomputed);
    }
}
