package io.quotewire.ingest;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quotewire.ingest.dedup.ArticleGenerator;
import io.quotewire.ingest.dedup.Variants;
import io.quotewire.ingest.feed.FeedPoller;
import io.quotewire.ingest.support.Stubs;
import io.quotewire.ingest.support.WebServer;
import io.quotewire.testsupport.PostgresTestResource;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;

/**
 * HTML bodies, URLs to fetch, RSS feeds, NDJSON batches, the cleaning preview and families of
 * copies, against pages and feeds served by a local web server inside the test.
 */
@QuarkusTest
@QuarkusTestResource(value = PostgresTestResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = Stubs.class, restrictToAnnotatedClass = false)
class WebSourcesTest {

    static WebServer web;

    @BeforeAll
    static void startWeb() {
        web = new WebServer();
    }

    @AfterAll
    static void stopWeb() {
        web.stop();
    }

    static String page(String title, String... paragraphs) {
        StringBuilder body = new StringBuilder();
        for (String p : paragraphs) {
            body.append("<p>").append(p).append("</p>\n");
        }
        return "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + title + "</title></head><body>"
                + "<nav><a href=\"/\">Home</a> <a href=\"/world\">World</a> <a href=\"/sport\">Sport</a></nav>"
                + "<article><h1>" + title + "</h1>\n" + body + "</article>"
                + "<footer>Copyright The Example Times</footer></body></html>";
    }

    static String marker() {
        return UUID.randomUUID().toString();
    }

    @Test
    void htmlBodyIsCleanedAndTheInputKept() {
        String m = marker();
        // Words no other test uses: a text that differs from another test's only by its random
        // marker is a near-duplicate of it, now and then, and would join that one's family.
        String html = page("Harbour reopens in Lisbon",
                "“The cranes are working again,” the port director Ana Ribeiro told reporters on Monday in Lisbon. " + m,
                "Shipping lines had diverted forty vessels to Sines during the repairs, the authority said.");
        String id = given().contentType("text/html; charset=UTF-8").header("X-Source-Url", "https://example.com/talks")
                .body(html).post("/api/v1/documents")
                .then().statusCode(202).extract().path("id");
        JsonPath doc = given().get("/api/v1/documents/" + id).then().statusCode(200).extract().jsonPath();
        assertThat(doc.getString("text")).contains("The cranes are working again", m).doesNotContain("<p>");
        assertThat(doc.getString("title")).isEqualTo("Harbour reopens in Lisbon");
        assertThat(doc.getString("url")).isEqualTo("https://example.com/talks");
        assertThat(doc.getString("source")).isEqualTo("example.com");
        assertThat(doc.getString("rawBody")).isEqualTo(html);
        assertThat(doc.getString("rawMediaType")).isEqualTo("text/html");
        assertThat(doc.getString("familyId")).isEqualTo(id);

        // the same page again: the existing document
        given().contentType("text/html; charset=UTF-8").body(html).post("/api/v1/documents")
                .then().statusCode(200).body("id", equalTo(id)).body("duplicate", equalTo(true));
    }

    @Test
    void charsetComesFromTheMetaTagWhenTheContentTypeHasNone() {
        String m = marker();
        String html = page("Caf\u00e9 owners protest", "\u201cWe will not close,\u201d said the caf\u00e9 owner Ren\u00e9e Dubois. " + m)
                .replace("<meta charset=\"utf-8\">", "<meta charset=\"windows-1252\">");
        byte[] bytes = html.getBytes(Charset.forName("windows-1252"));
        String id = given().config(HostileInputTest.RAW_CONTENT_TYPE).contentType("text/html").body(bytes).post("/api/v1/documents")
                .then().statusCode(202).extract().path("id");
        String text = given().get("/api/v1/documents/" + id).then().extract().path("text");
        assertThat(text).contains("\u201cWe will not close,\u201d", "caf\u00e9", "Ren\u00e9e", m);
    }

