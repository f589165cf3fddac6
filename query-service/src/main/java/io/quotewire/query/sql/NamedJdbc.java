package io.quotewire.query.sql;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Prepares SQL written with JPA-style {@code :name} parameters for plain JDBC (used where rows are
 * streamed from a cursor). Collection values expand to {@code ?, ?, ...}. The SQL must not contain
 * {@code :} inside string literals or {@code ::} casts (the queries here use CAST).
 */
public final class NamedJdbc {

    private NamedJdbc() {
    }

    public static PreparedStatement prepare(Connection c, String sql, Map<String, Object> params) throws SQLException {
        StringBuilder out = new StringBuilder(sql.length());
        List<Object> values = new ArrayList<>();
        int i = 0;
        while (i < sql.length()) {
            char ch = sql.charAt(i);
            if (ch == ':' && i + 1 < sql.length() && Character.isJavaIdentifierStart(sql.charAt(i + 1))) {
                int end = i + 1;
                while (end < sql.length() && Character.isJavaIdentifierPart(sql.charAt(end))) {
                    end++;
                }
                String name = sql.substring(i + 1, end);
                if (!params.containsKey(name)) {
                    throw new IllegalArgumentException("no value for :" + name);
                }
                Object value = params.get(name);
                if (value instanceof Collection<?> many) {
                    StringBuilder marks = new StringBuilder();
                    for (Object v : many) {
                        marks.append(marks.length() == 0 ? "?" : ", ?");
                        values.add(v);
                    }
                    out.append(marks.length() == 0 ? "NULL" : marks);
                } else {
                    out.append('?');
                    values.add(value);
                }
                i = end;
            } else {
                out.append(ch);
                i++;
            }
        }
        PreparedStatement ps = c.prepareStatement(out.toString());
        for (int k = 0; k < values.size(); k++) {
            ps.setObject(k + 1, values.get(k));
        }
        return ps;
    }
}
