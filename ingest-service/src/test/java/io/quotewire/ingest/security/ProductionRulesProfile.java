package io.quotewire.ingest.security;

import io.quarkus.test.junit.QuarkusTestProfile;
import io.quotewire.security.TestCredentials;

import java.util.HashMap;
import java.util.Map;

/**
 * Every access rule on, as in the production overlay (reads need reader, writes writer, retry admin),
 * and ingest-service's own key for query-service set.
 */
public class ProductionRulesProfile implements QuarkusTestProfile {

    public static final String KEY_FOR_QUERY = "ingest-to-query-" + "k".repeat(24);

    @Override
    public Map<String, String> getConfigOverrides() {
        Map<String, String> config = new HashMap<>(TestCredentials.productionRules());
        config.put("quotewire.query.api-key", KEY_FOR_QUERY);
        return config;
    }
}
