package io.quotewire.ingest.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * Test resource starting the stand-ins for extraction-service and query-service and pointing the
 * application at them. The extraction stand-in answers a deterministic extraction of the text it
 * receives: one DIRECT quote (the first 20 characters) and one entity.
 */
public class Stubs implements QuarkusTestResourceLifecycleManager {

    public static final String STUB_VERSION = "stub-1";

    private static final ObjectMapper JSON = new ObjectMapper();

    public static volatile StubService extraction;
    public static volatile StubService query;

    @Override
    public Map<String, String> start() {
        extraction = new StubService("extraction-service", 200, Stubs::extract).start();
        query = new StubService("query-service", 204, Stubs::index).start();
        return Map.of(
                "quotewire.extraction.url", extraction.url(),
                "quotewire.query.url", query.url());
    }

    @Override
    public void stop() {
        if (extraction != null) {
            extraction.stop();
        }
        if (query != null) {
            query.stop();
        }
    }

    private static String extract(StubService.Received request) {
        try {
            JsonNode body = JSON.readTree(request.body());
            String text = body.path("text").asText();
            int end = Math.min(20, text.length());
            java.util.List<Map<String, Object>> quotes = new java.util.ArrayList<>();
            quotes.add(Map.of(
                    "text", text.substring(0, end), "type", "DIRECT", "start", 0, "end", end,
                    "parts", java.util.List.of(span(text, 0, end)),
                    "speaker", Map.of("name", "Stub Speaker", "entityId", "e1", "type", "PERSON",
                            "mention", span(text, 0, Math.min(4, end)), "resolution", "NAME")));
            if (text.length() >= 30) {
                // a quotation in two parts from an unnamed source (no entity id), as extraction-service answers them
                quotes.add(Map.of(
                        "text", text.substring(0, 8) + " " + text.substring(10, 30), "type", "DIRECT", "start", 0, "end", 30,
                        "parts", java.util.List.of(span(text, 0, 8), span(text, 10, 30)),
                        "speaker", Map.of("name", "a senior adviser", "mention", span(text, 8, 10), "resolution", "UNNAMED")));
            }
            return JSON.writeValueAsString(Map.of(
                    "quotes", quotes,
                    "entities", java.util.List.of(Map.of(
                            "id", "e1", "name", "Stub Speaker", "type", "PERSON",
                            "aliases", java.util.List.of("Speaker"), "mentions", java.util.List.of())),
                    "extractorVersion", STUB_VERSION));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Text that query-service's stand-in rejects (as if it failed validation) when it comes in a batch. */
    public static final String REJECTED_IN_BATCH = "[the index rejects this]";

    /**
     * query-service's answer: none to a single push (204); to a batch, each document STORED, or
     * REJECTED with a problem when its text holds {@link #REJECTED_IN_BATCH}.
     */
    private static String index(StubService.Received request) {
        if (!request.path().equals("/api/v1/index/batches")) {
            return null;
        }
        try {
            java.util.List<Map<String, Object>> results = new java.util.ArrayList<>();
            for (JsonNode item : JSON.readTree(request.body()).path("documents")) {
                String id = item.path("id").asText();
                if (item.path("document").path("text").asText().contains(REJECTED_IN_BATCH)) {
                    results.add(Map.of("id", id, "status", "REJECTED", "problem",
                            Map.of("title", "Bad Request", "status", 400, "detail", "invalid document: stub rejects it")));
                } else {
                    results.add(Map.of("id", id, "status", "STORED"));
                }
            }
            return JSON.writeValueAsString(Map.of("results", results));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, Object> span(String text, int start, int end) {
        return Map.of("text", text.substring(start, end), "start", start, "end", end);
    }
}
