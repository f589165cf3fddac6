package io.quotewire.ingest.security;

import io.opentelemetry.api.trace.Span;
import jakarta.annotation.Priority;
import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientRequestFilter;
import jakarta.ws.rs.ext.Provider;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Records what ingest-service's REST clients send, after every other request filter has run (the
 * X-API-Key for query-service), and the trace each call is made in (the OpenTelemetry context that
 * Quarkus' Vert.x HTTP client instrumentation turns into the W3C traceparent on the wire; that the
 * header really arrives in the other services is checked by deploy's StackTest). A test-only
 * provider, applied to every REST client of the application under test.
 */
@Provider
@Priority(Integer.MAX_VALUE)
public class OutgoingCalls implements ClientRequestFilter {

    public record Call(String method, String path, String apiKey, String traceId) { }

    public static final List<Call> CALLS = new CopyOnWriteArrayList<>();

    @Override
    public void filter(ClientRequestContext request) {
        CALLS.add(new Call(request.getMethod(), request.getUri().getPath(),
                request.getHeaderString("X-API-Key"), Span.current().getSpanContext().isValid()
                        ? Span.current().getSpanContext().getTraceId() : null));
    }
}
