package io.quotewire.security;

import io.quarkus.security.identity.request.BaseAuthenticationRequest;

/** The key of an {@code X-API-Key} header, to be checked by {@link ApiKeyIdentityProvider}. */
public final class ApiKeyAuthenticationRequest extends BaseAuthenticationRequest {

    private final String key;

    public ApiKeyAuthenticationRequest(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }
}
