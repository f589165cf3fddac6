package io.quotewire.web;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ProblemsTest {

    @Test
    void writesRfc9457MembersAndTheParameterWhenThereIsOne() {
        JsonObject p = new JsonObject(Problems.json(400, "Bad Request", "unknown query parameter 'speakr'",
                "/api/v1/quotes", "speakr"));
        assertThat(p.getString("type")).isEqualTo("about:blank");
        assertThat(p.getInteger("status")).isEqualTo(400);
        assertThat(p.getString("instance")).isEqualTo("/api/v1/quotes");
        assertThat(p.getString("parameter")).isEqualTo("speakr");
        assertThat(new JsonObject(Problems.json(404, "Not Found", "no such document", null, null)).fieldNames())
                .containsExactlyInAnyOrder("type", "title", "status", "detail");
    }

    @Test
    void aRetryAfterGoesWithA503() {
        var r = Problems.response(503, "Service Unavailable", "busy", "/x", null, 2);
        assertThat(r.getStatus()).isEqualTo(503);
        assertThat(r.getHeaderString("Retry-After")).isEqualTo("2");
        assertThat(r.getMediaType().toString()).isEqualTo(Problems.PROBLEM_JSON);
    }
}
