package io.quotewire.query.sql;

import jakarta.persistence.Query;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** WHERE conditions with named parameters, shared by the paged (JPA) and streamed (JDBC) listings. */
public final class SqlWhere {

    public final List<String> conditions = new ArrayList<>();
    public final Map<String, Object> params = new LinkedHashMap<>();
    /** The table listing starts from and its (time, id) sort key: quotes, or a table that leads to them. */
    private String from = "quotes q";
    private String time = "q.sort_at";
    private String id = "q.id";

    /**
     * Reads the listing from {@code table} (which joins quotes as q) in the order of its own
     * (time, id) columns, which equal q.sort_at and q.id: the planner then walks that table's index.
     */
    public SqlWhere drive(String table, String timeColumn, String idColumn) {
        from = table;
        time = timeColumn;
        id = idColumn;
        return this;
    }

    public boolean isDrivenByQuotes() {
        return "quotes q".equals(from);
    }

    /** "FROM table\n" for a quote listing. */
    public String from() {
        return "FROM " + from + "\n";
    }

    /** Newest first, on the driving table's columns. */
    public String newest() {
        return time + " DESC, " + id + " DESC";
    }

    /** The (time, id) row value for keyset conditions. */
    public String keyset() {
        return "(" + time + ", " + id + ")";
    }

    public SqlWhere and(String condition) {
        conditions.add(condition);
        return this;
    }

    public SqlWhere and(String condition, String name, Object value) {
        conditions.add(condition);
        params.put(name, value);
        return this;
    }

    public SqlWhere param(String name, Object value) {
        params.put(name, value);
        return this;
    }

    /** "WHERE a AND b\n", or "" without conditions. */
    public String sql() {
        return conditions.isEmpty() ? "" : "WHERE " + String.join("\n  AND ", conditions) + "\n";
    }

    public void bind(Query query) {
        params.forEach(query::setParameter);
    }
}
