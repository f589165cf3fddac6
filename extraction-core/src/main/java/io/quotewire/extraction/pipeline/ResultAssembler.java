package io.quotewire.extraction.pipeline;

import io.quotewire.extraction.Entity;
import io.quotewire.extraction.Extraction;
import io.quotewire.extraction.Quote;
import io.quotewire.extraction.Span;
import io.quotewire.extraction.Speaker;
import io.quotewire.extraction.lexicon.Lexicon;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Turns the enriched document into the public {@link Extraction}.
 * <p>READS: entities, quotes (attributions). ADDS: nothing; builds the result records. Entities get ids
 * e1, e2... in order of first mention; aliases are the other written forms; mentions are name mentions only.
 * Entities of a speaker are always kept; pronoun and description mentions do not become aliases.
 */
public final class ResultAssembler {
    /** The layers it reads (checked against the pipeline by the {@link io.quotewire.extraction.Extractor}). */
    public static final Set<Step.Layer> REQUIRES = Set.of(Step.Layer.TEXT, Step.Layer.NAME_MENTIONS,
            Step.Layer.ENTITIES, Step.Layer.QUOTES);

    public Extraction assemble(Document doc) {
        List<Entity> entities = new ArrayList<>();
        int n = 0;
        List<EntityRecord> ordered = new ArrayList<>(doc.entities);
        ordered.removeIf(e -> e.mentions.isEmpty());
        ordered.sort(Comparator.comparingInt(e -> e.mentions.stream().mapToInt(m -> m.start).min().orElse(0)));
        for (EntityRecord e : ordered) {
            e.id = "e" + (++n);
            Set<String> aliases = new LinkedHashSet<>();
            List<Span> mentions = new ArrayList<>();
            List<Mention> sorted = new ArrayList<>(e.mentions);
            sorted.sort(Comparator.comparingInt(m -> m.start));
            for (Mention m : sorted) {
                if (m.kind != Mention.Kind.NAME) {
                    continue;
                }
                mentions.add(new Span(m.text, m.start, m.end));
                String form = oneLine(m.text);
                if (!form.equals(oneLine(e.name))) {
                    aliases.add(form);
                }
            }
            List<String> titles = new ArrayList<>();
            for (String t : e.titles) {
                String x = oneLine(t);
                if (!titles.contains(x) && !HONORIFICS.contains(x.toLowerCase(java.util.Locale.ROOT))) {
                    titles.add(x);
                }
            }
            entities.add(new Entity(e.id, oneLine(e.name), e.type, new ArrayList<>(aliases), titles, mentions));
        }
        List<Quote> quotes = new ArrayList<>();
        for (int i = 0; i < doc.quotes.size(); i++) {
            Attribution a = doc.quotes.get(i);
            Speaker speaker = null;
            if (a.speaker != null && a.speaker.id != null) {
                Span mention = a.speakerMention == null ? null
                        : new Span(a.speakerMention.text, a.speakerMention.start, a.speakerMention.end);
                speaker = new Speaker(oneLine(a.speaker.name), a.speaker.id, a.speaker.type, mention, resolution(a));
            } else if (a.speaker == null && a.unnamedSource != null && a.speakerMention != null) {
                // "the company said … It added": named by the description, attached to the pronoun
                Mention m = a.unnamedSource;
                speaker = new Speaker(oneLine(m.text), null, m.type,
                        new Span(a.speakerMention.text, a.speakerMention.start, a.speakerMention.end),
                        Speaker.Resolution.UNNAMED);
            } else if (a.speaker == null && a.speakerMention != null && a.speakerMention.entity == null
                    && a.speakerMention.kind != Mention.Kind.PRONOUN) {
                // a source the text describes but never names: "a senior adviser said"
                Mention m = a.speakerMention;
                speaker = new Speaker(oneLine(m.text), null, m.type, new Span(m.text, m.start, m.end),
                        a.continued ? Speaker.Resolution.CONTINUED : Speaker.Resolution.UNNAMED);
            }
            Span cue = a.cueStart < 0 ? null : new Span(doc.text.substring(a.cueStart, a.cueEnd), a.cueStart, a.cueEnd);
            Span sentence = sentence(doc, i);
            List<Span> parts = new ArrayList<>(Math.max(1, a.spans.size()));
            if (a.spans.size() <= 1) {
                parts.add(new Span(doc.text.substring(a.start, a.end), a.start, a.end));
            } else {
                for (QuoteSpan s : a.spans) {
                    parts.add(new Span(doc.text.substring(s.contentStart, s.contentEnd), s.contentStart, s.contentEnd));
                }
            }
            String text = parts.size() == 1 ? parts.get(0).text()
                    : String.join(" ", parts.stream().map(Span::text).toList());
            quotes.add(new Quote(text, a.type, a.start, a.end, parts, speaker, cue, sentence, a.confidence));
        }
        return new Extraction(quotes, entities);
    }

