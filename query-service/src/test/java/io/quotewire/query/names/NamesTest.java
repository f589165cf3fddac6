package io.quotewire.query.names;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The name keys entity resolution and speaker search match on. */
class NamesTest {

    @Test
    void keysIgnoreCaseAccentsPossessivesPunctuationAndHonorifics() {
        assertThat(Names.key("Trump's")).isEqualTo("trump");
        assertThat(Names.key("TRUMP\u2019S")).isEqualTo("trump");
        assertThat(Names.key("Mr. Trump")).isEqualTo("trump");
        assertThat(Names.key("Donald J. Trump")).isEqualTo("donald j trump");
        assertThat(Names.key("José Andrés")).isEqualTo(Names.key("Jose Andres"));
        assertThat(Names.key("Søren Kjær")).isEqualTo("soren kjaer");
        assertThat(Names.key("Jean-Claude Juncker")).isEqualTo("jean claude juncker");
        assertThat(Names.key("O'Sullivan")).isEqualTo("o sullivan");
        assertThat(Names.key("  ...  ")).isEmpty();
        // An honorific alone is still a name.
        assertThat(Names.key("Dr")).isEqualTo("dr");
    }

    @Test
    void surnameIsTheLastWordOfAMultiWordName() {
        assertThat(Names.surname("donald trump")).isEqualTo("trump");
        assertThat(Names.surname("donald trump jr")).isEqualTo("trump");
        assertThat(Names.surname("trump")).isNull();
        assertThat(Names.words("ursula von der leyen")).isEqualTo(4);
        assertThat(Names.words("")).isZero();
    }
}
