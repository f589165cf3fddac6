package io.quotewire.security;

import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;

import java.util.function.Function;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

/**
 * The checks every protected request of a service gets in its SecurityTest (rules as in production,
 * {@link TestCredentials#productionRules()}): one per rule, each refusal an RFC 9457 problem.
 */
public final class AccessRules {

    private AccessRules() {
    }

    /** Asserts an RFC 9457 problem with this status. */
    public static ValidatableResponse problem(ValidatableResponse response, int status) {
        return response.statusCode(status)
                .contentType(startsWith("application/problem+json"))
                .body("status", equalTo(status));
    }

    /** No credentials: 401 with a challenge naming both ways in. */
    public static void anonymousIsUnauthorized(Function<RequestSpecification, ValidatableResponse> request) {
        problem(request.apply(given()), 401)
                .header("WWW-Authenticate", containsString("Bearer"))
                .body("detail", containsString("X-API-Key"));
    }

    /** An unknown or empty API key, an expired token, a token of another issuer or signed by another key: 401. */
    public static void badCredentialsAreUnauthorized(Function<RequestSpecification, ValidatableResponse> request) {
        problem(request.apply(given().header("X-API-Key", "not-a-configured-key-0000000000")), 401);
        problem(request.apply(given().header("X-API-Key", "")), 401);
        problem(request.apply(given().auth().oauth2(TestCredentials.expiredToken("admin"))), 401);
        problem(request.apply(given().auth().oauth2(TestCredentials.tokenFromOtherIssuer("admin"))), 401);
        problem(request.apply(given().auth().oauth2(TestCredentials.tokenSignedByStranger("admin"))), 401);
        problem(request.apply(given().auth().oauth2("not.a.jwt")), 401);
    }

    /** Valid credentials of a role below what the request needs, by key and by token: 403. */
    public static void lowerRoleIsForbidden(Function<RequestSpecification, ValidatableResponse> request, String role) {
        String key = switch (role) {
            case "reader" -> TestCredentials.READER_KEY;
            case "writer" -> TestCredentials.WRITER_KEY;
            default -> throw new IllegalArgumentException(role);
        };
        problem(request.apply(given().header("X-API-Key", key)), 403);
        problem(request.apply(given().auth().oauth2(TestCredentials.token(role))), 403);
    }

    /** The role the request needs (and admin), by key and by token: the service's own answer. */
    public static void allowedRoleGetsThrough(Function<RequestSpecification, ValidatableResponse> request,
                                              String role, int expected) {
        String key = switch (role) {
            case "reader" -> TestCredentials.READER_KEY;
            case "writer" -> TestCredentials.WRITER_KEY;
            case "admin" -> TestCredentials.ADMIN_KEY;
            default -> throw new IllegalArgumentException(role);
        };
        request.apply(given().header("X-API-Key", key)).statusCode(expected);
        request.apply(given().auth().oauth2(TestCredentials.token(role))).statusCode(expected);
        request.apply(given().header("X-API-Key", TestCredentials.ADMIN_KEY)).statusCode(expected);
    }
}
