package io.quotewire.devstack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole system as a user meets it: real PostgreSQL, the three packaged services, the seed
 * articles ingested through ingest-service, and Donald Trump's quotes found through query-service.
 */
class EndToEndTest {

    @TempDir
    static Path work;

    private static Stack stack;
    private static List<String> ids;
    private static Path seeds;

    @BeforeAll
    static void startStackAndIngestSeeds() {
        Path home = Path.of(System.getProperty("quotewire.home", "..")).toAbsolutePath().normalize();
        seeds = home.resolve("seeds");
        stack = Stack.start(Stack.Config.ephemeral(home, work));
        ids = stack.ingestDirectory(seeds);
        stack.awaitIndexed(ids, Duration.ofMinutes(3));
    }

    @AfterAll
    static void stop() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void everySeedIsOneDocumentAndReingestingIsADuplicate() throws Exception {
        assertThat(new HashSet<>(ids)).hasSize((int) Files.list(seeds).filter(p -> p.toString().endsWith(".txt")).count());
        Path first = Files.list(seeds).filter(p -> p.toString().endsWith(".txt")).sorted().findFirst().orElseThrow();
        JsonPath again = given().baseUri(stack.ingestUrl().toString())
                .header("X-API-Key", stack.apiKey())
                .contentType("text/plain; charset=utf-8").body(Files.readString(first))
                .when().post("/api/v1/documents")
                .then().statusCode(200).extract().jsonPath();
        assertThat(again.getBoolean("duplicate")).isTrue();
        assertThat(again.getString("id")).isEqualTo(ids.get(0));
    }

    @Test
    void findsTrumpsQuotesFromSeveralArticlesWithOffsetsIntoTheirText() {
        JsonPath page = given().baseUri(stack.queryUrl().toString())
                .queryParam("speaker", "Trump").queryParam("limit", 200)
                .when().get("/api/v1/quotes")
                .then().statusCode(200).extract().jsonPath();
        List<Map<String, Object>> quotes = page.getList("items");
        assertThat(quotes).hasSizeGreaterThanOrEqualTo(8);

        Set<String> documents = new HashSet<>();
        int interrupted = 0;
        for (Map<String, Object> q : quotes) {
            assertThat(q.get("speaker").toString()).contains("Donald Trump");
            @SuppressWarnings("unchecked")
            Map<String, Object> doc = (Map<String, Object>) q.get("document");
            String documentId = (String) doc.get("id");
            documents.add(documentId);
            // provenance: the offsets point at the quoted words in the stored article
            String text = given().baseUri(stack.queryUrl().toString())
                    .when().get("/api/v1/documents/" + documentId)
                    .then().statusCode(200).extract().path("text");
            // (each part of it: a quotation interrupted by its attribution is one quote of several parts)
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> parts = (List<Map<String, Object>>) q.get("parts");
            List<String> words = new java.util.ArrayList<>();
            for (Map<String, Object> part : parts) {
                assertThat(text.substring((Integer) part.get("start"), (Integer) part.get("end"))).isEqualTo(part.get("text"));
                words.add((String) part.get("text"));
            }
            assertThat(String.join(" ", words)).isEqualTo(q.get("text"));
            assertThat(q.get("start")).isEqualTo(parts.get(0).get("start"));
            assertThat(q.get("end")).isEqualTo(parts.get(parts.size() - 1).get("end"));
            @SuppressWarnings("unchecked")
            Map<String, Object> speaker = (Map<String, Object>) q.get("speaker");
            assertThat(speaker.get("resolution")).isNotNull();
            if (parts.size() > 1) {
                interrupted++;
            }
        }
        assertThat(documents).hasSizeGreaterThanOrEqualTo(3);
        assertThat(interrupted).as("quotations interrupted by their attribution").isPositive();
    }

