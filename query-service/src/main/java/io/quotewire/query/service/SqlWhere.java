package io.quotewire.query.service;

import jakarta.persistence.Query;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** WHERE conditions with named parameters, shared by the paged (JPA) and streamed (JDBC) listings. */
final class SqlWhere {

    final List<String> conditions = new ArrayList<>();
    final Map<String, Object> params = new LinkedHashMap<>();
    /** The table listing starts from and its (time, id) sort key: quotes, or a table that leads to them. */
    private String from = "quotes q";
    private String time = "q.sort_at";
    private String id = "q.id";

    /**
     * Reads the listing from {@code table} (which joins quotes as q) in the order of its own
     * (time, id) columns, which equal q.sort_at and q.id: the planner then walks that table's index.
     */
    SqlWhere drive(String table, String timeColumn, String idColumn) {
        from = table;
        time = timeColumn;
        id = idColumn;
        return this;
    }

    boolean isDrivenByQuotes() {
        return "quotes q".equals(from);
    }

    /** "FROM table\n" for a quote listing. */
    String from() {
        return "FROM " + from + "\n";
    }

    /** Newest first, on the driving table's columns. */
    String newest() {
        return time + " DESC, " + id + " DESC";
    }

    /** The (time, id) row value for keyset conditions. */
    String keyset() {
        return "(" + time + ", " + id + ")";
    }

    SqlWhere and(String condition) {
        conditions.add(condition);
        return this;
    }

    SqlWhere and(String condition, String name, Object value) {
        conditions.add(condition);
        params.put(name, value);
        return this;
    }

    SqlWhere param(String name, Object value) {
        params.put(name, value);
        return this;
    }

    /** "WHERE a AND b\n", or "" without conditions. */
    String sql() {
        return conditions.isEmpty() ? "" : "WHERE " + String.join("\n  AND ", conditions) + "\n";
    }

    void bind(Query query) {
        params.forEach(query::setParameter);
    }
}
