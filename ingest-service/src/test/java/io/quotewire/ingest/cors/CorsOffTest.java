package io.quotewire.ingest.cors;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quotewire.testsupport.PostgresTestResource;
import io.quotewire.web.CorsContract;
import org.junit.jupiter.api.Test;

/** CORS is off unless configured: no CORS header on a preflight or on a read from another origin. */
@QuarkusTest
@QuarkusTestResource(value = PostgresTestResource.class, restrictToAnnotatedClass = false)
class CorsOffTest {

    @Test
    void noCorsHeadersByDefault() {
        CorsContract.assertOff("/api/v1/documents", "POST", "/api/v1/documents");
    }
}
