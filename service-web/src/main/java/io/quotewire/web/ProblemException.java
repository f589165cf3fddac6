package io.quotewire.web;

/**
 * A failure the client sees, answered by {@link ProblemMappers} as RFC 9457 problem details: its status,
 * title and detail, the query parameter it concerns (the {@code parameter} member, when there is one) and, for
 * 429/503, a Retry-After header.
 */
public class ProblemException extends RuntimeException {

    private final int status;
    private final String title;
    private final String parameter;
    private final long retryAfterSeconds;

    public ProblemException(int status, String title, String detail) {
        this(status, title, detail, null, 0);
    }

    public ProblemException(int status, String title, String detail, String parameter, long retryAfterSeconds) {
        super(detail);
        this.status = status;
        this.title = title;
        this.parameter = parameter;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public static ProblemException badRequest(String detail) {
        return new ProblemException(400, "Bad Request", detail);
    }

    /** A 400 about one query or path parameter, named in the answer's {@code parameter} member. */
    public static ProblemException badParameter(String parameter, String detail) {
        return new ProblemException(400, "Bad Request", detail, parameter, 0);
    }

    public static ProblemException notFound(String detail) {
        return new ProblemException(404, "Not Found", detail);
    }

    public static ProblemException conflict(String detail) {
        return new ProblemException(409, "Conflict", detail);
    }

    /** 429 with Retry-After: the client sends faster than the service keeps up; nothing was done, send again later. */
    public static ProblemException slowDown(String detail, long retryAfterSeconds) {
        return new ProblemException(429, "Too Many Requests", detail, null, retryAfterSeconds);
    }

    /** 503 with Retry-After: the service is saturated or the write collided; nothing was done, retry. */
    public static ProblemException busy(String detail, long retryAfterSeconds) {
        return new ProblemException(503, "Service Unavailable", detail, null, retryAfterSeconds);
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    /** The parameter the problem is about, or null. */
    public String parameter() {
        return parameter;
    }

    /** Seconds for a Retry-After header, or 0 for none. */
    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