    @Test
    void aUrlIsFetchedThroughRedirectsWithOurUserAgent() {
        String m = marker();
        web.page("/r/a", ex -> redirect(ex, "/r/b", 302))
                .page("/r/b", ex -> redirect(ex, web.url("/news/article-1.html"), 301))
                .page("/news/article-1.html", "text/html; charset=utf-8",
                        page("Budget approved", "The council approved the budget on Monday. " + m).getBytes(StandardCharsets.UTF_8));
        String id = given().contentType(ContentType.JSON).body(Map.of("url", web.url("/r/a")))
                .post("/api/v1/fetches")
                .then().statusCode(202).header("Location", notNullValue()).extract().path("id");
        JsonPath doc = given().get("/api/v1/documents/" + id).then().extract().jsonPath();
        assertThat(doc.getString("text")).contains(m);
        assertThat(doc.getString("url")).isEqualTo(web.url("/news/article-1.html"));
        assertThat(web.hits("/news/article-1.html")).singleElement()
                .satisfies(h -> assertThat(h.userAgent()).startsWith("QuotewireBot/"));

        // JSON with only a url on the documents endpoint fetches too; same page -> same document
        given().contentType(ContentType.JSON).body(Map.of("url", web.url("/news/article-1.html")))
                .post("/api/v1/documents").then().statusCode(200).body("id", equalTo(id));
    }

