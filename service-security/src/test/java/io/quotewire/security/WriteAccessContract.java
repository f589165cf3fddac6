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

    /**
     * The contract tells the truth about access (Swagger UI's Authorize and generated clients rely on it): under
     * the production rules every write it marks as needing credentials (a security requirement without the empty,
     * anonymous alternative) answers an anonymous call 401, and every write that answers 401 is marked (as needing
     * or accepting credentials).
     */
    @Test
    @SuppressWarnings("unchecked")
    void theContractMarksTheWritesThatNeedCredentials() {
        java.util.Map<String, Object> paths = given().get("/q/openapi?format=json").then().statusCode(200)
                .extract().jsonPath().getMap("paths");
        int required = 0;
        for (var path : paths.entrySet()) {
            String concrete = path.getKey().replace("{id}", "00000000-0000-4000-8000-000000000001");
            for (var op : ((java.util.Map<String, Object>) path.getValue()).entrySet()) {
                if (!java.util.Set.of("post", "put", "delete", "patch").contains(op.getKey())) {
                    continue;
                }
                var security = (java.util.List<java.util.Map<String, Object>>)
                        ((java.util.Map<String, Object>) op.getValue()).get("security");
                boolean marked = security != null && !security.isEmpty();
                boolean needed = marked && security.stream().noneMatch(java.util.Map::isEmpty);
                int status = given().contentType("application/json").body("{}")
                        .request(op.getKey().toUpperCase(java.util.Locale.ROOT), concrete).then().extract().statusCode();
                String what = op.getKey() + " " + path.getKey() + " answered " + status + " anonymously";
                if (needed) {
                    org.assertj.core.api.Assertions.assertThat(status).as(what).isEqualTo(401);
                    required++;
                } else if (status == 401) {
                    org.assertj.core.api.Assertions.assertThat(marked).as(what + " but the contract names no security")
                            .isTrue();
                }
            }
        }
        org.assertj.core.api.Assertions.assertThat(required).isPositive();
    }

    @Test
    void healthAndMetricsStayOpenForProbesAndScrapers() {
        given().get("/q/health/ready").then().statusCode(200);
        given().get("/q/metrics").then().statusCode(200);
    }
}
