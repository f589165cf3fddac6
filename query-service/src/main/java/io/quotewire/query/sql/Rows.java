package io.quotewire.query.sql;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Collection;
import java.util.UUID;

/** Conversions of native-query column values (whose Java types depend on the JDBC driver). */
public final class Rows {

    private Rows() {
    }

    public static Long toLong(Object o) {
        return o == null ? null : ((Number) o).longValue();
    }

    public static Integer toInt(Object o) {
        return o == null ? null : ((Number) o).intValue();
    }

    public static Double toDouble(Object o) {
        return o == null ? null : ((Number) o).doubleValue();
    }

    public static String toStr(Object o) {
        return o == null ? null : o.toString();
    }

    public static UUID toUuid(Object o) {
        if (o == null || o instanceof UUID) {
            return (UUID) o;
        }
        return UUID.fromString(o.toString());
    }

    /** An SQL array value as Java objects (empty for null). */
    public static Object[] toArray(Object o) {
        if (o == null) {
            return new Object[0];
        }
        if (o instanceof java.sql.Array a) {
            try {
                return (Object[]) a.getArray();
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            }
        }
        if (o instanceof Object[] a) {
            return a;
        }
        if (o instanceof java.util.Collection<?> c) {
            return c.toArray();
        }
        throw new IllegalStateException("not an array: " + o.getClass());
    }

    /** An SQL int[] value (empty for null). */
    public static int[] toInts(Object o) {
        if (o instanceof int[] ints) {
            return ints;
        }
        Object[] values = toArray(o);
        int[] ints = new int[values.length];
        for (int i = 0; i < values.length; i++) {
            ints[i] = ((Number) values[i]).intValue();
        }
        return ints;
    }

    /** A timestamptz value as an OffsetDateTime in UTC. */
    public static OffsetDateTime toTime(Object o) {
        if (o == null) {
            return null;
        }
        if (o instanceof OffsetDateTime t) {
            return t.withOffsetSameInstant(ZoneOffset.UTC);
        }
        if (o instanceof Instant t) {
            return t.atOffset(ZoneOffset.UTC);
        }
        if (o instanceof ZonedDateTime t) {
            return t.toOffsetDateTime().withOffsetSameInstant(ZoneOffset.UTC);
        }
        if (o instanceof Timestamp t) {
            return t.toInstant().atOffset(ZoneOffset.UTC);
        }
        if (o instanceof LocalDateTime t) {
            return t.atOffset(ZoneOffset.UTC);
        }
        throw new IllegalStateException("not a timestamp: " + o.getClass());
    }

    /** A PostgreSQL array literal of the ids (numbers or UUIDs), in iteration order: bind it as {@code CAST(:x AS bigint[])} or {@code uuid[]}. */
    public static String pgArray(Collection<?> ids) {
        StringBuilder s = new StringBuilder("{");
        for (Object id : ids) {
            s.append(s.length() == 1 ? "" : ",").append(id);
        }
        return s.append('}').toString();
    }
}
