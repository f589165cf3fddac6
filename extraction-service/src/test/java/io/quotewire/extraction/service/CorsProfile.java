package io.quotewire.extraction.service;

import io.quarkus.test.junit.QuarkusTestProfile;
import io.quotewire.web.CorsContract;

import java.util.Map;

/** CORS on for {@link CorsContract#ORIGIN}. */
public class CorsProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return CorsContract.enabledFor(CorsContract.ORIGIN);
    }
}
