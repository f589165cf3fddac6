package io.quotewire.security;

import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

import java.util.function.Function;

import static io.restassured.RestAssured.given;

/**
 * The access rules of a service's main write, one test each (and probes and scrapers need none), inherited by the service's
 * SecurityTest (which runs with {@link TestCredentials#productionRules()}).
 */
public abstract class WriteAccessContract {

    private final Function<RequestSpecification, ValidatableResponse> write;
    private final int allowedStatus;

    /**
     * @param write         the write under test, sent with the credentials the request carries
     * @param allowedStatus the service's answer to it when it is allowed (202, 204 …)
     */
    protected WriteAccessContract(Function<RequestSpecification, ValidatableResponse> write, int allowedStatus) {
        this.write = write;
        this.allowedStatus = allowedStatus;
    }

    @Test
    void writeWithoutCredentialsIs401WithAChallenge() {
        AccessRules.anonymousIsUnauthorized(write);
    }

    @Test
    void writeWithBadCredentialsIs401() {
        AccessRules.badCredentialsAreUnauthorized(write);
    }

    @Test
    void writeWithTheReaderRoleIs403() {
        AccessRules.lowerRoleIsForbidden(write, "reader");
    }

    @Test
    void writeWithTheWriterRoleIsAllowed() {
        AccessRules.allowedRoleGetsThrough(write, "writer", allowedStatus);
    }

    @Test
    void healthAndMetricsStayOpenForProbesAndScrapers() {
        given().get("/q/health/ready").then().statusCode(200);
        given().get("/q/metrics").then().statusCode(200);
    }
}
