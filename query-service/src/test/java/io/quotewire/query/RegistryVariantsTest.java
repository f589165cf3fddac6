package io.quotewire.query;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quotewire.testsupport.PostgresTestResource;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 19's variant and family cases through the public API: name variants of one person are one
 * entity in either order, relatives stay apart, a surname alone joins the one person it fits and
 * leaves again when a second one appears, and a merge the rules made is recorded and reversible.
 */
@QuarkusTest
@QuarkusTestResource(value = PostgresTestResource.class, restrictToAnnotatedClass = false)
class RegistryVariantsTest {

    private static void person(String title, String day, String name, String quote) {
        Article.of(title, day + "T08:00:00Z", name + " said " + quote + ".")
                .entity("e1", name, "PERSON", List.of(), List.of(), name)
                .quote(quote, "INDIRECT", "e1", name, "said")
                .push();
    }

    private static List<Map<String, Object>> people(String q) {
        return EntityMergeTest.entities(q, "PERSON");
    }

    private static long articles(Map<String, Object> entity) {
        return ((Number) entity.get("articleCount")).longValue();
    }

    private static JsonPath profile(long id) {
        return given().get("/api/v1/entities/{id}", id).then().statusCode(200).extract().jsonPath();
    }

    @Test
    void middleInitialsShortFormsAndHouseStylesAreOnePerson() {
        person("Comey testifies", "2025-07-01", "James B. Comey", "the memo was accurate");
        person("Comey book", "2025-07-02", "Jim Comey", "the book was finished");
        person("Comey interview", "2025-07-03", "James Comey", "he had no regrets");
        List<Map<String, Object>> comeys = people("comey");
        // one entity; its name the best form seen (fewest words, then shortest), whatever the order
        assertThat(comeys).extracting(m -> m.get("name")).containsExactly("Jim Comey");
        assertThat(articles(comeys.get(0))).isEqualTo(3);
        JsonPath p = profile(((Number) comeys.get(0).get("id")).longValue());
        assertThat(p.getList("aliases", String.class)).contains("James B. Comey", "James Comey");
        assertThat(p.getList("why.rule", String.class)).contains("SAME_KEY");
        assertThat(QuoteSearchTest.quotes(Map.of("speaker", "Jim Comey")).getList("items")).hasSize(3);
    }

    @Test
    void transliterationsOfALongSurnameAreOnePersonWithTheSameFirstNameOnly() {
        person("Kyiv envoy", "2025-07-04", "Oleksandr Dobrovolskyy", "the talks were useful");
        person("Kyiv envoy again", "2025-07-05", "Oleksandr Dobrovolsky", "the talks would resume");
        person("Kyiv mayor", "2025-07-06", "Iryna Dobrovolska", "the bridge would reopen");
        assertThat(people("dobrovol")).extracting(m -> m.get("name"))
                .containsExactlyInAnyOrder("Oleksandr Dobrovolsky", "Iryna Dobrovolska");
    }

    @Test
    void aSuffixKeepsASonApartFromHisFather() {
        person("Rally", "2025-07-07", "Harold Fenmarch", "the rally was huge");
        person("Rally, son", "2025-07-08", "Harold Fenmarch Jr.", "his father would win");
        person("Rally, son again", "2025-07-09", "Harold J. Fenmarch, Jr.", "the polls were wrong");
        person("Rally, who", "2025-07-10", "Fenmarch", "the crowd was loud");
        person("Rally, son alone", "2025-07-11", "Fenmarch Jr.", "the campaign was ready");
        Map<Object, Long> byName = new java.util.HashMap<>();
        people("fenmarch").forEach(m -> byName.merge(m.get("name"), articles(m), Long::sum));
        // the father; the son (his two full forms and "Fenmarch Jr."); "Fenmarch" alone fits both: its own
        assertThat(byName).containsOnly(Map.entry("Harold Fenmarch", 1L), Map.entry("Harold Fenmarch Jr.", 3L),
                Map.entry("Fenmarch", 1L));
    }

