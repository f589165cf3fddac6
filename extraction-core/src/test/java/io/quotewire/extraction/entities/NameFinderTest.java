package io.quotewire.extraction.entities;

import io.quotewire.extraction.EntityType;
import io.quotewire.extraction.pipeline.Document;
import io.quotewire.extraction.pipeline.Mention;
import org.junit.jupiter.api.Test;

import static io.quotewire.extraction.pipeline.StepFixture.before;
import static io.quotewire.extraction.pipeline.StepFixture.run;
import static org.assertj.core.api.Assertions.assertThat;

class NameFinderTest {

    private static Document find(String text) {
        return run(NameFinder.class, before(NameFinder.class, text));
    }

    private static Mention mention(Document doc, String text) {
        return doc.mentions.stream().filter(m -> m.text.equals(text)).findFirst()
                .orElseThrow(() -> new AssertionError("no mention " + text + " in " + doc.mentions));
    }

    @Test
    void addsTypedNameMentionsWithTitlesButNoEntities() {
        Document doc = find("French President Anne Morel met Gov. Tom Baker in Ohio. The Arms Control Association "
                + "and Baker disagreed.");
        Mention morel = mention(doc, "Anne Morel");
        assertThat(morel.type).isEqualTo(EntityType.PERSON);
        assertThat(morel.titles).containsExactly("French President");
        assertThat(morel.nationality).isEqualTo("France");
        assertThat(morel.gender).isEqualTo('f');
        assertThat(doc.text.substring(doc.tokens.get(morel.phraseStart).start, morel.end))
                .isEqualTo("French President Anne Morel");
        assertThat(mention(doc, "Tom Baker").titles).containsExactly("Gov.");
        assertThat(mention(doc, "Ohio").type).isEqualTo(EntityType.LOCATION);
        assertThat(mention(doc, "Arms Control Association").type).isEqualTo(EntityType.ORGANIZATION);
        assertThat(mention(doc, "Baker").type).isNull(); // untyped: the linker decides
        assertThat(doc.mentions).allMatch(m -> m.kind == Mention.Kind.NAME && m.entity == null);
        assertThat(doc.entities).isEmpty();
    }

    @Test
    void aSentenceStartTheTextAlsoWritesInLowerCaseIsNotAName() {
        Document doc = find("Television crews waited. Later, television ratings fell.");
        assertThat(doc.mentions).isEmpty();
    }
}
