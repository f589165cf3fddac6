package io.quotewire.query.ui;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.quotewire.testsupport.Chromium;
import io.quotewire.testsupport.PostgresTestResource;
import io.quotewire.testsupport.Screenshots;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.net.URI;
import jakarta.inject.Inject;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.logging.Level;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The workbench in a real browser (headless Chromium through Selenium) against this service with the seeds
 * loaded: a search finds Trump's quotes, an entity page draws its timeline and its network, a quote's cluster
 * lists the outlets that carried it, an article highlights its quotes and names, and the browser's console
 * shows no error on any of these pages, and a search's results are painted well under a second after the
 * navigation. Saves screenshots of the pages for the README
 * ({@code docs/screenshots/}; {@code -Dworkbench.screenshots=<dir>} puts them elsewhere).
 */
@QuarkusTest
@TestProfile(WorkbenchProfile.class)
@QuarkusTestResource(value = PostgresTestResource.class, restrictToAnnotatedClass = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WorkbenchBrowserTest {

    @TestHTTPResource("/")
    URL root;

    @Inject
    ObjectMapper json;

    private ChromeDriver browser;
    private WebDriverWait wait;
    private List<SeedArticles.Seed> seeds;
    private final List<String> consoleErrors = new ArrayList<>();

    @BeforeEach
    void start() {
        if (browser != null) {
            return;
        }
        seeds = SeedArticles.push(json);
        Chromium chromium = Chromium.get();
        System.setProperty("webdriver.chrome.driver", chromium.driver().toString());
        browser = chromium.startDriver();
        wait = new WebDriverWait(browser, Duration.ofSeconds(20));
    }

    @AfterAll
    void stop() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    @Order(1)
    void searchFindsTrumpsQuotes() {
        // by keyboard: '/' focuses the box, Enter searches, and the address is the search's
        open("/");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#quotes .quote-item")));
        browser.findElement(By.tagName("body")).sendKeys("/");
        assertThat(browser.switchTo().activeElement().getAttribute("id")).isEqualTo("q");
        browser.switchTo().activeElement().sendKeys("Trump" + Keys.ENTER);
        wait.until(ExpectedConditions.urlMatches("/\\?q=Trump$"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#quotes-by .quote-item")));
        List<WebElement> speakers = browser.findElements(By.cssSelector("#quotes-by .quote-item .speaker"));
        assertThat(speakers).isNotEmpty();
        assertThat(speakers).allSatisfy(s -> assertThat(s.getText()).contains("Trump"));
        JsonPath firstPage = given().queryParam("speaker", "Trump").get("/api/v1/quotes").then().statusCode(200)
                .extract().jsonPath();
        assertThat(browser.findElements(By.cssSelector("#quotes-by .quote-item"))).hasSize(firstPage.getList("items").size());
        // every one of them, page after page (the API's cursors), and the same through the export link
        assertThat(browser.findElement(By.cssSelector("#quotes-by .exports a[href*='format=CSV']")).getAttribute("href"))
                .contains("/api/v1/export/quotes?").contains("speaker=Trump");
        URI ndjson = URI.create(browser.findElement(By.cssSelector("#quotes-by .exports a[href*='format=NDJSON']"))
                .getAttribute("href"));
        int all = (int) given().get(ndjson.getRawPath() + "?" + ndjson.getRawQuery()).then().statusCode(200)
                .extract().asString().lines().filter(l -> !l.isBlank()).count();
        assertThat(all).isGreaterThanOrEqualTo(firstPage.getList("items").size());
        while (!browser.findElements(By.cssSelector("#quotes-by button.more")).isEmpty()) {
            int shown = browser.findElements(By.cssSelector("#quotes-by .quote-item")).size();
            browser.findElement(By.cssSelector("#quotes-by button.more")).click();
            wait.until(d -> d.findElements(By.cssSelector("#quotes-by .quote-item")).size() > shown);
        }
        assertThat(browser.findElements(By.cssSelector("#quotes-by .quote-item"))).hasSize(all);
        js("window.scrollTo(0, 0)");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#entities .entity-item a")));
        assertThat(browser.findElements(By.cssSelector("#entities .entity-item a")))
                .extracting(WebElement::getText).contains("Donald Trump");
        assertThat(browser.findElement(By.id("q")).getAttribute("value")).isEqualTo("Trump");
        checkConsole();
        // the picture: the address opened afresh, once every list has its first page
        open("/?q=Trump");
        for (String list : new String[] {"#quotes-by .quote-item", "#quotes .quote-item", "#entities .entity-item",
                "#articles .headline"}) {
            wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(list)));
        }
        screenshot("search");
        checkConsole();
    }

    @Test
    @Order(2)
    void aSearchPaintsItsResultsWellUnderASecond() {
        open("/?q=Trump");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#quotes-by .quote-item")));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#articles .headline")));
        // the largest contentful paint: when the biggest block of the results was drawn, from the navigation's start
        @SuppressWarnings("unchecked")
        List<Object> lcp = (List<Object>) browser.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                new PerformanceObserver((list) => {
                  const last = list.getEntries()[list.getEntries().length - 1];
                  done([last.startTime, !!(last.element && last.element.closest('.results'))]);
                }).observe({ type: 'largest-contentful-paint', buffered: true });""");
        double millis = ((Number) lcp.get(0)).doubleValue();
        System.out.printf("workbench: /?q=Trump largest contentful paint %.0f ms%n", millis);
        assertThat(lcp.get(1)).as("the largest paint is one of the results").isEqualTo(true);
        assertThat(millis).isLessThan(1000);
        checkConsole();
    }

    @Test
    @Order(3)
    void entityPageDrawsItsTimelineAndNetwork() {
        open("/?q=Trump");
        WebElement trump = wait.until(ExpectedConditions.elementToBeClickable(By.linkText("Donald Trump")));
        trump.click();
        wait.until(ExpectedConditions.urlMatches("/entities/[0-9]+$"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#timeline[data-drawn=true] canvas")));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#network[data-drawn=true] canvas")));
        assertThat(browser.findElement(By.tagName("h1")).getText()).startsWith("Donald Trump");
        long id = Long.parseLong(browser.getCurrentUrl().replaceAll(".*/entities/", ""));
        JsonPath profile = given().get("/api/v1/entities/" + id).then().statusCode(200).extract().jsonPath();
        Number bars = (Number) js("return echarts.getInstanceByDom(document.getElementById('timeline'))"
                + ".getOption().series[0].data.length");
        assertThat(bars.intValue()).isEqualTo(profile.getList("timeline.buckets").size()).isPositive();
        Number nodes = (Number) js("return echarts.getInstanceByDom(document.getElementById('network'))"
                + ".getOption().series[0].data.length");
        assertThat(nodes.intValue()).isEqualTo(1 + profile.getList("cooccurring").size()).isGreaterThan(1);
        // The network's table is the keyboard's way to the same edges: its first row opens the articles behind it.
        browser.findElement(By.cssSelector("table.edges button.link")).click();
        assertThat(browser.findElements(By.cssSelector("#edge-articles li a"))).isNotEmpty();
        assertThat(browser.findElements(By.cssSelector("#entity-quotes .quote-item"))).isNotEmpty();
        js("window.scrollTo(0, 0)");
        screenshot("entity");
        checkConsole();
        // all his quotes: the search page filtered by his id, named
        browser.findElement(By.linkText("All quotes by Donald Trump")).click();
        wait.until(ExpectedConditions.urlMatches("/\\?speakerId=" + id + "$"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("filter-note"), "Quotes by Donald Trump"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#quotes .quote-item")));
        assertThat(browser.findElements(By.cssSelector("#quotes .quote-item"))).hasSize(given().queryParam("speakerId", id)
                .get("/api/v1/quotes").then().statusCode(200).extract().jsonPath().getList("items").size());
        assertThat(browser.findElements(By.cssSelector("#quotes .quote-item .speaker")))
                .allSatisfy(sp -> assertThat(sp.getText()).isEqualTo("Donald Trump"));
        browser.navigate().back();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#timeline[data-drawn=true] canvas")));
        // per week: its own address, the chart drawn again from the weekly buckets
        browser.findElement(By.linkText("week")).click();
        wait.until(ExpectedConditions.urlMatches("/entities/" + id + "\\?interval=WEEK$"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#timeline[data-drawn=true] canvas")));
        JsonPath weekly = given().queryParam("interval", "WEEK").get("/api/v1/entities/" + id).then().statusCode(200)
                .extract().jsonPath();
        Number weeks = (Number) js("return echarts.getInstanceByDom(document.getElementById('timeline'))"
                + ".getOption().series[0].data.length");
        assertThat(weeks.intValue()).isEqualTo(weekly.getList("timeline.buckets").size());
        checkConsole();
    }

    @Test
    @Order(4)
    void quoteClusterListsItsOutlets() {
        // The most carried quote of the seeds (a cluster of one when no quote was carried twice).
        JsonPath clusters = given().queryParam("minOccurrences", 1).queryParam("limit", 1)
                .get("/api/v1/quote-clusters").then().statusCode(200).extract().jsonPath();
        long clusterId = clusters.getLong("items[0].id");
        JsonPath cluster = given().get("/api/v1/quote-clusters/" + clusterId).then().statusCode(200).extract().jsonPath();
        String doc = cluster.getString("occurrences[0].document.id");
        long quote = cluster.getLong("occurrences[0].id");
        open("/articles/" + doc + "/quotes/" + quote);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#cluster td.outlet")));
        List<String> outlets = browser.findElements(By.cssSelector("#cluster td.outlet")).stream()
                .map(WebElement::getText).toList();
        assertThat(outlets).containsExactlyElementsOf(cluster.getList("occurrences.document.source", String.class));
        assertThat(outlets).allSatisfy(o -> assertThat(o).startsWith("seeds/"));
        assertThat(browser.findElement(By.id("quote-words")).getText()).contains(cluster.getString("occurrences[0].text").substring(0, 10));
        screenshot("quote");
        checkConsole();
    }

    @Test
    @Order(5)
    void articleHighlightsItsQuotes() {
        // the seed with a headline and the most quotes (two seeds have no headline: their first line is a sentence)
        SeedArticles.Seed seed = seeds.stream().filter(s -> s.title() != null)
                .max((a, b) -> Integer.compare(a.quotes(), b.quotes())).orElseThrow();
        JsonPath view = given().get("/api/v1/documents/" + seed.id()).then().statusCode(200).extract().jsonPath();
        int quotes = view.getList("quotes").size();
        assertThat(quotes).isPositive();
        open("/articles/" + seed.id());
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#article-text mark.quote")));
        Set<String> marked = new HashSet<>();
        for (WebElement m : browser.findElements(By.cssSelector("#article-text mark.quote"))) {
            marked.add(m.getAttribute("data-quote"));
        }
        assertThat(marked).hasSize(quotes);
        assertThat(browser.findElements(By.cssSelector("#article-text a.said"))).hasSize(quotes);
        assertThat(browser.findElements(By.cssSelector("#article-text a.mention"))).isNotEmpty();
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo(seed.title());
        screenshot("article");
        checkConsole();
    }

    @Test
    @Order(6)
    void onAPhoneTheResultsAreOneColumn() {
        browser.manage().window().setSize(new Dimension(390, 844));
        try {
            open("/?q=Trump");
            wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#quotes-by .quote-item")));
            wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#entities .entity-item")));
            WebElement quotes = browser.findElement(By.id("quotes-by"));
            WebElement names = browser.findElement(By.id("entities"));
            assertThat(names.getLocation().getX()).isEqualTo(quotes.getLocation().getX());
            assertThat(names.getLocation().getY()).isGreaterThan(quotes.getLocation().getY());
            Number overflow = (Number) js("return document.documentElement.scrollWidth - window.innerWidth");
            assertThat(overflow.intValue()).as("no sideways scrolling").isLessThanOrEqualTo(0);
            screenshot("phone");
            checkConsole();
        } finally {
            browser.manage().window().setSize(new Dimension(1280, 1000));
        }
    }

    @Test
    @Order(7)
    void withoutIngestServiceTheIngestPageSaysSo() {
        // (this profile sets no quotewire.workbench.ingest-url; devstack's WorkbenchIngestTest drives the form)
        open("/");
        wait.until(ExpectedConditions.elementToBeClickable(By.id("add-articles"))).click();
        wait.until(ExpectedConditions.urlMatches("/ingest$"));
        assertThat(wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("ingest-off"))).getText())
                .contains("quotewire.workbench.ingest-url");
        assertThat(browser.findElements(By.id("ingest-form"))).isEmpty();
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Add articles");
        checkConsole();
    }

    @Test
    @Order(8)
    void noErrorsInTheConsole() {
        checkConsole();
        assertThat(consoleErrors).as("errors in the browser console").isEmpty();
    }

    private void open(String path) {
        browser.get(root.toString().replaceAll("/$", "") + path);
    }

    private Object js(String script) {
        return ((JavascriptExecutor) browser).executeScript(script);
    }

    private void checkConsole() {
        for (LogEntry e : browser.manage().logs().get(LogType.BROWSER)) {
            if (e.getLevel().intValue() >= Level.WARNING.intValue()) {
                consoleErrors.add(browser.getCurrentUrl() + ": " + e.getLevel() + " " + e.getMessage());
            }
        }
        assertThat(consoleErrors).as("errors in the browser console").isEmpty();
    }

    private void screenshot(String name) {
        new Actions(browser).moveToLocation(0, 0).perform(); // no hover left where a click was
        Screenshots.save(screenshots().resolve(name + ".png"), browser.getScreenshotAs(OutputType.BYTES));
    }

    /** query-service's {@code docs/screenshots/} ({@code -Dworkbench.screenshots=<dir>} puts them elsewhere). */
    static Path screenshots() {
        Path here = Path.of("").toAbsolutePath();
        Path module = Files.exists(here.resolve("ensure-chromium.sh")) ? here : here.resolve("query-service");
        return Path.of(System.getProperty("workbench.screenshots", module.resolve("docs/screenshots").toString()));
    }
}
