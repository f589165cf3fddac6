package io.quotewire.web;

import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ParameterConvertersTest {

    enum Kind { DIRECT, PARTIAL }

    private static final OffsetDateTime NOV_1 = OffsetDateTime.of(2026, 11, 1, 0, 0, 0, 0, ZoneOffset.UTC);

    @Test
    void readsTheDateTimeFormsClientsSend() {
        assertThat(ParameterConverters.dateTime("2026-11-01T00:00:00Z")).isEqualTo(NOV_1);
        assertThat(ParameterConverters.dateTime("2026-11-01T00:00:00.000000+0000")).isEqualTo(NOV_1);
        assertThat(ParameterConverters.dateTime("2026-11-01T00:00:00+00:00")).isEqualTo(NOV_1);
        assertThat(ParameterConverters.dateTime("2026-11-01T01:00+01")).isEqualTo(NOV_1.plusHours(1)
                .withOffsetSameLocal(ZoneOffset.ofHours(1)));
        assertThat(ParameterConverters.dateTime("2026-11-01T00:00:00")).isEqualTo(NOV_1);
        assertThat(ParameterConverters.dateTime("2026-11-01")).isEqualTo(NOV_1);
        // Any precision: milli, micro, nano, and beyond (cut to nanoseconds).
        assertThat(ParameterConverters.dateTime("2026-11-01T00:00:00.5Z")).isEqualTo(NOV_1.plusNanos(500_000_000));
        assertThat(ParameterConverters.dateTime("2026-11-01T00:00:00.123Z")).isEqualTo(NOV_1.plusNanos(123_000_000));
        assertThat(ParameterConverters.dateTime("2026-11-01T00:00:00.123456789Z")).isEqualTo(NOV_1.plusNanos(123_456_789));
        assertThat(ParameterConverters.dateTime("2026-11-01T00:00:00.123456789123+00:00"))
                .isEqualTo(NOV_1.plusNanos(123_456_789));
        // Other offsets: the same instant.
        assertThat(ParameterConverters.dateTime("2026-11-01T02:00:00+02:00").toInstant()).isEqualTo(NOV_1.toInstant());
        assertThat(ParameterConverters.dateTime("2026-10-31T19:00:00.000-0500").toInstant()).isEqualTo(NOV_1.toInstant());
        // RFC 3339's lower case and space separator; an unencoded '+' that arrived as a space.
        assertThat(ParameterConverters.dateTime("2026-11-01t00:00:00z")).isEqualTo(NOV_1);
        assertThat(ParameterConverters.dateTime("2026-11-01 00:00:00Z")).isEqualTo(NOV_1);
        assertThat(ParameterConverters.dateTime("2026-11-01T01:00:00 01:00").toInstant()).isEqualTo(NOV_1.toInstant());
        assertThat(ParameterConverters.dateTime("2026-11-01T00:00:00.000000 0000")).isEqualTo(NOV_1);
        assertThat(ParameterConverters.dateTime("yesterday")).isNull();
        assertThat(ParameterConverters.dateTime("2026-11-01T25:00:00Z")).isNull();
        assertThat(ParameterConverters.dateTime("2026-11-01T00:00:00+0000junk")).isNull();
        assertThat(ParameterConverters.dateTime("1730419200")).isNull();
        assertThat(ParameterConverters.dateTime("01/11/2026")).isNull();
        assertThat(ParameterConverters.dateTime("2026-13-01")).isNull();
    }

    @Test
    void enumsInAnyCaseAndRefusalsListTheValues() {
        assertThat(ParameterConverters.enumValue(Kind.class, "direct")).isEqualTo(Kind.DIRECT);
        assertThat(ParameterConverters.enumValue(Kind.class, " Partial ")).isEqualTo(Kind.PARTIAL);
        assertThat(ParameterConverters.enumValue(Kind.class, "shouted")).isNull();
        var converter = new ParameterConverters().getConverter(Kind.class, Kind.class,
                KnownParametersTest.Api.class.getMethods()[0].getParameterAnnotations()[0]);
        assertThatThrownBy(() -> converter.fromString("shouted"))
                .isInstanceOfSatisfying(ProblemException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.getMessage()).contains("DIRECT, PARTIAL").contains("'shouted'");
                });
    }
}
