package io.quotewire.query.security;

import io.quarkus.test.junit.QuarkusTestProfile;
import io.quotewire.security.TestCredentials;

import java.util.Map;

/** Every access rule on, as in the production overlay: reads need reader, writes writer, corrections admin. */
public class ProductionRulesProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return TestCredentials.productionRules();
    }
}
