package io.quotewire.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Grafana dashboard and the Prometheus alert rules (deploy/monitoring): valid JSON / YAML, the
 * fields Grafana and Prometheus need, well-formed expressions, alerts for the queue backing up, old
 * waiting documents and extraction failures, and only metric names the services' code registers
 * (ingest-service's observability package) or Quarkus provides. StackTest checks the same names
 * against a live scrape of the three services.
 */
class MonitoringTest {

    /** HTTP metrics Quarkus' Micrometer extension registers for every service. */
    static final Set<String> QUARKUS_HTTP = Set.of("http_server_requests_seconds_count", "http_server_requests_seconds_sum",
            "http_server_requests_seconds_max", "http_client_requests_seconds_count");

    @Test
    void theDashboardIsGrafanaJsonWithAQueryInEveryPanel() {
        JsonNode dashboard = Monitoring.dashboard();
        assertThat(dashboard.path("title").asText()).isNotBlank();
        assertThat(dashboard.path("uid").asText()).matches("[a-z0-9-]{1,40}");
        assertThat(dashboard.path("schemaVersion").isInt()).isTrue();
        assertThat(dashboard.path("panels").size()).isGreaterThanOrEqualTo(6);
        List<Integer> ids = new ArrayList<>();
        dashboard.path("panels").forEach(panel -> {
            ids.add(panel.path("id").asInt());
            assertThat(panel.path("title").asText()).isNotBlank();
            assertThat(panel.path("datasource").path("type").asText()).isEqualTo("prometheus");
            for (String pos : List.of("x", "y", "w", "h")) {
                assertThat(panel.path("gridPos").path(pos).isInt()).as(panel.path("title") + " gridPos." + pos).isTrue();
            }
            assertThat(panel.path("targets").size()).as(panel.path("title").asText()).isPositive();
            panel.path("targets").forEach(t -> assertThat(t.path("expr").asText()).isNotBlank());
        });
        assertThat(ids).doesNotHaveDuplicates();
    }

    @Test
    void theRulesAreAPrometheusRulesFileWithTheAlertsTheIssueAsksFor() {
        JsonNode rules = Monitoring.rules();
        assertThat(fieldNames(rules)).containsExactly("groups");
        List<String> alerts = new ArrayList<>();
        rules.path("groups").forEach(group -> {
            assertThat(group.path("name").asText()).isNotBlank();
            group.path("rules").forEach(rule -> {
                assertThat(Set.of("alert", "expr", "for", "labels", "annotations")).containsAll(fieldNames(rule));
                assertThat(rule.path("expr").asText()).isNotBlank();
                if (rule.has("for")) {
                    assertThat(rule.path("for").asText()).matches("[0-9]+[smhd]");
                }
                assertThat(rule.path("labels").path("severity").asText()).isIn("warning", "critical");
                assertThat(rule.path("annotations").path("summary").asText()).isNotBlank();
                alerts.add(rule.path("alert").asText());
            });
        });
        assertThat(alerts).doesNotHaveDuplicates().contains("QuotewireQueueBackingUp",
                "QuotewireDocumentsWaitingTooLong", "QuotewireExtractionFailing");
        assertThat(String.join("\n", Monitoring.expressions()))
                .contains("quotewire_queue_due_documents", "quotewire_queue_oldest_due_age_seconds",
                        "quotewire_processing_attempts_failed_total");
    }

    @Test
    void everyExpressionIsBalanced() {
        for (String expr : Monitoring.expressions()) {
            int round = 0;
            int square = 0;
            int curly = 0;
            boolean quoted = false;
            for (char c : expr.toCharArray()) {
                if (c == '"') {
                    quoted = !quoted;
                } else if (!quoted) {
                    round += c == '(' ? 1 : c == ')' ? -1 : 0;
                    square += c == '[' ? 1 : c == ']' ? -1 : 0;
                    curly += c == '{' ? 1 : c == '}' ? -1 : 0;
                    assertThat(Math.min(round, Math.min(square, curly))).as(expr).isGreaterThanOrEqualTo(0);
                }
            }
            assertThat(new int[] {round, square, curly}).as(expr).containsOnly(0);
            assertThat(quoted).as(expr).isFalse();
        }
    }

    @Test
    void everyMetricNameIsOneTheServicesRegister() throws IOException {
        Path observability = DeployDir.get().getParent()
                .resolve("ingest-service/src/main/java/io/quotewire/ingest/observability");
        StringBuilder code = new StringBuilder();
        try (Stream<Path> files = Files.list(observability)) {
            for (Path f : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                code.append(Files.readString(f));
            }
        }
        Set<String> names = Monitoring.metricNames();
        assertThat(names).isNotEmpty();
        for (String name : names) {
            if (name.startsWith("http_")) {
                assertThat(QUARKUS_HTTP).as(name).contains(name);
            } else {
                assertThat(code).as(name + " is registered as \"" + Monitoring.micrometerName(name) + "\"")
                        .contains("\"" + Monitoring.micrometerName(name) + "\"");
            }
        }
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
