package io.quotewire.ingest.security;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.quotewire.ingest.support.Stubs;
import io.quotewire.security.AccessRules;
import io.quotewire.security.TestCredentials;
import io.quotewire.security.WriteAccessContract;
import io.quotewire.testsupport.PostgresTestResource;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/**
 * One test per access rule of ingest-service, with the rules as the production overlay sets them
 * ({@link ProductionRulesProfile}): ingest needs writer, reads reader, retry admin; credentials are an
 * X-API-Key or a bearer JWT; every refusal is problem+json. Also: ingest-service presents its own key
 * to query-service, and one document's calls to both services carry one trace id.
 */
@QuarkusTest
@TestProfile(ProductionRulesProfile.class)
@QuarkusTestResource(value = PostgresTestResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = Stubs.class, restrictToAnnotatedClass = false)
class SecurityTest extends WriteAccessContract {

    SecurityTest() {
        super(SecurityTest::ingest, 202);
    }

    private static ValidatableResponse ingest(RequestSpecification request) {
        return request.contentType(ContentType.JSON)
                .body(Map.of("title", "Security", "text", "The minister said nothing. " + UUID.randomUUID()))
                .when().post("/api/v1/documents").then();
    }

    @Test
    void retryWithTheWriterRoleIs403() {
        AccessRules.lowerRoleIsForbidden(request -> request.post("/api/v1/documents/{id}/retry", UUID.randomUUID()).then(),
                "writer");
    }

    @Test
    void retryIsForAdminsOnly() {
        String id = ingest(given().header("X-API-Key", TestCredentials.WRITER_KEY)).statusCode(202)
                .extract().path("id");
        AccessRules.problem(given().header("X-API-Key", TestCredentials.WRITER_KEY)
                .post("/api/v1/documents/{id}/retry", id).then(), 403);
        // An admin passes the rule; the document is not FAILED, so the answer is the service's own 409.
        AccessRules.problem(given().header("X-API-Key", TestCredentials.ADMIN_KEY)
                .post("/api/v1/documents/{id}/retry", id).then(), 409);
    }

    @Test
    void closedReadsNeedTheReaderRole() {
        AccessRules.problem(given().get("/api/v1/documents").then(), 401);
        given().header("X-API-Key", TestCredentials.READER_KEY).get("/api/v1/documents").then().statusCode(200);
        given().auth().oauth2(TestCredentials.token("reader")).get("/api/v1/documents").then().statusCode(200);
    }

    @Test
    void aCleaningPreviewIsARead() {
        // It stores nothing, so it follows the read rule (closed here, as in production), not the write rule.
        AccessRules.problem(given().contentType("text/plain").body("The minister said nothing.")
                .post("/api/v1/cleanings").then(), 401);
        given().header("X-API-Key", TestCredentials.READER_KEY).contentType("text/plain")
                .body("The minister said nothing at the meeting on Tuesday.")
                .post("/api/v1/cleanings").then().statusCode(200);
    }

    @Test
    void anOversizeBodyIs413() {
        byte[] tooLarge = new byte[10 * 1024 * 1024 + 1];
        Arrays.fill(tooLarge, (byte) 'a');
        AccessRules.problem(given().header("X-API-Key", TestCredentials.WRITER_KEY).contentType("text/plain").body(tooLarge)
                .post("/api/v1/documents").then(), 413);
    }

    @Test
    void anOverlongQueryParameterIs400() {
        AccessRules.problem(given().header("X-API-Key", TestCredentials.READER_KEY).queryParam("status", "x".repeat(501))
                .get("/api/v1/documents").then(), 400);
    }

    @Test
    void pageSizeIsLimited() {
        AccessRules.problem(given().header("X-API-Key", TestCredentials.READER_KEY).queryParam("limit", 201)
                .get("/api/v1/documents").then(), 400);
    }

    @Test
    void queryServiceGetsIngestsKeyAndOneTraceIdCoversADocument() {
        String id = ingest(given().header("X-API-Key", TestCredentials.WRITER_KEY)).statusCode(202)
                .extract().path("id");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given()
                .header("X-API-Key", TestCredentials.READER_KEY).get("/api/v1/documents/{id}", id)
                .then().body("status", equalTo("INDEXED")));
        List<OutgoingCalls.Call> calls = OutgoingCalls.CALLS;
        OutgoingCalls.Call index = calls.stream().filter(c -> c.path().equals("/api/v1/index/documents/" + id))
                .findFirst().orElseThrow();
        assertThat(index.method()).isEqualTo("PUT");
        assertThat(index.apiKey()).isEqualTo(ProductionRulesProfile.KEY_FOR_QUERY);
        // Both calls for this document run in one trace (ProcessingTrace), so they carry one trace id.
        assertThat(index.traceId()).matches("[0-9a-f]{32}");
        List<OutgoingCalls.Call> extractions = calls.stream()
                .filter(c -> c.path().equals("/api/v1/extractions") && index.traceId().equals(c.traceId())).toList();
        assertThat(extractions).hasSize(1);
        assertThat(extractions.get(0).apiKey()).as("extraction-service is internal: no key").isNull();
    }
}
