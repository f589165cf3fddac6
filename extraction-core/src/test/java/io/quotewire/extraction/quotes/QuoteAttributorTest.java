package io.quotewire.extraction.quotes;

import io.quotewire.extraction.EntityType;
import io.quotewire.extraction.QuoteType;
import io.quotewire.extraction.pipeline.Attribution;
import io.quotewire.extraction.pipeline.Document;
import org.junit.jupiter.api.Test;

import static io.quotewire.extraction.pipeline.StepFixture.before;
import static io.quotewire.extraction.pipeline.StepFixture.run;
import static org.assertj.core.api.Assertions.assertThat;

class QuoteAttributorTest {

    @Test
    void addsOneAttributionPerQuoteSpanWithCueAndSpeaker() {
        Document doc = before(QuoteAttributor.class, "\"We will vote today,\" Sen. Paul Grant said. He called the bill "
                + "\"a mess.\"");
        assertThat(doc.quotes).isEmpty();
        run(QuoteAttributor.class, doc);
        assertThat(doc.quotes).hasSize(2);
        Attribution a = doc.quotes.get(0);
        assertThat(doc.text.substring(a.start, a.end)).isEqualTo("We will vote today,");
        assertThat(a.type).isEqualTo(QuoteType.DIRECT);
        assertThat(doc.text.substring(a.cueStart, a.cueEnd)).isEqualTo("said");
        assertThat(a.speaker.name).isEqualTo("Paul Grant");
        assertThat(a.speakerMention.text).isEqualTo("Paul Grant");
        Attribution b = doc.quotes.get(1);
        assertThat(b.type).isEqualTo(QuoteType.PARTIAL);
        assertThat(b.speaker.name).isEqualTo("Paul Grant");
        assertThat(b.speakerMention.text).isEqualTo("He");
    }

    @Test
    void anUntypedNameThatSpeaksGetsItsEntityHere() {
        // declared: QuoteAttributor assigns ENTITIES (Cues.promote)
        Document doc = before(QuoteAttributor.class, "On Monday, Vrentzel toured the site, calling it \"a fine start "
                + "for the town.\"");
        assertThat(doc.entities).isEmpty();
        run(QuoteAttributor.class, doc);
        assertThat(doc.entities).extracting(e -> e.type + ":" + e.name).containsExactly("PERSON:Vrentzel");
        assertThat(doc.mentions.get(0).type).isEqualTo(EntityType.PERSON);
        assertThat(doc.quotes.get(0).speaker).isSameAs(doc.entities.get(0));
    }
}
