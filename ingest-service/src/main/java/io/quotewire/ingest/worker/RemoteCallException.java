package io.quotewire.ingest.worker;

/** A remote call that did not succeed, and what that says about the document. */
public class RemoteCallException extends RuntimeException {

    /** What a failed call means for the document. */
    public enum Kind {
        /** The service refused this document (400, 413, 422): trying again cannot help. */
        REJECTED,
        /**
         * The call failed in a way that may be this document's doing (500, a timeout, a dropped
         * connection mid-call): try again, within the retry budget.
         */
        FAILING,
        /**
         * The service is not there or not usable (connection refused, unknown host, 502/503/504,
         * 429, a misconfigured URL's 404, circuit open): nothing to do with the document, which
         * waits for the service however long it takes.
         */
        UNAVAILABLE
    }

    private final Kind kind;

    public RemoteCallException(String message, Kind kind, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    /** Subtype for rejections, so the circuit breakers do not count them as outages. */
    public static class Rejected extends RemoteCallException {
        public Rejected(String message, Throwable cause) {
            super(message, Kind.REJECTED, cause);
        }
    }
}
