package io.quotewire.query;

import io.restassured.http.ContentType;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;

/**
 * Builds an IndexedDocument payload the way extraction-service would answer for a small article:
 * mention and quote offsets are computed from the text, so they always point at the right words.
 */
final class Article {

    private final String title;
    private final String text;
    private String publishedAt;
    private String receivedAt;
    private String source = "Test Wire";
    private UUID familyId;
    private final List<Map<String, Object>> entities = new ArrayList<>();
    private final List<Map<String, Object>> quotes = new ArrayList<>();

    private Article(String title, String text) {
        this.title = title;
        this.text = text;
    }

    static Article of(String title, String publishedAt, String text) {
        Article a = new Article(title, text);
        a.publishedAt = publishedAt;
        return a;
    }

    Article receivedAt(String receivedAt) {
        this.receivedAt = receivedAt;
        return this;
    }

    Article family(UUID familyId) {
        this.familyId = familyId;
        return this;
    }

    Article source(String source) {
        this.source = source;
        return this;
    }

    /** An entity whose mentions are every occurrence of the surface forms (longest first, no overlaps). */
    Article entity(String id, String name, String type, List<String> aliases, List<String> titles, String... surfaces) {
        List<int[]> taken = new ArrayList<>();
        List<Map<String, Object>> mentions = new ArrayList<>();
        List<String> forms = new ArrayList<>(List.of(surfaces));
        forms.sort(Comparator.comparingInt(String::length).reversed());
        for (String form : forms) {
            for (int at = text.indexOf(form); at >= 0; at = text.indexOf(form, at + 1)) {
                int start = at;
                int end = at + form.length();
                if (taken.stream().noneMatch(t -> start < t[1] && t[0] < end)) {
                    taken.add(new int[] {start, end});
                    mentions.add(span(form, start));
                }
            }
        }
        if (mentions.isEmpty()) {
            throw new IllegalArgumentException(name + " is not in the text");
        }
        mentions.sort(Comparator.comparingInt(m -> (Integer) m.get("start")));
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("id", id);
        e.put("name", name);
        e.put("type", type);
        e.put("aliases", aliases);
        e.put("titles", titles);
        e.put("mentions", mentions);
        entities.add(e);
        return this;
    }

    /** A quote found in the text; speakerEntity may be null (then only the speaker name is given). */
    Article quote(String quoted, String type, String speakerEntity, String speakerName, String cue) {
        int start = text.indexOf(quoted);
        if (start < 0) {
            throw new IllegalArgumentException("quote not in the text: " + quoted);
        }
        Map<String, Object> q = new LinkedHashMap<>();
        q.put("text", quoted);
        q.put("type", type);
        q.put("start", start);
        q.put("end", start + quoted.length());
        if (speakerName != null) {
            Map<String, Object> speaker = new LinkedHashMap<>();
            speaker.put("name", speakerName);
            if (speakerEntity != null) {
                speaker.put("entityId", speakerEntity);
            }
            q.put("speaker", speaker);
        }
        if (cue != null) {
            q.put("cue", span(cue, text.indexOf(cue)));
        }
        q.put("parts", new ArrayList<>(List.of(span(quoted, start))));
        q.put("confidence", 0.9);
        quotes.add(q);
        return this;
    }

    /**
     * A quotation of several parts (each found in the text after the one before), as extraction-service
     * answers one interrupted by its attribution: text the parts joined by a space, start and end those
     * of the first and last part, the cue the first after the first part.
     */
    Article quoteInParts(String type, String speakerEntity, String speakerName, String cue, String... parts) {
        List<Map<String, Object>> spans = new ArrayList<>();
        int from = 0;
        for (String part : parts) {
            int at = text.indexOf(part, from);
            if (at < 0) {
                throw new IllegalArgumentException("part not in the text: " + part);
            }
            spans.add(span(part, at));
            from = at + part.length();
        }
        quote(parts[0], type, speakerEntity, speakerName, null);
        Map<String, Object> q = lastQuote();
        q.put("text", String.join(" ", parts));
        q.put("end", spans.get(spans.size() - 1).get("end"));
        q.put("parts", spans);
        if (cue != null) {
            q.put("cue", span(cue, text.indexOf(cue, (Integer) spans.get(0).get("end"))));
        }
        return this;
    }

    /**
     * How the last quote's speaker was reached, and the words it was reached from (the nearest before
     * the quote's cue, else after the quote; null: no mention, as for CONTINUED).
     */
    @SuppressWarnings("unchecked")
    Article resolved(String resolution, String mention) {
        Map<String, Object> q = lastQuote();
        Map<String, Object> speaker = (Map<String, Object>) q.get("speaker");
        speaker.put("resolution", resolution);
        if (mention != null) {
            Map<String, Object> cue = (Map<String, Object>) q.get("cue");
            int at = cue != null ? text.lastIndexOf(mention, (Integer) cue.get("start"))
                    : text.indexOf(mention, (Integer) q.get("end"));
            speaker.put("mention", span(mention, at));
        }
        return this;
    }

    /** The last quote as extractions made before quotes had parts answer it: no parts. */
    Article withoutParts() {
        lastQuote().remove("parts");
        return this;
    }

    /** The last quote's JSON, to change it (bad input). */
    Map<String, Object> lastQuote() {
        return quotes.get(quotes.size() - 1);
    }

    Map<String, Object> body() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("title", title);
        body.put("source", source);
        body.put("url", "https://news.example/" + Math.abs(title.hashCode()));
        if (publishedAt != null) {
            body.put("publishedAt", publishedAt);
        }
        if (receivedAt != null) {
            body.put("receivedAt", receivedAt);
        }
        if (familyId != null) {
            body.put("familyId", familyId.toString());
        }
        body.put("text", text);
        Map<String, Object> extraction = new LinkedHashMap<>();
        extraction.put("quotes", quotes);
        extraction.put("entities", entities);
        extraction.put("extractorVersion", "test-1");
        body.put("extraction", extraction);
        return body;
    }

    /** PUT to the index; returns the document id. */
    UUID push(UUID id) {
        given().contentType(ContentType.JSON).body(body())
                .when().put("/api/v1/index/documents/{id}", id)
                .then().statusCode(204);
        return id;
    }

    UUID push() {
        return push(UUID.randomUUID());
    }

    private Map<String, Object> span(String surface, int start) {
        if (start < 0) {
            throw new IllegalArgumentException("not in the text: " + surface);
        }
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("text", surface);
        s.put("start", start);
        s.put("end", start + surface.length());
        return s;
    }
}
