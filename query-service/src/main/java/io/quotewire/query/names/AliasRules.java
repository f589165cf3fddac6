package io.quotewire.query.names;

/**
 * The rules by which a name joins an entity of the registry, as recorded with each alias, and their
 * explanation for a reader (the {@code why} of an entity profile).
 */
public final class AliasRules {

    private AliasRules() {
    }

    /** Rules by which a name joins an entity (stored with each alias in {@code entity_aliases.rule}, explained by {@link #explain}). */
    public static final String NEW = "NEW";
    public static final String SAME_NAME = "SAME_NAME";
    public static final String SAME_KEY = "SAME_KEY";
    public static final String NAME_IS_ALIAS = "NAME_IS_ALIAS";
    public static final String SHARED_ALIAS = "SHARED_ALIAS";
    public static final String ONLY_ENTITY_WITH_WORD = "ONLY_ENTITY_WITH_WORD";
    public static final String SURNAME_UPGRADE = "SURNAME_UPGRADE";
    public static final String MERGED = "MERGED";
    public static final String AUTO_MERGED = "AUTO_MERGED";

    /** A human explanation of why {@code alias} belongs to the entity named {@code name}. */
    public static String explain(String rule, String alias, String name) {
        if (rule == null) {
            return "'" + alias + "' was seen as a name of " + name;
        }
        return switch (rule) {
            case NEW -> "'" + alias + "' matched no known entity of this type, so it started " + name;
            case SAME_KEY -> "'" + alias + "' came with a name that is " + name + "'s: the same first name (short forms"
                    + " such as Joe for Joseph count as one), surname (spelling variants such as Zelenskyy/Zelensky"
                    + " count as one) and suffix (Jr., Sr.), whatever the middle names, initials, titles and case";
            case AUTO_MERGED -> "'" + alias + "' came with a surname alone, and " + name
                    + " is the one known person whose name fits it (merged automatically; undone when a second"
                    + " person of that surname appears)";
            case SAME_NAME -> "'" + alias + "' came with a name equal (after normalising case, accents, punctuation"
                    + " and honorifics) to the name of " + name;
            case NAME_IS_ALIAS -> "'" + alias + "' came with a multi-word name already known as an alias of " + name;
            case SHARED_ALIAS -> "'" + alias + "' came with a multi-word alias shared with " + name;
            case ONLY_ENTITY_WITH_WORD -> "'" + alias + "' came with a one-word name that only " + name
                    + " had as an alias or surname (a word shared by several entities joins none of them)";
            case SURNAME_UPGRADE -> "'" + alias + "' is the full name of a person known before only by the surname,"
                    + " and no other person has that surname";
            case MERGED -> "'" + alias + "' was added by a merge into " + name;
            default -> "'" + alias + "' joined " + name + " (" + rule + ")";
        };
    }
}
