package io.quotewire.extraction.entities;

import io.quotewire.extraction.EntityType;
import io.quotewire.extraction.pipeline.Document;
import io.quotewire.extraction.pipeline.Mention;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.quotewire.extraction.pipeline.StepFixture.before;
import static io.quotewire.extraction.pipeline.StepFixture.run;
import static org.assertj.core.api.Assertions.assertThat;

class CorefResolverTest {

    private static List<Mention> added(String text) {
        Document doc = before(CorefResolver.class, text);
        int names = doc.mentions.size();
        int entities = doc.entities.size();
        run(CorefResolver.class, doc);
        assertThat(doc.entities).hasSize(entities);
        return doc.mentions.subList(names, doc.mentions.size());
    }

    @Test
    void addsPronounsAndDescriptionsWithTheirPerson() {
        List<Mention> m = added("Canadian Prime Minister Claire Dubois met Sen. Paul Grant on Monday. She said the "
                + "talks went well. The Canadian prime minister left before Grant spoke.");
        assertThat(m).extracting(x -> x.kind + ":" + x.text + "->" + (x.entity == null ? null : x.entity.name))
                .containsExactly("PRONOUN:She->Claire Dubois", "DESCRIPTION:The Canadian prime minister->Claire Dubois");
        assertThat(m).allMatch(x -> x.type == EntityType.PERSON);
    }

    @Test
    void theMinistrySaidIsTheMinistryNamedBefore() {
        List<Mention> m = added("The Finance Ministry published the figures. The ministry said growth slowed.");
        assertThat(m).extracting(x -> x.kind + ":" + x.text + "->" + x.entity.name)
                .containsExactly("DESCRIPTION:The ministry->Finance Ministry");
    }

    @Test
    void pronounsInsideQuotesAreLeftAlone() {
        assertThat(added("\"He is wrong,\" Sen. Paul Grant said.")).isEmpty();
    }
}
