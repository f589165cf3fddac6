package io.quotewire.query;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quotewire.testsupport.PostgresTestResource;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** Cross-document entity resolution, observed through the public API. */
@QuarkusTest
@QuarkusTestResource(value = PostgresTestResource.class, restrictToAnnotatedClass = false)
class EntityMergeTest {

    @Test
    void trumpDonaldTrumpAndDonaldJTrumpAreOnePerson() {
        Article.of("Tariffs stay, president says", "2025-03-03T09:00:00Z",
                        "Donald Trump said on Monday that the tariffs would stay. \"We are not backing down,\" "
                                + "Trump told reporters outside the White House.")
                .entity("e1", "Donald Trump", "PERSON", List.of("Trump"), List.of("President"), "Donald Trump", "Trump")
                .quote("We are not backing down,", "DIRECT", "e1", "Donald Trump", "told")
                .push();
        // Only the surname, with a possessive and odd case, in a later article.
        Article.of("Rally in Ohio", "2025-03-04T18:00:00Z",
                        "\"The factories are coming back,\" TRUMP'S campaign quoted the candidate as saying in Ohio.")
                .entity("e1", "TRUMP'S", "PERSON", List.of(), List.of(), "TRUMP'S")
                .quote("The factories are coming back,", "DIRECT", "e1", "TRUMP'S", "quoted")
                .push();
        // A fuller form that lists the known name as an alias.
        Article.of("Letter to Congress", "2025-03-05T12:00:00Z",
                        "In a letter, Donald J. Trump asked Congress to act. Mr. Trump said the deadline was firm.")
                .entity("e1", "Donald J. Trump", "PERSON", List.of("Donald Trump", "Mr. Trump"), List.of(),
                        "Donald J. Trump", "Mr. Trump")
                .quote("the deadline was firm", "INDIRECT", "e1", "Donald J. Trump", "said")
                .push();

        List<Map<String, Object>> people = entities("trump", "PERSON");
        assertThat(people).hasSize(1);
        Map<String, Object> trump = people.get(0);
        assertThat(trump.get("name")).isEqualTo("Donald Trump");
        assertThat((List<String>) trump.get("aliases")).contains("Trump", "Donald J. Trump");
        assertThat((List<String>) trump.get("titles")).containsExactly("President");
        assertThat(((Number) trump.get("articleCount")).longValue()).isEqualTo(3);
        assertThat(((Number) trump.get("quoteCount")).longValue()).isEqualTo(3);
        assertThat(((Number) trump.get("mentionCount")).longValue()).isEqualTo(5);

        // Every spelling of the speaker finds the same three quotes.
        for (String speaker : List.of("Trump", "Donald Trump", "trump", "Mr. Trump", "donald j trump")) {
            JsonPath page = given().queryParam("speaker", speaker).get("/api/v1/quotes")
                    .then().statusCode(200).extract().jsonPath();
            assertThat(page.getList("items.text")).as(speaker).containsExactly(
                    "the deadline was firm", "The factories are coming back,", "We are not backing down,");
            assertThat(page.getList("items.speaker.name")).containsOnly("Donald Trump");
        }
    }

    @Test
    void twoSmithsStayApartAndABareSmithJoinsNeither() {
        Article.of("Special counsel files brief", "2025-01-10T10:00:00Z",
                        "Jack Smith, the special counsel, filed a new brief. Smith said the evidence was clear.")
                .entity("e1", "Jack Smith", "PERSON", List.of("Smith"), List.of("special counsel"), "Jack Smith", "Smith")
                .quote("the evidence was clear", "INDIRECT", "e1", "Jack Smith", "said")
                .push();
        Article.of("Microsoft on AI rules", "2025-01-11T10:00:00Z",
                        "Brad Smith, Microsoft's president, backed the rules. \"We need guardrails,\" Smith said.")
                .entity("e1", "Brad Smith", "PERSON", List.of("Smith"), List.of("president"), "Brad Smith", "Smith")
                .entity("e2", "Microsoft", "ORGANIZATION", List.of(), List.of(), "Microsoft")
                .quote("We need guardrails,", "DIRECT", "e1", "Brad Smith", "said")
                .push();
        Article.of("Council vote delayed", "2025-01-12T10:00:00Z",
                        "The vote was delayed again. \"Not this week,\" Smith said.")
                .entity("e1", "Smith", "PERSON", List.of(), List.of(), "Smith")
                .quote("Not this week,", "DIRECT", "e1", "Smith", "said")
                .push();

        List<Map<String, Object>> smiths = entities("smith", "PERSON");
        assertThat(smiths).extracting(m -> m.get("name")).containsExactlyInAnyOrder("Jack Smith", "Brad Smith", "Smith");
        for (Map<String, Object> smith : smiths) {
            assertThat(((Number) smith.get("articleCount")).longValue()).as(smith.get("name").toString()).isEqualTo(1);
        }
        // The bare "Smith" of a fourth article is an entity of its own too: with two Smiths known,
        // two articles' "Smith" may be two people, and neither is merged into one of the two.
        Article.of("Council vote held", "2025-01-19T10:00:00Z", "Smith finally called the vote.")
                .entity("e1", "Smith", "PERSON", List.of(), List.of(), "Smith")
                .push();
        List<Map<String, Object>> bare = entities("smith", "PERSON").stream()
                .filter(m -> m.get("name").equals("Smith")).toList();
        assertThat(bare).hasSize(2);
        assertThat(bare).allSatisfy(m -> assertThat(((Number) m.get("articleCount")).longValue()).isEqualTo(1));

        // Jack Smith's quotes are his alone.
        JsonPath jack = given().queryParam("speaker", "Jack Smith").get("/api/v1/quotes").then().statusCode(200)
                .extract().jsonPath();
        assertThat(jack.getList("items.text")).containsExactly("the evidence was clear");
    }

