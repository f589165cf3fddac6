package io.quotewire.query;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quotewire.testsupport.PostgresTestResource;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

/**
 * A quotation interrupted by its attribution is one quote of several parts; a speaker says how it was
 * resolved; an UNNAMED source has no entity. Each is stored, validated and returned on every quote read
 * (search, by speaker, profile, article, clusters) and in the exports.
 */
@QuarkusTest
@QuarkusTestResource(value = PostgresTestResource.class, restrictToAnnotatedClass = false)
class QuotePartsTest extends IndexedOnce {

    static final String FIRST = "We are ready for the brelk accord,";
    static final String SECOND = "The Kelmora council is not.";
    static final String JOINED = FIRST + " " + SECOND;
    static final String TEXT = "Senator Idris Zorvath spoke in Kelmora. \"" + FIRST + "\" Zorvath said. \"" + SECOND + "\"\n\n"
            + "\"We will not wait for the brelk vote,\" he said. The Ostrand Police sealed the depot. "
            + "\"The brelk depot is closed,\" police said.";
    static final String COPY = "Idris Zorvath was in Kelmora again. \"" + FIRST + "\" the senator said. \"" + SECOND + "\"";

    private final UUID first = UUID.randomUUID();
    private final UUID copy = UUID.randomUUID();
    private final UUID legacy = UUID.randomUUID();

    static Article article() {
        return Article.of("Brelk accord", "2025-10-01T09:00:00Z", TEXT)
                .source("Brelk Wire")
                .entity("e1", "Idris Zorvath", "PERSON", List.of("Zorvath"), List.of("Senator"), "Idris Zorvath", "Zorvath")
                .entity("e2", "Kelmora", "LOCATION", List.of(), List.of(), "Kelmora")
                .entity("e3", "Ostrand Police", "ORGANIZATION", List.of("Police"), List.of(), "Ostrand Police")
                .quoteInParts("DIRECT", "e1", "Idris Zorvath", "said", FIRST, SECOND).resolved("NAME", "Zorvath")
                .quote("We will not wait for the brelk vote,", "DIRECT", "e1", "Idris Zorvath", "he said")
                .resolved("PRONOUN", "he")
                // "police" would otherwise join the document's one entity with that name, Ostrand Police
                .quote("The brelk depot is closed,", "DIRECT", null, "police", "police said").resolved("UNNAMED", "police");
    }

    @Override
    protected void indexArticles() {
        article().push(first);
        Article.of("Brelk accord (copy)", "2025-10-02T09:00:00Z", COPY)
                .source("Other Brelk Post")
                .entity("e1", "Idris Zorvath", "PERSON", List.of(), List.of(), "Idris Zorvath")
                .entity("e2", "Kelmora", "LOCATION", List.of(), List.of(), "Kelmora")
                .quoteInParts("DIRECT", "e1", "Idris Zorvath", "said", FIRST, SECOND).resolved("DESCRIPTION", "the senator")
                .push(copy);
        String old = "Idris Zorvath said the brelk talks \"went nowhere fast\" last year. \"Nobody trusts brelk.\"";
        Article talks = Article.of("Brelk talks", null, old)
                .entity("e1", "Idris Zorvath", "PERSON", List.of(), List.of(), "Idris Zorvath")
                .quote("went nowhere fast", "PARTIAL", "e1", "Idris Zorvath", "said").withoutParts()
                .quote("Nobody trusts brelk.", "DIRECT", null, null, null);
        talks.lastQuote().put("parts", List.of()); // as ingest-service pushes an old stored extraction on
        talks.push(legacy);
    }

    @Test
    void anInterruptedQuotationIsOneQuoteWithItsPartsAndHowItsSpeakerWasFound() {
        JsonPath page = QuoteSearchTest.quotes(Map.of("q", "\"brelk accord\"", "source", "Brelk Wire"));
        assertThat(page.getList("items")).hasSize(1);
        assertJoined(page, "items[0]", TEXT);
        assertThat(page.getString("items[0].speaker.name")).isEqualTo("Idris Zorvath");
        assertThat(page.getString("items[0].speaker.resolution")).isEqualTo("NAME");
        assertThat(page.getString("items[0].speaker.mention.text")).isEqualTo("Zorvath");
        assertThat(page.getInt("items[0].speaker.mention.start")).isEqualTo(TEXT.indexOf("Zorvath said"));
        assertThat(page.getInt("items[0].speaker.mention.end")).isEqualTo(TEXT.indexOf("Zorvath said") + 7);

        JsonPath pronoun = QuoteSearchTest.quotes(Map.of("q", "\"brelk vote\""));
        assertThat(pronoun.getString("items[0].speaker.resolution")).isEqualTo("PRONOUN");
        assertThat(pronoun.getString("items[0].speaker.mention.text")).isEqualTo("he");
        assertThat(pronoun.getInt("items[0].speaker.mention.start")).isEqualTo(TEXT.indexOf("he said"));
        assertThat(pronoun.getList("items[0].parts.text")).containsExactly("We will not wait for the brelk vote,");
    }

