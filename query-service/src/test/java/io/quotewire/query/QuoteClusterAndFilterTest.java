package io.quotewire.query;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quotewire.testsupport.PostgresTestResource;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Quote clusters (the same quote across articles, despite ellipsis and a trimmed end), quotes
 * about an entity, date/source filters, one quote per duplicate family, ranked search, sentences.
 */
@QuarkusTest
@QuarkusTestResource(value = PostgresTestResource.class, restrictToAnnotatedClass = false)
class QuoteClusterAndFilterTest extends IndexedOnce {

    private static final String FAILED = "The authority has failed every fisherman in Port Aldemar,";

    private UUID original;
    private UUID copy;
    private UUID rewrite;
    private UUID longer;
    private UUID other;

    @Override
    protected void indexArticles() {
        String text = "Minister Halvard Brennick criticised the Kestrel Maritime Authority on Friday. \"" + FAILED
                + "\" Brennick said. Orsolya Vantresca replied that the ferries would run again by spring.";
        original = UUID.randomUUID();
        article("Brennick attacks authority", "2025-01-10T08:00:00Z", text).source("Northern Ledger").push(original);
        // A syndicated copy: same family as the original.
        copy = UUID.randomUUID();
        article("Minister attacks maritime authority", "2025-01-11T08:00:00Z", text).source("Harbour Post")
                .family(original).push(copy);
        // A later article quoting the same words with an ellipsis and the end trimmed.
        rewrite = Article.of("Brennick repeats attack", "2025-01-20T08:00:00Z",
                        "Speaking in Port Aldemar, Brennick repeated: \"The authority has failed every fisherman...\" "
                                + "He added that the Kestrel Maritime Authority must resign.")
                .source("Harbour Post")
                .entity("e1", "Halvard Brennick", "PERSON", List.of("Brennick"), List.of(), "Brennick")
                .entity("e2", "Kestrel Maritime Authority", "ORGANIZATION", List.of(), List.of(), "Kestrel Maritime Authority")
                .entity("e3", "Port Aldemar", "LOCATION", List.of(), List.of(), "Port Aldemar")
                .quote("The authority has failed every fisherman...", "DIRECT", "e1", "Halvard Brennick", "repeated")
                .quote("the Kestrel Maritime Authority must resign", "INDIRECT", "e1", "Halvard Brennick", "added")
                .push();
        // A later, longer quote with the first one inside it, not at its start.
        longer = Article.of("Brennick again", "2025-01-25T08:00:00Z",
                        "\"Let me say it once more: the authority has failed every fisherman in Port Aldemar, and no one"
                                + " has resigned,\" Brennick said.")
                .source("Fjord Gazette")
                .entity("e1", "Halvard Brennick", "PERSON", List.of("Brennick"), List.of(), "Brennick")
                .quote("Let me say it once more: the authority has failed every fisherman in Port Aldemar, and no one"
                        + " has resigned,", "DIRECT", "e1", "Halvard Brennick", "said")
                .push();
        // Same first words, different quote: its own cluster.
        other = Article.of("Vantresca on accounts", "2025-02-01T08:00:00Z",
                        "\"The authority has failed to publish its accounts,\" Orsolya Vantresca said.")
                .source("Northern Ledger")
                .entity("e1", "Orsolya Vantresca", "PERSON", List.of(), List.of(), "Orsolya Vantresca")
                .quote("The authority has failed to publish its accounts,", "DIRECT", "e1", "Orsolya Vantresca", "said")
                .push();
    }

    private static Article article(String title, String at, String text) {
        return Article.of(title, at, text)
                .entity("e1", "Halvard Brennick", "PERSON", List.of("Brennick"), List.of("Minister"),
                        "Halvard Brennick", "Brennick")
                .entity("e2", "Kestrel Maritime Authority", "ORGANIZATION", List.of(), List.of(), "Kestrel Maritime Authority")
                .entity("e3", "Port Aldemar", "LOCATION", List.of(), List.of(), "Port Aldemar")
                .entity("e4", "Orsolya Vantresca", "PERSON", List.of(), List.of(), "Orsolya Vantresca")
                .quote(FAILED, "DIRECT", "e1", "Halvard Brennick", "said")
                .quote("the ferries would run again by spring", "INDIRECT", "e4", "Orsolya Vantresca", "replied");
    }

