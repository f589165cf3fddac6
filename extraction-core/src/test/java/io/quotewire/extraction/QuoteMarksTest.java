package io.quotewire.extraction;

import org.junit.jupiter.api.Test;

import static io.quotewire.extraction.Fixtures.extract;
import static io.quotewire.extraction.Fixtures.texts;
import static org.assertj.core.api.Assertions.assertThat;

class QuoteMarksTest {

    @Test
    void curlyAndStraightDoubleQuotes() {
        Extraction x = extract("“We will not back down,” Senator Mark Kelly said. \"Not now, not ever,\" he added.");
        assertThat(texts(x)).containsExactly("We will not back down,", "Not now, not ever,");
    }

    @Test
    void singleQuotesInsideDoubleBelongToTheOuterQuote() {
        Extraction x = extract("\"They told me, 'Go home,' and I refused,\" said Governor Janet Mills.");
        assertThat(texts(x)).containsExactly("They told me, 'Go home,' and I refused,");
    }

    @Test
    void apostrophesAreNotQuoteMarks() {
        Extraction x = extract("In the ’90s the senator’s staff didn’t worry about Biden’s polls, and the governors’ "
                + "association wasn't either.");
        assertThat(x.quotes()).isEmpty();
    }

    @Test
    void singleQuotesMakeAQuoteWhenTheyPairUp() {
        Extraction x = extract("Jack Reed called the plan ‘reckless’ on Tuesday.");
        assertThat(texts(x)).containsExactly("reckless");
    }

    @Test
    void closingMarkUsedToOpenStillPairs() {
        Extraction x = extract("The mayor, Karen Bass, wrote that the city ” will rebuild every home.” on Sunday.");
        assertThat(texts(x)).containsExactly("will rebuild every home.");
    }

    @Test
    void straightMarkClosingACurlyOne() {
        Extraction x = extract("“We are done here,\" Speaker Mike Johnson told reporters.");
        assertThat(texts(x)).containsExactly("We are done here,");
        assertThat(Fixtures.speaker(x, "We are done")).isEqualTo("Mike Johnson");
    }

    @Test
    void unterminatedQuoteRunsToTheEndOfText() {
        Extraction x = extract("“It was close,” Gov. Josh Shapiro said, “but we won");
        assertThat(texts(x)).containsExactly("It was close, but we won");
        assertThat(x.quotes().get(0).parts()).extracting(Span::text).containsExactly("It was close,", "but we won");
    }

    @Test
    void multiParagraphQuoteKeepsItsSpeaker() {
        String text = "“We came to listen,” said Mayor Brandon Johnson. “The budget is tight.\n\n"
                + "“But we will not cut the police,” he went on.\n";
        Extraction x = extract(text);
        // one quotation: interrupted by its attribution, then continued in the next paragraph
        assertThat(texts(x)).containsExactly("We came to listen, The budget is tight. But we will not cut the police,");
        assertThat(x.quotes().get(0).parts()).hasSize(3);
        assertThat(x.quotes().get(0).speaker().name()).isEqualTo("Brandon Johnson");
    }

    @Test
    void nestedDoubleQuoteInsideAQuote() {
        Extraction x = extract("Trump posted on Truth Social: \"I said it plainly: \"No more wars!\" \"");
        assertThat(x.quotes()).hasSize(1);
        assertThat(x.quotes().get(0).text()).contains("No more wars!");
    }

    @Test
    void offsetsPointIntoTheInput() {
        String text = "Intro line.\n\n\"Prices are falling,\" Fed Chair Jerome Powell said.";
        Quote q = extract(text).quotes().get(0);
        assertThat(text.substring(q.start(), q.end())).isEqualTo("Prices are falling,");
    }

    @Test
    void hardWrappedTextKeepsQuotesAndSpeakersWhole() {
        String text = "House Minority Leader Hakeem Jeffries of New York said the bill would\n"
                + "\"rip health care away from millions of Americans\" to pay for tax cuts for\n"
                + "the wealthy and that Democrats would fight it in every district across the\n"
                + "country. \"This is a crime scene,\" Jeffries said on the House floor during\n"
                + "the debate on Wednesday night, shortly before the final vote was called by\n"
                + "the chair and the chamber emptied out for the long holiday weekend ahead.\n\n"
                + "Speaker Mike Johnson disagreed.\n";
        Extraction x = extract(text);
        assertThat(Fixtures.speaker(x, "rip health care")).isEqualTo("Hakeem Jeffries");
        assertThat(Fixtures.speaker(x, "This is a crime")).isEqualTo("Hakeem Jeffries");
        assertThat(Fixtures.names(x, EntityType.PERSON)).contains("Hakeem Jeffries", "Mike Johnson");
    }

    @Test
    void markupAttributeValuesLeftInTheTextAreNoQuotes() {
        Extraction x = extract("<tweet author=\"SenRoe\" id=\"12345\">We will not back down.</tweet> "
                + "\"We mean it,\" Senator Jane Roe said.");
        assertThat(texts(x)).containsExactly("We mean it,");
    }
}
