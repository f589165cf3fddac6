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
