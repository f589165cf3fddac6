package io.quotewire.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Service;
import io.quotewire.testsupport.LocalPostgres;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.file.Files;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The three services started together with the local overlay's settings: an article posted to
 * ingest-service must travel through extraction-service to query-service, which proves that the
 * environment names and URLs in the manifests are the ones the services read. The only rewrite is
 * the one the cluster's DNS does: a Service name and port becomes the address of the process.
 * The article is posted with the local overlay's dev API key (a write needs one), ingest-service
 * indexes with its own key from the Secret, and the W3C trace context really crosses the processes:
 * the access logs of extraction-service and query-service show one trace id for the document. Then
 * every metric the dashboard and the alert rules read is in a live scrape of /q/metrics.
 */
class StackTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void anArticlePostedToIngestIsExtractedAndIndexed() throws Exception {
        for (String s : List.of("extraction-service", "query-service", "ingest-service")) {
            Assumptions.assumeTrue(ContainerProcess.packaged(s), ContainerProcess.notPackaged(s));
        }
        Overlays.Overlay local = Overlays.get("local");
        Map<String, String> ingestConfig = local.one(ConfigMap.class,
                PodTemplates.named(local, "ingest-service").containers().get(0).getEnvFrom().get(0)
                        .getConfigMapRef().getName()).getData();

        try (LocalPostgres postgres = ContainerProcess.databaseAsTheLocalOverlaySetsItUp();
             ContainerProcess extraction = ContainerProcess.start("extraction-service", postgres, ACCESS_LOG);
             ContainerProcess query = ContainerProcess.start("query-service", postgres, ACCESS_LOG)) {
            assertThat(extraction.awaitProbes().values()).as(extraction.tail()).containsOnly(200);
            assertThat(query.awaitProbes().values()).as(query.tail()).containsOnly(200);

            Map<String, String> dns = Map.of(
                    "QUOTEWIRE_EXTRACTION_URL", resolve(local, ingestConfig.get("QUOTEWIRE_EXTRACTION_URL"), "extraction-service", extraction),
                    "QUOTEWIRE_QUERY_URL", resolve(local, ingestConfig.get("QUOTEWIRE_QUERY_URL"), "query-service", query));
            Map<String, String> ingestEnv = new java.util.HashMap<>(dns);
            ingestEnv.putAll(ACCESS_LOG);
            try (ContainerProcess ingest = ContainerProcess.start("ingest-service", postgres, ingestEnv)) {
                assertThat(ingest.awaitProbes().values()).as(ingest.tail()).containsOnly(200);

                HttpResponse<String> anonymous = ContainerProcess.HTTP.send(HttpRequest.newBuilder(ingest.uri("/api/v1/documents"))
                        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{\"text\":\"x\"}"))
                        .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
                assertThat(anonymous.statusCode()).as("a write without credentials").isEqualTo(401);
                HttpResponse<String> posted = ContainerProcess.HTTP.send(HttpRequest.newBuilder(ingest.uri("/api/v1/documents"))
                        .header("Content-Type", "application/json")
                        .header("X-API-Key", devAdminKey())
                        .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of(
                                "title", "Deployment check",
                                "source", "deploy.quotewire.test",
                                "text", "\"The manifests are wired,\" the release engineer Ada Lovelace said on Tuesday."))))
                        .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
                assertThat(posted.statusCode()).as(posted.body()).isIn(200, 202);
                String id = JSON.readTree(posted.body()).get("id").asText();

                String status = "";
                JsonNode document = null;
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
                while (System.nanoTime() < deadline && !status.equals("INDEXED") && !status.equals("FAILED")) {
                    Thread.sleep(500);
                    HttpResponse<String> r = ContainerProcess.HTTP.send(HttpRequest.newBuilder(
                            ingest.uri("/api/v1/documents/" + id)).timeout(Duration.ofSeconds(10)).GET().build(),
                            HttpResponse.BodyHandlers.ofString());
                    if (r.statusCode() == 200) {
                        document = JSON.readTree(r.body());
                        status = document.path("status").asText();
                    }
                }
                assertThat(status).as("ingest's view of the document: " + document + "\n" + ingest.tail())
                        .isEqualTo("INDEXED");
                assertThat(query.get("/api/v1/documents/" + id)).as("query-service has the document").isEqualTo(200);

