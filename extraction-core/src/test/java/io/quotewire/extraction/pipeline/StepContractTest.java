package io.quotewire.extraction.pipeline;

import io.quotewire.extraction.QuoteType;
import io.quotewire.extraction.pipeline.Step.Layer;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The declarations tell the truth about writes: on real articles, each step changes only the layers it declares
 * in {@link Step#assigns()} (a fingerprint of every layer is taken before and after each step).
 */
class StepContractTest {

    @Test
    void everyStepChangesOnlyTheLayersItAssigns() throws IOException {
        List<String> texts = new ArrayList<>(articles());
        texts.add("Sen. Jane Roe, R-Ohio, said Tuesday that the bill was dead. \"We are done,\" she said.\n"
                + "Putinsays talks went well, according to Vrentzel. \"It is fine,\" Vrentzel told reporters.");
        // an unknown name first seen as the subject of a cue: the quote steps give it an entity
        texts.add("On Monday, Vrentzel toured the site, calling it \"a fine start for the town.\"");
        texts.add("On Monday, Okonkwe (who chairs the board) said the plan would fail badly.");
        // "it" and "they" at a cue go back to the unnamed source quoted before (SourcePronouns)
        texts.add("\"Sales fell,\" the company wrote in a statement. \"We are sorry,\" it added. The report's authors "
                + "said the data were thin. They added that more work was needed.");
        assertThat(texts).hasSizeGreaterThan(10);
        Map<Step, Set<Layer>> changedSomewhere = new IdentityHashMap<>();
        for (String text : texts) {
            Document doc = new Document(text, null);
            for (Step step : StepFixture.PIPELINE.steps()) {
                Map<Layer, String> before = fingerprint(doc);
                step.process(doc);
                Map<Layer, String> after = fingerprint(doc);
                Set<Layer> changed = EnumSet.noneOf(Layer.class);
                for (Layer l : Layer.values()) {
                    if (!before.get(l).equals(after.get(l))) {
                        changed.add(l);
                    }
                }
                assertThat(step.assigns()).as(step.getClass().getSimpleName() + " changed " + changed)
                        .containsAll(changed);
                changedSomewhere.computeIfAbsent(step, s -> EnumSet.noneOf(Layer.class)).addAll(changed);
            }
        }
        // and each step does write what it declares, on some article
        for (Step step : StepFixture.PIPELINE.steps()) {
            assertThat(changedSomewhere.get(step)).as(step.getClass().getSimpleName() + " wrote")
                    .containsAll(step.assigns());
        }
    }

    private static List<String> articles() throws IOException {
        List<String> out = new ArrayList<>();
        for (Path dir : List.of(Path.of("../seeds"), Path.of("src/test/resources/devcorpus"))) {
            if (!Files.isDirectory(dir)) {
                continue;
            }
            try (Stream<Path> s = Files.list(dir)) {
                for (Path p : s.filter(f -> f.toString().endsWith(".txt")).sorted().toList()) {
                    out.add(Files.readString(p, StandardCharsets.UTF_8));
                }
            }
        }
        return out;
    }

    /** What each layer holds, as text (fields that steps change in place included). */
    static Map<Layer, String> fingerprint(Document doc) {
        Map<Layer, String> f = new EnumMap<>(Layer.class);
        f.put(Layer.TEXT, doc.text + "|" + doc.title);
        StringBuilder sb = new StringBuilder();
        for (Paragraph p : doc.paragraphs) {
            sb.append(p.index).append(',').append(p.start).append(',').append(p.end).append(',')
                    .append(p.firstSentence).append(',').append(p.endSentence).append(',').append(p.credit).append(';');
        }
        f.put(Layer.PARAGRAPHS, sb.toString());
        sb.setLength(0);
        for (Sentence s : doc.sentences) {
            sb.append(s.index).append(',').append(s.paragraph).append(',').append(s.start).append(',').append(s.end)
                    .append(';');
        }
        f.put(Layer.SENTENCES, sb.toString());
        sb.setLength(0);
        for (Token t : doc.tokens) {
            sb.append(t.start).append(',').append(t.end).append(',').append(t.kind).append(',').append(t.sentence)
                    .append(';');
        }
        for (Sentence s : doc.sentences) {
            if (!doc.tokens.isEmpty()) { // a sentence's token range is unset (0-0) until there are tokens
                sb.append(s.firstToken).append('-').append(s.endToken).append(';');
            }
        }
        sb.append(new java.util.TreeSet<>(doc.lowercaseWords)).append(new java.util.TreeSet<>(doc.wordForms));
        f.put(Layer.TOKENS, sb.toString());
        sb.setLength(0);
        for (QuoteSpan q : doc.quoteSpans) {
            sb.append(q.open).append(',').append(q.close).append(',').append(q.contentStart).append(',')
                    .append(q.contentEnd).append(',').append(q.paragraph).append(',').append(q.continuesInNextParagraph)
                    .append(',').append(q.continuesPrevious).append(',').append(q.firstToken).append(',')
                    .append(q.endToken).append(';');
        }
        for (int i = 0; i < doc.tokens.size(); i++) { // tokens inside quotes and quote marks (unset: -1, false)
            Token t = doc.tokens.get(i);
            if (t.quote >= 0 || t.quoteMark) {
                sb.append(i).append(':').append(t.quote).append(t.quoteMark ? 'm' : '.').append(';');
            }
        }
        f.put(Layer.QUOTE_SPANS, sb.toString());
        Map<EntityRecord, Integer> ids = new IdentityHashMap<>();
        for (EntityRecord e : doc.entities) {
            ids.put(e, ids.size());
        }
        StringBuilder names = new StringBuilder();
        StringBuilder links = new StringBuilder();
        StringBuilder coref = new StringBuilder();
        for (Mention m : doc.mentions) {
            Integer id = m.entity == null ? null : ids.getOrDefault(m.entity, -2);
            if (m.kind == Mention.Kind.NAME) {
                names.append(m.firstToken).append('-').append(m.endToken).append(',').append(m.phraseStart).append(',')
                        .append(m.text).append(',').append(m.type).append(',').append(m.titles).append(',')
                        .append(m.nationality).append(',').append(m.canonical).append(',').append(m.gender).append(',')
                        .append(m.strong).append(',').append(m.possessive).append(';');
                if (id != null) { // unset until linked
                    links.append(names.length()).append(':').append(id).append(';');
                }
            } else {
                coref.append(m.kind).append(',').append(m.firstToken).append('-').append(m.endToken).append(',')
                        .append(m.type).append(',').append(id).append(';');
            }
        }
        f.put(Layer.NAME_MENTIONS, names.toString());
        StringBuilder entities = new StringBuilder();
        for (EntityRecord e : doc.entities) {
            entities.append(e.type).append(',').append(e.name).append(',').append(e.forms).append(',').append(e.titles)
                    .append(',').append(e.mentions.size()).append(',').append(e.gender).append(',')
                    .append(e.nationality).append(';');
        }
        f.put(Layer.ENTITIES, entities + "|" + links);
        f.put(Layer.COREF_MENTIONS, coref.toString());
        StringBuilder direct = new StringBuilder();
        StringBuilder indirect = new StringBuilder();
        for (Attribution a : doc.quotes) {
            StringBuilder out = a.type == QuoteType.INDIRECT ? indirect : direct;
            out.append(a.start).append('-').append(a.end).append(',').append(a.type).append(',').append(a.cueStart)
                    .append(',').append(a.speaker == null ? null : ids.getOrDefault(a.speaker, -2)).append(',')
                    .append(a.speakerMention).append(',').append(a.unnamedSource).append(',').append(a.confidence).append(';');
        }
        f.put(Layer.QUOTES, direct.toString());
        f.put(Layer.INDIRECT_QUOTES, indirect.toString());
        return f;
    }
}