    @Test
    void everyQuoteReadCarriesTheWholeQuotation() {
        long zorvath = entityId("Idris Zorvath");
        // by speaker: the two quotes of the first article and the copy's, not the UNNAMED one
        JsonPath bySpeaker = QuoteSearchTest.quotes(Map.of("speakerId", zorvath, "q", "brelk"));
        assertThat(bySpeaker.getList("items.text")).containsExactly(JOINED, "We will not wait for the brelk vote,", JOINED);
        assertThat(bySpeaker.getString("items[0].speaker.resolution")).isEqualTo("DESCRIPTION");
        assertThat(bySpeaker.getString("items[0].speaker.mention.text")).isEqualTo("the senator");
        assertJoined(bySpeaker, "items[0]", COPY);
        // profile
        JsonPath profile = given().get("/api/v1/entities/{id}", zorvath).then().statusCode(200).extract().jsonPath();
        String inProfile = "quotes.find { it.document.id == '" + first + "' && it.parts.size() == 2 }";
        assertJoined(profile, inProfile, TEXT);
        assertThat(profile.getString(inProfile + ".speaker.resolution")).isEqualTo("NAME");
        // the article
        JsonPath view = given().get("/api/v1/documents/{id}", first).then().statusCode(200).extract().jsonPath();
        assertThat(view.getList("quotes.text")).containsExactly(JOINED, "We will not wait for the brelk vote,",
                "The brelk depot is closed,");
        assertJoined(view, "quotes[0]", TEXT);
        // clusters: the copy carries the same quotation
        JsonPath clusters = given().queryParam("q", "\"brelk accord\"").get("/api/v1/quote-clusters")
                .then().statusCode(200).extract().jsonPath();
        assertThat(clusters.getList("items")).hasSize(1);
        assertThat(clusters.getInt("items[0].occurrences")).isEqualTo(2);
        assertThat(clusters.getString("items[0].text")).isEqualTo(JOINED);
        assertJoined(clusters, "items[0].first", TEXT);
        JsonPath cluster = given().get("/api/v1/quote-clusters/{id}", clusters.getLong("items[0].id"))
                .then().statusCode(200).extract().jsonPath();
        assertJoined(cluster, "occurrences[0]", TEXT);
        assertJoined(cluster, "occurrences[1]", COPY);
        assertThat(cluster.getString("occurrences[1].speaker.resolution")).isEqualTo("DESCRIPTION");
    }

    @Test
    void exportsCarryThePartsAndTheResolution() {
        String ndjson = given().queryParam("q", "\"brelk accord\"").queryParam("source", "Brelk Wire")
                .get("/api/v1/export/quotes").then().statusCode(200).extract().asString();
        String[] lines = ndjson.split("\n");
        assertThat(lines).hasSize(1);
        JsonPath hit = new JsonPath(lines[0]);
        assertJoined(hit, "", TEXT);
        assertThat(hit.getString("speaker.resolution")).isEqualTo("NAME");
        assertThat(hit.getString("speaker.mention.text")).isEqualTo("Zorvath");

        String csv = given().queryParam("q", "brelk").queryParam("source", "Brelk Wire").queryParam("format", "CSV")
                .get("/api/v1/export/quotes").then().statusCode(200).extract().asString();
        List<List<String>> rows = ExportTest.parseCsv(csv);
        List<String> header = rows.get(0);
        assertThat(header.subList(header.size() - 3, header.size()))
                .containsExactly("parts", "speaker_resolution", "speaker_mention");
        assertThat(rows).hasSize(4);
        int parts = header.indexOf("parts");
        List<String> joined = rows.stream().filter(r -> r.get(header.indexOf("text")).equals(JOINED)).findFirst().orElseThrow();
        int a = TEXT.indexOf(FIRST);
        int b = TEXT.indexOf(SECOND);
        assertThat(joined.get(parts)).isEqualTo(a + "-" + (a + FIRST.length()) + ";" + b + "-" + (b + SECOND.length()));
        assertThat(joined.get(parts + 1)).isEqualTo("NAME");
        assertThat(joined.get(parts + 2)).isEqualTo("Zorvath");
        List<String> unnamed = rows.stream().filter(r -> r.get(header.indexOf("text")).startsWith("The brelk depot"))
                .findFirst().orElseThrow();
        assertThat(unnamed.get(header.indexOf("speaker_id"))).isEmpty();
        assertThat(unnamed.get(header.indexOf("speaker"))).isEqualTo("police");
        assertThat(unnamed.get(parts + 1)).isEqualTo("UNNAMED");
    }

