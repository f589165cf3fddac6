package io.quotewire.extraction.quotes;

import io.quotewire.extraction.QuoteType;
import io.quotewire.extraction.pipeline.Attribution;
import io.quotewire.extraction.pipeline.Document;
import org.junit.jupiter.api.Test;

import static io.quotewire.extraction.pipeline.StepFixture.before;
import static io.quotewire.extraction.pipeline.StepFixture.run;
import static org.assertj.core.api.Assertions.assertThat;

class IndirectSpeechFinderTest {

    @Test
    void addsIndirectAttributionsInTextOrderAmongTheQuotes() {
        Document doc = before(IndirectSpeechFinder.class, "Sen. Paul Grant said the vote would be close. \"We are "
                + "ready,\" he said. According to Mayor Lena Fischer, the budget is balanced.");
        assertThat(doc.quotes).extracting(a -> a.type).containsExactly(QuoteType.DIRECT);
        run(IndirectSpeechFinder.class, doc);
        assertThat(doc.quotes).extracting(a -> a.type)
                .containsExactly(QuoteType.INDIRECT, QuoteType.DIRECT, QuoteType.INDIRECT);
        Attribution first = doc.quotes.get(0);
        assertThat(doc.text.substring(first.start, first.end)).isEqualTo("the vote would be close");
        assertThat(first.speaker.name).isEqualTo("Paul Grant");
        Attribution last = doc.quotes.get(2);
        assertThat(doc.text.substring(last.start, last.end)).isEqualTo("the budget is balanced");
        assertThat(last.speaker.name).isEqualTo("Lena Fischer");
    }

    @Test
    void anUnnamedSourceIsTheSpeakerMentionWithoutEntity() {
        Document doc = run(IndirectSpeechFinder.class, before(IndirectSpeechFinder.class,
                "A senior official said the plan had failed."));
        assertThat(doc.quotes).hasSize(1);
        Attribution a = doc.quotes.get(0);
        assertThat(doc.text.substring(a.start, a.end)).isEqualTo("the plan had failed");
        assertThat(a.speaker).isNull();
        assertThat(a.speakerMention.text).isEqualTo("A senior official");
        assertThat(a.speakerMention.entity).isNull();
    }

    @Test
    void anUntypedNameThatSpeaksGetsItsEntityHere() {
        // declared: IndirectSpeechFinder assigns ENTITIES (Cues.promote)
        Document doc = before(IndirectSpeechFinder.class, "On Monday, Okonkwe (who chairs the board) said the plan "
                + "would fail badly.");
        assertThat(doc.entities).isEmpty();
        run(IndirectSpeechFinder.class, doc);
        assertThat(doc.entities).extracting(e -> e.type + ":" + e.name).containsExactly("PERSON:Okonkwe");
        assertThat(doc.quotes.get(0).speaker).isSameAs(doc.entities.get(0));
    }
}
