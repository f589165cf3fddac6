package io.quotewire.ingest.web;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class HeaderTextTest {

    /** What the server sees when a client sends {@code text} as UTF-8 header bytes. */
    private static String asReceived(String text) {
        return new String(text.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
    }

    @Test
    void utf8HeaderBytesAreReadAsUtf8() {
        assertThat(PlainTextSubmissionReader.headerText(asReceived("Zélensky à Istanbul"))).isEqualTo("Zélensky à Istanbul");
        assertThat(PlainTextSubmissionReader.headerText(asReceived("Зеленський"))).isEqualTo("Зеленський");
    }

    @Test
    void asciiAndGenuineLatin1AreKept() {
        assertThat(PlainTextSubmissionReader.headerText("Plain title")).isEqualTo("Plain title");
        // "café" sent as ISO-8859-1 bytes is not valid UTF-8: keep the ISO-8859-1 reading.
        assertThat(PlainTextSubmissionReader.headerText("caf\u00e9")).isEqualTo("caf\u00e9");
    }
}
