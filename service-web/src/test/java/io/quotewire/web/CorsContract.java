package io.quotewire.web;

import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.containsStringIgnoringCase;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;

/**
 * CORS as a browser on another origin meets it, inherited by each service's CorsTest, which runs with
 * {@link #enabledFor(String)} {@link #ORIGIN} (and, in the services with access rules, the production rules, so
 * that a preflight of a write is seen to be answered without credentials). {@link #assertOff} is the check that
 * CORS is off by default: no CORS header on any answer.
 */
public abstract class CorsContract {

    /** The origin the test profiles allow (a notebook or front-end served elsewhere). */
    public static final String ORIGIN = "https://notebook.example.org";

    /** An origin no profile allows. */
    public static final String OTHER_ORIGIN = "https://elsewhere.example.net";

    private final String readPath;
    private final String writeMethod;
    private final String writePath;
    private final int anonymousBrokenWriteStatus;

    /**
     * @param readPath    a read that answers 200 in the profile (with {@link #reader()})
     * @param writeMethod the method of the service's main write (POST, PUT)
     * @param writePath   its path
     * @param anonymousBrokenWriteStatus the answer to that write without credentials and with a broken JSON body
     *                                   (401 where writes need credentials, else 400)
     */
    protected CorsContract(String readPath, String writeMethod, String writePath, int anonymousBrokenWriteStatus) {
        this.readPath = readPath;
        this.writeMethod = writeMethod;
        this.writePath = writePath;
        this.anonymousBrokenWriteStatus = anonymousBrokenWriteStatus;
    }

    /** A request with what a read needs in the profile (a reader's credentials where reads are closed). */
    protected RequestSpecification reader() {
        return given();
    }

    /** The configuration that turns CORS on for these origins (the services' shared defaults do the rest). */
    public static Map<String, String> enabledFor(String origins) {
        return Map.of("quarkus.http.cors.enabled", "true", "quarkus.http.cors.origins", origins);
    }

    private static ValidatableResponse preflight(String origin, String method, String path, String headers) {
        return given().header("Origin", origin)
                .header("Access-Control-Request-Method", method)
                .header("Access-Control-Request-Headers", headers)
                .when().options(path).then();
    }

    @Test
    void aPreflightOfTheWriteIsAnsweredWithoutCredentials() {
        preflight(ORIGIN, writeMethod, writePath, "content-type,x-api-key")
                .statusCode(anyOf(is(200), is(204)))
                .header("Access-Control-Allow-Origin", ORIGIN)
                .header("Access-Control-Allow-Methods", containsString(writeMethod))
                .header("Access-Control-Allow-Headers", containsStringIgnoringCase("X-API-Key"))
                .header("Access-Control-Allow-Headers", containsStringIgnoringCase("Content-Type"))
                .header("Access-Control-Max-Age", "3600");
    }

    @Test
    void aPreflightForABearerTokenIsAnswered() {
        preflight(ORIGIN, writeMethod, writePath, "authorization,content-type")
                .statusCode(anyOf(is(200), is(204)))
                .header("Access-Control-Allow-Origin", ORIGIN)
                .header("Access-Control-Allow-Headers", containsStringIgnoringCase("Authorization"));
    }

    @Test
    void aPreflightOfAReadIsAnsweredWithoutCredentials() {
        preflight(ORIGIN, "GET", readPath, "x-api-key")
                .statusCode(anyOf(is(200), is(204)))
                .header("Access-Control-Allow-Origin", ORIGIN)
                .header("Access-Control-Allow-Methods", containsString("GET"));
    }

    @Test
    void aReadFromTheOriginCarriesAllowOrigin() {
        reader().header("Origin", ORIGIN).get(readPath).then()
                .statusCode(200)
                .header("Access-Control-Allow-Origin", ORIGIN)
                .header("Access-Control-Expose-Headers", containsString("Location"))
                .header("Access-Control-Expose-Headers", containsString("Retry-After"))
                .header("Access-Control-Allow-Credentials", anyOf(nullValue(), equalTo("false")));
    }

    @Test
    void aProblemFromTheOriginCarriesAllowOriginSoTheBrowserCanReadIt() {
        // a write without credentials (refused where writes need them) and with a broken JSON body
        given().header("Origin", ORIGIN).contentType("application/json").body("{")
                .request(writeMethod, writePath).then()
                .statusCode(anonymousBrokenWriteStatus)
                .contentType(containsString(Problems.PROBLEM_JSON))
                .header("Access-Control-Allow-Origin", ORIGIN);
    }

    @Test
    void anOverlongRequestLineFromTheOriginIsAProblemTheBrowserCanRead() {
        // refused before authentication, whoever sends it, with the CORS headers on
        given().header("Origin", ORIGIN).queryParam("q", "a".repeat(5000)).get(readPath).then()
                .statusCode(414)
                .contentType(containsString(Problems.PROBLEM_JSON))
                .body("status", equalTo(414))
                .body("detail", containsString("limit of 4096 bytes"))
                .header("Access-Control-Allow-Origin", ORIGIN);
    }

    @Test
    void anotherOriginIsRefused() {
        preflight(OTHER_ORIGIN, writeMethod, writePath, "content-type")
                .statusCode(403)
                .header("Access-Control-Allow-Origin", nullValue());
        reader().header("Origin", OTHER_ORIGIN).get(readPath).then()
                .statusCode(403)
                .header("Access-Control-Allow-Origin", nullValue());
    }

    /** CORS off (the default): neither a preflight nor a read from another origin gets a CORS header. */
    public static void assertOff(String readPath, String writeMethod, String writePath) {
        preflight(ORIGIN, writeMethod, writePath, "content-type,x-api-key")
                .header("Access-Control-Allow-Origin", nullValue())
                .header("Access-Control-Allow-Methods", nullValue())
                .header("Access-Control-Allow-Headers", nullValue());
        given().header("Origin", ORIGIN).get(readPath).then()
                .statusCode(200)
                .header("Access-Control-Allow-Origin", nullValue())
                .header("Access-Control-Expose-Headers", nullValue());
    }
}
