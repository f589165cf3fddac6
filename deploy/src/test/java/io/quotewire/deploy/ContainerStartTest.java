package io.quotewire.deploy;

import io.quotewire.testsupport.LocalPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each packaged service, started as its container would be ({@link ContainerProcess}), answers
 * the endpoints its Deployment's probes ask, and stops on SIGTERM within the grace period.
 *
 * <p>Needs {@code <service>/target/quarkus-app} (the full build packages the services before this
 * module); without it the test is skipped and says so.
 */
class ContainerStartTest {

    private static LocalPostgres postgres;

    static Stream<String> services() {
        return Stream.of("extraction-service", "query-service", "ingest-service");
    }

    @BeforeAll
    static void database() throws Exception {
        postgres = ContainerProcess.databaseAsTheLocalOverlaySetsItUp();
    }

    @AfterAll
    static void stopDatabase() {
        if (postgres != null) {
            postgres.close();
        }
    }

    @ParameterizedTest
    @MethodSource("services")
    void startsAndAnswersItsProbesWithTheDeploymentsSettings(String service) throws Exception {
        Assumptions.assumeTrue(ContainerProcess.packaged(service), ContainerProcess.notPackaged(service));
        boolean stopped;
        try (ContainerProcess app = ContainerProcess.start(service, postgres, Map.of())) {
            Map<String, Integer> probes = app.awaitProbes();
            assertThat(probes).as(app.tail()).containsOnly(
                    Map.entry("/q/health/started", 200), Map.entry("/q/health/ready", 200),
                    Map.entry("/q/health/live", 200));
            stopped = app.stop();
            assertThat(stopped).as(service + " stops on SIGTERM within the grace period").isTrue();
            assertThat(app.answers()).as(service + ": no JVM left behind the entrypoint's shell").isFalse();
        }
    }
}
