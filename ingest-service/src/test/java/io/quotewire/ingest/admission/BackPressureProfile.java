package io.quotewire.ingest.admission;

import io.quarkus.test.junit.QuarkusTestProfile;

import java.util.Map;

/** An outbox that is full at one waiting document, counted afresh on every request, and no worker to drain it. */
public class BackPressureProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("quotewire.admission.max-waiting", "1",
                "quotewire.admission.refresh", "0s",
                "quotewire.worker.enabled", "false");
    }
}
