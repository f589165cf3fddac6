package io.quotewire.query.cors;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.quotewire.security.TestCredentials;
import io.quotewire.testsupport.PostgresTestResource;
import io.quotewire.web.CorsContract;
import io.restassured.specification.RequestSpecification;

import static io.restassured.RestAssured.given;

/**
 * CORS switched on for one origin, with the production access rules: a browser's preflight of an index write (and of a
 * closed read) is answered before authentication; the write itself still needs credentials ({@link CorsContract}).
 */
@QuarkusTest
@TestProfile(CorsProfile.class)
@QuarkusTestResource(value = PostgresTestResource.class, restrictToAnnotatedClass = false)
class CorsTest extends CorsContract {

    CorsTest() {
        super("/api/v1/quotes", "PUT", "/api/v1/index/documents/00000000-0000-4000-8000-000000000001", 401);
    }

    @Override
    protected RequestSpecification reader() {
        return given().header("X-API-Key", TestCredentials.READER_KEY);
    }
}