    @Test
    void fetchFailuresAreBadGatewayProblems() {
        web.page("/loop", ex -> redirect(ex, "/loop", 302))
                .page("/big", "text/html", new byte[2 * 1024 * 1024])
                .page("/image", "image/png", new byte[]{(byte) 0x89, 'P', 'N', 'G'})
                .page("/slow", ex -> {
                    try {
                        Thread.sleep(4000);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    WebServer.send(ex, 200, "text/html", "<p>late</p>".getBytes(StandardCharsets.UTF_8));
                });
        Map<String, String> expected = Map.of(
                "/missing", "HTTP 404",
                "/loop", "redirects",
                "/big", "larger than",
                "/image", "not a web page",
                "/slow", "timed out");
        expected.forEach((path, detail) -> given().contentType(ContentType.JSON).body(Map.of("url", web.url(path)))
                .post("/api/v1/fetches")
                .then().statusCode(502).contentType("application/problem+json").body("detail", containsString(detail)));
        for (String bad : List.of("ftp://example.com/x", "not a url", "/relative/path")) {
            given().contentType(ContentType.JSON).body(Map.of("url", bad)).post("/api/v1/fetches")
                    .then().statusCode(400).contentType("application/problem+json");
        }
        // nothing listening
        given().contentType(ContentType.JSON).body(Map.of("url", "http://127.0.0.1:9/x")).post("/api/v1/fetches")
                .then().statusCode(502).body("detail", containsString("could not"));
    }

    @Test
    void requestsToOneHostAreSpacedByTheHostDelay() {
        String m = marker();
        web.page("/polite/1", "text/html", page("One", "First polite page about the harbour. " + m).getBytes(StandardCharsets.UTF_8))
                .page("/polite/2", "text/html", page("Two", "Second polite page about the railway. " + m).getBytes(StandardCharsets.UTF_8));
        for (String p : List.of("/polite/1", "/polite/2")) {
            given().contentType(ContentType.JSON).body(Map.of("url", web.url(p))).post("/api/v1/fetches")
                    .then().statusCode(202);
        }
        long gap = web.hits("/polite/2").get(0).nanoTime() - web.hits("/polite/1").get(0).nanoTime();
        assertThat(gap / 1_000_000).isGreaterThanOrEqualTo(250); // quotewire.fetch.host-delay = 300ms in %test
    }

    @Test
    void feedsAreSubscribedPolledConditionallyAndEntriesSeenAreSkipped() {
        String m = marker();
        String full = "<p>" + ("“The harvest was the best in years,” said the farmer Ingrid Larsen in Oslo. " + m + " ").repeat(30) + "</p>";
        web.page("/feed/b.html", "text/html", page("Second story", "The port reopened on Friday after the strike. " + m)
                .getBytes(StandardCharsets.UTF_8));
        web.page("/feed/c.html", "text/html", page("Third story", "The railway union accepted the contract. " + m)
                .getBytes(StandardCharsets.UTF_8));
        AtomicReference<String> etag = new AtomicReference<>("\"v1\"");
        AtomicReference<String> items = new AtomicReference<>(item("a", "First story", null, full)
                + item("b", "Second story", web.url("/feed/b.html"), "Short teaser."));
        web.page("/feed.xml", ex -> {
            if (etag.get().equals(ex.getRequestHeaders().getFirst("If-None-Match"))) {
                WebServer.send(ex, 304, null, new byte[0]);
                return;
            }
            ex.getResponseHeaders().set("ETag", etag.get());
            WebServer.send(ex, 200, "application/rss+xml", ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                    + "<rss version=\"2.0\"><channel><title>Example World</title><link>" + web.url("/") + "</link>"
                    + "<description>News</description>" + items.get() + "</channel></rss>").getBytes(StandardCharsets.UTF_8));
        });

        Response created = given().contentType(ContentType.JSON)
                .body(Map.of("url", web.url("/feed.xml"), "pollIntervalSeconds", 600)).post("/api/v1/feeds");
        created.then().statusCode(201).header("Location", containsString("/api/v1/feeds/"));
        String id = created.path("id");
        given().contentType(ContentType.JSON).body(Map.of("url", web.url("/feed.xml"))).post("/api/v1/feeds")
                .then().statusCode(200).body("id", equalTo(id));
        given().get("/api/v1/feeds?limit=200").then().statusCode(200).body("items.id", org.hamcrest.Matchers.hasItem(id));

        given().post("/api/v1/feeds/" + id + "/poll").then().statusCode(200)
                .body("lastStatus", equalTo(200)).body("title", equalTo("Example World"))
                .body("entriesSeen", equalTo(2)).body("documentsIngested", equalTo(2)).body("lastError", equalTo(null));
        assertThat(web.hits("/feed/b.html")).hasSize(1);

        // unchanged: 304, nothing fetched
        given().post("/api/v1/feeds/" + id + "/poll").then().statusCode(200)
                .body("lastStatus", equalTo(304)).body("documentsIngested", equalTo(2));
        assertThat(web.hits("/feed.xml").get(1).ifNoneMatch()).isEqualTo("\"v1\"");

        // a new entry: only that one is fetched
        items.set(item("c", "Third story", web.url("/feed/c.html"), "Teaser.") + items.get());
        etag.set("\"v2\"");
        given().post("/api/v1/feeds/" + id + "/poll").then().statusCode(200)
                .body("lastStatus", equalTo(200)).body("entriesSeen", equalTo(3)).body("documentsIngested", equalTo(3));
        assertThat(web.hits("/feed/b.html")).hasSize(1);
        assertThat(web.hits("/feed/c.html")).hasSize(1);

        List<Map<String, Object>> docs = given().get("/api/v1/documents?limit=50").then().extract().path("items");
        assertThat(docs).filteredOn(d -> "Example World".equals(d.get("source")))
                .extracting(d -> d.get("title")).contains("First story", "Second story", "Third story");
        String first = docs.stream().filter(d -> "First story".equals(d.get("title"))).findFirst().orElseThrow().get("id").toString();
        given().get("/api/v1/documents/" + first).then()
                .body("authors", equalTo(List.of("Ingrid Larsen"))).body("publishedAt", notNullValue());

        given().delete("/api/v1/feeds/" + id).then().statusCode(204);
        given().get("/api/v1/feeds/" + id).then().statusCode(404).contentType("application/problem+json");
        given().delete("/api/v1/feeds/" + id).then().statusCode(404);
        given().contentType(ContentType.JSON).body(Map.of("url", "gopher://x")).post("/api/v1/feeds").then().statusCode(400);
        given().contentType(ContentType.JSON).body(Map.of("url", web.url("/f2"), "pollIntervalSeconds", 1))
                .post("/api/v1/feeds").then().statusCode(400);
    }

