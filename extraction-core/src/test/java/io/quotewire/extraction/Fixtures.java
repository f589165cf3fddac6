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
            for (Span part : q.parts()) {
                if (!text.substring(part.start(), part.end()).equals(part.text())) {
                    throw new AssertionError("quote part offsets do not match its text: " + q);
                }
            }
            String joined = String.join(" ", q.parts().stream().map(Span::text).toList());
            if (!joined.equals(q.text()) || q.parts().get(0).start() != q.start()
                    || q.parts().get(q.parts().size() - 1).end() != q.end()) {
                throw new AssertionError("quote text, start and end do not match its parts: " + q);
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
