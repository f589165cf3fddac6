package io.quotewire.query.read;

import io.quotewire.query.sql.NamedJdbc;
import io.quotewire.query.sql.Rows;
import io.quotewire.query.sql.SqlWhere;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quotewire.query.api.model.ExportFormat;
import io.quotewire.query.api.model.QuoteHit;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.StreamingOutput;

import javax.sql.DataSource;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Streamed exports of quote and article listings: the filters are checked (400s) before anything
 * is sent, then rows are read from a server-side cursor (JDBC fetch size, autocommit off) and
 * written as they come, so an export of any size uses constant memory.
 */
@ApplicationScoped
public class Exports {

    private static final int FETCH_SIZE = 500;

    private static final List<String> QUOTE_COLUMNS = List.of("id", "published_at", "source", "document_id", "title",
            "speaker_id", "speaker", "type", "text", "start", "end", "sentence", "cluster_id", "family_id", "parts",
            "speaker_resolution", "speaker_mention");

    @Inject
    DataSource dataSource;

    @Inject
    QuoteQueries quotes;

    @Inject
    DocumentQueries documents;

    @Inject
    ObjectMapper objectMapper;

    /** {@code GET /api/v1/export/quotes}: newest first. */
    public StreamingOutput quotes(QuoteFilter filter, ExportFormat format) {
        SqlWhere where = quotes.where(filter);
        String sql = "SELECT " + QuoteQueries.COLUMNS + ", NULL\n" + where.from() + QuoteQueries.JOINS + where.sql()
                + "ORDER BY " + where.newest();
        boolean csv = format == ExportFormat.CSV;
        return out -> stream(out, sql, where.params, csv ? QUOTE_COLUMNS : null, (w, c) -> {
            QuoteHit hit = QuoteQueries.row(c).hit();
            if (csv) {
                // Arrays.asList: a quote may have no speaker, resolution or publication time (List.of refuses nulls)
                csvLine(w, Arrays.asList(hit.getId(), time(hit.getDocument().getPublishedAt()),
                        hit.getDocument().getSource(), hit.getDocument().getId(), hit.getDocument().getTitle(),
                        hit.getSpeaker() == null ? null : hit.getSpeaker().getEntityId(),
                        hit.getSpeaker() == null ? null : hit.getSpeaker().getName(), hit.getType(), hit.getText(),
                        hit.getStart(), hit.getEnd(), hit.getSentence(), hit.getClusterId(),
                        hit.getDocument().getFamilyId(), partOffsets(hit),
                        hit.getSpeaker() == null ? null : hit.getSpeaker().getResolution(),
                        hit.getSpeaker() == null || hit.getSpeaker().getMention() == null ? null
                                : hit.getSpeaker().getMention().getText()));
            } else {
                w.write(objectMapper.writeValueAsString(hit));
                w.write('\n');
            }
        });
    }

    /** {@code GET /api/v1/export/documents}: newest first. */
    public StreamingOutput documents(String q, Long entity, String source, OffsetDateTime from, OffsetDateTime to,
                                     boolean withText, ExportFormat format) {
        SqlWhere where = documents.where(q, entity, source, from, to);
        String sql = "SELECT d.id, d.published_at, d.source, d.title, d.url, d.family_id, "
                + (withText ? "d.text" : "NULL") + " FROM documents d\n" + where.sql() + "ORDER BY d.sort_at DESC, d.id DESC";
        boolean csv = format == ExportFormat.CSV;
        List<String> header = withText ? List.of("id", "published_at", "source", "title", "url", "family_id", "text")
                : List.of("id", "published_at", "source", "title", "url", "family_id");
        return out -> stream(out, sql, where.params, csv ? header : null, (w, c) -> {
            // Arrays.asList: an article may have no publication time, source, title or address (List.of refuses nulls)
            List<Object> values = new java.util.ArrayList<>(java.util.Arrays.asList(c[0], time(Rows.toTime(c[1])),
                    str(c[2]), str(c[3]), str(c[4]), c[5]));
            if (withText) {
                values.add(c[6]);
            }
            if (csv) {
                csvLine(w, values);
            } else {
                Map<String, Object> json = new LinkedHashMap<>();
                for (int i = 0; i < values.size(); i++) {
                    if (values.get(i) != null) {
                        json.put(CAMEL.get(header.get(i)), values.get(i).toString());
                    }
                }
                w.write(objectMapper.writeValueAsString(json));
                w.write('\n');
            }
        });
    }

    /** The CSV form of a quote's parts: each part's start-end, separated by ';' ("43-57;75-92"). */
    static String partOffsets(QuoteHit hit) {
        StringBuilder parts = new StringBuilder();
        for (var part : hit.getParts()) {
            if (!parts.isEmpty()) {
                parts.append(';');
            }
            parts.append(part.getStart()).append('-').append(part.getEnd());
        }
        return parts.toString();
    }

    private static final Map<String, String> CAMEL = Map.of("id", "id", "published_at", "publishedAt",
            "source", "source", "title", "title", "url", "url", "family_id", "familyId", "text", "text");

    private interface RowWriter {
        void write(Writer w, Object[] columns) throws IOException;
    }

    private void stream(java.io.OutputStream out, String sql, Map<String, Object> params, List<String> csvHeader,
                        RowWriter rowWriter) throws IOException {
        Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
        if (csvHeader != null) {
            csvLine(w, List.copyOf(csvHeader));
        }
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            c.setReadOnly(true);
            try (PreparedStatement ps = NamedJdbc.prepare(c, sql, params)) {
                ps.setFetchSize(FETCH_SIZE);
                try (ResultSet rs = ps.executeQuery()) {
                    int n = rs.getMetaData().getColumnCount();
                    while (rs.next()) {
                        Object[] row = new Object[n];
                        for (int i = 0; i < n; i++) {
                            row[i] = rs.getObject(i + 1);
                        }
                        rowWriter.write(w, row);
                    }
                }
            } finally {
                c.rollback();
            }
        } catch (SQLException e) {
            throw new IOException("export failed", e);
        }
        w.flush();
    }

    /** One RFC 4180 line: fields with a comma, quote or line break are quoted, quotes doubled. */
    static void csvLine(Writer w, List<?> values) throws IOException {
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                w.write(',');
            }
            Object v = values.get(i);
            String s = v == null ? "" : v.toString();
            if (s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0) {
                w.write('"');
                w.write(s.replace("\"", "\"\""));
                w.write('"');
            } else {
                w.write(s);
            }
        }
        w.write("\r\n");
    }

    private static String time(OffsetDateTime t) {
        return t == null ? null : t.toString();
    }

    private static String str(Object o) {
        return Rows.toStr(o);
    }

}
