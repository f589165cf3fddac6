package io.quotewire.query.web;

import io.quotewire.query.api.ExportApi;
import io.quotewire.query.api.model.ExportFormat;
import io.quotewire.query.api.model.QuoteType;
import io.quotewire.query.read.Exports;
import io.quotewire.query.read.QuoteFilter;
import jakarta.inject.Inject;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

import java.time.OffsetDateTime;

/** Streamed NDJSON / CSV exports (the filters are checked before the response starts). */
@Path("/")
public class ExportResource implements ExportApi {

    private static final String NDJSON = "application/x-ndjson";
    private static final String CSV = "text/csv; charset=utf-8";

    @Inject
    Exports exports;

    @Override
    public Response exportQuotes(ExportFormat format, String speaker, Long speakerId, Long about, String q,
                                 QuoteType type, String source, OffsetDateTime from, OffsetDateTime to,
                                 Boolean perFamily) {
        StreamingOutput body = exports.quotes(new QuoteFilter(speaker, speakerId, about, q, type, source, from, to,
                Boolean.TRUE.equals(perFamily)), format);
        return response(body, format, "quotes");
    }

    @Override
    public Response exportDocuments(ExportFormat format, String q, Long entity, String source, OffsetDateTime from,
                                    OffsetDateTime to, Boolean text) {
        StreamingOutput body = exports.documents(q, entity, source, from, to, Boolean.TRUE.equals(text), format);
        return response(body, format, "documents");
    }

    private static Response response(StreamingOutput body, ExportFormat format, String name) {
        boolean csv = format == ExportFormat.CSV;
        return Response.ok(body, csv ? CSV : NDJSON)
                .header("Content-Disposition", "attachment; filename=\"" + name + (csv ? ".csv" : ".ndjson") + "\"")
                .build();
    }
}
