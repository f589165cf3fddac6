package io.quotewire.extraction.entities;

import io.quotewire.extraction.lexicon.Lexicon;
import io.quotewire.extraction.pipeline.Document;
import io.quotewire.extraction.pipeline.Token;

import java.util.Set;

/** Small closed word classes shared by the name and quote steps. */
public final class QuoteCueWords {
    /** Words that may stand between a subject and its speech verb ("Trump also said", "Putin has said"). */
    private static final Set<String> ADVERBS = Lexicon.wordSet("cue-adverbs.txt");
    private static final Set<String> PREPOSITIONS = Lexicon.wordSet("prepositions.txt");

    private QuoteCueWords() {
    }

    public static boolean isAdverb(String lower) {
        return ADVERBS.contains(lower);
    }

    public static boolean isPreposition(String lower) {
        return PREPOSITIONS.contains(lower);
    }

    /** Words before a plural noun that no verb follows them as its subject ("many states", "other claims"). */
    private static final java.util.Set<String> PLURAL_QUANTIFIERS = java.util.Set.of("many", "several", "some", "all",
            "other", "more", "most", "few", "both", "various", "numerous", "two", "three", "four", "five", "recent",
            "new", "similar", "public", "those", "these");

    /**
     * The -s form at i reads as a plural noun ("states", "remarks", "claims"): after a preposition ("in states
     * across"), a participle ("disavowing remarks"), a quantifier ("many Asian states", "other claims") or a
     * capitalised adjective after one.
     */
    public static boolean pluralNounReading(Document doc, int i) {
        Token t = doc.tokens.get(i);
        if (!t.lower.endsWith("s") || i == 0) {
            return false;
        }
        Token prev = doc.tokens.get(i - 1);
        if (prev.sentence != t.sentence || !prev.isWord()) {
            return false;
        }
        if (isPreposition(prev.lower) && !prev.is("as")) {
            return true;
        }
        if (prev.lower.endsWith("ing") && prev.lower.length() > 4 && Character.isLowerCase(prev.text.charAt(0))) {
            return true;
        }
        if (PLURAL_QUANTIFIERS.contains(prev.lower)) {
            return true;
        }
        return i >= 2 && prev.isCapitalized() && PLURAL_QUANTIFIERS.contains(doc.tokens.get(i - 2).lower);
    }
}
