package io.quotewire.ingest.fetch;

import java.net.URI;
import java.util.Locale;

/**
 * An HTTP response as fetched. {@code status} 304 (not modified) has an empty body.
 *
 * @param url          the address finally answered, after redirects
 * @param contentType  the Content-Type header, or null
 */
public record FetchedPage(URI url, int status, String contentType, byte[] body, String etag, String lastModified) {

    public boolean notModified() {
        return status == 304;
    }

    /** The media type without parameters, lower case; empty when the server sent none. */
    public String mediaType() {
        if (contentType == null) {
            return "";
        }
        int semicolon = contentType.indexOf(';');
        return (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).strip().toLowerCase(Locale.ROOT);
    }

    /** The charset parameter of the Content-Type, or null. */
    public String charset() {
        if (contentType == null) {
            return null;
        }
        for (String part : contentType.split(";")) {
            String p = part.strip();
            if (p.toLowerCase(Locale.ROOT).startsWith("charset=")) {
                return p.substring("charset=".length()).replace("\"", "").strip();
            }
        }
        return null;
    }
}
