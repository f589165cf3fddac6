package io.quotewire.ingest.worker;

import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

import io.quotewire.ingest.worker.RemoteCallException.Kind;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.util.Set;

/** Turns REST client exceptions into {@link RemoteCallException}s with a readable reason. */
final class RemoteFailures {

    private static final int MAX_DETAIL = 500;

    /** Answers about this document (malformed, too large, unprocessable): retrying is pointless. */
    static final Set<Integer> REJECTIONS = Set.of(400, 413, 422);

    private RemoteFailures() {
    }

    static RemoteCallException classify(String service, RuntimeException e) {
        if (e instanceof WebApplicationException wae && wae.getResponse() != null) {
            Response response = wae.getResponse();
            int status = response.getStatus();
            String message = service + " answered " + status + body(response);
            if (REJECTIONS.contains(status)) {
                return new RemoteCallException.Rejected(message, e);
            }
            return new RemoteCallException(message, kindOf(status), e);
        }
        if (e instanceof ProcessingException && cannotConnect(e)) {
            return new RemoteCallException(service + " unreachable: " + rootMessage(e), Kind.UNAVAILABLE, e);
        }
        return new RemoteCallException(service + " call failed: " + rootMessage(e), Kind.FAILING, e);
    }

    /**
     * 500 and 408 may come from this document (a crash or a timeout while processing it). A
     * gateway without its backend (502, 503, 504), throttling (429) and any other 4xx (a service
     * that is misplaced, misconfigured or mid-deployment: 404, 401, 403, 405, 415) say nothing
     * about the document.
     */
    static Kind kindOf(int status) {
        if (status == 502 || status == 503 || status == 504 || status == 429) {
            return Kind.UNAVAILABLE;
        }
        if (status >= 500 || status == 408) {
            return Kind.FAILING;
        }
        return Kind.UNAVAILABLE;
    }

    /** No connection was made at all (refused, unknown host, no route, connect timeout). */
    private static boolean cannotConnect(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ConnectException || t instanceof UnknownHostException
                    || t instanceof NoRouteToHostException) {
                return true;
            }
        }
        return false;
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
