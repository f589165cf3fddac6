package io.quotewire.query.names;

import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * The cross-article matching rules, as pure functions of the names known (no database): the
 * registry is what these rules give for the set of names seen, so it does not depend on the order
 * the articles arrived in.
 * <ul>
 *   <li>A {@link NameKey.Kind#FULL full} or {@link NameKey.Kind#NAME other} name is the entity of
 *       its key: every article naming it so lands on the same entity.</li>
 *   <li>A {@link NameKey.Kind#PARTIAL partial} name ("Putin", "J. Comey") belongs to the one person
 *       among the known full names that it is {@link NameKey#compatible compatible} with; with none,
 *       with several (Donald Trump, Melania Trump and Donald Trump Jr. for "Trump"), it stays the
 *       article's own entity, never merged into the wrong one nor with another article's "Trump";
 *       with none, the articles naming only that partial name are one person (the pool of the
 *       name: "Pope Francis"). As full names arrive, a partial name joins the first compatible
 *       person and leaves it again when a second one appears: the outcome is that of the final
 *       set of names, whatever came first.</li>
 * </ul>
 */
public final class Matching {

    private Matching() {
    }

    /** Where one article's partial name goes. */
    public enum Outcome {
        /** the one known person it fits */
        PERSON,
        /** no known person fits it: with every other article naming only that partial name, as one person */
        POOL,
        /** several known persons fit it: it stays the article's own entity, merged into none */
        AMBIGUOUS
    }

    /**
     * Where a partial name goes, among {@code fulls} (each known full name's key with the entity
     * it stands for now; a manual merge may have made one entity of several keys).
     */
    public static <E> Outcome outcome(NameKey partial, Map<NameKey, E> fulls) {
        Set<E> fit = candidates(partial, fulls);
        return fit.isEmpty() ? Outcome.POOL : fit.size() == 1 ? Outcome.PERSON : Outcome.AMBIGUOUS;
    }

    /**
     * The entity a partial name belongs to: the one entity among {@code fulls} that it is
     * compatible with; null when there are none or several.
     */
    public static <E> E target(NameKey partial, Map<NameKey, E> fulls) {
        Set<E> fit = candidates(partial, fulls);
        return fit.size() == 1 ? fit.iterator().next() : null;
    }

    private static <E> Set<E> candidates(NameKey partial, Map<NameKey, E> fulls) {
        Set<E> fit = new LinkedHashSet<>();
        if (partial.kind() == NameKey.Kind.PARTIAL) {
            for (Map.Entry<NameKey, E> f : fulls.entrySet()) {
                if (partial.compatible(f.getKey())) {
                    fit.add(f.getValue());
                }
            }
        }
        return fit;
    }

    /** Why a partial name was merged into a person: the text of the automatic merge's reason. */
    public static String why(String partialName, String targetName) {
        return "automatic: '" + partialName + "' names a person only by surname"
                + " and " + targetName + " is the one known person whose name fits it";
    }

    /** Why a partial name was merged into the pool of its articles. */
    public static String whyPooled(String partialName) {
        return "automatic: '" + partialName + "' names a person only by surname, no known person's full name"
                + " fits it, so the articles naming only '" + partialName + "' are taken as one person";
    }

    /**
     * Orders display forms of one key, best first, so that the entity's name is the same whatever
     * order its forms were seen in: fewest words (no middle names), then not written all in capitals,
     * then without a possessive or punctuation, then with its accents (José Andrés before Jose
     * Andres), then shortest, then alphabetical.
     */
    public static final Comparator<String> DISPLAY = Comparator
            .comparingInt((String s) -> s.strip().split("\\s+").length)
            .thenComparing(s -> s.equals(s.toUpperCase(java.util.Locale.ROOT)) && !s.equals(s.toLowerCase(java.util.Locale.ROOT)))
            .thenComparing(s -> s.matches(".*['\u2019.,].*"))
            .thenComparing(Matching::withoutAccents)
            .thenComparingInt(String::length)
            .thenComparing(Comparator.naturalOrder());

    private static boolean withoutAccents(String s) {
        String d = java.text.Normalizer.normalize(s, java.text.Normalizer.Form.NFD);
        return d.equals(d.replaceAll("\\p{M}", ""));
    }

    /** Whether {@code candidate} is a better display name than {@code current} ({@link #DISPLAY}). */
    public static boolean betterName(String candidate, String current) {
        return DISPLAY.compare(candidate.strip(), current.strip()) < 0;
    }
}