    @Test
    void theSameQuoteInThreeArticlesIsOneClusterFirstSeenFirst() {
        JsonPath page = QuoteSearchTest.quotes(Map.of("speaker", "Brennick", "q", "fisherman"));
        List<Long> clusterIds = page.getList("items.clusterId", Long.class);
        assertThat(clusterIds).hasSize(4).containsOnly(clusterIds.get(0));

        JsonPath cluster = given().get("/api/v1/quote-clusters/{id}", clusterIds.get(0))
                .then().statusCode(200).extract().jsonPath();
        assertThat(cluster.getInt("cluster.occurrences")).isEqualTo(4);
        assertThat(cluster.getInt("cluster.documents")).isEqualTo(4);
        assertThat(cluster.getInt("cluster.families")).isEqualTo(3);
        assertThat(cluster.getString("cluster.text")).isEqualTo(FAILED);
        assertThat(cluster.getString("cluster.firstSeen")).isEqualTo("2025-01-10T08:00:00Z");
        assertThat(cluster.getString("cluster.lastSeen")).isEqualTo("2025-01-25T08:00:00Z");
        assertThat(cluster.getList("occurrences.document.id", String.class))
                .containsExactly(original.toString(), copy.toString(), rewrite.toString(), longer.toString());

        // Pages of occurrences, oldest first, without gaps.
        JsonPath first = given().queryParam("limit", 2).get("/api/v1/quote-clusters/{id}", clusterIds.get(0))
                .then().statusCode(200).extract().jsonPath();
        JsonPath second = given().queryParam("limit", 2).queryParam("cursor", first.getString("nextCursor"))
                .get("/api/v1/quote-clusters/{id}", clusterIds.get(0)).then().statusCode(200).extract().jsonPath();
        assertThat(first.getList("occurrences.document.id", String.class)).containsExactly(original.toString(), copy.toString());
        assertThat(second.getList("occurrences.document.id", String.class)).containsExactly(rewrite.toString(), longer.toString());
        assertThat(second.getString("nextCursor")).isNull();

        long otherCluster = QuoteSearchTest.quotes(Map.of("speaker", "Orsolya Vantresca", "q", "accounts"))
                .getLong("items[0].clusterId");
        assertThat(otherCluster).isNotEqualTo(clusterIds.get(0));

        JsonPath list = given().queryParam("q", "fisherman").queryParam("minOccurrences", 3)
                .get("/api/v1/quote-clusters").then().statusCode(200).extract().jsonPath();
        assertThat(list.getList("items.id", Long.class)).containsExactly(clusterIds.get(0));
        assertThat(list.getString("items[0].first.document.id")).isEqualTo(original.toString());
        JsonPath none = given().queryParam("q", "accounts").queryParam("minOccurrences", 2)
                .get("/api/v1/quote-clusters").then().statusCode(200).extract().jsonPath();
        assertThat(none.getList("items")).isEmpty();
    }

    @Test
    void perFamilyCountsASyndicatedCopyOnce() {
        JsonPath all = QuoteSearchTest.quotes(Map.of("speaker", "Brennick", "q", "fisherman"));
        assertThat(all.getList("items.document.id", String.class))
                .containsExactly(longer.toString(), rewrite.toString(), copy.toString(), original.toString());
        JsonPath once = QuoteSearchTest.quotes(Map.of("speaker", "Brennick", "q", "fisherman", "perFamily", true));
        assertThat(once.getList("items.document.id", String.class))
                .containsExactly(longer.toString(), rewrite.toString(), original.toString());
        assertThat(once.getString("items[2].document.familyId")).isEqualTo(original.toString());
    }