                // One trace id for this document's calls, as received by the two other services.
                String indexed = logLine(query, "PUT /api/v1/index/documents/" + id);
                String traceId = traceId(indexed);
                assertThat(logLine(extraction, "POST /api/v1/extractions"))
                        .as("extraction-service received the same trace").contains("traceparent=00-" + traceId + "-");
                // The log lines are JSON objects (JSON logs are on in the overlays) with the trace id as a field.
                assertThat(json(indexed).path("mdc").path("traceId").asText()).isEqualTo(traceId);
                assertThat(json(logLine(ingest, "POST /api/v1/documents")).path("mdc").path("traceId").asText())
                        .matches("[0-9a-f]{32}");

                String scrape = scrape(ingest) + scrape(extraction) + scrape(query);
                for (String metric : Monitoring.metricNames()) {
                    assertThat(scrape).as("a live scrape has " + metric).containsPattern("(?m)^" + metric + "[{ ]");
                }
            }
        }
    }

    /** Access log lines with the W3C trace context each request arrived with. */
    private static final Map<String, String> ACCESS_LOG = Map.of(
            "QUARKUS_HTTP_ACCESS_LOG_ENABLED", "true",
            "QUARKUS_HTTP_ACCESS_LOG_PATTERN", "%r %s traceparent=%{i,traceparent}");

    /** The dev-only admin key of the local overlay's Secret quotewire-auth (name:roles:key). */
    private static String devAdminKey() {
        io.fabric8.kubernetes.api.model.Secret auth = Overlays.get("local").all(io.fabric8.kubernetes.api.model.Secret.class)
                .stream().filter(s -> s.getMetadata().getName().startsWith("quotewire-auth")).findFirst().orElseThrow();
        return ContainerProcess.decode(auth, "ingest-api-keys").split(",")[0].split(":")[2];
    }

    private static String logLine(ContainerProcess process, String request) throws java.io.IOException {
        return Files.readAllLines(process.log()).stream().filter(l -> l.contains(request)).findFirst()
                .orElseThrow(() -> new AssertionError("no access log line for " + request + ": " + process.tail()));
    }

    private static String traceId(String accessLogLine) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("traceparent=00-([0-9a-f]{32})-[0-9a-f]{16}-[0-9a-f]{2}")
                .matcher(accessLogLine);
        assertThat(m.find()).as("a W3C traceparent in: " + accessLogLine).isTrue();
        return m.group(1);
    }

    private static JsonNode json(String line) {
        try {
            return JSON.readTree(line);
        } catch (java.io.IOException e) {
            throw new AssertionError("not a JSON log line: " + line, e);
        }
    }

    private static String scrape(ContainerProcess process) throws Exception {
        HttpResponse<String> r = ContainerProcess.HTTP.send(HttpRequest.newBuilder(process.uri("/q/metrics"))
                .header("Accept", "text/plain").timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(200);
        return r.body();
    }

    /** What cluster DNS does for ingest-service: Service name and port → the process serving it. */
    private static String resolve(Overlays.Overlay o, String url, String service, ContainerProcess target) {
        URI uri = URI.create(url);
        Service svc = o.one(Service.class, uri.getHost());
        assertThat(svc.getMetadata().getName()).isEqualTo(service);
        assertThat(svc.getSpec().getPorts()).anySatisfy(p -> assertThat(p.getPort()).isEqualTo(uri.getPort()));
        return URI.create("http://localhost:" + target.port() + uri.getRawPath()).toString().replaceAll("/$", "")
                + (uri.getRawPath().endsWith("/") ? "/" : "");
    }
}
