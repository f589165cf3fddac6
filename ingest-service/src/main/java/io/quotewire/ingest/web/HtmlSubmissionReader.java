package io.quotewire.ingest.web;

import io.quotewire.cleaner.Charsets;
import io.quotewire.ingest.api.model.DocumentSubmission;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyReader;
import jakarta.ws.rs.ext.Provider;

import java.io.IOException;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;

/**
 * Reads a {@code text/html} ingest or cleaning: the body is a web page, decoded with the charset of
 * the Content-Type or, when there is none (or an unknown one), the page's own
 * {@code <meta charset>} (see {@link Charsets#decode}). {@code X-Source-Url} says where it came
 * from, {@code X-Title} and {@code X-Source} win over what the page declares.
 */
@Provider
@Consumes(MediaType.TEXT_HTML)
public class HtmlSubmissionReader implements MessageBodyReader<DocumentSubmission> {

    @Override
    public boolean isReadable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return type == DocumentSubmission.class && MediaType.TEXT_HTML_TYPE.isCompatible(mediaType);
    }

    @Override
    public DocumentSubmission readFrom(Class<DocumentSubmission> type, Type genericType, Annotation[] annotations,
                                       MediaType mediaType, MultivaluedMap<String, String> headers,
                                       InputStream body) throws IOException {
        String charset = mediaType == null ? null : mediaType.getParameters().get(MediaType.CHARSET_PARAMETER);
        return new DocumentSubmission()
                .html(Charsets.decode(body.readAllBytes(), charset))
                .title(PlainTextSubmissionReader.header(headers, PlainTextSubmissionReader.TITLE))
                .source(PlainTextSubmissionReader.header(headers, PlainTextSubmissionReader.SOURCE))
                .url(PlainTextSubmissionReader.header(headers, PlainTextSubmissionReader.SOURCE_URL));
    }
}