    @Test
    void ingestShowsTheExtractionAndQueryServesEntitiesAndSearch() {
        JsonPath doc = given().baseUri(stack.ingestUrl().toString())
                .when().get("/api/v1/documents/" + ids.get(1))
                .then().statusCode(200).extract().jsonPath();
        assertThat(doc.getString("status")).isEqualTo("INDEXED");
        assertThat(doc.getList("extraction.quotes")).isNotEmpty();

        JsonPath entities = given().baseUri(stack.queryUrl().toString())
                .queryParam("q", "Zelensky").queryParam("type", "PERSON")
                .when().get("/api/v1/entities")
                .then().statusCode(200).extract().jsonPath();
        assertThat(entities.getList("items.name", String.class)).anyMatch(n -> n.startsWith("Volodymyr Zelensk"));

        JsonPath search = given().baseUri(stack.queryUrl().toString())
                .queryParam("q", "ceasefire")
                .when().get("/api/v1/documents")
                .then().statusCode(200).extract().jsonPath();
        assertThat(search.getInt("total")).isGreaterThanOrEqualTo(1);
    }

    /**
     * Swagger UI's first "Try it out" of every listing and search: each GET operation without a path parameter,
     * with all its query parameter examples at once (as Swagger UI fills them in), shows results on the seeds.
     */
    @Test
    void theContractsExamplesReturnResultsOnTheSeeds() throws Exception {
        Map<String, String> noResultsOnSeeds = Map.of("listFeeds", "the seeds subscribe to no feed");
        int tried = 0;
        for (String base : List.of(stack.queryUrl().toString(), stack.ingestUrl().toString())) {
            JsonNode contract = new ObjectMapper().readTree(given().baseUri(base).queryParam("format", "json")
                    .get("/q/openapi").then().statusCode(200).extract().asString());
            for (Iterator<Map.Entry<String, JsonNode>> paths = contract.path("paths").fields(); paths.hasNext(); ) {
                var path = paths.next();
                JsonNode get = path.getValue().get("get");
                if (get == null || path.getKey().contains("{")
                        || noResultsOnSeeds.containsKey(get.path("operationId").asText())) {
                    continue;
                }
                Map<String, String> examples = new LinkedHashMap<>();
                for (JsonNode p : get.path("parameters")) {
                    JsonNode parameter = p.has("$ref") ? contract.at(p.get("$ref").asText().substring(1)) : p;
                    if ("query".equals(parameter.path("in").asText()) && parameter.has("example")) {
                        examples.put(parameter.path("name").asText(), parameter.get("example").asText());
                    }
                }
                Response answer = given().baseUri(base).queryParams(examples).get(path.getKey());
                String what = "GET " + path.getKey() + " " + examples;
                assertThat(answer.statusCode()).as(what).isEqualTo(200);
                if (answer.contentType().startsWith("application/json")) {
                    assertThat(answer.jsonPath().getList("items")).as(what).isNotEmpty();
                } else {
                    assertThat(answer.asString()).as(what).isNotBlank();
                }
                tried++;
            }
        }
        assertThat(tried).isGreaterThanOrEqualTo(6);
    }

    /**
     * A user's program on the TypeScript clients generated from the contracts (module typescript-client): an ingest
     * with the key (and a 401 without), quotes by speaker, a date range of Date objects, an entity profile and a
     * CSV export ({@code typescript-client/src/test/ts/driveStack.ts}, run with node).
     */
    @Test
    void theTypeScriptClientsDriveTheStack() throws Exception {
        Path home = Path.of(System.getProperty("quotewire.home", "..")).toAbsolutePath().normalize();
        Path driver = home.resolve("typescript-client/target/stack-test/js/driveStack.js");
        assertThat(driver).as("built by the module typescript-client").exists();
        ProcessBuilder node = new ProcessBuilder("node", driver.toString()).redirectErrorStream(true);
        node.environment().put("QUOTEWIRE_INGEST_URL", stack.ingestUrl().toString());
        node.environment().put("QUOTEWIRE_QUERY_URL", stack.queryUrl().toString());
        node.environment().put("QUOTEWIRE_API_KEY", stack.apiKey());
        Process process = node.start();
        String output = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(process.waitFor(3, java.util.concurrent.TimeUnit.MINUTES)).isTrue();
        System.out.print(output);
        assertThat(process.exitValue()).as(output).isZero();
        assertThat(output).contains("ok: an ingest without a key is refused with 401", "ok: the article is INDEXED",
                "ok: the date range 2031-06-15..16 holds the article's quote", "ok: the profile of Margit Oellerby",
                "ok: the CSV export of speaker=Trump");
    }
}
