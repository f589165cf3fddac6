package io.quotewire.query;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quotewire.testsupport.PostgresTestResource;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** GET /api/v1/export/quotes and /documents: streamed NDJSON and CSV with the listing's filters. */
@QuarkusTest
@QuarkusTestResource(value = PostgresTestResource.class, restrictToAnnotatedClass = false)
class ExportTest extends IndexedOnce {

    private static final int ARTICLES = 60;

    @Override
    protected void indexArticles() {
        for (int i = 0; i < ARTICLES; i++) {
            String quoted = "Row " + i + ", the \"quinoxa\" plan, stays\non track,";
            String text = "Perpetua Sandqvoll spoke in Valmora. \"" + quoted + "\" Sandqvoll said.";
            Article.of("Quinoxa update " + i, String.format("2025-09-%02dT10:%02d:00Z", 1 + i % 28, i), text)
                    .source("Export Wire")
                    .entity("e1", "Perpetua Sandqvoll", "PERSON", List.of("Sandqvoll"), List.of(), "Perpetua Sandqvoll", "Sandqvoll")
                    .quote(quoted, "DIRECT", "e1", "Perpetua Sandqvoll", "said")
                    .push();
        }
    }

    @Test
    void ndjsonHasOneQuoteHitPerLineInListingOrder() {
        List<Long> listed = QuoteSearchTest.quotes(Map.of("speaker", "Sandqvoll", "limit", 200)).getList("items.id", Long.class);
        assertThat(listed).hasSize(ARTICLES);
        String body = given().queryParam("speaker", "Sandqvoll").get("/api/v1/export/quotes")
                .then().statusCode(200).contentType("application/x-ndjson").extract().asString();
        String[] lines = body.split("\n");
        assertThat(lines).hasSize(ARTICLES);
        List<Long> exported = new ArrayList<>();
        for (String line : lines) {
            JsonPath hit = new JsonPath(line);
            exported.add(hit.getLong("id"));
            assertThat(hit.getString("speaker.name")).isEqualTo("Perpetua Sandqvoll");
            assertThat(hit.getString("sentence")).endsWith("Sandqvoll said.");
        }
        assertThat(exported).isEqualTo(listed);
    }

    @Test
    void csvQuotesFieldsWithCommasQuotesAndLineBreaks() {
        String body = given().queryParam("speaker", "Sandqvoll").queryParam("format", "CSV").queryParam("q", "\"row 7\"")
                .get("/api/v1/export/quotes").then().statusCode(200).contentType(org.hamcrest.Matchers.startsWith("text/csv"))
                .extract().asString();
        List<List<String>> rows = parseCsv(body);
        assertThat(rows.get(0)).containsExactly("id", "published_at", "source", "document_id", "title", "speaker_id",
                "speaker", "type", "text", "start", "end", "sentence", "cluster_id", "family_id", "parts",
                "speaker_resolution", "speaker_mention");
        assertThat(rows).hasSize(2);
        assertThat(rows.get(1).get(8)).isEqualTo("Row 7, the \"quinoxa\" plan, stays\non track,");
        assertThat(rows.get(1).get(2)).isEqualTo("Export Wire");
        assertThat(rows.get(1).get(7)).isEqualTo("DIRECT");
    }

    @Test
    void documentsExportWithTextAndFilters() {
        String csv = given().queryParam("q", "quinoxa").queryParam("format", "CSV").queryParam("text", true)
                .get("/api/v1/export/documents").then().statusCode(200).extract().asString();
        List<List<String>> rows = parseCsv(csv);
        assertThat(rows).hasSize(ARTICLES + 1);
        assertThat(rows.get(0)).containsExactly("id", "published_at", "source", "title", "url", "family_id", "text");
        assertThat(rows.get(1).get(6)).startsWith("Perpetua Sandqvoll spoke in Valmora.");
        String ndjson = given().queryParam("q", "quinoxa").queryParam("from", "2025-09-28T00:00:00Z")
                .get("/api/v1/export/documents").then().statusCode(200).extract().asString();
        String[] lines = ndjson.split("\n");
        assertThat(lines).hasSize(2); // i = 27 and 55 fall on the 28th
        assertThat(new JsonPath(lines[0]).getString("source")).isEqualTo("Export Wire");
        assertThat(new JsonPath(lines[0]).getString("text")).isNull();
    }

    @Test
    void documentsWithoutDateOrSourceExportWithEmptyFields() {
        String text = "Ozvalda Brenk opened the Valmora depot. \"It is ready,\" Brenk said.";
        Article.of("Ozvalda depot", null, text).source(null)
                .entity("e1", "Ozvalda Brenk", "PERSON", List.of("Brenk"), List.of(), "Ozvalda Brenk", "Brenk")
                .quote("It is ready,", "DIRECT", "e1", "Ozvalda Brenk", "said")
                .push();
        List<List<String>> rows = parseCsv(given().queryParam("q", "ozvalda").queryParam("format", "CSV")
                .get("/api/v1/export/documents").then().statusCode(200).extract().asString());
        assertThat(rows).hasSize(2);
        assertThat(rows.get(1).get(1)).isEmpty(); // published_at
        assertThat(rows.get(1).get(2)).isEmpty(); // source
        assertThat(rows.get(1).get(3)).isEqualTo("Ozvalda depot");
        String ndjson = given().queryParam("q", "ozvalda").get("/api/v1/export/documents")
                .then().statusCode(200).extract().asString();
        JsonPath line = new JsonPath(ndjson.strip());
        assertThat(line.getString("title")).isEqualTo("Ozvalda depot");
        assertThat(line.getString("source")).isNull();
        assertThat(line.getString("publishedAt")).isNull();
        List<List<String>> quotes = parseCsv(given().queryParam("q", "ready").queryParam("speaker", "Brenk")
                .queryParam("format", "CSV").get("/api/v1/export/quotes").then().statusCode(200).extract().asString());
        assertThat(quotes).hasSize(2);
    }

    /** RFC 4180 parser for the test (quoted fields, doubled quotes, CRLF records). */
    static List<List<String>> parseCsv(String s) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < s.length() && s.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                row.add(field.toString());
                field.setLength(0);
            } else if (c == '\r' && i + 1 < s.length() && s.charAt(i + 1) == '\n') {
                row.add(field.toString());
                field.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
                i++;
            } else {
                field.append(c);
            }
        }
        return rows;
    }
}
