package io.quotewire.ingest.admission;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.quotewire.ingest.support.Stubs;
import io.quotewire.testsupport.PostgresTestResource;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** A full outbox refuses new articles with 429 and Retry-After, and stores nothing of them. */
@QuarkusTest
@TestProfile(BackPressureProfile.class)
@QuarkusTestResource(value = PostgresTestResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = Stubs.class, restrictToAnnotatedClass = false)
class BackPressureTest {

    @Inject
    DataSource dataSource;

    private static Response post(String marker) {
        return given().contentType(ContentType.JSON)
                .body(Map.of("title", "Harbour", "text", "\"We will dredge the harbour,\" the mayor said. " + marker))
                .when().post("/api/v1/documents");
    }

    @Test
    void whileTheOutboxIsFullArticlesAreRefusedWith429AndNothingIsStored() throws Exception {
        String first = UUID.randomUUID().toString();
        int status = post(first).statusCode();
        assertThat(status).isIn(202, 429); // 429 when earlier tests left documents waiting
        assertThat(waiting()).isPositive();

        String refused = UUID.randomUUID().toString();
        Response r = post(refused);
        assertThat(r.statusCode()).isEqualTo(429);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.header("Retry-After")).isEqualTo("5");
        assertThat(r.jsonPath().getString("detail")).contains("waiting to be processed");
        assertThat(stored(refused)).isZero();

        // the same for a URL to fetch and for a batch: refused before anything is read or fetched
        given().contentType(ContentType.JSON).body(Map.of("url", "http://127.0.0.1:9/never-fetched"))
                .when().post("/api/v1/fetches").then().statusCode(429).header("Retry-After", "5");
        String batched = UUID.randomUUID().toString();
        given().contentType("application/x-ndjson").body(("{\"text\":\"A batched article. " + batched + "\"}\n").getBytes(StandardCharsets.UTF_8))
                .when().post("/api/v1/documents/batch").then().statusCode(429);
        assertThat(stored(batched)).isZero();
    }

    private long waiting() throws Exception {
        return count("SELECT count(*) FROM document WHERE status IN ('RECEIVED', 'EXTRACTED')", null);
    }

    private long stored(String marker) throws Exception {
        return count("SELECT count(*) FROM document WHERE text LIKE ?", "%" + marker + "%");
    }

    private long count(String sql, String parameter) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            if (parameter != null) {
                s.setString(1, parameter);
            }
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }
}