    @Test
    void anUnnamedSourceIsSearchableAndShownWithItsNameButIsNoEntity() {
        JsonPath byWords = QuoteSearchTest.quotes(Map.of("q", "\"brelk depot\""));
        assertThat(byWords.getList("items")).hasSize(1);
        assertThat(byWords.getString("items[0].speaker.name")).isEqualTo("police");
        assertThat(byWords.getString("items[0].speaker.entityId")).isNull();
        assertThat(byWords.getString("items[0].speaker.resolution")).isEqualTo("UNNAMED");
        assertThat(byWords.getInt("items[0].speaker.mention.start")).isEqualTo(TEXT.indexOf("police said"));
        JsonPath byName = QuoteSearchTest.quotes(Map.of("speaker", "police", "q", "brelk"));
        assertThat(byName.getList("items.text")).containsExactly("The brelk depot is closed,");
        // not linked to the document's entity with that name
        long police = entityId("Ostrand Police");
        assertThat(QuoteSearchTest.quotes(Map.of("speakerId", police)).getList("items")).isEmpty();
        JsonPath entity = given().get("/api/v1/entities/{id}", police).then().statusCode(200).extract().jsonPath();
        assertThat(entity.getLong("quoteCount")).isZero();
    }

    @Test
    void theAttributionBetweenThePartsIsNotQuoted() {
        // the speaker's name between the parts is not what the quote is about; a place named in a part is
        long zorvath = entityId("Idris Zorvath");
        long kelmora = entityId("Kelmora");
        assertThat(QuoteSearchTest.quotes(Map.of("about", zorvath, "q", "brelk")).getList("items")).isEmpty();
        assertThat(QuoteSearchTest.quotes(Map.of("about", kelmora, "q", "brelk")).getList("items.text"))
                .containsExactly(JOINED, JOINED);
    }

    @Test
    void aQuoteIndexedWithoutPartsOrWithEmptyPartsHasOnePartItsOwnOffsets() {
        JsonPath view = given().get("/api/v1/documents/{id}", legacy).then().statusCode(200).extract().jsonPath();
        String text = view.getString("text");
        int start = text.indexOf("went nowhere fast");
        assertThat(view.getList("quotes.parts.text"))
                .containsExactly(List.of("went nowhere fast"), List.of("Nobody trusts brelk."));
        assertThat(view.getInt("quotes[0].parts[0].start")).isEqualTo(start);
        assertThat(view.getInt("quotes[0].parts[0].end")).isEqualTo(start + "went nowhere fast".length());
        assertThat(view.getString("quotes[0].speaker.resolution")).isNull();
        // in the CSV export too, with no speaker and no publication time
        List<List<String>> rows = ExportTest.parseCsv(given().queryParam("q", "nobody trusts").queryParam("format", "CSV")
                .get("/api/v1/export/quotes").then().statusCode(200).extract().asString());
        assertThat(rows).hasSize(2);
        List<String> header = rows.get(0);
        int at = text.indexOf("Nobody trusts brelk.");
        assertThat(rows.get(1).get(header.indexOf("parts"))).isEqualTo(at + "-" + (at + "Nobody trusts brelk.".length()));
        assertThat(rows.get(1).get(header.indexOf("speaker"))).isEmpty();
        assertThat(rows.get(1).get(header.indexOf("published_at"))).isEmpty();
    }

