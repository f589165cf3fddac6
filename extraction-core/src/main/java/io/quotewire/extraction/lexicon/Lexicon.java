package io.quotewire.extraction.lexicon;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The curated word lists under {@code src/main/resources/io/quotewire/extraction/lexicon/}, loaded once
 * and read-only afterwards (safe to share between threads). All lookups take lower-cased keys.
 */
public final class Lexicon {

    /** One form of a speech verb. */
    public record Verb(String base, Form form, boolean quoteOnly, boolean takesObject, boolean weak) {
        public enum Form { BASE, FINITE, PARTICIPLE }

        public Verb(String base, Form form, boolean quoteOnly, boolean takesObject) {
            this(base, form, quoteOnly, takesObject, false);
        }

        /** This verb as a finite form ("Police say", "could quip": a base form that a subject or modal makes finite). */
        public Verb asFinite() {
            return new Verb(base, Form.FINITE, quoteOnly, takesObject, weak);
        }
    }

    /** A place: canonical name, and whether it is a country. */
    public record Place(String canonical, boolean country) {
    }

    private final Map<String, Verb> verbs = new HashMap<>();
    /** Weak cues (~ in speech-verbs.txt): only {@link #cueVerb} knows them. */
    private final Map<String, Verb> weakVerbs = new HashMap<>();
    private final Map<String, Character> titles = new HashMap<>();
    private final java.util.Set<String> occupations = new HashSet<>();
    /** "shot back", "cried out" (phrasal-cues.txt): the verb form and its particle, to the cue. */
    private final Map<String, Verb> phrasal = new HashMap<>();
    /** The verb forms of phrasal-cues.txt ("shot"), so that most words need no lookup of a pair. */
    private final Set<String> phrasalForms = new HashSet<>();
    private int maxTitleWords = 1;
    private final Set<String> titleFirstWords = new HashSet<>();
    private final Map<String, Character> firstNames = new HashMap<>();
    private final Map<String, Place> places = new HashMap<>();
    private int maxPlaceWords = 1;
    private final Map<String, String> demonyms = new HashMap<>();
    private final Map<String, String> organizations = new HashMap<>();
    private int maxOrgWords = 1;
    private final Set<String> orgSuffixes = new HashSet<>();
    private final Set<String> nonNames = new HashSet<>();
    private final Set<String> abbreviations = new HashSet<>();

    public Lexicon() {
        for (String line : lines("phrasal-cues.txt")) {
            String[] halves = line.split(";");
            String[] f = halves[0].trim().split("\\s+");
            String particle = halves[1].trim();
            for (int i = 1; i < f.length; i++) {
                Verb.Form form = f[i].endsWith("ing") ? Verb.Form.PARTICIPLE : Verb.Form.FINITE;
                phrasal.put(f[i] + " " + particle, new Verb(f[0], form, true, false, false));
                phrasalForms.add(f[i]);
            }
        }
        for (String line : lines("speech-verbs.txt")) {
            boolean weak = line.startsWith("~");
            boolean quoteOnly = weak || line.startsWith("!");
            String[] f = line.replace("!", "").replace("~", "").split("\\s+");
            boolean object = f[0].endsWith("*");
            String base = f[0].replace("*", "");
            put(base, new Verb(base, Verb.Form.BASE, quoteOnly, object, weak));
            for (int i = 1; i < f.length; i++) {
                Verb.Form form = f[i].endsWith("ing") ? Verb.Form.PARTICIPLE : Verb.Form.FINITE;
                if (f[i].equals(base)) {
                    (weak ? weakVerbs : verbs).put(base, new Verb(base, form, quoteOnly, object, weak)); // "read": past = base
                } else {
                    put(f[i], new Verb(base, form, quoteOnly, object, weak));
                }
            }
        }
        for (String line : lines("titles.txt")) {
            addTitle(line);
        }
        for (String line : lines("occupations.txt")) { // "Billionaire John Doe": read like a title
            String t = line.split(":")[0].trim();
            if (!titles.containsKey(t)) {
                occupations.add(t);
            }
            addTitle(line);
        }
        for (String line : lines("first-names.txt")) {
            String[] f = line.split("\\s+");
            firstNames.put(key(f[0]), f.length > 1 ? f[1].charAt(0) : 'u');
        }
        for (String line : lines("countries.txt")) {
            String[] halves = line.split(";");
            String[] forms = halves[0].split("\\|");
            String canonical = forms[0].trim();
            for (String form : forms) {
                addPlace(form.trim(), new Place(canonical, true));
            }
            if (halves.length > 1) {
                for (String d : halves[1].split("\\|")) {
                    demonyms.put(key(d.trim()), canonical);
                }
            }
        }
        for (String line : lines("places.txt")) {
            String[] forms = line.split("\\|");
            for (String form : forms) {
                addPlace(form.trim(), new Place(forms[0].trim(), false));
            }
        }
        for (String line : lines("organizations.txt")) {
            String[] forms = line.split("\\|");
            for (String form : forms) {
                String k = key(form.trim());
                organizations.putIfAbsent(k, forms[0].trim());
                maxOrgWords = Math.max(maxOrgWords, k.split(" ").length);
            }
        }
        for (String line : lines("org-suffixes.txt")) {
            orgSuffixes.add(key(line.trim()));
        }
        for (String line : lines("non-names.txt")) {
            nonNames.add(key(line.trim()));
        }
        for (String line : lines("headline-verbs.txt")) {
            nonNames.add(key(line.trim())); // "Mayor Says …": a headline verb is never part of a name
        }
        for (String line : lines("abbreviations.txt")) {
            abbreviations.add(key(line.trim()));
        }
    }

