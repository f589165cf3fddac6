package io.quotewire.benchmark;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The generator's articles are well-formed index pushes: every offset (parts and speaker mentions too) points at its words. */
class CorpusGeneratorTest {

    @Test
    @SuppressWarnings("unchecked")
    void everyMentionQuoteCueAndSentenceOffsetPointsAtItsText() {
        CorpusGenerator g = new CorpusGenerator(7, 2000);
        int quotes = 0;
        int copies = 0;
        Set<String> speakers = new HashSet<>();
        for (long i = 0; i < 2000; i++) {
            Map<String, Object> a = g.article(i);
            String text = (String) a.get("text");
            Map<String, Object> x = (Map<String, Object>) a.get("extraction");
            Set<String> ids = new HashSet<>();
            for (Map<String, Object> e : (List<Map<String, Object>>) x.get("entities")) {
                assertThat(ids.add((String) e.get("id"))).isTrue();
                for (Map<String, Object> m : (List<Map<String, Object>>) e.get("mentions")) {
                    assertThat(slice(text, m)).isEqualTo(m.get("text"));
                }
            }
            for (Map<String, Object> q : (List<Map<String, Object>>) x.get("quotes")) {
                assertThat(slice(text, q)).isEqualTo(q.get("text"));
                Map<String, Object> cue = (Map<String, Object>) q.get("cue");
                assertThat(slice(text, cue)).isEqualTo(cue.get("text"));
                Map<String, Object> sentence = (Map<String, Object>) q.get("sentence");
                assertThat((Integer) sentence.get("start")).isLessThanOrEqualTo((Integer) q.get("start"));
                assertThat((Integer) sentence.get("end")).isGreaterThanOrEqualTo((Integer) q.get("end"));
                List<Map<String, Object>> parts = (List<Map<String, Object>>) q.get("parts");
                assertThat(parts).hasSize(1);
                assertThat(parts.get(0)).isEqualTo(Map.of("text", q.get("text"), "start", q.get("start"), "end", q.get("end")));
                Map<String, Object> speaker = (Map<String, Object>) q.get("speaker");
                assertThat(ids).contains((String) speaker.get("entityId"));
                assertThat(speaker.get("resolution")).isEqualTo("NAME");
                Map<String, Object> mention = (Map<String, Object>) speaker.get("mention");
                assertThat(slice(text, mention)).isEqualTo(mention.get("text"));
                assertThat(speaker.get("name").toString()).endsWith(mention.get("text").toString());
                speakers.add((String) speaker.get("name"));
                quotes++;
            }
            if (a.containsKey("familyId")) {
                copies++;
            }
        }
        assertThat(g.article(123)).isEqualTo(new CorpusGenerator(7, 2000).article(123));
        assertThat(quotes).isGreaterThan(2000 * 3);
        assertThat(copies).isBetween(100, 300);
        assertThat(speakers.size()).isGreaterThan(300);
    }

    private static String slice(String text, Map<String, Object> span) {
        return text.substring((Integer) span.get("start"), (Integer) span.get("end"));
    }
}
