package io.quotewire.query;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quotewire.testsupport.PostgresTestResource;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** GET /api/v1/quotes: by speaker, alias and words, newest first, keyset pages. */
@QuarkusTest
@QuarkusTestResource(value = PostgresTestResource.class, restrictToAnnotatedClass = false)
class QuoteSearchTest extends IndexedOnce {

    /** Quotes by Mette Frederiksen pushed below, newest document first. */
    private final List<String> frederiksenNewestFirst = new ArrayList<>();

    @Override
    protected void indexArticles() {
        String[] topics = {"wind turbines", "pension reform", "defence spending", "housing", "wind turbines",
                "Greenland", "fisheries", "wind turbines"};
        List<String[]> pushed = new ArrayList<>();
        for (int i = 0; i < topics.length; i++) {
            // Days 1..8; articles 3 and 4 share a publication time, so the quote id breaks the tie.
            String day = String.format("2024-06-%02dT07:30:00Z", i == 4 ? 4 : i + 1);
            String first = "We will not wait on " + topics[i] + " number " + i;
            String second = "Denmark must lead on " + topics[i];
            String text = "Prime Minister Mette Frederiksen spoke in Copenhagen. \"" + first + ",\" Frederiksen said. "
                    + "Later she added that " + second + ". Opposition leader Troels Lund Poulsen disagreed: "
                    + "\"This plan for " + topics[i] + " costs too much,\" Poulsen said.";
            Article a = Article.of("Frederiksen on " + topics[i], day, text)
                    .entity("e1", "Mette Frederiksen", "PERSON", List.of("Frederiksen"), List.of("Prime Minister"),
                            "Mette Frederiksen", "Frederiksen")
                    .entity("e2", "Troels Lund Poulsen", "PERSON", List.of("Poulsen"), List.of("Opposition leader"),
                            "Troels Lund Poulsen", "Poulsen")
                    .entity("e3", "Copenhagen", "LOCATION", List.of(), List.of(), "Copenhagen")
                    .quote(first + ",", "DIRECT", "e1", "Mette Frederiksen", "said")
                    .quote(second, "INDIRECT", "e1", "Mette Frederiksen", "added")
                    .quote("This plan for " + topics[i] + " costs too much,", "DIRECT", "e2", "Troels Lund Poulsen", "said");
            a.push();
            pushed.add(new String[] {day, first + ",", second});
        }
        // No publishedAt: sorted by receivedAt, here the newest of all.
        String late = "Frederiksen said the harbour bridge will open in spring";
        Article.of("Harbour bridge", null, late + ", according to her office.")
                .receivedAt("2024-07-01T00:00:00Z")
                .entity("e1", "Frederiksen", "PERSON", List.of(), List.of(), "Frederiksen")
                .quote("the harbour bridge will open in spring", "INDIRECT", "e1", "Frederiksen", "said")
                .push();
        frederiksenNewestFirst.add("the harbour bridge will open in spring");
        for (int i = pushed.size() - 1; i >= 0; i--) {
            // Same document: both quotes share sort_at; the higher id (pushed later) comes first.
            frederiksenNewestFirst.add(pushed.get(i)[2]);
            frederiksenNewestFirst.add(pushed.get(i)[1]);
        }
        // A quote whose speaker the extraction could not link to an entity.
        Article.of("Harbour strike", "2024-06-20T09:00:00Z",
                        "Union chair Søren Kjær said that the strike would continue.")
                .quote("the strike would continue", "INDIRECT", null, "Søren Kjær", "said")
                .push();
    }

    @Test
    void speakerByNameAliasOrCaseFindsTheSameQuotesNewestFirst() {
        for (String speaker : List.of("Mette Frederiksen", "Frederiksen", "FREDERIKSEN", "mette frederiksen")) {
            JsonPath page = quotes(Map.of("speaker", speaker, "limit", 200));
            // Where publication times are equal (within an article, and articles 3 and 4) the
            // quote id decides: the one indexed later comes first.
            assertThat(page.getList("items.text", String.class)).as(speaker).isEqualTo(frederiksenNewestFirst);
            assertThat(page.getList("items.speaker.name", String.class)).containsOnly("Mette Frederiksen");
            assertThat(page.getString("nextCursor")).isNull();
            assertNewestFirst(page);
        }
    }

    @Test
    void aSurnameSharedByTwoPeopleListsBothNewestFirstInPages() {
        List<String> newestFirst = new ArrayList<>();
        for (int day = 1; day <= 6; day++) {
            String person = day % 2 == 0 ? "Anders Vindahl" : "Birgit Vindahl";
            String said = person.split(" ")[0] + " spoke about ferries on day " + day;
            Article.of("Vindahl day " + day, String.format("2024-09-%02dT10:00:00Z", day),
                            person + " said that " + said + ".")
                    .entity("e1", person, "PERSON", List.of(), List.of(), person)
                    .quote(said, "INDIRECT", "e1", person, "said")
                    .push();
            newestFirst.add(0, said);
        }
        assertThat(quotes(Map.of("speaker", "Vindahl", "limit", 200)).getList("items.text", String.class))
                .isEqualTo(newestFirst);
        List<String> walked = Pages.items("/api/v1/quotes", Map.of("speaker", "Vindahl", "limit", 2), "text", String.class);
        assertThat(walked).isEqualTo(newestFirst);
        assertThat(quotes(Map.of("speaker", "Vindahl", "q", "\"day 3\" OR \"day 4\"")).getList("items.text", String.class))
                .containsExactly(newestFirst.get(2), newestFirst.get(3));
    }