    private void put(String form, Verb v) {
        (v.weak() ? weakVerbs : verbs).putIfAbsent(form, v);
    }

    private void addPlace(String form, Place p) {
        String k = key(form);
        places.putIfAbsent(k, p);
        maxPlaceWords = Math.max(maxPlaceWords, k.split(" ").length);
    }

    /** Lower case with curly apostrophes straightened. */
    public static String key(String s) {
        boolean plain = true;
        for (int i = 0; i < s.length() && plain; i++) {
            char c = s.charAt(i);
            plain = !Character.isUpperCase(c) && c != '\u2019' && c != '\u2018';
        }
        return plain ? s : s.toLowerCase(Locale.ROOT).replace('\u2019', '\'').replace('\u2018', '\'');
    }

    /** True when some title starts with this (lower-case) word. */
    public boolean startsTitle(String lowerWord) {
        return titleFirstWords.contains(lowerWord);
    }

    /**
     * A plain word list of the lexicon folder (one lower-case word per line, # comments), for the small closed
     * word classes a step reads. Load it once, in the step's constructor.
     */
    public static Set<String> wordSet(String name) {
        Set<String> out = new HashSet<>();
        for (String line : lines(name)) {
            out.add(line.toLowerCase(Locale.ROOT));
        }
        return Set.copyOf(out);
    }

    /**
     * A word list of the lexicon folder with the case kept as written (one entry per line, # comments), for lists
     * compared case-sensitively (canonical place names). Load it once, in the step's constructor.
     */
    public static Set<String> caseKeptSet(String name) {
        return Set.copyOf(lines(name));
    }

    /**
     * A two-column list of the lexicon folder ({@code word value} per line, # comments): the lower-cased first
     * word mapped to the second as written ("mike michael", "republican R"). Load it once.
     */
    public static Map<String, String> wordMap(String name) {
        Map<String, String> out = new HashMap<>();
        for (String line : lines(name)) {
            String[] f = line.split("\\s+");
            if (f.length != 2) {
                throw new IllegalStateException("expected 'word value' in " + name + ": " + line);
            }
            out.put(f[0].toLowerCase(Locale.ROOT), f[1]);
        }
        return Map.copyOf(out);
    }

    /** One line of titles.txt or occupations.txt: the title, ":m" / ":f" for a gendered one. */
    private void addTitle(String line) {
        String[] f = line.split(":");
        String t = f[0].trim();
        char gender = f.length > 1 ? f[1].trim().charAt(0) : 'u';
        titles.put(t, gender);
        if (t.endsWith(".")) {
            titles.put(t.substring(0, t.length() - 1), gender);
        }
        maxTitleWords = Math.max(maxTitleWords, t.split(" ").length);
        titleFirstWords.add(t.split(" ")[0]);
        titleFirstWords.add(t.split(" ")[0].replace(".", ""));
    }

    private static List<String> lines(String name) {
        String path = "/io/quotewire/extraction/lexicon/" + name;
        List<String> out = new ArrayList<>();
        try (InputStream in = Lexicon.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + path);
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = r.readLine()) != null) {
                line = line.strip();
                if (!line.isEmpty() && !line.startsWith("#")) {
                    out.add(line);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    public Verb verb(String lower) {
        return verbs.get(lower);
    }

    /** A phrasal cue ("shot" + "back"): a quote-only finite or participle verb, or null. */
    public Verb phrasalCue(String lower, String nextLower) {
        return phrasalForms.contains(lower) ? phrasal.get(lower + " " + nextLower) : null;
    }

    /** A speech verb or a weak cue ("likened", "read", "found"): what may attribute a quoted phrase. */
    public Verb cueVerb(String lower) {
        Verb v = verbs.get(lower);
        return v != null ? v : weakVerbs.get(lower);
    }

    /** Occupations (occupations.txt) that are not also titles: "actress", "striker", "executive". */
    public boolean isOccupation(String lowerPhrase) {
        return occupations.contains(lowerPhrase);
    }

    public boolean isTitle(String lowerPhrase) {
        return titles.containsKey(lowerPhrase);
    }

    public char titleGender(String lowerPhrase) {
        return titles.getOrDefault(lowerPhrase, 'u');
    }

    public int maxTitleWords() {
        return maxTitleWords;
    }

    /** 'm', 'f', 'u', or 0 when not a known first name. */
    public char firstName(String word) {
        Character g = firstNames.get(key(word));
        return g == null ? 0 : g;
    }

    public Place place(String lowerPhrase) {
        return places.get(lowerPhrase);
    }

    public int maxPlaceWords() {
        return maxPlaceWords;
    }

    /** Country for a demonym ("russian" -> "Russia"), or null. */
    public String demonym(String lower) {
        return demonyms.get(lower);
    }

    public String organization(String lowerPhrase) {
        return organizations.get(lowerPhrase);
    }

    public int maxOrgWords() {
        return maxOrgWords;
    }

    public boolean isOrgSuffix(String lower) {
        return orgSuffixes.contains(lower);
    }

    public boolean isNonName(String lower) {
        return nonNames.contains(lower);
    }

    public boolean isAbbreviation(String lowerWithoutDot) {
        return abbreviations.contains(lowerWithoutDot);
    }
}
