package io.quotewire.ingest.cors;

import io.quarkus.test.junit.QuarkusTestProfile;
import io.quotewire.security.TestCredentials;
import io.quotewire.web.CorsContract;

import java.util.HashMap;
import java.util.Map;

/** CORS on for {@link CorsContract#ORIGIN}, with every access rule on as in the production overlay. */
public class CorsProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        Map<String, String> config = new HashMap<>(TestCredentials.productionRules());
        config.putAll(CorsContract.enabledFor(CorsContract.ORIGIN));
        return config;
    }
}
