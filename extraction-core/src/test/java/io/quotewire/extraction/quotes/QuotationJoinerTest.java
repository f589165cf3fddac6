package io.quotewire.extraction.quotes;

import io.quotewire.extraction.pipeline.Attribution;
import io.quotewire.extraction.pipeline.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

import static io.quotewire.extraction.pipeline.StepFixture.before;
import static io.quotewire.extraction.pipeline.StepFixture.run;
import static org.assertj.core.api.Assertions.assertThat;

class QuotationJoinerTest {

    @Test
    void joinsThePiecesOfAnInterruptedQuotationIntoTheFirstAttribution() {
        Document doc = before(QuotationJoiner.class, "\"We will vote today,\" Sen. Paul Grant said. \"Then we go home.\"");
        assertThat(doc.quotes).hasSize(2);
        Attribution first = doc.quotes.get(0);
        run(QuotationJoiner.class, doc);
        assertThat(doc.quotes).containsExactly(first);
        assertThat(first.spans).hasSize(2);
        assertThat(doc.text.substring(first.start, first.end)).startsWith("We will vote").endsWith("go home.");
        assertThat(first.speaker.name).isEqualTo("Paul Grant");
    }

    /** Texts whose two quoted pieces are one quotation, with its speaker (null: none named outside the quote). */
    static Stream<Arguments> oneQuotationOfTwoPieces() {
        return Stream.of(
                // a quote left open at a paragraph's end, continued in the next
                Arguments.of("\"We will vote today, said Sen. Paul Grant.\n\n\"Then we go home.\"\n", null),
                // the next piece after ", and" following the cue
                Arguments.of("The bill \"must come with real enforcement,\" Sen. Paul Grant said, and \"clear penalties for "
                        + "any breach.\"", "Paul Grant"),
                // two pieces of one cue before them, the sentence broken for "and"
                Arguments.of("Sen. Paul Grant spoke at noon, telling the crowd, \"We will win,\" and, \"Nobody can stop us "
                        + "now.\"", "Paul Grant"),
                // a participle of the same attribution between the pieces
                Arguments.of("\"Many people are unsure this year,\" Sen. Paul Grant wrote in a statement explaining why he "
                        + "will speak, \"but most agree that the country is on the wrong track.\"", "Paul Grant"),
                // the next piece right after the cue's verb, its comma missing
                Arguments.of("\"They are trying to stop us,\" Sen. Paula Grant said \"Ultimately the other side is saying no "
                        + "to families.\"", "Paula Grant"),
                // the first piece ending in a quotation of its own
                Arguments.of("\"People pass and I just say, 'Thank you for voting,'\" Ann Bennett explained. \"Some say "
                        + "Grant is our man.\"", "Ann Bennett"));
    }

    @ParameterizedTest
    @MethodSource("oneQuotationOfTwoPieces")
    void joinsTheTwoPiecesOfOneQuotation(String text, String speaker) {
        Document doc = before(QuotationJoiner.class, text);
        run(QuotationJoiner.class, doc);
        assertThat(doc.quotes).hasSize(1);
        assertThat(doc.quotes.get(0).spans).hasSize(2);
        assertThat(doc.quotes.get(0).speaker == null ? null : doc.quotes.get(0).speaker.name).isEqualTo(speaker);
    }

    @Test
    void joinsTheNextParagraphsQuoteThatGoesOnWithoutACue() {
        Document doc = before(QuotationJoiner.class, "\"We will vote today,\" Sen. Paul Grant said.\n\n"
                + "\"Then we go home. The bill is done.\"\n\nThe Senate adjourned at noon.\n\n\"It was a long week.\"\n");
        run(QuotationJoiner.class, doc);
        assertThat(doc.quotes).hasSize(2); // the last quote follows a paragraph of narration: not the same quotation
        assertThat(doc.quotes.get(0).spans).hasSize(2);
        assertThat(doc.quotes.get(0).speaker.name).isEqualTo("Paul Grant");
    }

    @Test
    void keepsApartQuotesWithTheirOwnCues() {
        Document doc = before(QuotationJoiner.class, "\"We will vote today,\" Sen. Paul Grant said. \"Not today,\" "
                + "Sen. Ada Collins replied.");
        run(QuotationJoiner.class, doc);
        assertThat(doc.quotes).hasSize(2);
    }

    @Test
    void dropsAHeadlineCopyOfABodyQuotation() {
        Document doc = before(QuotationJoiner.class, "Grant Says Senate Will \"Vote Today\"\n\n"
                + "\"We will vote today,\" Sen. Paul Grant said on Monday.\n");
        assertThat(doc.quotes).hasSize(2);
        run(QuotationJoiner.class, doc);
        assertThat(doc.quotes).hasSize(1);
        assertThat(doc.text.substring(doc.quotes.get(0).start, doc.quotes.get(0).end)).isEqualTo("We will vote today,");
    }
    @Test
    void dropsASentenceCaseHeadlinesCopyOfABodyQuotation() {
        Document doc = before(QuotationJoiner.class, "Grant 'glad to finish' the fight over the budget.\n\n"
                + "\"They started the fight. We are glad to finish it,\" Sen. Paul Grant said on Monday.\n");
        assertThat(doc.quotes).hasSize(2);
        run(QuotationJoiner.class, doc);
        assertThat(doc.quotes).hasSize(1);
        assertThat(doc.quotes.get(0).span.paragraph).isEqualTo(1);
    }
}
