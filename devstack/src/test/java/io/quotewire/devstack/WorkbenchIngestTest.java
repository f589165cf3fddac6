package io.quotewire.devstack;

import io.quotewire.testsupport.Chromium;
import io.quotewire.testsupport.Screenshots;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The workbench's ingest form in a real browser (headless Chromium through Selenium) against the whole stack as
 * {@code ./quotewire up} starts it: real PostgreSQL, ingest-service, extraction-service and query-service, the
 * workbench told where ingest-service is and ingest-service allowing the workbench's origin by CORS. A text
 * pasted and sent with the key goes received → extracted → indexed on the page, opens as an article with its
 * quote highlighted; the same text again shows the existing document; a wrong key shows ingest-service's 401
 * problem, a blank text its 400; a pasted page is cleaned and indexed, a page's address on this machine refused with
 * ingest-service's 400; a feed's subscription shows its polling state; the form works by keyboard and at a phone's width; the
 * console shows no error but the browser's own report of the 401 answer.
 * Saves {@code query-service/docs/screenshots/ingest.png}, the filled form, for query-service's README (the form, not
 * the progress: its times differ from run to run).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WorkbenchIngestTest {

    /** Our own short article (not a seed): a headline, and a quotation with its speaker. */
    static final String ARTICLE = """
            Harbour plan wins the council vote

            The council of Northbridge approved the new harbour plan on Tuesday after a long debate.

            "This harbour will bring the ferries back, and the jobs that went with them," said Ellen Marsh, the mayor of Northbridge.

            The work is to start in the spring.
            """;
    /** A web page of our own: furniture around one article with a quotation. */
    static final String PAGE = """
            <!doctype html><html lang="en"><head><meta charset="utf-8"><title>Ferry line to reopen | Northbridge Courier</title></head>
            <body><nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a></nav>
            <article><h1>Ferry line to reopen</h1>
            <p>The ferry line between Northbridge and Southbridge reopens in May, the harbour office said on Monday.</p>
            <p>"We have waited ten years for this day," said Tom Reyes, the harbour master of Northbridge.</p>
            <p>Tickets go on sale next week at the harbour office and online.</p></article>
            <aside><h2>Newsletter</h2><p>Subscribe to our morning briefing.</p></aside>
            <footer>© Northbridge Courier</footer></body></html>
            """;
    /** Not ASCII: the form sends it as the X-Source header, as UTF-8. */
    static final String SOURCE = "Northbridge Courier – édition du port";
    static final String QUOTED = "This harbour will bring the ferries back, and the jobs that went with them,";

    private Stack stack;
    private ChromeDriver browser;
    private WebDriverWait wait;
    private final List<String> consoleErrors = new ArrayList<>();
    private String documentId;

    @BeforeAll
    void start(@TempDir Path work) {
        Path home = Path.of(System.getProperty("quotewire.home", "..")).toAbsolutePath().normalize();
        stack = Stack.start(Stack.Config.ephemeral(home, work));
        Chromium chromium = Chromium.get();
        browser = chromium.startDriver();
        wait = new WebDriverWait(browser, Duration.ofSeconds(20));
    }

    @AfterAll
    void stop() {
        try {
            if (browser != null) {
                browser.quit();
            }
        } finally {
            if (stack != null) {
                stack.close();
            }
        }
    }

    @Test
    @Order(1)
    void aPastedTextIsFollowedUntilIndexedAndOpensWithItsQuoteHighlighted() {
        open("/");
        wait.until(ExpectedConditions.elementToBeClickable(By.id("add-articles"))).click();
        wait.until(ExpectedConditions.urlMatches("/ingest$"));
        WebElement text = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("ingest-text")));
        assertThat(unlabelledFields()).as("form fields without a label").isZero();
        text.sendKeys(ARTICLE);
        browser.findElement(By.id("ingest-source")).sendKeys(SOURCE);
        browser.findElement(By.id("ingest-key")).sendKeys(stack.apiKey());
        browser.findElement(By.id("ingest-remember")).click();
        js("document.activeElement.blur(); window.scrollTo(0, 0)");
        screenshot("ingest");
        // by keyboard: Enter in the key field sends the form
        browser.findElement(By.id("ingest-key")).sendKeys(Keys.ENTER);
        wait.until(ExpectedConditions.urlMatches("/ingest/documents/[0-9a-f-]{36}$"));
        documentId = browser.getCurrentUrl().replaceAll(".*/ingest/documents/", "");
        assertThat(browser.getCurrentUrl()).doesNotContain(stack.apiKey());
        assertThat(browser.switchTo().activeElement().getAttribute("id")).as("focus moves to the progress")
                .isEqualTo("progress-title");
        new WebDriverWait(browser, Duration.ofSeconds(90)).until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#steps li[data-step=INDEXED][data-state=done]")));
        for (String step : new String[] {"RECEIVED", "EXTRACTED", "INDEXED"}) {
            assertThat(browser.findElement(By.cssSelector("#steps li[data-step=" + step + "]")).getAttribute("data-state"))
                    .as(step).isEqualTo("done");
            assertThat(browser.findElements(By.cssSelector("#steps li[data-step=" + step + "] time"))).as(step).hasSize(1);
        }
        JsonPath doc = given().baseUri(stack.ingestUrl().toString()).get("/api/v1/documents/" + documentId)
                .then().statusCode(200).extract().jsonPath();
        assertThat(doc.getString("status")).isEqualTo("INDEXED");
        assertThat(doc.getString("title")).as("the headline line").isEqualTo("Harbour plan wins the council vote");
        assertThat(doc.getString("source")).isEqualTo(SOURCE);
        assertThat(browser.findElement(By.id("progress-title")).getText()).isEqualTo(doc.getString("title"));
        // the key: in this tab's sessionStorage (asked for), nowhere else
        assertThat(js("return sessionStorage.getItem('quotewire.writeKey')")).isEqualTo(stack.apiKey());
        assertThat((String) js("return JSON.stringify(localStorage)")).doesNotContain(stack.apiKey());
        checkConsole();

        browser.findElement(By.id("open-article")).click();
        wait.until(ExpectedConditions.urlMatches("/articles/" + documentId + "$"));
        WebElement mark = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#article-text mark.quote")));
        assertThat(mark.getText()).isEqualTo(QUOTED);
        assertThat(browser.findElement(By.cssSelector("#article-text a.said")).getText()).isEqualTo("Ellen Marsh");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Harbour plan wins the council vote");
        checkConsole();
    }

    @Test
    @Order(2)
    void theSameTextAgainShowsTheExistingDocument() {
        open("/ingest");
        WebElement text = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("ingest-text")));
        // the key kept for this tab is filled in
        assertThat(browser.findElement(By.id("ingest-key")).getAttribute("value")).isEqualTo(stack.apiKey());
        text.sendKeys(ARTICLE.replace("\n\n", "\n\n\n"));
        browser.findElement(By.id("ingest-submit")).click();
        wait.until(ExpectedConditions.urlMatches("/ingest/documents/" + documentId + "$"));
        assertThat(wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("duplicate"))).getText())
                .contains("added before");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("open-article")));
        checkConsole();
    }

    @Test
    @Order(3)
    void aWrongKeyShowsTheProblemIngestServiceAnswers() {
        open("/ingest");
        WebElement text = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("ingest-text")));
        text.sendKeys("\"We will not sign this,\" said the harbour master of Southbridge on Wednesday.");
        WebElement key = browser.findElement(By.id("ingest-key"));
        key.clear();
        key.sendKeys("qw-not-a-key-of-this-stack");
        browser.findElement(By.id("ingest-remember")).click(); // keep it no longer
        key.sendKeys(Keys.ENTER);
        WebElement problem = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("ingest-problem")));
        JsonPath expected = given().baseUri(stack.ingestUrl().toString()).header("X-API-Key", "qw-not-a-key-of-this-stack")
                .contentType("application/json").body("{\"text\":\"a\"}").post("/api/v1/documents")
                .then().statusCode(401).extract().jsonPath();
        assertThat(problem.findElement(By.className("problem-title")).getText())
                .isEqualTo(expected.getString("title") + " (401)");
        assertThat(problem.findElement(By.className("problem-detail")).getText()).isEqualTo(expected.getString("detail"));
        assertThat(browser.getCurrentUrl()).endsWith("/ingest");
        // the form keeps what was typed, to be corrected; the key is no longer kept in the tab
        assertThat(browser.findElement(By.id("ingest-key")).getAttribute("value")).isEqualTo("qw-not-a-key-of-this-stack");
        assertThat(browser.findElement(By.id("ingest-remember")).isSelected()).isFalse();
        assertThat(browser.findElement(By.id("ingest-text")).getAttribute("value")).startsWith("\"We will not sign this");
        assertThat(js("return sessionStorage.getItem('quotewire.writeKey')")).isNull();
        // the browser reports the 401 answer itself (a network entry, not an error of the page)
        checkConsole(Pattern.compile(Pattern.quote(stack.ingestUrl() + "/api/v1/documents") + " - Failed to load resource: "
                + "the server responded with a status of 401.*"));
    }

    @Test
    @Order(4)
    void aBlankTextShowsTheProblemIngestServiceAnswers() {
        open("/ingest");
        WebElement text = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("ingest-text")));
        text.sendKeys("   ");  // the browser's own check (required) lets blanks through; ingest-service does not
        WebElement key = browser.findElement(By.id("ingest-key"));
        key.clear();
        key.sendKeys(stack.apiKey(), Keys.ENTER);
        WebElement problem = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("ingest-problem")));
        JsonPath expected = given().baseUri(stack.ingestUrl().toString()).header("X-API-Key", stack.apiKey())
                .contentType("text/plain; charset=utf-8").body("   ").post("/api/v1/documents")
                .then().statusCode(400).extract().jsonPath();
        assertShowsBadRequest(problem, expected);
    }

    @Test
    @Order(5)
    void aPastedPageIsIndexedAndAnAddressOnThisMachineIsRefused() {
        open("/ingest");
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("input[name=kind][value=html]"))).click();
        WebElement page = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("ingest-html")));
        page.sendKeys(PAGE);
        WebElement key = browser.findElement(By.id("ingest-key"));
        key.clear();
        key.sendKeys(stack.apiKey());
        browser.findElement(By.id("ingest-submit")).click();
        wait.until(ExpectedConditions.urlMatches("/ingest/documents/[0-9a-f-]{36}$"));
        String id = browser.getCurrentUrl().replaceAll(".*/ingest/documents/", "");
        new WebDriverWait(browser, Duration.ofSeconds(90)).until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#steps li[data-step=INDEXED][data-state=done]")));
        JsonPath doc = given().baseUri(stack.ingestUrl().toString()).get("/api/v1/documents/" + id)
                .then().statusCode(200).extract().jsonPath();
        assertThat(doc.getString("status")).isEqualTo("INDEXED");
        assertThat(doc.getString("text")).contains("We have waited ten years for this day").doesNotContain("Subscribe");
        assertThat(browser.findElement(By.id("progress-title")).getText()).isEqualTo(doc.getString("title")).isNotBlank();
        checkConsole();

        // a page's address: ingest-service fetches public pages only, and says so
        browser.findElement(By.cssSelector("input[name=kind][value=url]")).click();
        String internal = stack.queryUrl() + "/";
        WebElement url = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("ingest-url")));
        url.sendKeys(internal, Keys.ENTER);
        WebElement problem = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("ingest-problem")));
        JsonPath expected = given().baseUri(stack.ingestUrl().toString()).header("X-API-Key", stack.apiKey())
                .contentType("application/json").body("{\"url\":\"" + internal + "\"}").post("/api/v1/documents")
                .then().statusCode(400).extract().jsonPath();
        assertShowsBadRequest(problem, expected);
    }

    /** The page shows ingest-service's 400 problem as the API gave it, and the console only the failed load. */
    private void assertShowsBadRequest(WebElement problem, JsonPath expected) {
        assertThat(problem.findElement(By.className("problem-title")).getText())
                .isEqualTo(expected.getString("title") + " (400)");
        assertThat(problem.findElement(By.className("problem-detail")).getText()).isEqualTo(expected.getString("detail"));
        checkConsole(Pattern.compile(Pattern.quote(stack.ingestUrl() + "/api/v1/documents") + " - Failed to load resource: "
                + "the server responded with a status of 400.*"));
    }

    @Test
    @Order(6)
    void aFeedSubscriptionShowsItsPolling() {
        open("/ingest");
        WebElement textKind = wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("input[name=kind][value=text]")));
        textKind.click();
        // by keyboard: the kinds are one radio group, the arrows move through it
        textKind.sendKeys(Keys.ARROW_RIGHT, Keys.ARROW_RIGHT, Keys.ARROW_RIGHT);
        assertThat(browser.findElement(By.cssSelector("input[name=kind][value=feed]")).isSelected()).isTrue();
        WebElement url = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("ingest-feed")));
        assertThat(browser.findElement(By.id("ingest-text")).isDisplayed()).isFalse();
        assertThat(unlabelledFields()).as("form fields without a label").isZero();
        // an address on this machine: subscribed, then its poll is refused (ingest-service fetches public pages only)
        String feed = stack.queryUrl() + "/feeds/northbridge.xml";
        url.sendKeys(feed);
        browser.findElement(By.id("ingest-every")).sendKeys("5");
        WebElement key = browser.findElement(By.id("ingest-key"));
        key.clear();
        key.sendKeys(stack.apiKey(), Keys.ENTER);
        wait.until(ExpectedConditions.urlMatches("/ingest/feeds/[0-9a-f-]{36}$"));
        String id = browser.getCurrentUrl().replaceAll(".*/ingest/feeds/", "");
        WebElement state = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#feed .facts")));
        assertThat(state.getText()).contains(feed).contains("5 min");
        JsonPath subscribed = given().baseUri(stack.ingestUrl().toString()).get("/api/v1/feeds/" + id)
                .then().statusCode(200).extract().jsonPath();
        assertThat(subscribed.getString("url")).isEqualTo(feed);
        assertThat(subscribed.getInt("pollIntervalSeconds")).isEqualTo(300);
        checkConsole();
    }

    @Test
    @Order(7)
    void onAPhoneTheFormIsOneColumn() {
        browser.manage().window().setSize(new Dimension(390, 844));
        try {
            open("/ingest/documents/" + documentId);
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("ingest-text")));
            wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#steps li[data-step=INDEXED][data-state=done]")));
            WebElement form = browser.findElement(By.id("ingest-form"));
            WebElement progress = browser.findElement(By.id("progress"));
            assertThat(progress.getLocation().getY()).as("the progress below the form")
                    .isGreaterThan(form.getLocation().getY() + form.getSize().getHeight() - 1);
            Number overflow = (Number) js("return document.documentElement.scrollWidth - window.innerWidth");
            assertThat(overflow.intValue()).as("no sideways scrolling").isLessThanOrEqualTo(0);
            checkConsole();
        } finally {
            browser.manage().window().setSize(new Dimension(1280, 1000));
        }
    }

    @Test
    @Order(8)
    void noErrorsInTheConsole() {
        checkConsole();
        assertThat(consoleErrors).as("errors in the browser console").isEmpty();
    }

    private long unlabelledFields() {
        return ((Number) js("return [...document.querySelectorAll('#ingest-form input, #ingest-form textarea, #ingest-form select')]"
                + ".filter((e) => e.type !== 'hidden' && e.labels.length === 0 && !e.getAttribute('aria-label')).length")).longValue();
    }

    private void open(String path) {
        browser.get(stack.queryUrl() + path);
    }

    private Object js(String script) {
        return ((JavascriptExecutor) browser).executeScript(script);
    }

    private void checkConsole() {
        checkConsole(null);
    }

    /** Every warning or error the console has logged since the last look, but those {@code expected} matches. */
    private void checkConsole(Pattern expected) {
        int matched = 0;
        for (LogEntry e : browser.manage().logs().get(LogType.BROWSER)) {
            if (e.getLevel().intValue() < Level.WARNING.intValue()) {
                continue;
            }
            if (expected != null && expected.matcher(e.getMessage()).matches()) {
                matched++;
                continue;
            }
            consoleErrors.add(browser.getCurrentUrl() + ": " + e.getLevel() + " " + e.getMessage());
        }
        assertThat(consoleErrors).as("errors in the browser console").isEmpty();
        if (expected != null) {
            assertThat(matched).as("the browser's own report of the answer").isEqualTo(1);
        }
    }

    private void screenshot(String name) {
        new Actions(browser).moveToLocation(0, 0).perform();
        Path home = Path.of(System.getProperty("quotewire.home", "..")).toAbsolutePath().normalize();
        Path dir = Path.of(System.getProperty("workbench.screenshots",
                home.resolve("query-service/docs/screenshots").toString()));
        Screenshots.save(dir.resolve(name + ".png"), browser.getScreenshotAs(OutputType.BYTES));
    }
}
