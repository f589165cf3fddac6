package io.quotewire.extraction.entities;

import io.quotewire.extraction.lexicon.Lexicon;

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
}
