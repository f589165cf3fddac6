package io.quotewire.query.ui;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quotewire.extraction.Extraction;
import io.quotewire.extraction.Extractor;
import io.quotewire.query.ExtractionMapping;
import io.quotewire.query.api.model.IndexedDocument;
import io.restassured.http.ContentType;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import static io.restassured.RestAssured.given;

/**
 * The repository's {@code seeds/} articles as {@code ./quotewire up} loads them, without the other services:
 * each text extracted by extraction-core's rules (what extraction-service answers), its first line as the
 * title when it is a headline and {@code seeds/<file>} as its source (what ingest-service sends), pushed
 * through {@code PUT /api/v1/index/documents/{id}}. The seeds have no publication date; they are received a
 * minute apart in file order at a fixed time ({@link #RECEIVED}), so the pages and their screenshots are the
 * same from one day to the next.
 */
final class SeedArticles {

    /** One pushed seed: its document id, title and how many quotes the extraction found. */
    record Seed(UUID id, String file, String title, int quotes) {
    }

    /** When the first seed is received (the others follow a minute apart). */
    static final Instant RECEIVED = Instant.parse("2025-05-16T12:00:00Z");

    private SeedArticles() {
    }

    static Path directory() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path seeds = dir.resolve("seeds");
            if (Files.isDirectory(seeds) && Files.exists(dir.resolve("query-service"))) {
                return seeds;
            }
        }
        throw new IllegalStateException("no seeds/ directory above " + Path.of("").toAbsolutePath());
    }

    static List<Seed> push(ObjectMapper json) {
        Extractor extractor = new Extractor();
        List<Path> files;
        try (Stream<Path> s = Files.list(directory())) {
            files = s.filter(p -> p.toString().endsWith(".txt")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Seed> seeds = new java.util.ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            seeds.add(push(json, extractor, files.get(i), RECEIVED.plusSeconds(60L * i)));
        }
        return seeds;
    }

    private static Seed push(ObjectMapper json, Extractor extractor, Path file, Instant received) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String name = file.getFileName().toString();
        String title = headline(text);
        Extraction x = extractor.extract(text, title);
        IndexedDocument doc = new IndexedDocument().title(title).source("seeds/" + name).text(text)
                .receivedAt(received.atOffset(ZoneOffset.UTC)).extraction(ExtractionMapping.of(x, "quotewire-rules-1"));
        String body;
        try {
            body = json.writeValueAsString(doc);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        UUID id = UUID.nameUUIDFromBytes(("seeds/" + name).getBytes(StandardCharsets.UTF_8));
        given().contentType(ContentType.JSON).body(body).put("/api/v1/index/documents/" + id).then().statusCode(204);
        return new Seed(id, name, title, x.quotes().size());
    }

    /** ingest-service's rule: a short first line that does not end like a sentence, with more text after it. */
    static String headline(String text) {
        int nl = text.indexOf('\n');
        if (nl < 0 || text.substring(nl).isBlank()) {
            return null;
        }
        String line = text.substring(0, nl).strip();
        if (line.isEmpty() || line.length() >= 150 || ".!?…:;,".indexOf(line.charAt(line.length() - 1)) >= 0) {
            return null;
        }
        return line;
    }
}
