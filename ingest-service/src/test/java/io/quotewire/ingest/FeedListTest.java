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

/** The feed list in keyset pages, oldest subscription first, as the document list pages. */
@QuarkusTest
@QuarkusTestResource(value = PostgresTestResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = Stubs.class, restrictToAnnotatedClass = false)
class FeedListTest {

    @Inject
    DataSource dataSource;

    /** A subscription to a feed nobody serves (port 9 refuses at once): its polls fail, the list does not care. */
    private static String subscribe(String marker, int i) {
        return given().contentType(ContentType.JSON)
                .body(Map.of("url", "http://127.0.0.1:9/" + marker + "/" + i + ".xml", "pollIntervalSeconds", 86_400))
                .when().post("/api/v1/feeds").then().statusCode(201).extract().path("id");
    }

    private static List<String> readAll(int limit) {
        return KeysetPages.readAll("/api/v1/feeds", limit, Map.of(), page -> { });
    }

    @Test
    void pagingThroughTheFeedsReturnsEachOnceOldestFirstEvenWithEqualCreationTimes() throws Exception {
        String marker = UUID.randomUUID().toString();
        List<String> mine = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            mine.add(subscribe(marker, i));
        }
        // the last four created in the same microsecond (the last one's: no feed is created after them here, and
        // feeds of other tests are older): the id breaks the tie, and a page boundary falls inside the four
        KeysetPages.sameTime(dataSource, "feed", "created_at", mine.get(6), mine.subList(3, 6));

        List<String> all = readAll(2);
        assertThat(new HashSet<>(all)).as("no feed twice").hasSize(all.size());
        List<String> ours = all.stream().filter(mine::contains).toList();
        assertThat(ours).hasSize(7);
        // oldest first: the first three in order, then the four with one time
        assertThat(ours.subList(0, 3)).containsExactly(mine.get(0), mine.get(1), mine.get(2));
        assertThat(ours.subList(3, 7)).containsExactlyInAnyOrderElementsOf(mine.subList(3, 7));
        assertThat(readAll(200)).isEqualTo(all);
        assertThat(readAll(1)).isEqualTo(all);
        // unsubscribed again, so that their due first polls do not fill other tests' polling rounds
        for (String id : mine) {
            given().delete("/api/v1/feeds/" + id).then().statusCode(204);
        }
    }

    @Test
    void aBadLimitOrCursorIs400NamingIt() {
        String documentCursor = Base64.getUrlEncoder().withoutPadding()
                .encodeToString(("i1|1740992400000000|" + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8));
        for (String cursor : List.of("not a cursor", "%%%", documentCursor)) {
            BadInputTest.isProblem(given().queryParam("cursor", cursor).when().get("/api/v1/feeds").then(), 400)
                    .body("parameter", equalTo("cursor"))
                    .body("detail", containsString("cursor"));
        }
        for (String limit : List.of("0", "201", "-1")) {
            BadInputTest.isProblem(given().queryParam("limit", limit).when().get("/api/v1/feeds").then(), 400)
                    .body("parameter", equalTo("limit"));
        }
    }
}
