package io.quotewire.query.names;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The order-free name keys and the partial-name rule, without a database. */
class NameKeyTest {

    private static String key(String name) {
        return NameKey.of("PERSON", name).key();
    }

    @Test
    void middleNamesInitialsTitlesAndCaseDoNotCount() {
        assertThat(key("James B. Comey")).isEqualTo(key("James Comey")).isEqualTo("F:james|comey|");
        assertThat(key("Donald J. Trump")).isEqualTo(key("Donald Trump")).isEqualTo(key("DONALD TRUMP"));
        assertThat(key("Vladimir V. Putin")).isEqualTo(key("Vladimir Putin"));
        assertThat(key("Hillary Rodham Clinton")).isEqualTo(key("Hillary Clinton"));
        assertThat(key("President Donald Trump")).isEqualTo(key("Donald Trump"));
        assertThat(key("Sen. Elizabeth Warren")).isEqualTo(key("Elizabeth Warren"));
        assertThat(key("Mr. Trump")).isEqualTo(key("Trump")).isEqualTo(key("President Trump")).isEqualTo("P:|trump|");
        assertThat(key("Trump's")).isEqualTo("P:|trump|");
        // a headline's title case: the verb and what follows are not part of the name
        assertThat(key("Donald Trump Says")).isEqualTo(key("Donald Trump"));
        assertThat(key("Vladimir Putin Warns West")).isEqualTo(key("Vladimir Putin"));
    }

    @Test
    void shortFormsOfFirstNamesAreOneName() {
        assertThat(key("Joe Biden")).isEqualTo(key("Joseph Biden"));
        assertThat(key("Pat Toomey")).isEqualTo(key("Patrick Toomey"));
        assertThat(key("Doug Jones")).isEqualTo(key("Douglas Jones"));
        assertThat(key("Bill Clinton")).isEqualTo(key("William Jefferson Clinton"));
        assertThat(key("Joe Biden")).isNotEqualTo(key("Jill Biden"));
    }

    @Test
    void spellingVariantsOfALongSurnameAreOneName() {
        assertThat(key("Volodymyr Zelenskyy")).isEqualTo(key("Volodymyr Zelensky"))
                .isEqualTo(key("Volodymyr Zelenskiy")).isEqualTo(key("Volodymyr Zelenski"));
        assertThat(key("Zelenskyy")).isEqualTo(key("Zelensky"));
        assertThat(key("Dmitry Peskov")).isEqualTo(key("Dmitri Peskov"));
        // short surnames are compared as written, and the first name must be the same
        assertThat(NameKey.foldSurname("lui")).isEqualTo("lui");
        assertThat(key("Olena Zelenska")).isNotEqualTo(key("Volodymyr Zelensky"));
        assertThat(key("Oleksandr Zelensky")).isNotEqualTo(key("Volodymyr Zelensky"));
    }

    @Test
    void aSuffixIsPartOfTheName() {
        assertThat(key("Donald Trump Jr.")).isEqualTo(key("Donald J. Trump, Jr.")).isEqualTo("F:donald|trump|jr");
        assertThat(key("Donald Trump Jr.")).isNotEqualTo(key("Donald Trump"));
        assertThat(key("Robert F. Kennedy Jr.")).isNotEqualTo(key("Robert Kennedy"));
        assertThat(key("Martin Luther King III")).isNotEqualTo(key("Martin Luther King"));
    }

    @Test
    void hyphenatedAndParticleSurnamesStayWhole() {
        assertThat(NameKey.of("PERSON", "Adaeze Okonjo-Price").surname()).isEqualTo("okonjo-price");
        assertThat(key("Adaeze Okonjo-Price")).isNotEqualTo(key("Adaeze Price"));
        assertThat(key("Beto O'Rourke")).isEqualTo(key("BETO O\u2019ROURKE"));
    }

    @Test
    void otherTypesAreKeyedByTheirNormalisedName() {
        assertThat(NameKey.of("ORGANIZATION", "The White House").key()).isEqualTo("N:the white house");
        assertThat(NameKey.of("LOCATION", "Kyiv").kind()).isEqualTo(NameKey.Kind.NAME);
        assertThat(NameKey.of("PERSON", "J.").kind()).isEqualTo(NameKey.Kind.NAME);
    }

    @Test
    void keysRoundTripThroughTheirString() {
        for (String name : new String[] {"Donald Trump Jr.", "Trump", "J. Comey", "Volodymyr Zelenskyy"}) {
            NameKey k = NameKey.of("PERSON", name);
            assertThat(NameKey.parse(k.key())).isEqualTo(k);
        }
    }

    @Test
    void aPartialNameJoinsOnlyTheOnePersonItFits() {
        NameKey trump = NameKey.of("PERSON", "Trump");
        Map<NameKey, String> fulls = new LinkedHashMap<>();
        fulls.put(NameKey.of("PERSON", "Donald Trump"), "donald");
        assertThat(Matching.target(trump, fulls)).isEqualTo("donald");
        fulls.put(NameKey.of("PERSON", "Donald Trump Jr."), "junior");
        assertThat(Matching.target(trump, fulls)).isNull();
        assertThat(Matching.target(NameKey.of("PERSON", "Trump Jr."), fulls)).isEqualTo("junior");
        // two keys a human merged into one entity are one person
        fulls.put(NameKey.of("PERSON", "Donald Trump Jr."), "donald");
        assertThat(Matching.target(trump, fulls)).isEqualTo("donald");

        Map<NameKey, String> comeys = new LinkedHashMap<>();
        comeys.put(NameKey.of("PERSON", "James Comey"), "james");
        comeys.put(NameKey.of("PERSON", "Pat Comey"), "pat");
        assertThat(Matching.target(NameKey.of("PERSON", "J. Comey"), comeys)).isEqualTo("james");
        assertThat(Matching.target(NameKey.of("PERSON", "Comey"), comeys)).isNull();
        assertThat(Matching.target(NameKey.of("PERSON", "Comey"), Map.<NameKey, String>of())).isNull();
        assertThat(Matching.target(NameKey.of("PERSON", "James Comey"), comeys)).isNull();
    }

    @Test
    void theDisplayNameIsTheBestFormWhateverTheOrder() {
        assertThat(Matching.betterName("Donald Trump", "Donald J. Trump")).isTrue();
        assertThat(Matching.betterName("Donald J. Trump", "Donald Trump")).isFalse();
        assertThat(Matching.betterName("Trump", "TRUMP'S")).isTrue();
        assertThat(Matching.betterName("Volodymyr Zelensky", "Volodymyr Zelenskyy")).isTrue();
        assertThat(Matching.betterName("Donald Trump", "Donald Trump")).isFalse();
    }
}