    @Test
    void aSurnameAloneJoinsTheOnePersonItFitsAndLeavesWhenASecondAppears() {
        person("Harbour plan", "2025-08-01", "Kesselring", "the harbour plan was ready");
        person("Harbour plan, day two", "2025-08-02", "Anneliese Kesselring", "the harbour would be dredged");
        List<Map<String, Object>> one = people("kesselring");
        assertThat(one).extracting(m -> m.get("name")).containsExactly("Anneliese Kesselring");
        assertThat(articles(one.get(0))).isEqualTo(2);
        long anneliese = ((Number) one.get(0).get("id")).longValue();
        JsonPath merged = profile(anneliese);
        assertThat(merged.getList("corrections.kind", String.class)).containsExactly("MERGE");
        assertThat(merged.getString("corrections[0].reason")).startsWith("automatic: 'Kesselring'");
        assertThat(merged.getList("why.rule", String.class)).contains("AUTO_MERGED");

        // a second Kesselring: the surname alone could be either, so it is neither
        person("Harbour rival", "2025-08-03", "Bruno Kesselring", "the plan was too costly");
        assertThat(people("kesselring")).extracting(m -> m.get("name"))
                .containsExactlyInAnyOrder("Anneliese Kesselring", "Bruno Kesselring", "Kesselring");
        JsonPath after = profile(anneliese);
        assertThat(after.getLong("articleCount")).isEqualTo(1);
        assertThat(after.getString("corrections[0].undoneAt")).isNotNull();
        assertThat(after.getList("why.rule", String.class)).doesNotContain("AUTO_MERGED");
        assertThat(QuoteSearchTest.quotes(Map.of("speakerId", anneliese)).getList("items.text", String.class))
                .containsExactly("the harbour would be dredged");
    }

    @Test
    void anAutomaticMergeUndoneByHandStaysUndone() {
        person("Orchard", "2025-09-01", "Quennell", "the orchard would be sold");
        person("Orchard, day two", "2025-09-02", "Margit Quennell", "the orchard was saved");
        long margit = QuoteClusterAndFilterTest.entityId("Margit Quennell");
        long correction = profile(margit).getLong("corrections[0].id");
        given().contentType(ContentType.JSON).body(Map.of("correctionId", correction))
                .post("/api/v1/entities/{id}/split", margit).then().statusCode(200);
        assertThat(profile(margit).getLong("articleCount")).isEqualTo(1);
        // later articles of the group do not merge it again
        person("Orchard, day three", "2025-09-03", "Margit A. Quennell", "the orchard had a buyer");
        assertThat(profile(margit).getLong("articleCount")).isEqualTo(2);
        assertThat(people("quennell")).extracting(m -> m.get("name"))
                .containsExactlyInAnyOrder("Margit Quennell", "Quennell");
    }

    @Test
    void eitherOrderGivesTheSamePeople() {
        // the bare name first, then the full name, then a variant: and the other way round
        person("North, one", "2025-10-01", "Thistlewood", "the north would vote");
        person("North, two", "2025-10-02", "Cornelius Thistlewood", "the north had voted");
        person("South, two", "2025-10-03", "Neil Marchbanks", "the south had voted");
        person("South, one", "2025-10-04", "Marchbanks", "the south would vote");
        assertThat(people("thistlewood")).extracting(m -> m.get("name")).containsExactly("Cornelius Thistlewood");
        assertThat(people("marchbanks")).extracting(m -> m.get("name")).containsExactly("Neil Marchbanks");
        assertThat(articles(people("thistlewood").get(0))).isEqualTo(2);
        assertThat(articles(people("marchbanks").get(0))).isEqualTo(2);
    }

    @Test
    void aSpeakerSearchSaysWhichPeopleItMatchedAndCanBeNarrowedToOne() {
        person("Estate, one", "2025-12-01", "Hugo Ravelstone", "the estate was sold");
        person("Estate, two", "2025-12-02", "Hugo Ravelstone", "the estate made money");
        person("Estate, three", "2025-12-03", "Ida Ravelstone", "the gardens would open");
        person("Estate, four", "2025-12-04", "Hugo Ravelstone Jr.", "his father was right");
        JsonPath page = QuoteSearchTest.quotes(Map.of("speaker", "Ravelstone"));
        assertThat(page.getList("items")).hasSize(4);
        assertThat(page.getList("speakers.entity.name", String.class))
                .containsExactly("Hugo Ravelstone", "Ida Ravelstone", "Hugo Ravelstone Jr.");
        assertThat(page.getList("speakers.quotes", Long.class)).containsExactly(2L, 1L, 1L);
        long ida = page.getLong("speakers[1].entity.id");
        assertThat(QuoteSearchTest.quotes(Map.of("speaker", "Ravelstone", "speakerId", ida)).getList("items.text", String.class))
                .containsExactly("the gardens would open");
        assertThat(QuoteSearchTest.quotes(Map.of("speakerId", ida)).getList("speakers")).isNull();
    }
}