    @Test
    void quotesAboutAnEntityAreThoseWhoseTextOrSentenceNamesIt() {
        long kestrel = entityId("Kestrel Maritime Authority");
        long aldemar = entityId("Port Aldemar");
        long brennick = entityId("Halvard Brennick");
        // Named in the quote's own words, not in another sentence of the article.
        assertThat(QuoteSearchTest.quotes(Map.of("about", kestrel)).getList("items.text", String.class))
                .containsExactly("the Kestrel Maritime Authority must resign");
        // Inside the quote (original, copy) or in its sentence (rewrite).
        assertThat(QuoteSearchTest.quotes(Map.of("about", aldemar)).getList("items.document.id", String.class))
                .containsExactly(rewrite.toString(), copy.toString(), original.toString());
        // The speaker's own name next to the quote does not make a quote about the speaker.
        assertThat(QuoteSearchTest.quotes(Map.of("about", brennick)).getList("items")).isEmpty();
        assertThat(QuoteSearchTest.quotes(Map.of("speakerId", brennick, "about", aldemar, "source", "harbour post"))
                .getList("items.document.id", String.class)).containsExactly(rewrite.toString(), copy.toString());
    }

    @Test
    void dateRangeAndSourceFilter() {
        JsonPath range = QuoteSearchTest.quotes(Map.of("speaker", "Brennick",
                "from", "2025-01-11T00:00:00Z", "to", "2025-01-20T08:00:00Z"));
        assertThat(range.getList("items.document.id", String.class)).containsExactly(copy.toString());
        JsonPath source = QuoteSearchTest.quotes(Map.of("q", "authority", "source", "NORTHERN LEDGER"));
        assertThat(source.getList("items.document.id", String.class)).containsExactly(other.toString(), original.toString());
        given().queryParam("from", "2025-02-01T00:00:00Z").queryParam("to", "2025-01-01T00:00:00Z")
                .get("/api/v1/quotes").then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void rankedSearchPagesCoverEveryMatchOnce() {
        JsonPath all = QuoteSearchTest.quotes(Map.of("q", "authority", "limit", 200));
        List<Long> walked = new ArrayList<>();
        double previous = Double.MAX_VALUE;
        for (JsonPath page : Pages.all("/api/v1/quotes", Map.of("q", "authority", "sort", "RELEVANCE", "limit", 1))) {
            double rank = page.getDouble("items[0].rank");
            assertThat(rank).isPositive().isLessThanOrEqualTo(previous);
            previous = rank;
            walked.addAll(page.getList("items.id", Long.class));
        }
        assertThat(new HashSet<>(walked)).hasSize(walked.size())
                .containsExactlyInAnyOrderElementsOf(all.getList("items.id", Long.class));
        given().queryParam("sort", "RELEVANCE").get("/api/v1/quotes").then().statusCode(400);
    }

    @Test
    void eachQuoteCarriesItsSentence() {
        JsonPath page = QuoteSearchTest.quotes(Map.of("speaker", "Brennick", "q", "fisherman", "source", "Northern Ledger"));
        assertThat(page.getString("items[0].sentence")).isEqualTo("\"" + FAILED + "\" Brennick said.");
        String text = given().get("/api/v1/documents/{id}", original).then().statusCode(200).extract().path("text");
        assertThat(text.substring(page.getInt("items[0].sentenceStart"), page.getInt("items[0].sentenceEnd")))
                .isEqualTo(page.getString("items[0].sentence"));
        JsonPath rewritten = QuoteSearchTest.quotes(Map.of("speaker", "Brennick", "q", "fisherman", "from", "2025-01-15T00:00:00Z",
                "to", "2025-01-21T00:00:00Z"));
        assertThat(rewritten.getString("items[0].sentence"))
                .isEqualTo("Speaking in Port Aldemar, Brennick repeated: \"The authority has failed every fisherman...\"");
    }

    static long entityId(String name) {
        JsonPath page = given().queryParam("q", name).get("/api/v1/entities").then().statusCode(200).extract().jsonPath();
        List<Map<String, Object>> items = page.getList("items");
        return items.stream().filter(i -> name.equals(i.get("name"))).map(i -> ((Number) i.get("id")).longValue())
                .findFirst().orElseThrow(() -> new AssertionError("no entity " + name));
    }
}
