package io.quotewire.ingest;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quotewire.ingest.support.KeysetPages;
import io.quotewire.ingest.support.Stubs;
import io.quotewire.testsupport.PostgresTestResource;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;

/** The document list in keyset pages: {@code cursor} and {@code nextCursor}, as query-service's listings. */
@QuarkusTest
@QuarkusTestResource(value = PostgresTestResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = Stubs.class, restrictToAnnotatedClass = false)
class DocumentListTest {

    private static final String[] TOPICS = {"harbour dredging", "tram timetables", "school meals", "wind farm permits",
        "library hours", "bridge repairs", "fishing quotas", "museum funding"};

    @Inject
    DataSource dataSource;

    private static String ingest(int i, String marker) {
        String text = "The council debated " + TOPICS[i] + " on Tuesday. \"We will decide on " + TOPICS[i]
                + " next week,\" the mayor said. Reference " + marker + "-" + i + ".";
        return given().contentType(ContentType.JSON).body(Map.of("title", "List " + i, "text", text))
                .when().post("/api/v1/documents").then().statusCode(202).extract().path("id");
    }

    /** Every page from the first (see {@link KeysetPages}); a status filter's pages hold only that status. */
    private static List<String> readAll(int limit, Map<String, Object> filter) {
        return KeysetPages.readAll("/api/v1/documents", limit, filter, page -> {
            if (filter.containsKey("status")) {
                assertThat(page.getList("items.status", String.class)).allMatch(filter.get("status")::equals);
            }
            if ("INDEXED".equals(filter.get("status"))) { // searchable since when: every listed one says
                assertThat(page.getList("items.indexedAt", String.class)).doesNotContainNull();
            }
            if ("RECEIVED".equals(filter.get("status"))) {
                assertThat(page.getList("items.indexedAt", String.class)).allMatch(java.util.Objects::isNull);
            }
        });
    }

    @Test
    void pagingThroughTheListReturnsEachDocumentOnceEvenWithEqualReceivedTimes() throws Exception {
        String marker = UUID.randomUUID().toString();
        List<String> mine = new ArrayList<>();
        for (int i = 0; i < TOPICS.length; i++) {
            mine.add(ingest(i, marker));
        }
        // the first five received in the same microsecond (the first one's: no other document is between them, and
        // later tests' documents stay newer): the id breaks the tie, and a page boundary falls inside the five
        KeysetPages.sameTime(dataSource, "document", "received_at", mine.get(0), mine.subList(1, 5));

        List<String> all = readAll(3, Map.of());
        assertThat(new HashSet<>(all)).as("no document twice").hasSize(all.size());
        assertThat(all).containsAll(mine);
        // newest first: the last three, then the five with one time
        assertThat(all.subList(0, 3)).containsExactly(mine.get(7), mine.get(6), mine.get(5));
        assertThat(all.subList(3, 8)).containsExactlyInAnyOrderElementsOf(mine.subList(0, 5));

        // the same list in one page, and in pages of 1 and 200
        assertThat(readAll(200, Map.of())).isEqualTo(all);
        assertThat(readAll(1, Map.of()).subList(0, 8)).isEqualTo(all.subList(0, 8));
    }

    @Test
    void pagesOfAStatusHoldOnlyThatStatusAndEachDocumentOnce() {
        String marker = UUID.randomUUID().toString();
        ingest(0, marker);
        ingest(1, marker);
        for (String status : List.of("RECEIVED", "EXTRACTED", "INDEXED", "FAILED")) {
            List<String> ids = readAll(2, Map.of("status", status));
            assertThat(new HashSet<>(ids)).hasSize(ids.size());
        }
    }

    @Test
    void theLastPageHasNoNextCursor() {
        String marker = UUID.randomUUID().toString();
        ingest(2, marker);
        ingest(3, marker);
        given().queryParam("limit", 1).when().get("/api/v1/documents").then().statusCode(200)
                .body("$", hasKey("nextCursor")).body("items.size()", equalTo(1));
        // follow the pages to the end: the member is left out there, not null
        Map<String, Object> page = given().queryParam("limit", 200).when().get("/api/v1/documents").then()
                .statusCode(200).extract().jsonPath().getMap("$");
        for (int pages = 1; page.containsKey("nextCursor"); pages++) {
            assertThat(page.get("nextCursor")).isNotNull();
            assertThat(pages).isLessThan(10_000);
            page = given().queryParam("limit", 200).queryParam("cursor", page.get("nextCursor"))
                    .when().get("/api/v1/documents").then().statusCode(200).extract().jsonPath().getMap("$");
        }
        assertThat(page).containsOnlyKeys("items");
    }

    @Test
    void aBadCursorIs400NamingIt() {
        String otherList = Base64.getUrlEncoder().withoutPadding()
                .encodeToString("q1|1740992400000000|51".getBytes(StandardCharsets.UTF_8));
        String badId = Base64.getUrlEncoder().withoutPadding()
                .encodeToString("i1|1740992400000000|not-a-uuid".getBytes(StandardCharsets.UTF_8));
        String outOfRange = Base64.getUrlEncoder().withoutPadding()
                .encodeToString(("i1|" + Long.MAX_VALUE + "|" + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8));
        for (String cursor : List.of("not a cursor", "%%%", "aTF8", otherList, badId, outOfRange)) {
            int status = given().queryParam("cursor", cursor).when().get("/api/v1/documents").statusCode();
            assertThat(status).as("status for cursor '%s'", cursor).isEqualTo(400);
            BadInputTest.isProblem(given().queryParam("cursor", cursor).when().get("/api/v1/documents").then(), 400)
                    .body("parameter", equalTo("cursor"))
                    .body("detail", containsString("cursor"));
        }
        // a blank cursor is the first page (as in query-service)
        given().queryParam("cursor", "").queryParam("limit", 1).when().get("/api/v1/documents").then()
                .statusCode(200).body("items.size()", equalTo(1));
    }
}
