package io.quotewire.query.names;

import java.util.Comparator;
import java.util.Map;
import java.util.Objects;

/**
 * The cross-article matching rules, as pure functions of the names known (no database): the
 * registry is what these rules give for the set of names seen, so it does not depend on the order
 * the articles arrived in.
 * <ul>
 *   <li>A {@link NameKey.Kind#FULL full} or {@link NameKey.Kind#NAME other} name is the entity of
 *       its key: every article naming it so lands on the same entity.</li>
 *   <li>A {@link NameKey.Kind#PARTIAL partial} name ("Putin", "J. Comey") belongs to the one person
 *       among the known full names that it is {@link NameKey#compatible compatible} with; with none,
 *       or with several (Donald Trump, Melania Trump and Donald Trump Jr. for "Trump"), it stays a
 *       person of its own, never merged into the wrong one. As full names arrive, a partial name
 *       joins the first compatible person and leaves it again when a second one appears: the
 *       outcome is that of the final set of names, whatever came first.</li>
 * </ul>
 */
public final class Matching {

    private Matching() {
    }

    /**
     * The entity a partial name belongs to: among {@code fulls} (each known full name's key with
     * the entity it stands for now, which a manual merge may have made one entity for several
     * keys), the one entity of all that are compatible with {@code partial}; null when there are
     * none or several.
     */
    public static <E> E target(NameKey partial, Map<NameKey, E> fulls) {
        if (partial.kind() != NameKey.Kind.PARTIAL) {
            return null;
        }
        E found = null;
        for (Map.Entry<NameKey, E> f : fulls.entrySet()) {
            if (partial.compatible(f.getKey())) {
                if (found != null && !Objects.equals(found, f.getValue())) {
                    return null;
                }
                found = f.getValue();
            }
        }
        return found;
    }

    /** Why a partial name was merged into a person: the text of the automatic merge's reason. */
    public static String why(String partialName, String targetName) {
        return "automatic: '" + partialName + "' names a person only by surname"
                + " and " + targetName + " is the one known person whose name fits it";
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
