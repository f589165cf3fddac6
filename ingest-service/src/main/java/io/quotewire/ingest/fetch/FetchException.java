package io.quotewire.ingest.fetch;

/** A page or feed could not be fetched: refused, timed out, too large, a bad status, too many redirects. */
public class FetchException extends Exception {

    public FetchException(String message) {
        super(message);
    }

    public FetchException(String message, Throwable cause) {
        super(message, cause);
    }
}
