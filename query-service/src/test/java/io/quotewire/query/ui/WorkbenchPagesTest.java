package io.quotewire.query.ui;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quotewire.testsupport.PostgresTestResource;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

/** The workbench's page and assets are served (without a browser: WorkbenchBrowserTest drives one). */
@QuarkusTest
@QuarkusTestResource(value = PostgresTestResource.class, restrictToAnnotatedClass = false)
class WorkbenchPagesTest {

    @Test
    void rootServesTheWorkbench() {
        given().get("/").then().statusCode(200).contentType(startsWith("text/html"))
                .body(containsString("/workbench/app.js"));
        // every state of the search is a link to the same page: the query string is the page's, not the API's
        given().queryParam("q", "Trump").queryParam("speaker", "x").get("/").then().statusCode(200)
                .body(containsString("/workbench/app.js"));
    }

    @Test
    void entityArticleAndQuoteAddressesServeTheSamePage() {
        String page = given().get("/").then().statusCode(200).extract().asString();
        for (String path : new String[] {"/entities/6", "/entities/6?interval=WEEK",
                "/articles/7c7d2a4e-6c1f-4a39-9d6f-0b2f6e1e9a10",
                "/articles/7c7d2a4e-6c1f-4a39-9d6f-0b2f6e1e9a10/quotes/51", "/ingest",
                "/ingest/documents/7c7d2a4e-6c1f-4a39-9d6f-0b2f6e1e9a10", "/ingest/feeds/7c7d2a4e-6c1f-4a39-9d6f-0b2f6e1e9a10"}) {
            assertThat(given().get(path).then().statusCode(200).contentType(startsWith("text/html"))
                    .extract().asString()).as(path).isEqualTo(page);
        }
        given().get("/entities/not-a-number").then().statusCode(404);
        given().get("/ingest/documents/not-an-id").then().statusCode(404);
        given().get("/api/v1/entities/999999").then().statusCode(404).contentType("application/problem+json");
    }

    private static java.util.List<String> names(String list) {
        return java.util.Arrays.stream(list.split(",")).map(String::strip).filter(x -> !x.isEmpty()).toList();
    }

    @Test
    void withoutAnIngestUrlTheConfigurationNamesNone() {
        // quotewire.workbench.ingest-url is not set in tests: the page explains that ingest is not configured
        given().get("/workbench/config.json").then().statusCode(200).contentType(startsWith("application/json"))
                .body(equalTo("{}"));
    }

    @Test
    void frontEndPartsResolveAtTheVersionsTheModuleImports() throws Exception {
        String app = Files.readString(Path.of("src/main/resources/META-INF/resources/workbench/app.js"));
        for (Pattern asset : new Pattern[] {Pattern.compile("from '(/_static/htm/[^']+)'"),
                Pattern.compile("ECHARTS = '(/webjars/echarts/[^']+)'")}) {
            Matcher m = asset.matcher(app);
            assertThat(m.find()).as(asset.pattern()).isTrue();
            given().get(m.group(1)).then().statusCode(200).contentType(containsString("javascript"));
        }
        given().get("/workbench/app.js").then().statusCode(200).contentType(containsString("javascript"));
        // the ingest pages' module, which app.js loads on /ingest… only, and what it imports from app.js
        assertThat(app).contains("import('/workbench/ingest.js')");
        given().get("/workbench/ingest.js").then().statusCode(200).contentType(containsString("javascript"));
        String ingest = Files.readString(Path.of("src/main/resources/META-INF/resources/workbench/ingest.js"));
        Matcher shared = Pattern.compile("import \\{([^}]+)\\} from './app.js'").matcher(ingest);
        assertThat(shared.find()).isTrue();
        Matcher exported = Pattern.compile("export \\{([^}]+)\\};").matcher(app);
        assertThat(exported.find()).isTrue();
        assertThat(names(exported.group(1))).containsAll(names(shared.group(1)));
        given().get("/workbench/app.css").then().statusCode(200).contentType(startsWith("text/css"));
    }
}
