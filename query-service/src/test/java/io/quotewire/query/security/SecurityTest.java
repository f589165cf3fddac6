package io.quotewire.query.security;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.quotewire.security.TestCredentials;
import io.quotewire.testsupport.PostgresTestResource;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;


import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

/**
 * One test per access rule of query-service, with the rules as the production overlay sets them
 * ({@link ProductionRulesProfile}): indexing needs writer, reads need reader, corrections of entities
 * need admin; credentials are an X-API-Key or a bearer JWT; every refusal is problem+json.
 */
@QuarkusTest
@TestProfile(ProductionRulesProfile.class)
@QuarkusTestResource(value = PostgresTestResource.class, restrictToAnnotatedClass = false)
class SecurityTest {

    private static final String DOCUMENT = "{\"title\":\"Security\",\"text\":\"The minister said nothing.\","
            + "\"extraction\":{\"entities\":[],\"quotes\":[]}}";

    private static ValidatableResponse index(RequestSpecification request) {
        return request.contentType(ContentType.JSON).body(DOCUMENT)
                .when().put("/api/v1/index/documents/{id}", UUID.randomUUID()).then();
    }

    private static ValidatableResponse problem(ValidatableResponse response, int status) {
        return response.statusCode(status)
                .contentType(startsWith("application/problem+json"))
                .body("status", equalTo(status));
    }

    @Test
    void indexingWithoutCredentialsIs401WithAChallenge() {
        problem(index(given()), 401)
                .header("WWW-Authenticate", containsString("Bearer"))
                .body("detail", containsString("X-API-Key"));
    }

    @Test
    void indexingWithAnUnknownApiKeyIs401() {
        problem(index(given().header("X-API-Key", "not-a-configured-key-0000000000")), 401);
        problem(index(given().header("X-API-Key", "")), 401);
    }

    @Test
    void indexingWithTheReaderRoleIs403() {
        problem(index(given().header("X-API-Key", TestCredentials.READER_KEY)), 403);
        problem(index(given().auth().oauth2(TestCredentials.token("reader"))), 403);
    }

    @Test
    void indexingWithTheWriterRoleIsAllowed() {
        index(given().header("X-API-Key", TestCredentials.WRITER_KEY)).statusCode(204);
        index(given().auth().oauth2(TestCredentials.token("writer"))).statusCode(204);
        index(given().header("X-API-Key", TestCredentials.ADMIN_KEY)).statusCode(204);
    }

    @Test
    void invalidTokensAre401() {
        problem(index(given().auth().oauth2(TestCredentials.expiredToken("writer"))), 401);
        problem(index(given().auth().oauth2(TestCredentials.tokenFromOtherIssuer("writer"))), 401);
        problem(index(given().auth().oauth2(TestCredentials.tokenSignedByStranger("writer"))), 401);
        problem(index(given().auth().oauth2("not.a.jwt")), 401);
    }

    @Test
    void closedReadsNeedTheReaderRole() {
        problem(given().get("/api/v1/quotes").then(), 401);
        given().header("X-API-Key", TestCredentials.READER_KEY).get("/api/v1/quotes").then().statusCode(200);
        given().auth().oauth2(TestCredentials.token("reader")).get("/api/v1/entities").then().statusCode(200);
        given().header("X-API-Key", TestCredentials.WRITER_KEY).queryParam("q", "minister").get("/api/v1/documents")
                .then().statusCode(200);
    }

    @Test
    void correctionsOfEntitiesNeedAdmin() {
        // Whatever correction endpoints exist under /api/v1/entities/ (merge, split): a writer is refused
        // before any resource is reached; an admin gets past the rule (to a 404/405 when no such endpoint exists).
        problem(given().header("X-API-Key", TestCredentials.WRITER_KEY).contentType(ContentType.JSON).body("{}")
                .post("/api/v1/entities/1/merge").then(), 403);
        problem(given().auth().oauth2(TestCredentials.token("writer")).contentType(ContentType.JSON).body("{}")
                .post("/api/v1/entities/1/split").then(), 403);
        int admin = given().header("X-API-Key", TestCredentials.ADMIN_KEY).contentType(ContentType.JSON).body("{}")
                .post("/api/v1/entities/1/merge").then().extract().statusCode();
        org.assertj.core.api.Assertions.assertThat(admin).isNotIn(401, 403);
    }

    @Test
    void otherMethodsAreDenied() {
        given().header("X-API-Key", TestCredentials.ADMIN_KEY).options("/api/v1/quotes").then().statusCode(403);
    }

    @Test
    void healthAndMetricsStayOpenForProbesAndScrapers() {
        given().get("/q/health/ready").then().statusCode(200);
        given().get("/q/metrics").then().statusCode(200);
    }

    @Test
    void anOversizeBodyIs413() {
        byte[] big = new byte[1024 * 1024 + 1];
        java.util.Arrays.fill(big, (byte) 'a');
        problem(given().header("X-API-Key", TestCredentials.WRITER_KEY).contentType(ContentType.JSON)
                .body(big).put("/api/v1/index/documents/{id}", UUID.randomUUID()).then(), 413);
    }

    @Test
    void anOverlongQueryParameterIs400() {
        problem(given().header("X-API-Key", TestCredentials.READER_KEY).queryParam("q", "a".repeat(501))
                .get("/api/v1/quotes").then(), 400).body("detail", containsString("'q'"));
        given().header("X-API-Key", TestCredentials.READER_KEY).queryParam("q", "a".repeat(500))
                .get("/api/v1/quotes").then().statusCode(200);
    }

    @Test
    void tooManyQueryParametersIs400() {
        RequestSpecification request = given().header("X-API-Key", TestCredentials.READER_KEY);
        for (int i = 0; i < 21; i++) {
            request = request.queryParam("p" + i, "x");
        }
        problem(request.get("/api/v1/quotes").then(), 400);
    }

    @Test
    void pageSizeIsLimited() {
        problem(given().header("X-API-Key", TestCredentials.READER_KEY).queryParam("limit", 201)
                .get("/api/v1/quotes").then(), 400);
    }

}
