package io.quotewire.ingest.security;

import io.smallrye.config.ConfigMapping;

import java.util.Optional;

/**
 * {@code quotewire.query.api-key} (env {@code QUOTEWIRE_QUERY_API_KEY}): ingest-service's own API key
 * for query-service, where indexing ({@code PUT /api/v1/index/documents/{id}}) needs the role writer.
 * Sent as {@code X-API-Key} by the index client ({@code worker/RemoteClients}). Without it the
 * client sends no credentials: right for a query-service whose writes are open, answered 401
 * otherwise, which the worker treats as the service being unavailable (documents wait, see README).
 */
@ConfigMapping(prefix = "quotewire.query")
public interface QueryCredential {

    Optional<String> apiKey();
}