    /** How the speaker of an attribution was reached from the words at its cue. */
    private static Speaker.Resolution resolution(Attribution a) {
        Mention m = a.speakerMention;
        if (m == null || a.continued) {
            return Speaker.Resolution.CONTINUED;
        }
        if (m.kind == Mention.Kind.NAME) {
            return Speaker.Resolution.NAME;
        }
        if (a.speaker.type != io.quotewire.extraction.EntityType.PERSON) {
            return Speaker.Resolution.ORGANIZATION;
        }
        return m.kind == Mention.Kind.PRONOUN ? Speaker.Resolution.PRONOUN : Speaker.Resolution.DESCRIPTION;
    }

    /** Forms of address, not roles: they tell gender to the resolver but are not reported as titles. */
    private static final Set<String> HONORIFICS = Lexicon.wordSet("honorifics.txt");

    /** Longer "sentences" (run-on or junk text) are cut around the quote, so the answer stays linear in size. */
    static final int MAX_SENTENCE_CHARS = 1_000;
    /** How much context a cut sentence keeps on each side of its quote. */
    static final int CONTEXT_CHARS = 200;

    /**
     * The sentence of the i-th quote. A sentence longer than {@link #MAX_SENTENCE_CHARS} (100,000 quotes in one
     * run-on "sentence" would otherwise each carry a copy of it) is cut to the quote with up to
     * {@link #CONTEXT_CHARS} on each side, never reaching into the neighbouring quotes.
     */
    private static Span sentence(Document doc, int i) {
        Attribution a = doc.quotes.get(i);
        int from = a.sentenceStart;
        int to = a.sentenceEnd;
        if (to - from > MAX_SENTENCE_CHARS) {
            int prevEnd = i > 0 ? doc.quotes.get(i - 1).end : from;
            int nextStart = i + 1 < doc.quotes.size() ? doc.quotes.get(i + 1).start : to;
            from = Math.max(Math.max(from, a.start - CONTEXT_CHARS), Math.min(prevEnd, a.start));
            to = Math.min(Math.min(to, a.end + CONTEXT_CHARS), Math.max(nextStart, a.end));
        }
        return new Span(doc.text.substring(from, to), from, to);
    }

    /** Names written across a line break ("Hakeem\nJeffries") get single spaces. */
    static String oneLine(String s) {
        boolean clean = true;
        for (int i = 0; i < s.length() && clean; i++) {
            char c = s.charAt(i);
            clean = c == ' ' || !Character.isWhitespace(c) && !Character.isSpaceChar(c);
        }
        if (clean && s.indexOf("  ") < 0) {
            return s;
        }
        StringBuilder sb = new StringBuilder(s.length());
        boolean space = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                space = sb.length() > 0;
            } else {
                if (space) {
                    sb.append(' ');
                    space = false;
                }
                sb.append(c);
            }
        }
        return sb.toString();
    }
}