    @Test
    void pagesCoverEveryQuoteOnceWithoutGaps() {
        JsonPath all = quotes(Map.of("speaker", "Frederiksen", "limit", 200));
        List<Long> expected = all.getList("items.id", Long.class);
        List<Long> walked = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            Map<String, Object> params = new java.util.HashMap<>(Map.of("speaker", "Frederiksen", "limit", 4));
            if (cursor != null) {
                params.put("cursor", cursor);
            }
            JsonPath page = quotes(params);
            List<Long> ids = page.getList("items.id", Long.class);
            assertThat(ids.size()).isLessThanOrEqualTo(4);
            walked.addAll(ids);
            cursor = page.getString("nextCursor");
            pages++;
        } while (cursor != null);
        assertThat(walked).isEqualTo(expected);
        assertThat(new HashSet<>(walked)).hasSize(walked.size());
        assertThat(pages).isEqualTo((expected.size() + 3) / 4);
    }

    @Test
    void wordsSpeakerAndTypeCombine() {
        JsonPath wind = quotes(Map.of("q", "wind turbine", "limit", 200));
        // 3 articles about wind turbines x 3 quotes each; "turbine" matches "turbines" (stemming).
        assertThat(wind.getList("items")).hasSize(9);
        JsonPath hers = quotes(Map.of("q", "wind turbines", "speaker", "Frederiksen", "limit", 200));
        assertThat(hers.getList("items")).hasSize(6);
        JsonPath indirect = quotes(Map.of("q", "wind turbines", "speaker", "Frederiksen", "type", "INDIRECT"));
        assertThat(indirect.getList("items.text", String.class))
                .hasSize(3).allMatch(t -> t.startsWith("Denmark must lead on wind turbines"));
        JsonPath opposition = quotes(Map.of("q", "\"costs too much\" -pension", "speaker", "Poulsen", "limit", 200));
        assertThat(opposition.getList("items.text", String.class))
                .hasSize(7).noneMatch(t -> t.contains("pension"));
        assertThat(quotes(Map.of("q", "zeppelin")).getList("items")).isEmpty();
    }

    @Test
    void eachQuoteCarriesItsDocumentOffsetsSpeakerAndCue() {
        JsonPath page = quotes(Map.of("speaker", "Poulsen", "q", "Greenland"));
        assertThat(page.getList("items")).hasSize(1);
        Map<String, Object> hit = page.getMap("items[0]");
        String docId = page.getString("items[0].document.id");
        assertThat(page.getString("items[0].document.title")).isEqualTo("Frederiksen on Greenland");
        assertThat(page.getString("items[0].document.source")).isEqualTo("Test Wire");
        assertThat(page.getString("items[0].document.url")).startsWith("https://news.example/");
        assertThat(page.getString("items[0].document.publishedAt")).isEqualTo("2024-06-06T07:30:00Z");
        assertThat(page.getString("items[0].cue")).isEqualTo("said");
        assertThat(page.getLong("items[0].speaker.entityId")).isPositive();
        String text = given().get("/api/v1/documents/{id}", docId).then().statusCode(200).extract().path("text");
        int start = (Integer) hit.get("start");
        int end = (Integer) hit.get("end");
        assertThat(text.substring(start, end)).isEqualTo(hit.get("text"));
    }

    @Test
    void unlinkedSpeakersAreFoundByTheirNameAsWritten() {
        for (String speaker : List.of("Søren Kjær", "soren kjaer", "SØREN KJÆR")) {
            JsonPath page = quotes(Map.of("speaker", speaker));
            assertThat(page.getList("items.text")).as(speaker).containsExactly("the strike would continue");
            assertThat(page.getString("items[0].speaker.name")).isEqualTo("Søren Kjær");
            assertThat(page.getString("items[0].speaker.entityId")).isNull();
        }
    }

    private static void assertNewestFirst(JsonPath page) {
        List<String> times = page.getList("items.document.publishedAt");
        OffsetDateTime previous = null;
        for (String t : times) {
            if (t == null) {
                continue; // the receivedAt-only article (checked by position above)
            }
            OffsetDateTime time = OffsetDateTime.parse(t);
            if (previous != null) {
                assertThat(time).isBeforeOrEqualTo(previous);
            }
            previous = time;
        }
    }

    static JsonPath quotes(Map<String, ?> params) {
        return given().queryParams(params).get("/api/v1/quotes").then().statusCode(200).extract().jsonPath();
    }
}
