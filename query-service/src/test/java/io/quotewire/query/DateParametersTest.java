package io.quotewire.query;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quotewire.testsupport.PostgresTestResource;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

/**
 * The date-time parameters ({@code from}, {@code to}) of every operation that has them, in every form clients
 * send: each form of the same instant selects the same articles, and a value of no accepted form is a 400
 * naming the parameter and the rule.
 */
@QuarkusTest
@QuarkusTestResource(value = PostgresTestResource.class, restrictToAnnotatedClass = false)
class DateParametersTest extends IndexedOnce {

    /** Every way of writing 2031-05-01T00:00:00Z that a client may send. */
    static final List<String> MAY_1 = List.of(
            "2031-05-01",                           // a date alone: its start in UTC
            "2031-05-01T00:00:00Z",
            "2031-05-01T00:00Z",                    // no seconds
            "2031-05-01T00:00:00.000Z",             // JavaScript's toISOString
            "2031-05-01T00:00:00.000000+0000",      // OpenAPI Generator's Python client
            "2031-05-01T00:00:00.000000000+00:00",
            "2031-05-01T00:00:00+00:00",
            "2031-05-01T00:00:00+00",
            "2031-05-01T02:00:00+02:00",            // another offset, the same instant
            "2031-04-30T19:00:00.000-0500",
            "2031-05-01t00:00:00z",                 // RFC 3339 allows lower case
            "2031-05-01 00:00:00Z");                // and a space for the T

    /** The published times: before, exactly at, and after 2031-05-01T00:00:00Z. */
    private static final String[] PUBLISHED = {"2031-04-30T23:30:00Z", "2031-05-01T00:00:00Z", "2031-05-01T12:00:00Z"};
    private final List<String> ids = new ArrayList<>();

    @Override
    protected void indexArticles() {
        for (int i = 0; i < PUBLISHED.length; i++) {
            String quoted = "The quillwort beds recover, season " + i;
            String text = "Ranger Ottoline Vessbrook walked the marsh. \"" + quoted + ",\" Vessbrook said.";
            ids.add(Article.of("Quillwort " + i, PUBLISHED[i], text)
                    .entity("e1", "Ottoline Vessbrook", "PERSON", List.of("Vessbrook"), List.of("Ranger"),
                            "Ottoline Vessbrook", "Vessbrook")
                    .quote(quoted, "DIRECT", "e1", "Ottoline Vessbrook", "said")
                    .push().toString());
        }
    }

    @Test
    void everyFormSelectsTheSameQuotes() {
        for (String may1 : MAY_1) {
            assertThat(quoteDocs(Map.of("speaker", "Vessbrook", "from", may1))).as("from=%s", may1)
                    .containsExactly(ids.get(2), ids.get(1));
            assertThat(quoteDocs(Map.of("speaker", "Vessbrook", "to", may1))).as("to=%s", may1)
                    .containsExactly(ids.get(0));
        }
    }

    @Test
    void everyFormSelectsTheSameArticles() {
        for (String may1 : MAY_1) {
            assertThat(documentIds(Map.of("q", "quillwort", "from", may1))).as("from=%s", may1)
                    .containsExactlyInAnyOrder(ids.get(1), ids.get(2));
            assertThat(documentIds(Map.of("q", "quillwort", "to", may1))).as("to=%s", may1)
                    .containsExactly(ids.get(0));
        }
    }

    @Test
    void everyFormSelectsTheSameExportRows() {
        for (String may1 : MAY_1) {
            assertThat(ndjsonLines("/api/v1/export/quotes", Map.of("speaker", "Vessbrook", "from", may1)))
                    .as("from=%s", may1).hasSize(2);
            assertThat(ndjsonLines("/api/v1/export/documents", Map.of("q", "quillwort", "to", may1)))
                    .as("to=%s", may1).hasSize(1);
        }
    }

    @Test
    void everyFormSetsTheSameTimelineDays() {
        long entity = QuoteClusterAndFilterTest.entityId("Ottoline Vessbrook");
        for (String may1 : MAY_1) {
            JsonPath timeline = given().queryParam("from", may1).queryParam("to", "2031-05-02")
                    .get("/api/v1/entities/{id}", entity).then().statusCode(200).extract().jsonPath();
            assertThat(timeline.getString("timeline.from")).as("from=%s", may1).startsWith("2031-05-01T00:00");
            assertThat(timeline.getString("timeline.to")).as("from=%s", may1).startsWith("2031-05-02T00:00");
            assertThat(timeline.getList("timeline.buckets.start", String.class)).as("from=%s", may1)
                    .hasSize(1).allMatch(day -> day.startsWith("2031-05-01"));
        }
    }

    @Test
    void aPlusSentUnencodedArrivesAsASpaceAndIsReadAsThePlus() {
        // curl 'localhost:8083/api/v1/quotes?from=2031-05-01T02:00:00+02:00' sends the '+' as is; the query
        // string decodes it to a space.
        String ids = given().urlEncodingEnabled(false)
                .get("/api/v1/quotes?speaker=Vessbrook&from=2031-05-01T02:00:00+02:00")
                .then().statusCode(200).extract().jsonPath().getList("items.document.id").toString();
        assertThat(ids).contains(this.ids.get(1), this.ids.get(2)).doesNotContain(this.ids.get(0));
    }

    @Test
    void aValueOfNoAcceptedFormIsRefusedByNameOnEveryOperation() {
        long entity = QuoteClusterAndFilterTest.entityId("Ottoline Vessbrook");
        List<String> paths = List.of("/api/v1/quotes", "/api/v1/documents", "/api/v1/export/quotes",
                "/api/v1/export/documents", "/api/v1/entities/" + entity);
        for (String path : paths) {
            for (String parameter : List.of("from", "to")) {
                for (String bad : List.of("yesterday", "2031-05-01T00:00:00+0000junk", "2031-13-01", "1935446400",
                        "01/05/2031", "2031-05-01T24:30:00Z")) {
                    given().queryParam(parameter, bad).get(path).then()
                            .statusCode(400)
                            .contentType(startsWith("application/problem+json"))
                            .body("parameter", equalTo(parameter))
                            .body("detail", containsString(parameter))
                            .body("detail", containsString("ISO 8601"));
                }
            }
        }
    }

    private static List<String> quoteDocs(Map<String, Object> params) {
        return given().queryParams(params).get("/api/v1/quotes").then().statusCode(200).extract().jsonPath()
                .getList("items.document.id", String.class);
    }

    private static List<String> documentIds(Map<String, Object> params) {
        return given().queryParams(params).get("/api/v1/documents").then().statusCode(200).extract().jsonPath()
                .getList("items.document.id", String.class);
    }

    private static List<String> ndjsonLines(String path, Map<String, Object> params) {
        Map<String, Object> all = new LinkedHashMap<>(params);
        String body = given().queryParams(all).get(path).then().statusCode(200).extract().asString();
        return Arrays.stream(body.split("\n")).filter(line -> !line.isBlank()).toList();
    }
}
