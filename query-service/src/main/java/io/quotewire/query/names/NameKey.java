package io.quotewire.query.names;

import io.quotewire.extraction.lexicon.Lexicon;
import io.quotewire.query.names.Names;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The order-free identity key of one entity's name, computed from the name alone (no database, no
 * other names), so that every article naming a person the same way lands on the same key whatever
 * arrived before it.
 * <ul>
 *   <li>{@link Kind#FULL} person ("Donald J. Trump", "Joe Biden", "Donald Trump Jr."): the first
 *       name with its short form resolved (Joe -> joseph, from extraction-core's
 *       {@code first-name-diminutives.txt}), the surname with spelling variants folded
 *       ({@link #foldSurname}: Zelenskyy -> zelensky), and the suffix (Jr., Sr., III), which is part
 *       of the name; middle names and initials do not count, nor a headline's capitalised verb and
 *       what follows it ("Donald Trump Says"). Key {@code "F:donald|trump|"},
 *       {@code "F:joseph|biden|jr"}.</li>
 *   <li>{@link Kind#PARTIAL} person: a surname alone ("Putin", "Mr. Trump", "President Trump") or an
 *       initial and a surname ("J. Comey"): key {@code "P:|putin|"}, {@code "P:j|comey|"}. A partial
 *       name is a person of its own until exactly one known full name is {@link #compatible} with
 *       it (see {@link Matching}).</li>
 *   <li>{@link Kind#NAME}: organisations, places, and person names of one word that is no surname
 *       (nothing else to go by): the {@link Names#key normalised name}, {@code "N:white house"}.</li>
 * </ul>
 */
public record NameKey(Kind kind, String key, String first, String surname, String suffix) {

    public enum Kind { FULL, PARTIAL, NAME }

    private static final Map<String, String> DIMINUTIVES = Lexicon.wordMap("first-name-diminutives.txt");
    private static final Set<String> SUFFIXES = Set.of("jr", "sr", "ii", "iii", "iv", "v");
    /**
     * Words that stand before a name without being part of it: honorifics and titles (extraction-core's
     * honorifics, title abbreviations and the words of its titles), stripped from the front of a person
     * name as long as a name is left ("President Trump" -> Trump, "Sen. Elizabeth Warren" -> Elizabeth Warren).
     */
    private static final Set<String> LEADING_TITLE_WORDS = titleWords();

    /**
     * Verbs that title-case headlines capitalise after a name ("Donald Trump Says ...":
     * extraction-core's {@code headline-verbs.txt}): a person name ends before the first of them.
     */
    private static final Set<String> HEADLINE_VERBS = Lexicon.wordSet("headline-verbs.txt");

    /** Surnames shorter than this are compared as written: no spelling variants folded. */
    static final int FOLD_MIN_LENGTH = 6;

    /** The key of {@code name} for an entity of {@code type} ("PERSON", "ORGANIZATION", "LOCATION"). */
    public static NameKey of(String type, String name) {
        if (!"PERSON".equals(type)) {
            return other(name);
        }
        List<String> words = words(name);
        for (int i = 1; i < words.size(); i++) {
            if (HEADLINE_VERBS.contains(words.get(i))) {
                words.subList(i, words.size()).clear(); // "Donald Trump Says Budget" -> Donald Trump
                break;
            }
        }
        while (words.size() > 1 && LEADING_TITLE_WORDS.contains(words.get(0))) {
            words.remove(0);
        }
        String suffix = "";
        if (words.size() >= 2 && SUFFIXES.contains(words.get(words.size() - 1))) {
            suffix = words.remove(words.size() - 1);
        }
        if (words.isEmpty()) {
            return other(name);
        }
        String surname = foldSurname(words.get(words.size() - 1));
        if (surname.isEmpty() || isInitial(surname)) {
            return other(name);
        }
        if (words.size() == 1) {
            return new NameKey(Kind.PARTIAL, "P:|" + surname + "|" + suffix, "", surname, suffix);
        }
        String first = words.get(0);
        if (isInitial(first)) {
            String initial = first.substring(0, 1);
            return new NameKey(Kind.PARTIAL, "P:" + initial + "|" + surname + "|" + suffix, initial, surname, suffix);
        }
        first = DIMINUTIVES.getOrDefault(first, first);
        return new NameKey(Kind.FULL, "F:" + first + "|" + surname + "|" + suffix, first, surname, suffix);
    }

    private static NameKey other(String name) {
        String k = Names.key(name);
        return new NameKey(Kind.NAME, "N:" + k, "", "", "");
    }

    /** The key of a stored key string ({@link #key()}, or {@link #inDocument} of one: its parts are in it). */
    public static NameKey parse(String stored) {
        if (stored.startsWith("N:")) {
            return new NameKey(Kind.NAME, stored, "", "", "");
        }
        int at = stored.indexOf('@');
        String key = at < 0 ? stored : stored.substring(0, at);
        String[] p = key.substring(2).split("\\|", -1);
        return new NameKey(key.startsWith("F:") ? Kind.FULL : Kind.PARTIAL, key, p[0], p[1], p[2]);
    }

    /**
     * The key of this name's entity as written in one article: a partial name is a person of that
     * article until the rules say whom it names (two articles' "Smith" may be two people); full and
     * other names are the same entity in every article.
     */
    public String inDocument(String document) {
        return kind == Kind.PARTIAL ? key + "@" + document : key;
    }

    /** Whether a stored key is that of one article's partial name ({@link #inDocument}). */
    public static boolean isOfOneDocument(String stored) {
        return stored.indexOf('@') >= 0;
    }

    public boolean isPerson() {
        return kind != Kind.NAME;
    }

    /**
     * Whether the person this partial name stands for can be the person of {@code full}: same
     * surname, the same first initial when the partial has one, and the same suffix when it has one
     * ("Trump" fits Donald Trump and Donald Trump Jr.; "Trump Jr." only the son).
     */
    public boolean compatible(NameKey full) {
        if (kind != Kind.PARTIAL || full.kind != Kind.FULL || !surname.equals(full.surname)) {
            return false;
        }
        if (!first.isEmpty() && !full.first.startsWith(first)) {
            return false;
        }
        return suffix.isEmpty() || suffix.equals(full.suffix);
    }

    /**
     * The surname as compared: spelling and transliteration variants of a long surname's ending are
     * folded: the endings -yy, -iy, -yi, -ij, -ii after a consonant and -ki become -y
     * (Zelenskyy, Zelenskiy, Zelenski -> zelensky; Dmitriy -> dmitry). Short surnames
     * (under {@value #FOLD_MIN_LENGTH} letters) are kept as written, and a full name also needs the
     * same first name to meet another, so the folding only joins forms of one name.
     */
    public static String foldSurname(String surname) {
        String s = surname;
        if (s.length() < FOLD_MIN_LENGTH) {
            return s;
        }
        for (String ending : List.of("iy", "yi", "ij", "ii", "yy")) {
            if (s.endsWith(ending) && consonant(s.charAt(s.length() - 3))) {
                return s.substring(0, s.length() - 2) + "y";
            }
        }
        if (s.endsWith("ki")) {
            return s.substring(0, s.length() - 1) + "y"; // -ski / -sky
        }
        return s;
    }

    private static boolean consonant(char c) {
        return Character.isLetter(c) && "aeiouy".indexOf(c) < 0;
    }

    private static boolean isInitial(String word) {
        for (String part : word.split("-")) {
            if (part.length() != 1) {
                return false;
            }
        }
        return true;
    }

    /**
     * The words of a name, each {@link Names#normalize normalised}; a word that punctuation splits
     * ("Okonjo-Price", "O'Sullivan", "J.B.") stays one word, its parts joined by '-'.
     */
    static List<String> words(String name) {
        List<String> out = new ArrayList<>();
        if (name == null) {
            return out;
        }
        for (String raw : name.strip().split("\\s+")) {
            String w = Names.normalize(raw).replace(' ', '-');
            if (!w.isEmpty()) {
                out.add(w);
            }
        }
        return out;
    }

    private static Set<String> titleWords() {
        Set<String> words = new HashSet<>();
        for (String list : List.of("honorifics.txt", "title-abbreviations.txt")) {
            for (String entry : Lexicon.wordSet(list)) {
                words.addAll(List.of(Names.normalize(entry).split(" ")));
            }
        }
        for (String title : Lexicon.wordSet("titles.txt")) {
            String t = title.contains(":") ? title.substring(0, title.indexOf(':')) : title;
            words.addAll(List.of(Names.normalize(t).split(" ")));
        }
        words.removeAll(Set.of("of", "the", "and", "for", "on", "in", ""));
        words.removeIf(w -> w.length() < 2);
        return Set.copyOf(words);
    }

    @Override
    public String toString() {
        return key;
    }
}
