package io.quotewire.ingest.worker;

import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

import java.util.Set;

/** Turns REST client exceptions into {@link RemoteCallException}s with a readable reason. */
final class RemoteFailures {

    private static final int MAX_DETAIL = 500;

    /**
     * Answers that are about this document (malformed, too large, unprocessable): retrying it is
     * pointless. Every other answer (5xx, 408, 429, but also 404, 401, 403, 405, 415: a service
     * that is misplaced, misconfigured or mid-deployment) is treated as the service being
     * unavailable, so documents wait for it to be fixed instead of all failing.
     */
    static final Set<Integer> REJECTIONS = Set.of(400, 413, 422);

    private RemoteFailures() {
    }

    static RemoteCallException classify(String service, RuntimeException e) {
        if (e instanceof WebApplicationException wae && wae.getResponse() != null) {
            Response response = wae.getResponse();
            int status = response.getStatus();
            String message = service + " answered " + status + body(response);
            return REJECTIONS.contains(status)
                    ? new RemoteCallException.Rejected(message, e)
                    : new RemoteCallException(message, false, e);
        }
        if (e instanceof ProcessingException) {
            return new RemoteCallException(service + " unreachable: " + rootMessage(e), false, e);
        }
        return new RemoteCallException(service + " call failed: " + rootMessage(e), false, e);
    }

    private static String body(Response response) {
        try {
            if (!response.hasEntity()) {
                return "";
            }
            String body = response.readEntity(String.class);
            if (body == null || body.isBlank()) {
                return "";
            }
            body = body.strip();
            return ": " + (body.length() > MAX_DETAIL ? body.substring(0, MAX_DETAIL) + "…" : body);
        } catch (RuntimeException unreadable) {
            return "";
        }
    }

    static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage();
        return root.getClass().getSimpleName() + (message == null ? "" : " " + message);
    }
}