    @Test
    void badPartsAre400AndNothingIsWritten() {
        int a = TEXT.indexOf(FIRST);
        int b = TEXT.indexOf(SECOND);
        reject(q -> part(q, 1).put("text", "The Kelmora council is NOT."), "parts[1].text is not the document text");
        reject(q -> part(q, 1).put("end", TEXT.length() + 5), "parts[1]: offsets");
        reject(q -> q.put("parts", new ArrayList<>(List.of(part(q, 1), part(q, 0)))), "overlaps or comes before");
        reject(q -> {
            part(q, 1).put("start", a + 3);
            part(q, 1).put("text", TEXT.substring(a + 3, b + SECOND.length()));
            part(q, 1).put("end", b + SECOND.length());
        }, "parts[1] [" + (a + 3));
        reject(q -> q.put("text", FIRST + SECOND), "text is not its parts' words joined by a space");
        reject(q -> q.put("start", a - 1), "start " + (a - 1) + " is not the first part's start");
        reject(q -> q.put("end", b), "is not the last part's end");
        reject(q -> {
            @SuppressWarnings("unchecked")
            Map<String, Object> speaker = (Map<String, Object>) q.get("speaker");
            speaker.put("resolution", "UNNAMED");
        }, "speaker is UNNAMED");
        reject(q -> {
            @SuppressWarnings("unchecked")
            Map<String, Object> speaker = (Map<String, Object>) q.get("speaker");
            speaker.put("resolution", "GUESSED");
        }, "");
        reject(q -> q.put("parts", "all of it"), "");
        reject(q -> part(q, 0).remove("start"), "");

        // a bad replacement of an indexed document leaves it as it was
        Article bad = article();
        bad.lastQuote().put("text", "The brelk depot is open,");
        given().contentType(ContentType.JSON).body(bad.body()).when().put("/api/v1/index/documents/{id}", first)
                .then().statusCode(400).contentType(startsWith("application/problem+json"))
                .body("detail", containsString("extraction.quotes[2].text is not its parts' words"));
        JsonPath view = given().get("/api/v1/documents/{id}", first).then().statusCode(200).extract().jsonPath();
        assertThat(view.getList("quotes.text")).contains("The brelk depot is closed,");
        assertJoined(view, "quotes[0]", TEXT);
    }

    /** The first quote of a fresh copy of the article, changed, is rejected with the detail; nothing is stored. */
    private static void reject(Consumer<Map<String, Object>> change, String detail) {
        Article a = article();
        Map<String, Object> body = a.body();
        @SuppressWarnings("unchecked")
        Map<String, Object> extraction = (Map<String, Object>) body.get("extraction");
        @SuppressWarnings("unchecked")
        Map<String, Object> quote = ((List<Map<String, Object>>) extraction.get("quotes")).get(0);
        change.accept(quote);
        UUID id = UUID.randomUUID();
        given().contentType(ContentType.JSON).body(body).when().put("/api/v1/index/documents/{id}", id)
                .then().statusCode(400).contentType(startsWith("application/problem+json"))
                .body("status", equalTo(400))
                .body("detail", containsString(detail));
        given().get("/api/v1/documents/{id}", id).then().statusCode(404);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> part(Map<String, Object> quote, int i) {
        return ((List<Map<String, Object>>) quote.get("parts")).get(i);
    }

    /** The hit at {@code path} is the interrupted quotation of {@code text}: its text, offsets and two parts. */
    private static void assertJoined(JsonPath json, String path, String text) {
        String p = path.isEmpty() ? "" : path + ".";
        int a = text.indexOf(FIRST);
        int b = text.indexOf(SECOND);
        assertThat(json.getString(p + "text")).isEqualTo(JOINED);
        assertThat(json.getInt(p + "start")).isEqualTo(a);
        assertThat(json.getInt(p + "end")).isEqualTo(b + SECOND.length());
        assertThat(json.getList(p + "parts.text")).containsExactly(FIRST, SECOND);
        assertThat(json.getList(p + "parts.start", Integer.class)).containsExactly(a, b);
        assertThat(json.getList(p + "parts.end", Integer.class)).containsExactly(a + FIRST.length(), b + SECOND.length());
    }

    private static long entityId(String name) {
        JsonPath page = given().queryParam("q", name).get("/api/v1/entities").then().statusCode(200).extract().jsonPath();
        return page.getLong("items.find { it.name == '" + name + "' }.id");
    }
}
