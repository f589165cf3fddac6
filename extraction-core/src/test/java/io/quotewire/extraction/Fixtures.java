package io.quotewire.extraction;

import java.util.List;
import java.util.Optional;

/** Shared extractor and small lookups for the tests. */
final class Fixtures {
    static final Extractor EXTRACTOR = new Extractor();

    private Fixtures() {
    }

    static Extraction extract(String text) {
        Extraction x = EXTRACTOR.extract(text, null);
        // every offset must point at the reported words
        for (Quote q : x.quotes()) {
            if (!text.substring(q.start(), q.end()).equals(q.text())) {
                throw new AssertionError("quote offsets do not match its text: " + q);
            }
        }
        for (Entity e : x.entities()) {
            for (Span s : e.mentions()) {
                if (!text.substring(s.start(), s.end()).equals(s.text())) {
                    throw new AssertionError("mention offsets do not match its text: " + s);
                }
            }
        }
        return x;
    }

    static Quote quote(Extraction x, String startsWith) {
        return x.quotes().stream().filter(q -> q.text().startsWith(startsWith)).findFirst()
                .orElseThrow(() -> new AssertionError("no quote starting with '" + startsWith + "' in " + texts(x)));
    }

    static String speaker(Extraction x, String quoteStart) {
        Speaker s = quote(x, quoteStart).speaker();
        return s == null ? null : s.name();
    }

    static List<String> texts(Extraction x) {
        return x.quotes().stream().map(Quote::text).toList();
    }

    static Optional<Entity> entity(Extraction x, String name) {
        return x.entities().stream().filter(e -> e.name().equals(name)).findFirst();
    }

    static List<String> names(Extraction x, EntityType type) {
        return x.entities().stream().filter(e -> e.type() == type).map(Entity::name).toList();
    }
}