    @Test
    void aBareSurnameSeenFirstBecomesTheFullNameLater() {
        Article.of("Kyiv talks", "2025-02-01T08:00:00Z", "Zelenskyy said Kyiv was ready to talk.")
                .entity("e1", "Zelenskyy", "PERSON", List.of(), List.of(), "Zelenskyy")
                .quote("Kyiv was ready to talk", "INDIRECT", "e1", "Zelenskyy", "said")
                .push();
        Article.of("Kyiv talks, day two", "2025-02-02T08:00:00Z",
                        "Ukrainian President Volodymyr Zelenskyy met envoys. Zelenskyy called the meeting useful.")
                .entity("e1", "Volodymyr Zelenskyy", "PERSON", List.of("Zelenskyy"), List.of("Ukrainian President"),
                        "Volodymyr Zelenskyy", "Zelenskyy")
                .push();

        List<Map<String, Object>> found = entities("zelenskyy", null);
        assertThat(found).hasSize(1);
        assertThat(found.get(0).get("name")).isEqualTo("Volodymyr Zelenskyy");
        assertThat(((Number) found.get(0).get("articleCount")).longValue()).isEqualTo(2);
    }

    @Test
    void accentsAndPunctuationDoNotSplitAnEntity() {
        Article.of("Chef opens kitchen", "2025-04-01T08:00:00Z", "José Andrés opened a field kitchen in the port.")
                .entity("e1", "José Andrés", "PERSON", List.of(), List.of("chef"), "José Andrés")
                .push();
        Article.of("Kitchen feeds thousands", "2025-04-02T08:00:00Z", "Jose Andres said the kitchen fed thousands.")
                .entity("e1", "Jose Andres", "PERSON", List.of(), List.of(), "Jose Andres")
                .quote("the kitchen fed thousands", "INDIRECT", "e1", "Jose Andres", "said")
                .push();
        // Same letters, different type: a place is not the person.
        Article.of("Andres county", "2025-04-03T08:00:00Z", "Flooding hit Jose-Andres county overnight.")
                .entity("e1", "Jose-Andres", "LOCATION", List.of(), List.of(), "Jose-Andres")
                .push();

        List<Map<String, Object>> people = entities("andres", "PERSON");
        assertThat(people).hasSize(1);
        assertThat(people.get(0).get("name")).isEqualTo("José Andrés");
        assertThat(((Number) people.get(0).get("articleCount")).longValue()).isEqualTo(2);
        assertThat(entities("andres", "LOCATION")).hasSize(1);
    }

    @Test
    void concurrentPushesCreateOneEntity() throws Exception {
        int n = 6;
        List<Article> articles = new java.util.ArrayList<>();
        for (int i = 0; i < n; i++) {
            articles.add(Article.of("Commission briefing " + i, "2025-05-0" + (i + 1) + "T10:00:00Z",
                            "Ursula von der Leyen spoke in Brussels. Von der Leyen said the package was ready.")
                    .entity("e1", "Ursula von der Leyen", "PERSON", List.of("von der Leyen"),
                            List.of("Commission President"), "Ursula von der Leyen", "Von der Leyen")
                    .entity("e2", "Brussels", "LOCATION", List.of(), List.of(), "Brussels")
                    .quote("the package was ready", "INDIRECT", "e1", "Ursula von der Leyen", "said"));
        }
        UUID repeated = UUID.randomUUID();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(n + 2);
        try {
            List<java.util.concurrent.Future<?>> done = new java.util.ArrayList<>();
            for (Article a : articles) {
                done.add(pool.submit(() -> a.push()));
            }
            // The same document pushed twice at once is stored once.
            done.add(pool.submit(() -> articles.get(0).push(repeated)));
            done.add(pool.submit(() -> articles.get(0).push(repeated)));
            for (java.util.concurrent.Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        List<Map<String, Object>> found = entities("leyen", "PERSON");
        assertThat(found).hasSize(1);
        assertThat(((Number) found.get(0).get("articleCount")).longValue()).isEqualTo(n + 1);
        assertThat(((Number) found.get(0).get("quoteCount")).longValue()).isEqualTo(n + 1);
        assertThat(entities("brussels", "LOCATION")).hasSize(1);
        JsonPath doc = given().get("/api/v1/documents/{id}", repeated).then().statusCode(200).extract().jsonPath();
        assertThat(doc.getList("quotes")).hasSize(1);
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> entities(String q, String type) {
        var request = given().queryParam("q", q).queryParam("limit", 200);
        if (type != null) {
            request.queryParam("type", type);
        }
        return request.get("/api/v1/entities").then().statusCode(200).extract().jsonPath().getList("items");
    }
}
