package io.quotewire.web;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class QueryParameterLimitTest {

    private static QueryParameterLimit.Refusal refusal(Map.Entry<String, String>... params) {
        return QueryParameterLimit.refusal(List.of(params), 3, 10);
    }

    @Test
    void acceptsShortPrintableParameters() {
        assertThat(refusal(Map.entry("q", "tram line"), Map.entry("limit", "5"))).isNull();
        assertThat(refusal(Map.entry("q", "a\tb\r\n"))).isNull();
    }

    @Test
    void refusesANulByteNamingTheParameter() {
        QueryParameterLimit.Refusal r = refusal(Map.entry("q", "tram\u0000"));
        assertThat(r.parameter()).isEqualTo("q");
        assertThat(r.detail()).contains("U+0000");
        assertThat(refusal(Map.entry("sp\u0001", "x")).parameter()).isEqualTo("sp?");
    }

    @Test
    void refusesTooLongAndTooMany() {
        assertThat(refusal(Map.entry("q", "x".repeat(11))).parameter()).isEqualTo("q");
        QueryParameterLimit.Refusal many = refusal(Map.entry("a", "1"), Map.entry("b", "1"), Map.entry("c", "1"),
                Map.entry("d", "1"));
        assertThat(many.parameter()).isNull();
        assertThat(many.detail()).contains("at most 3");
    }
}
