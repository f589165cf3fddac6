package io.quotewire.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Service;
import io.quotewire.testsupport.LocalPostgres;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.net.URI;
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
             ContainerProcess extraction = ContainerProcess.start("extraction-service", postgres, Map.of());
             ContainerProcess query = ContainerProcess.start("query-service", postgres, Map.of())) {
            assertThat(extraction.awaitProbes().values()).as(extraction.tail()).containsOnly(200);
            assertThat(query.awaitProbes().values()).as(query.tail()).containsOnly(200);

            Map<String, String> dns = Map.of(
                    "QUOTEWIRE_EXTRACTION_URL", resolve(local, ingestConfig.get("QUOTEWIRE_EXTRACTION_URL"), "extraction-service", extraction),
                    "QUOTEWIRE_QUERY_URL", resolve(local, ingestConfig.get("QUOTEWIRE_QUERY_URL"), "query-service", query));
            try (ContainerProcess ingest = ContainerProcess.start("ingest-service", postgres, dns)) {
                assertThat(ingest.awaitProbes().values()).as(ingest.tail()).containsOnly(200);

                HttpResponse<String> posted = ContainerProcess.HTTP.send(HttpRequest.newBuilder(ingest.uri("/api/v1/documents"))
                        .header("Content-Type", "application/json")
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
            }
        }
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
