package io.quotewire.query.registry;

import io.quotewire.extraction.Extraction;
import io.quotewire.extraction.Extractor;
import io.quotewire.query.ExtractionMapping;
import io.quotewire.query.api.model.IndexedDocument;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Articles as ingest-service pushes them: the text and extraction-core's answer for it, mapped to
 * the index contract's model the way extraction-service maps it.
 */
final class Extracted {

    private static final Extractor EXTRACTOR = new Extractor();

    private Extracted() {
    }

    /** One article named {@code label}: its fixed id and what would be pushed. */
    record Article(String label, UUID id, IndexedDocument doc) {
    }

    /** The five seed articles of the repository, extracted. */
    static List<Article> seeds() {
        Path dir = Path.of("..", "seeds");
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.toString().endsWith(".txt")).sorted().map(p -> {
                try {
                    String text = Files.readString(p, StandardCharsets.UTF_8);
                    String label = p.getFileName().toString();
                    return article(label, text.lines().findFirst().orElse(label), text, "2025-02-01T00:00:00Z");
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Article article(String label, String title, String text, String publishedAt) {
        Extraction x = EXTRACTOR.extract(text, null);
        IndexedDocument doc = new IndexedDocument().title(title).source("Seed").text(text)
                .publishedAt(OffsetDateTime.parse(publishedAt))
                .extraction(ExtractionMapping.of(x, "test"));
        return new Article(label, UUID.nameUUIDFromBytes(label.getBytes(StandardCharsets.UTF_8)), doc);
    }
}
