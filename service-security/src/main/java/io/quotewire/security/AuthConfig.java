package io.quotewire.security;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.util.List;
import java.util.Optional;

/**
 * {@code quotewire.auth.*}: the API keys, and the policy names the services' path permissions
 * ({@code quarkus.http.auth.permission.*} in application.properties) refer to.
 */
@ConfigMapping(prefix = "quotewire.auth")
public interface AuthConfig {

    /** {@code name:roles:key} entries (see {@link ApiKeys}); none by default. */
    Optional<List<String>> apiKeys();

    /** {@code permit} (reads open) or {@code reader}. */
    @WithDefault("permit")
    String readPolicy();

    /** {@code writer}; tests of other features use {@code permit}. */
    @WithDefault("writer")
    String writePolicy();

    /** {@code admin}; tests of other features use {@code permit}. */
    @WithDefault("admin")
    String adminPolicy();

    /** The expected {@code iss} of bearer tokens ({@code mp.jwt.verify.issuer} refers to it). */
    @WithDefault("https://quotewire.local")
    String jwtIssuer();
}
