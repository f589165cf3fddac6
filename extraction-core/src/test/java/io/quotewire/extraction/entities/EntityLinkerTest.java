package io.quotewire.extraction.entities;

import io.quotewire.extraction.EntityType;
import io.quotewire.extraction.pipeline.Document;
import io.quotewire.extraction.pipeline.EntityRecord;
import io.quotewire.extraction.pipeline.Mention;
import org.junit.jupiter.api.Test;

import static io.quotewire.extraction.pipeline.StepFixture.before;
import static io.quotewire.extraction.pipeline.StepFixture.run;
import static org.assertj.core.api.Assertions.assertThat;

class EntityLinkerTest {

    private static Document link(String text) {
        return run(EntityLinker.class, before(EntityLinker.class, text));
    }

    @Test
    void addsOneEntityPerPersonAndPlaceAndLinksTheMentions() {
        Document doc = before(EntityLinker.class, "Mayor Lena Fischer spoke in Kiev. Fischer, the city's mayor, left "
                + "Kyiv on Monday.");
        Mention lone = doc.mentions.stream().filter(m -> m.text.equals("Fischer")).findFirst().orElseThrow();
        assertThat(lone.type).isNull();
        run(EntityLinker.class, doc);
        assertThat(doc.entities).extracting(e -> e.type + ":" + e.name)
                .containsExactly("PERSON:Lena Fischer", "LOCATION:Kyiv");
        EntityRecord fischer = doc.entities.get(0);
        assertThat(fischer.mentions).extracting(m -> m.text).containsExactly("Lena Fischer", "Fischer");
        assertThat(fischer.titles).contains("Mayor", "mayor");
        assertThat(lone.type).isEqualTo(EntityType.PERSON); // the linker types the lone surname
        assertThat(lone.entity).isSameAs(fischer);
        assertThat(doc.entities.get(1).forms).containsExactly("Kiev", "Kyiv");
    }

    @Test
    void anUnknownLoneNameWithoutEvidenceGetsNoEntity() {
        Document doc = link("Crowds gathered near Brackwell on Sunday.");
        assertThat(doc.entities).noneMatch(e -> e.type == EntityType.PERSON);
    }
}
