package io.quotewire.query.index;

import io.quotewire.query.names.Names;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Keys that make "the same quote" in several articles one cluster, tolerant of punctuation, case,
 * accents, an ellipsis and a trimmed start or end. A quote is reduced to its words
 * ({@link #normalize}); two quotes are the same when the words of one occur, in order and
 * contiguously, in the other ({@link #sameQuote}); when the shorter one has an ellipsis, each of
 * its parts must occur in order. Candidates are found by hash (SHA-256, {@link #hash}) of short
 * windows of this quote's words ({@link #lookup}): the first {@link #HEAD_WORDS} words of an earlier
 * quote ({@code head_key}), or the whole of a shorter one ({@code text_key}).
 */
public final class QuoteKeys {

    /** Words in the head key (a quote with its end trimmed keeps at least these). */
    public static final int HEAD_WORDS = 6;

    /** The shortest run of words that may join a longer quote. */
    public static final int RUN_WORDS = 4;

    /** Words of a quote whose windows are looked up (a longer quote's later words find no candidates). */
    private static final int MAX_WINDOW_WORDS = 400;

    private static final Pattern ELLIPSIS = Pattern.compile("\\.\\s*\\.\\s*\\.|\u2026|\\[\\s*\\.\\.\\.\\s*]");

    private QuoteKeys() {
    }

    /** The quote's words: {@link Names#normalize} (lower case, no accents, no punctuation). */
    public static String normalize(String text) {
        return Names.normalize(text);
    }

    /** First 8 bytes of SHA-256 of the UTF-8 text, big-endian: SQL {@code quote_key(text)}. */
    public static long hash(String norm) {
        byte[] digest = SHA_256.get().digest(norm.getBytes(StandardCharsets.UTF_8));
        return ByteBuffer.wrap(digest).getLong();
    }

    /** One digest per thread: looking one up costs more than hashing a quote (a long one has over a thousand runs). */
    private static final ThreadLocal<MessageDigest> SHA_256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    });

    /** The first {@link #HEAD_WORDS} words of a normalised text (all of them if fewer). */
    public static String head(String norm) {
        String[] words = norm.split(" ");
        return String.join(" ", Arrays.copyOf(words, Math.min(HEAD_WORDS, words.length)));
    }

    /**
     * The keys that find, among earlier quotes, every one {@link #sameQuote} may join this one
     * ({@code norm}, normalised) to: earlier quotes whose {@code text_key} is one of
     * {@link Lookup#textKeys} or whose {@code head_key} is one of {@link Lookup#headKeys}.
     * <ul>
     *   <li>an earlier quote of at least {@link #HEAD_WORDS} words inside this one: its first words
     *       are one of this quote's windows of {@link #HEAD_WORDS} words (head keys);</li>
     *   <li>a shorter earlier quote (at least {@link #RUN_WORDS} words) inside this one: its whole
     *       text is one of this quote's shorter windows (text keys);</li>
     *   <li>the same text (text key of the whole), and an earlier quote that begins as this one
     *       does, longer or with its end trimmed (head key of this quote's head).</li>
     * </ul>
     * About three keys per word ({@link #MAX_WINDOW_WORDS} words looked at), where every run of
     * words would be hundreds per quote.
     */
    public static Lookup lookup(String norm) {
        Set<Long> textKeys = new LinkedHashSet<>();
        Set<Long> headKeys = new LinkedHashSet<>();
        textKeys.add(hash(norm));
        headKeys.add(hash(head(norm)));
        String[] words = norm.split(" ");
        int n = Math.min(words.length, MAX_WINDOW_WORDS);
        for (int size = RUN_WORDS; size <= HEAD_WORDS; size++) {
            for (int from = 0; from + size <= n; from++) {
                String window = String.join(" ", Arrays.asList(words).subList(from, from + size));
                (size == HEAD_WORDS ? headKeys : textKeys).add(hash(window));
            }
        }
        return new Lookup(textKeys, headKeys);
    }

    /** See {@link #lookup}. */
    public record Lookup(Set<Long> textKeys, Set<Long> headKeys) {
    }

    /**
     * Whether two quotes are the same quote: the words of the shorter occur contiguously in the
     * longer (as whole words), or, when the shorter has an ellipsis, its parts occur in order.
     * Quotes of fewer than {@link #RUN_WORDS} words only match an identical text.
     */
    public static boolean sameQuote(String textA, String textB) {
        return Shape.of(textA, normalize(textA)).sameQuote(Shape.of(textB, normalize(textB)));
    }

    /**
     * A quote ready to be compared with many others ({@link #sameQuote}): its normalised words, and
     * the normalised parts between its ellipses (none without one), computed once.
     */
    public record Shape(String norm, String padded, int words, List<String> ellipsisParts) {

        /** {@code text} with its {@link #normalize normalised} words {@code norm}. */
        public static Shape of(String text, String norm) {
            List<String> parts = List.of();
            if (mayHaveEllipsis(text) && ELLIPSIS.matcher(text).find()) {
                List<String> found = new ArrayList<>();
                for (String part : ELLIPSIS.split(text)) {
                    String p = normalize(part);
                    if (!p.isEmpty()) {
                        found.add(p);
                    }
                }
                parts = List.copyOf(found);
            }
            return new Shape(norm, " " + norm + " ", norm.isEmpty() ? 0 : Names.words(norm), parts);
        }

        /** See {@link QuoteKeys#sameQuote(String, String)}. */
        public boolean sameQuote(Shape other) {
            if (norm.isEmpty() || other.norm.isEmpty()) {
                return false;
            }
            if (norm.equals(other.norm)) {
                return true;
            }
            Shape shorter = norm.length() <= other.norm.length() ? this : other;
            Shape longer = shorter == this ? other : this;
            if (shorter.words < RUN_WORDS) {
                return false;
            }
            if (shorter.ellipsisParts.isEmpty()) {
                return longer.padded.contains(shorter.padded);
            }
            int at = 0;
            for (String part : shorter.ellipsisParts) {
                int found = longer.padded.indexOf(" " + part + " ", at);
                if (found < 0) {
                    return false;
                }
                at = found + part.length() + 1;
            }
            return true;
        }
    }

    /** A cheap necessary condition of {@link #ELLIPSIS}: a "…" or three full stops. */
    private static boolean mayHaveEllipsis(String text) {
        if (text.indexOf('\u2026') >= 0) {
            return true;
        }
        int dots = 0;
        for (int i = text.indexOf('.'); i >= 0; i = text.indexOf('.', i + 1)) {
            if (++dots == 3) {
                return true;
            }
        }
        return false;
    }

    /**
     * The sentence around [start, end) of {@code text}: back to just after the previous sentence end
     * (. ! ? followed by white space, or a line break) and on to the next one, quote marks and
     * closing brackets after the terminator included.
     */
    public static int[] sentence(String text, int start, int end) {
        int from = start;
        while (from > 0) {
            char c = text.charAt(from - 1);
            if (c == '\n' || (Character.isWhitespace(c) && from >= 2 && isTerminatorBefore(text, from - 1))) {
                break;
            }
            from--;
        }
        while (from < start && Character.isWhitespace(text.charAt(from))) {
            from++;
        }
        int to = Math.max(end, from);
        // A quote that ends its sentence itself ("... every fisherman..." He added): stop after it.
        int after = skipClosers(text, to);
        if (to == end && end > start && isTerminatorBefore(text, after)
                && (after >= text.length() || Character.isWhitespace(text.charAt(after)))) {
            return new int[] {from, after};
        }
        while (to < text.length()) {
            char c = text.charAt(to);
            if (c == '\n') {
                break;
            }
            to++;
            if ((c == '.' || c == '!' || c == '?') && to > end) {
                while (to < text.length() && isCloser(text.charAt(to))) {
                    to++;
                }
                if (to >= text.length() || Character.isWhitespace(text.charAt(to))) {
                    break;
                }
            }
        }
        return new int[] {from, to};
    }

    private static int skipClosers(String text, int at) {
        while (at < text.length() && isCloser(text.charAt(at))) {
            at++;
        }
        return at;
    }

    /** Whether the characters before position {@code space} end a sentence (". ", ".\" ", "?) "). */
    private static boolean isTerminatorBefore(String text, int space) {
        int i = space - 1;
        while (i >= 0 && isCloser(text.charAt(i))) {
            i--;
        }
        if (i < 0) {
            return false;
        }
        char c = text.charAt(i);
        return c == '.' || c == '!' || c == '?';
    }

    private static boolean isCloser(char c) {
        return c == '"' || c == '\'' || c == '\u201D' || c == '\u2019' || c == ')' || c == ']';
    }
}
