package io.quotewire.deploy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The three Dockerfiles follow the Quarkus fast-jar layout, run as 185 and honour JAVA_OPTS_APPEND. */
class DockerfileTest {

    static Stream<String> services() {
        return WiringTest.SERVICES.keySet().stream().sorted();
    }

    @ParameterizedTest
    @MethodSource("services")
    void followsTheQuarkusLayoutAsANonRootUser(String service) throws IOException {
        Dockerfile d = Dockerfile.parse(Dockerfile.of(service));
        assertThat(d.from()).matches("(registry\\.access\\.redhat\\.com/ubi9/openjdk-17-runtime|eclipse-temurin:17-jre)(:.*)?");
        assertThat(d.user()).as("numeric non-root user, so runAsNonRoot can verify it").matches("185(:185)?");
        assertThat(d.expose()).containsExactly(WiringTest.SERVICES.get(service));
        assertThat(d.workdir()).isEqualTo("/deployments");
        assertThat(d.copies()).extracting(c -> c[0] + " -> " + c[1]).containsExactly(
                "target/quarkus-app/lib/ -> /deployments/lib/",
                "target/quarkus-app/*.jar -> /deployments/",
                "target/quarkus-app/app/ -> /deployments/app/",
                "target/quarkus-app/quarkus/ -> /deployments/quarkus/");
        assertThat(d.env().get("JAVA_OPTS")).contains("-XX:MaxRAMPercentage=").contains("-Djava.io.tmpdir=/tmp");
        assertThat(d.env()).containsKey("JAVA_OPTS_APPEND");
    }

    @ParameterizedTest
    @MethodSource("services")
    void startsJavaAsPid1WithTheDeploymentsOptionsLast(String service) throws IOException {
        List<String> entrypoint = Dockerfile.parse(Dockerfile.of(service)).entrypoint();
        assertThat(entrypoint).hasSize(3).startsWith("/bin/sh", "-c");
        String command = entrypoint.get(2);
        assertThat(command).startsWith("exec java ").endsWith("-jar /deployments/quarkus-run.jar");
        assertThat(command.indexOf("$JAVA_OPTS_APPEND")).as("JAVA_OPTS_APPEND after JAVA_OPTS, so it wins")
                .isGreaterThan(command.indexOf("$JAVA_OPTS "));
    }
}