    @Inject
    FeedPoller poller;

    @Test
    void theScheduledRoundPollsDueFeedsAndMovesTheirNextPollOn() {
        String m = marker();
        web.page("/due.xml", "application/atom+xml", ("<?xml version=\"1.0\" encoding=\"utf-8\"?>"
                + "<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>Due Feed</title><id>urn:due</id>"
                + "<updated>2025-05-20T10:00:00Z</updated><entry><id>urn:due:1</id><title>Atom story</title>"
                + "<updated>2025-05-20T10:00:00Z</updated><author><name>Priya Sharma</name></author>"
                + "<content type=\"html\">" + ("&lt;p&gt;The harbour in Lisbon reopened after the storm, the port authority said. "
                + m + "&lt;/p&gt;").repeat(20) + "</content></entry></feed>").getBytes(StandardCharsets.UTF_8));
        String id = given().contentType(ContentType.JSON).body(Map.of("url", web.url("/due.xml"), "pollIntervalSeconds", 3600))
                .post("/api/v1/feeds").then().statusCode(201).extract().path("id");

        poller.pollDue(); // what the schedule runs every quotewire.feeds.poll-check (off in %test)

        JsonPath feed = given().get("/api/v1/feeds/" + id).then().statusCode(200).extract().jsonPath();
        assertThat(feed.getInt("lastStatus")).isEqualTo(200);
        assertThat(feed.getString("title")).isEqualTo("Due Feed");
        assertThat(feed.getInt("documentsIngested")).isEqualTo(1);
        assertThat(java.time.OffsetDateTime.parse(feed.getString("nextPollAt")))
                .isAfter(java.time.OffsetDateTime.now().plusMinutes(50));
        poller.pollDue(); // not due again: not fetched
        assertThat(web.hits("/due.xml")).hasSize(1);
        given().delete("/api/v1/feeds/" + id).then().statusCode(204);
    }

    private static String item(String guid, String title, String link, String description) {
        return "<item><guid isPermaLink=\"false\">" + guid + "-" + title.hashCode() + "</guid><title>" + title + "</title>"
                + (link == null ? "" : "<link>" + link + "</link>")
                + "<author>ingrid@example.com (Ingrid Larsen)</author>"
                + "<pubDate>Tue, 20 May 2025 10:00:00 GMT</pubDate>"
                + "<description><![CDATA[" + description + "]]></description></item>";
    }

    @Test
    void cleaningPreviewStoresNothing() {
        String m = marker();
        String html = page("Preview only", "“Nothing is stored,” the editor Mark Weber said. " + m);
        given().contentType("text/html").body(html).post("/api/v1/cleanings")
                .then().statusCode(200)
                .body("text", containsString(m)).body("title", equalTo("Preview only")).body("authors", notNullValue());
        given().contentType(ContentType.JSON).body(Map.of("text", "Plain text " + m)).post("/api/v1/cleanings")
                .then().statusCode(200).body("text", containsString(m));
        given().contentType("text/plain").body("Plain text body " + m).post("/api/v1/cleanings")
                .then().statusCode(200).body("text", containsString(m));
        List<Map<String, Object>> docs = given().get("/api/v1/documents?limit=200").then().extract().path("items");
        assertThat(docs).noneMatch(d -> "Preview only".equals(d.get("title")));
        given().contentType("text/html").body("").post("/api/v1/cleanings").then().statusCode(400);
    }

