package io.quotewire.extraction.quotes;

import io.quotewire.extraction.EntityType;
import io.quotewire.extraction.pipeline.Attribution;
import io.quotewire.extraction.pipeline.Document;
import org.junit.jupiter.api.Test;

import static io.quotewire.extraction.pipeline.StepFixture.before;
import static io.quotewire.extraction.pipeline.StepFixture.run;
import static org.assertj.core.api.Assertions.assertThat;

class SourcePronounsTest {

    private static Attribution quoteStarting(Document doc, String words) {
        return doc.quotes.stream().filter(a -> doc.text.startsWith(words, a.start)).findFirst().orElseThrow();
    }

    @Test
    void itGoesBackToTheUnnamedSourceQuotedBefore() {
        Document doc = before(SourcePronouns.class, "\"Sales fell,\" the company wrote in a statement.\n\n"
                + "It added, \"We want no part in the listing.\"");
        Attribution a = quoteStarting(doc, "We want");
        assertThat(a.speaker).isNull();
        assertThat(a.unnamedSource).isNull();
        run(SourcePronouns.class, doc);
        assertThat(a.unnamedSource.text).isEqualTo("the company");
        assertThat(a.speakerMention.text).isEqualTo("It"); // the words the cue attaches to
    }

    @Test
    void theyGoesBackToAPluralSourceAndItToAnOrganization() {
        Document doc = run(SourcePronouns.class, before(SourcePronouns.class,
                "\"The program is plagued by fraud,\" the senators wrote. \"It should expire,\" they wrote.\n\n"
                        + "\"We will appeal,\" the Acme Corporation said. \"We lost,\" it said."));
        assertThat(quoteStarting(doc, "It should").unnamedSource.text).isEqualTo("the senators");
        Attribution org = quoteStarting(doc, "We lost");
        assertThat(org.speaker).isNotNull();
        assertThat(org.speaker.type).isEqualTo(EntityType.ORGANIZATION);
    }

    @Test
    void withNoSourceQuotedBeforeTheSubjectPhraseOfTheSentenceOrTheOneBeforeSpeaks() {
        Document doc = run(SourcePronouns.class, before(SourcePronouns.class,
                "The two senators have blocked the bill, and they said the language was a \"poison pill.\"\n\n"
                        + "The agency memo is long. It said the office had \"failed its staff.\""));
        assertThat(quoteStarting(doc, "poison pill").unnamedSource.text).isEqualTo("The two senators");
        assertThat(quoteStarting(doc, "poison pill").speakerMention.text).isEqualTo("they");
        assertThat(quoteStarting(doc, "failed its").unnamedSource.text).isEqualTo("The agency memo");
    }

    @Test
    void aPersonQuotedInBetweenOrANumberThatDisagreesLeavesThePronounAlone() {
        Document doc = run(SourcePronouns.class, before(SourcePronouns.class,
                "\"Sales fell,\" the company wrote. \"I disagree,\" Jane Roe said. \"We are fine,\" it added.\n\n"
                        + "\"Sales fell,\" the company wrote. \"We are fine,\" they added."));
        for (Attribution a : doc.quotes) {
            if (doc.text.startsWith("We are fine", a.start)) {
                assertThat(a.unnamedSource).isNull();
                assertThat(a.speaker).isNull();
            }
        }
    }
}
