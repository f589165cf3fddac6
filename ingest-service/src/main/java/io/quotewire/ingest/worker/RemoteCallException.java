package io.quotewire.ingest.worker;

/**
 * A remote call that did not succeed. {@link #permanent()} means the remote service rejected this
 * document (400, 413, 422): trying again cannot help. Otherwise the service was unreachable, slow,
 * failing or misconfigured (connection error, timeout, 5xx, other 4xx) and a later attempt may succeed.
 */
public class RemoteCallException extends RuntimeException {

    private final boolean permanent;

    public RemoteCallException(String message, boolean permanent, Throwable cause) {
        super(message, cause);
        this.permanent = permanent;
    }

    public boolean permanent() {
        return permanent;
    }

    /** Marker subtype for rejections, so the circuit breakers do not count them as outages. */
    public static class Rejected extends RemoteCallException {
        public Rejected(String message, Throwable cause) {
            super(message, true, cause);
        }
    }
}
