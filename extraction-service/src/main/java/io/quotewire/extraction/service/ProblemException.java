package io.quotewire.extraction.service;

/** A client error (or 503 Busy) answered as RFC 9457 problem+json by {@link ProblemMappers}. */
public class ProblemException extends RuntimeException {

    private final int status;
    private final String title;
    /** Seconds for a Retry-After header (503), or 0 for none. */
    private final long retryAfterSeconds;

    public ProblemException(int status, String title, String detail) {
        this(status, title, detail, 0);
    }

    public ProblemException(int status, String title, String detail, long retryAfterSeconds) {
        super(detail);
        this.status = status;
        this.title = title;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }
}
