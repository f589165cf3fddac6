package io.quotewire.query.security;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.quotewire.security.AccessRules;
import io.quotewire.security.TestCredentials;
import io.quotewire.security.WriteAccessContract;
import io.quotewire.testsupport.PostgresTestResource;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;


import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;

/**
 * One test per access rule of query-service, with the rules as the production overlay sets them
 * ({@link ProductionRulesProfile}): indexing needs writer, reads need reader, corrections of entities
 * need admin; credentials are an X-API-Key or a bearer JWT; every refusal is problem+json.
 */
@QuarkusTest
@TestProfile(ProductionRulesProfile.class)
@QuarkusTestResource(value = PostgresTestResource.class, restrictToAnnotatedClass = false)
class SecurityTest extends WriteAccessContract {

    private static final String DOCUMENT = "{\"title\":\"Security\",\"text\":\"The minister said nothing.\","
            + "\"extraction\":{\"entities\":[],\"quotes\":[]}}";

    SecurityTest() {
        super(SecurityTest::index, 204);
    }

    private static ValidatableResponse index(RequestSpecification request) {
        return request.contentType(ContentType.JSON).body(DOCUMENT)
                .when().put("/api/v1/index/documents/{id}", UUID.randomUUID()).then();
    }

    @Test
    void closedReadsNeedTheReaderRole() {
        AccessRules.problem(given().get("/api/v1/quotes").then(), 401);
        given().header("X-API-Key", TestCredentials.READER_KEY).get("/api/v1/quotes").then().statusCode(200);
        given().auth().oauth2(TestCredentials.token("reader")).get("/api/v1/entities").then().statusCode(200);
        given().header("X-API-Key", TestCredentials.WRITER_KEY).queryParam("q", "minister").get("/api/v1/documents")
                .then().statusCode(200);
    }

    @Test
    void correctionsOfEntitiesNeedAdmin() {
        // Whatever correction endpoints exist under /api/v1/entities/ (merge, split): a writer is refused
        // before any resource is reached; an admin gets past the rule (to a 404/405 when no such endpoint exists).
        AccessRules.problem(given().header("X-API-Key", TestCredentials.WRITER_KEY).contentType(ContentType.JSON).body("{}")
                .post("/api/v1/entities/1/merge").then(), 403);
        AccessRules.problem(given().auth().oauth2(TestCredentials.token("writer")).contentType(ContentType.JSON).body("{}")
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
    void anOversizeBodyIs413() {
        byte[] big = new byte[1024 * 1024 + 1];
        java.util.Arrays.fill(big, (byte) 'a');
        AccessRules.problem(given().header("X-API-Key", TestCredentials.WRITER_KEY).contentType(ContentType.JSON)
                .body(big).put("/api/v1/index/documents/{id}", UUID.randomUUID()).then(), 413);
    }

    @Test
    void anOverlongQueryParameterIs400() {
        AccessRules.problem(given().header("X-API-Key", TestCredentials.READER_KEY).queryParam("q", "a".repeat(501))
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
        AccessRules.problem(request.get("/api/v1/quotes").then(), 400);
    }

    @Test
    void pageSizeIsLimited() {
        AccessRules.problem(given().header("X-API-Key", TestCredentials.READER_KEY).queryParam("limit", 201)
                .get("/api/v1/quotes").then(), 400);
    }

}
