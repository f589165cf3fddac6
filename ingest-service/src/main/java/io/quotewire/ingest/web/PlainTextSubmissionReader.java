package io.quotewire.ingest.web;

import io.quotewire.ingest.api.model.DocumentSubmission;
import io.quotewire.ingest.domain.Headline;
import io.quotewire.web.ProblemException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyReader;
import jakarta.ws.rs.ext.Provider;

import java.io.IOException;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;

/**
 * Reads a {@code text/plain} ingest: the body is the article text, stored exactly as received
 * (decoded with the request's charset, UTF-8 by default). Headers {@code X-Title},
 * {@code X-Source} and {@code X-Source-Url} fill the other fields; without {@code X-Title}, a
 * headline on the first line (see {@link Headline}) becomes the title.
 */
@Provider
@Consumes(MediaType.TEXT_PLAIN)
public class PlainTextSubmissionReader implements MessageBodyReader<DocumentSubmission> {

    public static final String TITLE = "X-Title";
    public static final String SOURCE = "X-Source";
    public static final String SOURCE_URL = "X-Source-Url";

    @Override
    public boolean isReadable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return type == DocumentSubmission.class && MediaType.TEXT_PLAIN_TYPE.isCompatible(mediaType);
    }

    @Override
    public DocumentSubmission readFrom(Class<DocumentSubmission> type, Type genericType, Annotation[] annotations,
                                       MediaType mediaType, MultivaluedMap<String, String> headers,
                                       InputStream body) throws IOException {
        String text = new String(body.readAllBytes(), charset(mediaType));
        String title = header(headers, TITLE);
        if (title == null) {
            title = Headline.of(text).orElse(null);
        }
        return new DocumentSubmission()
                .text(text)
                .title(title)
                .source(header(headers, SOURCE))
                .url(header(headers, SOURCE_URL));
    }

    private static Charset charset(MediaType mediaType) {
        String name = mediaType == null ? null : mediaType.getParameters().get(MediaType.CHARSET_PARAMETER);
        if (name == null) {
            return StandardCharsets.UTF_8;
        }
        try {
            return Charset.forName(name);
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            throw new ProblemException(415, "Unsupported Media Type", "unsupported charset: " + name);
        }
    }

    static String header(MultivaluedMap<String, String> headers, String name) {
        String value = headers.getFirst(name);
        return value == null || value.isBlank() ? null : headerText(value).strip();
    }

    /**
     * Header bytes reach us as ISO-8859-1 characters, while clients (curl, browsers, most HTTP
     * libraries) send non-ASCII titles as UTF-8 bytes: read those bytes again as UTF-8 when they
     * are valid UTF-8, otherwise keep the ISO-8859-1 reading.
     */
    static String headerText(String raw) {
        if (raw.chars().allMatch(c -> c < 0x80) || raw.chars().anyMatch(c -> c > 0xFF)) {
            return raw;
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(raw.getBytes(StandardCharsets.ISO_8859_1)))
                    .toString();
        } catch (CharacterCodingException notUtf8) {
            return raw;
        }
    }
}
