package io.quotewire.extraction.service;

import io.quarkus.test.junit.QuarkusTest;
import io.quotewire.web.CorsContract;
import org.junit.jupiter.api.Test;

/** CORS is off unless configured: no CORS header on a preflight or on a read from another origin. */
@QuarkusTest
class CorsOffTest {

    @Test
    void noCorsHeadersByDefault() {
        CorsContract.assertOff("/q/health/live", "POST", "/api/v1/extractions");
    }
}
