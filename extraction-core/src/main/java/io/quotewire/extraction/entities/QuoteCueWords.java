package io.quotewire.extraction.entities;

import java.util.Set;

/** Small closed word classes shared by the name and quote steps. */
public final class QuoteCueWords {
    /** Words that may stand between a subject and its speech verb ("Trump also said", "Putin has said"). */
    private static final Set<String> ADVERBS = Set.of("also", "later", "then", "previously", "additionally", "has", "have",
            "had", "once", "recently", "publicly", "privately", "reportedly", "again", "separately", "further", "earlier",
            "just", "already", "repeatedly", "simply", "flatly", "quickly", "firmly", "angrily", "bluntly", "frankly",
            "openly", "initially", "finally", "first", "would", "will", "did", "does", "do", "may", "might", "could",
            "can", "should", "long", "often", "still", "never", "always", "even", "only", "since", "ultimately",
            "similarly", "likewise", "in", "on", "turn", "last", "this", "week", "monday", "tuesday",
            "wednesday", "thursday", "friday", "saturday", "sunday", "yesterday", "today", "tonight");
    private static final Set<String> PREPOSITIONS = Set.of("of", "to", "with", "by", "for", "at", "on", "in", "from",
            "against", "about", "between", "among", "into", "than", "like", "toward", "towards", "over", "under",
            "after", "before", "upon", "onto", "via", "without", "including", "versus", "vs", "and", "or", "alongside",
            "beside", "amid", "behind", "near", "despite");

    private QuoteCueWords() {
    }

    public static boolean isAdverb(String lower) {
        return ADVERBS.contains(lower);
    }

    public static boolean isPreposition(String lower) {
        return PREPOSITIONS.contains(lower);
    }
}