    @Test
    void ndjsonBatchReportsEachLine() {
        String m = marker();
        String good = "{\"title\":\"Batch one\",\"text\":\"“We will rebuild,” the mayor Anna Kowalski said in Gdansk. " + m + "\"}";
        String body = good + "\n"
                + good + "\n"
                + "{\"text\": \"unterminated\n"
                + "\n"
                + "{\"text\": \"   \"}\n"
                + "[1, 2]\n"
                + "{\"html\": \"<html><body><nav><a href='/'>Home</a><a href='/x'>World</a></nav></body></html>\"}\n"
                + "{\"text\": \"Second batch article about the river flood in Porto. " + m + "\"}\n";
        JsonPath result = given().contentType("application/x-ndjson").body(body.getBytes(StandardCharsets.UTF_8)).post("/api/v1/documents/batch")
                .then().statusCode(200).extract().jsonPath();
        assertThat(result.getInt("accepted")).isEqualTo(2);
        assertThat(result.getInt("duplicates")).isEqualTo(1);
        assertThat(result.getInt("failed")).isEqualTo(4);
        assertThat(result.getList("results.line", Integer.class)).containsExactly(1, 2, 3, 5, 6, 7, 8);
        assertThat(result.getString("results[1].id")).isEqualTo(result.getString("results[0].id"));
        assertThat(result.getBoolean("results[1].duplicate")).isTrue();
        assertThat(result.getInt("results[2].problem.status")).isEqualTo(400);
        assertThat(result.getString("results[2].problem.detail")).contains("malformed JSON");
        assertThat(result.getInt("results[3].problem.status")).isEqualTo(400);
        assertThat(result.getInt("results[4].problem.status")).isEqualTo(400);
        assertThat(result.getInt("results[5].problem.status")).isEqualTo(422);
        assertThat(result.getString("results[6].status")).isEqualTo("RECEIVED");

        given().contentType("application/x-ndjson").body("{\"text\":\"x\"}\n".repeat(1001).getBytes(StandardCharsets.UTF_8)).post("/api/v1/documents/batch")
                .then().statusCode(413).contentType("application/problem+json");
        given().contentType("application/x-ndjson").body("\n\n".getBytes(StandardCharsets.UTF_8)).post("/api/v1/documents/batch")
                .then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void copiesOfAStoryFormOneFamilyAndQueryServiceIsTold() {
        // Fixed seeds: this test checks the wiring (family ids answered, stored and sent to
        // query-service), not how often a copy is recognised; DuplicateDetectionTest measures that
        // over 500 copies of each kind (a syndicated copy is missed about 7% of the time, so a
        // random article here made the test fail now and then).
        ArticleGenerator generator = new ArticleGenerator(5);
        Variants variants = new Variants(3);
        String original = generator.article();
        String first = given().contentType("text/plain").body(original).post("/api/v1/documents")
                .then().statusCode(202).extract().path("id");
        given().contentType("text/plain").body(variants.spun(original)).post("/api/v1/documents")
                .then().statusCode(202).body("duplicate", equalTo(false))
                .body("duplicateOf", equalTo(first)).body("familyId", equalTo(first)).body("similarity", notNullValue());
        String syndicated = given().contentType("text/plain").body(variants.syndicated(original, generator.headline()))
                .post("/api/v1/documents").then().statusCode(202)
                .body("familyId", equalTo(first)).extract().path("id");
        String unrelated = given().contentType("text/plain").body(generator.article()).post("/api/v1/documents")
                .then().statusCode(202).extract().path("id");

        given().get("/api/v1/documents/" + syndicated).then().statusCode(200)
                .body("familyId", equalTo(first)).body("duplicateOf", notNullValue())
                .body("matchKind", org.hamcrest.Matchers.oneOf("NEAR_DUPLICATE", "REWRITE"))
                .body("family", hasSize(3)).body("family[0].id", equalTo(first));
        given().get("/api/v1/documents/" + unrelated).then().body("familyId", equalTo(unrelated)).body("family", hasSize(1));

        ProcessingTest.awaitStatus(syndicated, "INDEXED");
        assertThat(Stubs.query.received()).filteredOn(r -> r.path().endsWith("/" + syndicated))
                .allSatisfy(r -> assertThat(JsonPath.from(r.body()).getString("familyId")).isEqualTo(first));
    }

    private static void redirect(com.sun.net.httpserver.HttpExchange ex, String to, int status) throws java.io.IOException {
        ex.getResponseHeaders().set("Location", to);
        ex.sendResponseHeaders(status, -1);
    }
}
