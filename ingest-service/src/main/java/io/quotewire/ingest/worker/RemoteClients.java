package io.quotewire.ingest.worker;

import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;
import io.quotewire.ingest.client.extraction.ExtractionsApi;
import io.quotewire.ingest.client.query.IndexApi;
import io.quotewire.ingest.config.IngestConfig;
import io.quotewire.ingest.security.QueryCredential;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.ws.rs.client.ClientRequestFilter;

import java.util.concurrent.TimeUnit;

/** REST clients for the services the worker hands documents to, generated from their contracts. */
@ApplicationScoped
public class RemoteClients {

    @Produces
    @ApplicationScoped
    ExtractionsApi extractionClient(IngestConfig config) {
        IngestConfig.Remote remote = config.extraction();
        return QuarkusRestClientBuilder.newBuilder()
                .baseUri(remote.url())
                .connectTimeout(remote.connectTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .readTimeout(remote.readTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .build(ExtractionsApi.class);
    }

    @Produces
    @ApplicationScoped
    IndexApi indexClient(IngestConfig config, QueryCredential credential) {
        IngestConfig.Remote remote = config.query();
        QuarkusRestClientBuilder builder = QuarkusRestClientBuilder.newBuilder()
                .baseUri(remote.url())
                .connectTimeout(remote.connectTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .readTimeout(remote.readTimeout().toMillis(), TimeUnit.MILLISECONDS);
        // Indexing is a write in query-service: ingest-service presents its own key (role writer).
        credential.apiKey().filter(key -> !key.isBlank()).ifPresent(key -> builder.register(
                (ClientRequestFilter) request -> request.getHeaders().putSingle("X-API-Key", key.trim())));
        return builder.build(IndexApi.class);
    }
}
