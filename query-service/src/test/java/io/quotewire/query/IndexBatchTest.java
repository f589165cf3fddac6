package io.quotewire.query;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quotewire.testsupport.PostgresTestResource;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * POST /api/v1/index/batches: many documents in one transaction, each stored as a single push
 * would store it; an invalid one is rejected alone; concurrent batches sharing names meet at the
 * same entity without a deadlock.
 */
@QuarkusTest
@QuarkusTestResource(value = PostgresTestResource.class, restrictToAnnotatedClass = false)
class IndexBatchTest {

    private static Article briefing(String person, String surname, int day) {
        String text = person + " met farmers in Uppsala on Monday. \"We will not cut the subsidy,\" "
                + surname + " said. " + surname + " added that talks would go on.";
        return Article.of("Briefing " + person + " " + day, String.format("2025-06-%02dT08:00:00Z", day), text)
                .entity("e1", person, "PERSON", List.of(surname), List.of(), person, surname)
                .entity("e2", "Uppsala", "LOCATION", List.of(), List.of(), "Uppsala")
                .quote("We will not cut the subsidy,", "DIRECT", "e1", person, "said");
    }

    private static Map<String, Object> item(UUID id, Article article) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("id", id.toString());
        item.put("document", article.body());
        return item;
    }

    private static JsonPath post(List<Map<String, Object>> items, int status) {
        return given().contentType(ContentType.JSON).body(Map.of("documents", items))
                .when().post("/api/v1/index/batches")
                .then().statusCode(status).extract().jsonPath();
    }

    @Test
    void validDocumentsAreStoredAndAnInvalidOneIsRejectedAlone() {
        UUID a = UUID.randomUUID();
        UUID bad = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        Article broken = briefing("Henrik Solberg", "Solberg", 3);
        broken.lastQuote().put("end", 100_000);
        List<Map<String, Object>> batch = List.of(item(a, briefing("Henrik Solberg", "Solberg", 1)),
                item(bad, broken), item(b, briefing("Henrik Solberg", "Solberg", 2)));

        JsonPath first = post(batch, 200);
        assertThat(first.getList("results.id")).containsExactly(a.toString(), bad.toString(), b.toString());
        assertThat(first.getList("results.status")).containsExactly("STORED", "REJECTED", "STORED");
        assertThat(first.getInt("results[1].problem.status")).isEqualTo(400);
        assertThat(first.getString("results[1].problem.detail")).contains("invalid document");
        given().get("/api/v1/documents/{id}", a).then().statusCode(200);
        given().get("/api/v1/documents/{id}", b).then().statusCode(200);
        given().get("/api/v1/documents/{id}", bad).then().statusCode(404);
        List<Map<String, Object>> solberg = EntityMergeTest.entities("solberg", "PERSON");
        assertThat(solberg).hasSize(1);
        assertThat(((Number) solberg.get(0).get("articleCount")).longValue()).isEqualTo(2);

        // The same batch again stores nothing new.
        JsonPath again = post(batch, 200);
        assertThat(again.getList("results.status")).containsExactly("UNCHANGED", "REJECTED", "UNCHANGED");
        List<Map<String, Object>> still = EntityMergeTest.entities("solberg", "PERSON");
        assertThat(((Number) still.get(0).get("articleCount")).longValue()).isEqualTo(2);
        assertThat(((Number) still.get(0).get("quoteCount")).longValue()).isEqualTo(2);
    }

    @Test
    void theSameDocumentTwiceInOneBatchEndsAsTheLaterOne() {
        UUID id = UUID.randomUUID();
        JsonPath result = post(List.of(item(id, briefing("Ingrid Dahlberg", "Dahlberg", 4)),
                item(id, briefing("Ingrid Dahlberg", "Dahlberg", 5))), 200);
        assertThat(result.getList("results.status")).containsExactly("STORED", "STORED");
        JsonPath view = given().get("/api/v1/documents/{id}", id).then().statusCode(200).extract().jsonPath();
        assertThat(view.getString("document.title")).isEqualTo("Briefing Ingrid Dahlberg 5");
        assertThat(view.getList("quotes")).hasSize(1);
        List<Map<String, Object>> dahlberg = EntityMergeTest.entities("dahlberg", "PERSON");
        assertThat(((Number) dahlberg.get(0).get("articleCount")).longValue()).isEqualTo(1);
        assertThat(((Number) dahlberg.get(0).get("quoteCount")).longValue()).isEqualTo(1);
    }

    @Test
    void concurrentBatchesSharingNamesMeetAtOneEntity() throws Exception {
        int threads = 4;
        int perBatch = 5;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<JsonPath>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                List<Map<String, Object>> batch = new ArrayList<>();
                for (int i = 0; i < perBatch; i++) {
                    // every batch names Marta Vinterholm, some only by her surname (which must still join her)
                    Article a = i % 2 == 0 ? briefing("Marta Vinterholm", "Vinterholm", 1 + t * perBatch + i)
                            : onlySurname("Vinterholm", 1 + t * perBatch + i);
                    batch.add(item(UUID.randomUUID(), a));
                }
                done.add(pool.submit(() -> post(batch, 200)));
            }
            for (Future<JsonPath> f : done) {
                assertThat(f.get().getList("results.status")).containsOnly("STORED");
            }
        } finally {
            pool.shutdownNow();
        }
        List<Map<String, Object>> found = EntityMergeTest.entities("vinterholm", "PERSON");
        assertThat(found).extracting(e -> e.get("name")).containsExactly("Marta Vinterholm");
        assertThat(((Number) found.get(0).get("articleCount")).longValue()).isEqualTo(threads * perBatch);
        assertThat(((Number) found.get(0).get("quoteCount")).longValue()).isEqualTo(threads * perBatch);
    }

    private static Article onlySurname(String surname, int day) {
        String text = "Farmers gathered in Uppsala. \"We will not cut the subsidy,\" " + surname + " said.";
        return Article.of("Surname only " + surname + " " + day, String.format("2025-06-%02dT09:00:00Z", day), text)
                .entity("e1", surname, "PERSON", List.of(), List.of(), surname)
                .entity("e2", "Uppsala", "LOCATION", List.of(), List.of(), "Uppsala")
                .quote("We will not cut the subsidy,", "DIRECT", "e1", surname, "said");
    }

    @Test
    void anEmptyOrOversizedBatchIsRefusedWhole() {
        JsonPath empty = post(List.of(), 400);
        assertThat(empty.getString("parameter")).isEqualTo("documents");
        List<Map<String, Object>> tooMany = new ArrayList<>();
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < 101; i++) {
            UUID id = UUID.randomUUID();
            ids.add(id);
            tooMany.add(item(id, briefing("Olle Berglund", "Berglund", 1 + i % 28)));
        }
        JsonPath refused = post(tooMany, 413);
        assertThat(refused.getString("detail")).contains("at most 100");
        given().get("/api/v1/documents/{id}", ids.get(0)).then().statusCode(404);
    }
}
