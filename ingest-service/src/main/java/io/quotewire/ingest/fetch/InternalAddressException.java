package io.quotewire.ingest.fetch;

/** A URL (or a redirect) points at a loopback, private or otherwise internal address: not fetched. */
public class InternalAddressException extends FetchException {

    public InternalAddressException(String message) {
        super(message);
    }
}
