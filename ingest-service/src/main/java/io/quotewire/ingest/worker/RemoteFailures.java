package io.quotewire.ingest.worker;

import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

/** Turns REST client exceptions into {@link RemoteCallException}s with a readable reason. */
final class RemoteFailures {

    private static final int MAX_DETAIL = 500;

    private RemoteFailures() {
    }

    static RemoteCallException classify(String service, RuntimeException e) {
        if (e instanceof WebApplicationException wae && wae.getResponse() != null) {
            Response response = wae.getResponse();
            int status = response.getStatus();
            String message = service + " answered " + status + body(response);
            boolean transientStatus = status >= 500 || status == 408 || status == 429;
            return transientStatus
                    ? new RemoteCallException(message, false, e)
                    : new RemoteCallException.Rejected(message, e);
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
