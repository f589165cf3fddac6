package io.quotewire.ingest.domain;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Content hash canonicalisation and headline detection. */
class TextRulesTest {

    @Test
    void hashIgnoresWhitespaceLayoutAndUnicodeComposition() {
        String a = ContentHash.of("Le président a dit: «oui».");
        assertThat(ContentHash.of("  Le\u00a0pre\u0301sident \n\n a\tdit: «oui».\r\n")).isEqualTo(a);
        assertThat(ContentHash.of("Le président a dit: «non».")).isNotEqualTo(a);
        assertThat(ContentHash.of("Lepré sident a dit: «oui».")).isNotEqualTo(a);
        assertThat(a).hasSize(64).matches("[0-9a-f]{64}");
    }

    @Test
    void headlineIsAShortFirstLineThatDoesNotEndASentence() {
        assertThat(Headline.of("Talks in Istanbul\nThe president said he was ready."))
                .contains("Talks in Istanbul");
        assertThat(Headline.of("Talks in Istanbul\r\n\r\nThe president said.")).contains("Talks in Istanbul");
        assertThat(Headline.of("  Is peace near? \nText.")).isEmpty();
        assertThat(Headline.of("The president said he was ready.\nMore text.")).isEmpty();
        assertThat(Headline.of("He said \"we are ready.\"\nMore text.")).isEmpty();
        assertThat(Headline.of("A single line without a break")).isEmpty();
        assertThat(Headline.of("Headline only\n   \n")).isEmpty();
        assertThat(Headline.of("\nText after an empty first line.")).isEmpty();
        assertThat(Headline.of("x".repeat(150) + "\nText.")).isEmpty();
        assertThat(Headline.of("x".repeat(149) + "\nText.")).isPresent();
    }
}
