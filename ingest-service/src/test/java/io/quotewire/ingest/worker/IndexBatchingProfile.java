package io.quotewire.ingest.worker;

import io.quarkus.test.junit.QuarkusTestProfile;

import java.util.Map;

/** The batched hand-off as in production, with a linger long enough that documents posted together meet in a batch. */
public class IndexBatchingProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("quotewire.worker.index-batch-size", "4",
                "quotewire.worker.index-linger", "300ms",
                "quotewire.worker.batch-size", "8");
    }
}
