package io.quotewire.web;

import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;

import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Reads parameter values the way clients send them, and refuses the rest with a 400 that names the parameter and
 * the rule:
 * <ul>
 *   <li>an enum (a contract's {@code type}, {@code sort}, {@code format}, {@code status} …) in any case
 *       ({@code direct} is {@code DIRECT}); anything else lists the allowed values;</li>
 *   <li>a date-time as ISO 8601 / RFC 3339 with any number of fractional digits (beyond nanoseconds they are
 *       cut off) and an offset written {@code Z}, {@code +00:00}, {@code +0000} or {@code +00} (OpenAPI
 *       Generator's Python client sends {@code 2026-11-01T00:00:00.000000+0000}); {@code T} or a space between
 *       date and time; a {@code +} sent unencoded in a query string arrives as a space and is read as the
 *       {@code +} it was; without an offset it is UTC; a date alone is its start (00:00) in UTC, for every
 *       parameter (so an exclusive upper bound {@code to=2026-12-01} ends with November 30).</li>
 * </ul>
 */
@Provider
public class ParameterConverters implements ParamConverterProvider {

    /** ISO 8601 date-time with an optional offset in any of its written forms. */
    private static final DateTimeFormatter DATE_TIME = new DateTimeFormatterBuilder()
            .parseCaseInsensitive()
            .append(DateTimeFormatter.ISO_LOCAL_DATE)
            .appendLiteral('T')
            .appendValue(ChronoField.HOUR_OF_DAY, 2).appendLiteral(':')
            .appendValue(ChronoField.MINUTE_OF_HOUR, 2)
            .optionalStart().appendLiteral(':').appendValue(ChronoField.SECOND_OF_MINUTE, 2)
            .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true).optionalEnd()
            .optionalEnd()
            .optionalStart().appendOffset("+HH:MM", "Z").optionalEnd()
            .optionalStart().appendOffset("+HHMM", "Z").optionalEnd()
            .optionalStart().appendOffset("+HH", "Z").optionalEnd()
            .toFormatter(Locale.ROOT);

    /** A date and time, with its separator, then a space where an unencoded {@code +} of the offset was. */
    private static final Pattern SPACE_FOR_PLUS = Pattern.compile(
            "^(\\d{4}-\\d{2}-\\d{2}[Tt ]\\d{2}:\\d{2}(?::\\d{2}(?:\\.\\d+)?)?) (\\d{2}(?::?\\d{2})?)$");
    /** Fractional digits beyond nanoseconds. */
    private static final Pattern SUB_NANO = Pattern.compile("(\\.\\d{9})\\d+");

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public <T> ParamConverter<T> getConverter(Class<T> rawType, Type genericType, Annotation[] annotations) {
        String name = parameterName(annotations);
        if (rawType == OffsetDateTime.class) {
            return (ParamConverter<T>) new Converter<OffsetDateTime>(name, rawType, ParameterConverters::dateTime);
        }
        if (rawType.isEnum()) {
            return (ParamConverter<T>) new Converter(name, rawType, value -> enumValue((Class) rawType, (String) value));
        }
        return null;
    }

    /** The date-time a client wrote, or null when it is none of the accepted forms. */
    static OffsetDateTime dateTime(String value) {
        String v = value.strip();
        try {
            if (v.length() == 10) {
                return LocalDate.parse(v).atStartOfDay().atOffset(ZoneOffset.UTC);
            }
            v = SPACE_FOR_PLUS.matcher(v).replaceFirst("$1+$2");
            v = SUB_NANO.matcher(v).replaceFirst("$1");
            if (v.length() > 10 && v.charAt(10) == ' ') {
                v = v.substring(0, 10) + 'T' + v.substring(11);
            }
            var parsed = DATE_TIME.parse(v);
            LocalDateTime local = LocalDateTime.from(parsed);
            return parsed.isSupported(ChronoField.OFFSET_SECONDS)
                    ? local.atOffset(ZoneOffset.ofTotalSeconds(parsed.get(ChronoField.OFFSET_SECONDS)))
                    : local.atOffset(ZoneOffset.UTC);
        } catch (java.time.DateTimeException e) { // includes DateTimeParseException
            return null;
        }
    }

    /** The constant whose name or written value equals the value in any case, or null. */
    static <E extends Enum<E>> E enumValue(Class<E> type, String value) {
        String v = value.strip();
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equalsIgnoreCase(v) || constant.toString().equalsIgnoreCase(v)) {
                return constant;
            }
        }
        return null;
    }

    /** What a value of the type must look like, for the problem's detail. */
    static String rule(Class<?> type) {
        if (type.isEnum()) {
            return "one of " + Arrays.stream(type.getEnumConstants()).map(Object::toString)
                    .collect(Collectors.joining(", "));
        }
        return "an ISO 8601 / RFC 3339 date-time or a date (2026-11-01T09:30:00Z, 2026-11-01T09:30:00.000+0000, "
                + "2026-11-01T11:30:00+02:00; 2026-11-01 is 2026-11-01T00:00:00Z)";
    }

    private static String parameterName(Annotation[] annotations) {
        if (annotations != null) {
            for (Annotation a : annotations) {
                if (a instanceof QueryParam q) {
                    return q.value();
                } else if (a instanceof PathParam p) {
                    return p.value();
                } else if (a instanceof HeaderParam h) {
                    return h.value();
                }
            }
        }
        return null;
    }

    /**
     * A value refused by a converter. JAX-RS does not always tell a converter which parameter it converts, so
     * {@link ProblemMappers} names it from the request when it can ({@link #naming}).
     */
    public static final class BadValue extends ProblemException {
        private final String value;
        private final String rule;

        BadValue(String parameter, String value, String rule) {
            super(400, "Bad Request", (parameter == null ? "the value" : "parameter '" + parameter + "'") + rule,
                    parameter, 0);
            this.value = value;
            this.rule = rule;
        }

        /** The same refusal naming the parameter that carried the value. */
        ProblemException naming(String parameter) {
            return new BadValue(parameter, value, rule);
        }

        String value() {
            return value;
        }
    }

    /** Converts with the reader, or refuses the value naming the parameter and the rule. */
    private static final class Converter<V> implements ParamConverter<V> {
        private final String name;
        private final java.util.function.Function<String, V> reader;
        private final Class<?> type;

        Converter(String name, Class<?> type, java.util.function.Function<String, V> reader) {
            this.name = name;
            this.type = type;
            this.reader = reader;
        }

        @Override
        public V fromString(String value) {
            if (value == null || value.isBlank()) {
                return null;
            }
            V v = reader.apply(value);
            if (v == null) {
                throw new BadValue(name, value, " must be " + rule(type) + ", not '" + value + "'");
            }
            return v;
        }

        @Override
        public String toString(V value) {
            return value == null ? null : value.toString();
        }
    }
}
