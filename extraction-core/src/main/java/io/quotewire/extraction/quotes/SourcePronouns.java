package io.quotewire.extraction.quotes;

import io.quotewire.extraction.EntityType;
import io.quotewire.extraction.pipeline.Attribution;
import io.quotewire.extraction.pipeline.Document;
import io.quotewire.extraction.pipeline.Mention;
import io.quotewire.extraction.pipeline.Step;
import io.quotewire.extraction.pipeline.Token;

import java.util.EnumSet;
import java.util.Set;

/**
 * Resolves "it" and "they" at a cue to the source the article quoted just before: {@code "…," the Times wrote.
 * "…," it further wrote.}, {@code The company said in a statement that … It added, "…"}, {@code "…," the
 * authors write. "…," they conclude.} Persons are the CorefResolver's; this step handles what "it" and "they"
 * stand for in news: an organization, a publication, a document or a group that speaks.
 * <p>READS: paragraphs, tokens, attributions (quotes and reported speech) with their speaker mentions.
 * ADDS: for an attribution whose cue attaches to an unresolved "it" / "they", the speaker of the nearest earlier
 * attribution (within {@link #MAX_PARAGRAPHS} paragraphs) that is an organization or an unnamed source with a
 * compatible number: its entity, or, when it has none, {@link Attribution#unnamedSource}. With no such source, the
 * subject phrase opening the pronoun's sentence or the one before it, when it is no person and agrees in number
 * ("The two senators have blocked the bill, and they said …"). The speaker mention stays the pronoun (the words
 * the cue attaches to).
 */
public final class SourcePronouns implements Step {
    /** How many paragraphs back the antecedent source may stand. */
    static final int MAX_PARAGRAPHS = 3;

    @Override
    public Set<Layer> requires() {
        return EnumSet.of(Layer.PARAGRAPHS, Layer.SENTENCES, Layer.TOKENS, Layer.QUOTES, Layer.INDIRECT_QUOTES);
    }

    @Override
    public Set<Layer> assigns() {
        return EnumSet.of(Layer.QUOTES); // reported speech has no bare "it"/"they" (IndirectSpeechFinder drops them)
    }

    private final SpeakerPhrases phrases;

    public SourcePronouns(io.quotewire.extraction.lexicon.Lexicon lexicon) {
        this.phrases = new SpeakerPhrases(new Cues(lexicon));
    }

    @Override
    public void process(Document doc) {
        java.util.List<Attribution> ordered = new java.util.ArrayList<>(doc.quotes);
        ordered.sort(java.util.Comparator.comparingInt(a -> a.start));
        Attribution last = null;
        for (Attribution a : ordered) {
            Mention m = a.speakerMention;
            boolean pronoun = m != null && isSourcePronoun(m) && a.speaker == null && a.cueStart >= 0;
            if (pronoun && last != null && paragraphOf(doc, a) - paragraphOf(doc, last) <= MAX_PARAGRAPHS
                    && compatible(doc, m, last)) {
                if (last.speaker != null) {
                    a.speaker = last.speaker;
                } else {
                    a.unnamedSource = last.unnamedSource != null ? last.unnamedSource : last.speakerMention;
                }
            } else if (pronoun) {
                Mention subject = subjectBefore(doc, m);
                if (subject != null && subject.entity != null) {
                    a.speaker = subject.entity;
                } else if (subject != null) {
                    a.unnamedSource = subject;
                }
            }
            if (isNonPersonSource(a)) {
                last = a;
            } else if (a.speaker != null && a.speaker.type == EntityType.PERSON) {
                last = null; // a person spoke since: "it" no longer goes back past them
            }
        }
    }

    /**
     * "Senate Democrats blocked the bill because they said …", "The letter cited … It read": with no source quoted
     * before, the subject phrase opening the pronoun's sentence or the one before it (in the same or the previous
     * paragraph) when it is no person and agrees in number; null otherwise.
     */
    private Mention subjectBefore(Document doc, Mention pronoun) {
        io.quotewire.extraction.pipeline.Sentence here = doc.sentenceOf(pronoun.firstToken);
        for (int k = here.index; k >= 0 && here.index - k <= 1; k--) {
            io.quotewire.extraction.pipeline.Sentence s = doc.sentences.get(k);
            if (s.paragraph + 1 < here.paragraph) {
                return null;
            }
            int limit = k == here.index ? pronoun.firstToken : s.endToken;
            if (limit - s.firstToken < 2) {
                continue;
            }
            Mention m = phrases.openingSubject(doc, s, limit);
            if (m != null && m.kind != Mention.Kind.PRONOUN && m.type != EntityType.PERSON
                    && (m.entity == null || m.entity.type == EntityType.ORGANIZATION) && agrees(doc, pronoun, m)) {
                return m;
            }
        }
        return null;
    }

    /** "they" for a plural phrase or an organization, "it" for a singular one or an organization. */
    private static boolean agrees(Document doc, Mention pronoun, Mention phrase) {
        if (phrase.entity != null) {
            return true;
        }
        return isThey(pronoun) == plural(doc.tokens.get(phrase.endToken - 1));
    }

    /** A phrase's head word reads as a plural noun: lower case, ending in -s but not -ss ("senators", "authors"). */
    private static boolean plural(Token head) {
        return head.lower.endsWith("s") && !head.lower.endsWith("ss") && !head.isCapitalized();
    }

    /** An unresolved "it" or "they": what this step resolves. */
    private static boolean isSourcePronoun(Mention m) {
        return m.kind == Mention.Kind.PRONOUN && m.entity == null && (isIt(m) || isThey(m));
    }

    private static boolean isIt(Mention m) {
        return m.text.equalsIgnoreCase("it");
    }

    private static boolean isThey(Mention m) {
        return m.text.equalsIgnoreCase("they");
    }

    /** An organization, or an unnamed source that is no person's pronoun ("the company", "the authors"). */
    private static boolean isNonPersonSource(Attribution a) {
        if (a.speaker != null) {
            return a.speaker.type == EntityType.ORGANIZATION;
        }
        if (a.unnamedSource != null) {
            return true;
        }
        Mention m = a.speakerMention;
        return m != null && m.kind == Mention.Kind.DESCRIPTION && m.entity == null && m.type != EntityType.PERSON;
    }

    /** "they" wants a plural source or an organization; "it" a singular one or an organization. */
    private static boolean compatible(Document doc, Mention pronoun, Attribution source) {
        if (source.speaker != null) {
            return true; // organizations take both ("the ministry said … they said" is British usage)
        }
        Mention d = source.unnamedSource != null ? source.unnamedSource : source.speakerMention;
        if (d.endToken <= 0 || d.endToken > doc.tokens.size()) {
            return false;
        }
        return isThey(pronoun) == plural(doc.tokens.get(d.endToken - 1));
    }

    /** Index of the paragraph the attribution starts in. */
    private static int paragraphOf(Document doc, Attribution a) {
        int lo = 0;
        int hi = doc.paragraphs.size() - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (doc.paragraphs.get(mid).start <= a.start) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo;
    }
}
