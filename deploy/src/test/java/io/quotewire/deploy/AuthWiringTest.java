package io.quotewire.deploy;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Secret;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Security and observability settings of the rendered overlays: API keys only from the Secret
 * quotewire-auth, ingest-service's key for query-service is one query-service accepts as a writer,
 * reads closed in production and open locally, nothing secret in a ConfigMap, JSON logs on.
 */
class AuthWiringTest {

    static Stream<String> overlays() {
        return Overlays.names().stream();
    }

    private static EnvVar env(Overlays.Overlay o, String workload, String name) {
        Container c = WiringTest.only(PodTemplates.named(o, workload).containers());
        return PodTemplates.env(c, name).orElseThrow(() -> new AssertionError(workload + " has no " + name));
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void apiKeysComeOnlyFromTheAuthSecret(String overlay) {
        Overlays.Overlay o = Overlays.get(overlay);
        for (String[] ref : new String[][] {{"ingest-service", "QUOTEWIRE_AUTH_API_KEYS", "ingest-api-keys"},
                {"ingest-service", "QUOTEWIRE_QUERY_API_KEY", "ingest-to-query-api-key"},
                {"query-service", "QUOTEWIRE_AUTH_API_KEYS", "query-api-keys"}}) {
            EnvVar e = env(o, ref[0], ref[1]);
            assertThat(e.getValue()).as(overlay + " " + ref[0] + " " + ref[1] + " has no literal value").isNull();
            assertThat(e.getValueFrom().getSecretKeyRef().getName()).startsWith("quotewire-auth");
            assertThat(e.getValueFrom().getSecretKeyRef().getKey()).isEqualTo(ref[2]);
        }
        assertThat(WiringTest.environment(o, PodTemplates.named(o, "extraction-service")).keySet())
                .as("extraction-service is internal: no authentication settings").noneMatch(k -> k.startsWith("QUOTEWIRE_AUTH"));
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void noConfigMapHoldsASecret(String overlay) {
        for (ConfigMap cm : Overlays.get(overlay).all(ConfigMap.class)) {
            for (Map.Entry<String, String> e : cm.getData().entrySet()) {
                if (e.getKey().equals("MP_JWT_VERIFY_PUBLICKEY_LOCATION") || e.getKey().equals("init-databases.sh")) {
                    continue; // where the public key is; the script reads its passwords from the environment
                }
                assertThat(e.getKey()).as(overlay + " ConfigMap " + cm.getMetadata().getName())
                        .doesNotContainIgnoringCase("PASSWORD").doesNotContainIgnoringCase("API_KEY")
                        .doesNotContainIgnoringCase("SECRET").doesNotContainIgnoringCase("TOKEN");
                assertThat(e.getValue()).as(overlay + " " + e.getKey()).doesNotContain("dev-only");
            }
        }
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void jsonLogsAreOnInTheCluster(String overlay) {
        Overlays.Overlay o = Overlays.get(overlay);
        for (String service : List.of("extraction-service", "ingest-service", "query-service")) {
            assertThat(WiringTest.environment(o, PodTemplates.named(o, service)))
                    .as(overlay + " " + service).containsEntry("QUARKUS_LOG_CONSOLE_JSON_ENABLED", "true");
        }
    }

    @Test
    void productionClosesReadsAndVerifiesTokensLocalKeepsReadsOpen() {
        Overlays.Overlay production = Overlays.get("production");
        Overlays.Overlay local = Overlays.get("local");
        for (String service : List.of("ingest-service", "query-service")) {
            Map<String, String> prod = WiringTest.environment(production, PodTemplates.named(production, service));
            assertThat(prod).containsEntry("QUOTEWIRE_AUTH_READ_POLICY", "reader");
            assertThat(prod.get("QUOTEWIRE_AUTH_JWT_ISSUER")).startsWith("https://");
            assertThat(prod.get("MP_JWT_VERIFY_PUBLICKEY_LOCATION")).startsWith("https://");
            assertThat(WiringTest.environment(local, PodTemplates.named(local, service)))
                    .containsEntry("QUOTEWIRE_AUTH_READ_POLICY", "permit");
        }
        assertThat(production.all(Secret.class)).as("production generates no Secret").isEmpty();
    }

    @Test
    void localIngestKeyIsAWriterKeyOfQueryService() {
        Secret auth = Overlays.get("local").all(Secret.class).stream()
                .filter(s -> s.getMetadata().getName().startsWith("quotewire-auth")).findFirst().orElseThrow();
        String key = ContainerProcess.decode(auth, "ingest-to-query-api-key");
        assertThat(List.of(ContainerProcess.decode(auth, "query-api-keys").split(",")))
                .anySatisfy(entry -> {
                    String[] parts = entry.split(":");
                    assertThat(parts[2]).isEqualTo(key);
                    assertThat(List.of(parts[1].split("\\+"))).containsAnyOf("writer", "admin");
                });
        for (String keys : List.of("ingest-api-keys", "query-api-keys")) {
            assertThat(ContainerProcess.decode(auth, keys).split(","))
                    .allSatisfy(entry -> assertThat(entry).matches("[A-Za-z0-9._-]+:(reader|writer|admin)(\\+(reader|writer|admin))*:[A-Za-z0-9_-]{24,}"));
        }
    }
}
