package io.quotewire.ingest.observability;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.MDC;

import java.util.UUID;

/**
 * One trace per processing round of a document: the worker runs outside any HTTP request, so without
 * this the call to extraction-service and the call to query-service would each start a trace of
 * their own. Inside {@link #run} both REST calls carry the same W3C {@code traceparent}, and the log
 * lines of all three services for this document share its trace id (the MDC key {@code traceId},
 * a field of the JSON logs); {@code documentId} is in the MDC too.
 */
@ApplicationScoped
public class ProcessingTrace {

    @Inject
    Tracer tracer;

    public void run(UUID documentId, Runnable work) {
        Span span = tracer.spanBuilder("process document")
                .setSpanKind(SpanKind.INTERNAL)
                .setAttribute("quotewire.document.id", documentId.toString())
                .startSpan();
        MDC.put("documentId", documentId.toString());
        try (Scope ignored = span.makeCurrent()) {
            work.run();
        } finally {
            MDC.remove("documentId");
            span.end();
        }
    }
}
