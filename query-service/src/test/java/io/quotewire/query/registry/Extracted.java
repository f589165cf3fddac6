package io.quotewire.query.registry;

import io.quotewire.extraction.Extraction;
import io.quotewire.extraction.Extractor;
import io.quotewire.query.api.model.Entity;
import io.quotewire.query.api.model.EntityType;
import io.quotewire.query.api.model.IndexedDocument;
import io.quotewire.query.api.model.Quote;
import io.quotewire.query.api.model.QuoteType;
import io.quotewire.query.api.model.Span;
import io.quotewire.query.api.model.Speaker;
import io.quotewire.query.api.model.SpeakerResolution;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
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
                .extraction(new io.quotewire.query.api.model.Extraction()
                        .extractorVersion("test")
                        .entities(new ArrayList<>(x.entities().stream().map(Extracted::entity).toList()))
                        .quotes(new ArrayList<>(x.quotes().stream().map(Extracted::quote).toList())));
        return new Article(label, UUID.nameUUIDFromBytes(label.getBytes(StandardCharsets.UTF_8)), doc);
    }

    private static Entity entity(io.quotewire.extraction.Entity e) {
        return new Entity().id(e.id()).name(e.name()).type(EntityType.fromValue(e.type().name()))
                .aliases(new ArrayList<>(e.aliases())).titles(new ArrayList<>(e.titles()))
                .mentions(new ArrayList<>(e.mentions().stream().map(Extracted::span).toList()));
    }

    private static Quote quote(io.quotewire.extraction.Quote q) {
        return new Quote().text(q.text()).type(QuoteType.fromValue(q.type().name())).start(q.start()).end(q.end())
                .parts(new ArrayList<>(q.parts().stream().map(Extracted::span).toList())).speaker(speaker(q.speaker()))
                .cue(span(q.cue())).sentence(span(q.sentence())).confidence(q.confidence());
    }

    private static Speaker speaker(io.quotewire.extraction.Speaker s) {
        if (s == null) {
            return null;
        }
        return new Speaker().name(s.name()).entityId(s.entityId())
                .type(s.type() == null ? null : EntityType.fromValue(s.type().name()))
                .mention(span(s.mention()))
                .resolution(s.resolution() == null ? null : SpeakerResolution.fromValue(s.resolution().name()));
    }

    private static Span span(io.quotewire.extraction.Span s) {
        return s == null ? null : new Span().text(s.text()).start(s.start()).end(s.end());
    }
}
