package io.quotewire.query.names;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Name normalisation shared by indexing (entity resolution) and searching. Two names match when
 * their {@link #key keys} are equal: case, accents (also ø, æ, ß, ł...), a possessive 's,
 * punctuation and a leading honorific ("Mr.", "Dr.") do not count.
 */
public final class Names {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern APOSTROPHES = Pattern.compile("[\u2018\u2019\u02BC`\u00B4]");
    private static final Pattern POSSESSIVE = Pattern.compile("(?<=\\p{L})'s\\b");
    private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

    private static final Set<String> HONORIFICS = Set.of(
            "mr", "mrs", "ms", "miss", "mx", "dr", "sir", "dame", "prof", "professor", "lord", "lady", "rev");
    private static final Set<String> SUFFIXES = Set.of("jr", "sr", "ii", "iii", "iv");

    private Names() {
    }

    /** Lower case, accents removed, possessive 's dropped, punctuation as single spaces. */
    public static String normalize(String name) {
        if (name == null) {
            return "";
        }
        String s = Normalizer.normalize(name, Normalizer.Form.NFKD);
        s = MARKS.matcher(s).replaceAll("");
        s = APOSTROPHES.matcher(s).replaceAll("'");
        s = s.toLowerCase(Locale.ROOT);
        s = foldLetters(s);
        s = POSSESSIVE.matcher(s).replaceAll("");
        s = NOT_WORD.matcher(s).replaceAll(" ");
        return s.strip();
    }

    /** Letters that have no Unicode decomposition, spelled the way English text writes them. */
    private static String foldLetters(String s) {
        StringBuilder out = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            String folded = switch (c) {
                case 'ø' -> "o";
                case 'æ' -> "ae";
                case 'œ' -> "oe";
                case 'ß' -> "ss";
                case 'ł' -> "l";
                case 'đ', 'ð' -> "d";
                case 'þ' -> "th";
                case 'ı' -> "i";
                default -> null;
            };
            if (folded != null && out == null) {
                out = new StringBuilder(s.length() + 4).append(s, 0, i);
            }
            if (out != null) {
                out.append(folded != null ? folded : String.valueOf(c));
            }
        }
        return out == null ? s : out.toString();
    }

    /** The matching key: {@link #normalize} without a leading honorific ("Mr. Trump" -> "trump"). */
    public static String key(String name) {
        String s = normalize(name);
        while (true) {
            int space = s.indexOf(' ');
            if (space < 0 || !HONORIFICS.contains(s.substring(0, space))) {
                return s;
            }
            s = s.substring(space + 1);
        }
    }

    public static int words(String key) {
        if (key.isEmpty()) {
            return 0;
        }
        int n = 1;
        for (int i = 0; i < key.length(); i++) {
            if (key.charAt(i) == ' ') {
                n++;
            }
        }
        return n;
    }

    /** Last word of a multi-word key, ignoring "Jr."-style suffixes; null for a single word. */
    public static String surname(String key) {
        String[] parts = key.split(" ");
        int last = parts.length - 1;
        while (last > 0 && SUFFIXES.contains(parts[last])) {
            last--;
        }
        return last >= 1 ? parts[last] : null;
    }
}
