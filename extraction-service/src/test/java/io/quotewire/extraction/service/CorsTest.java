package io.quotewire.extraction.service;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.quotewire.web.CorsContract;

/**
 * CORS switched on for one origin: the same properties and checks as ingest-service and query-service
 * ({@link CorsContract}); this service has no access rules (it is internal), so a broken extraction is a 400.
 */
@QuarkusTest
@TestProfile(CorsProfile.class)
class CorsTest extends CorsContract {

    CorsTest() {
        super("/q/health/live", "POST", "/api/v1/extractions", 400);
    }
}
