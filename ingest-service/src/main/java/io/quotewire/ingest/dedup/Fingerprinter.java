package io.quotewire.ingest.dedup;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fingerprints texts and decides whether two fingerprints are copies of one story (see
 * {@link Fingerprint} for the two signatures). Candidates are found through locality-sensitive
 * hashing: each signature is cut into {@link #BANDS} bands of {@link #ROWS} values and each band
 * hashed to a key; texts sharing a key are compared. Two texts whose feature sets have Jaccard
 * similarity J share at least one key with probability {@code 1 - (1 - J^ROWS)^BANDS}: 0.98 at
 * J = 0.45, 0.0001 at J = 0.05. Pure and thread-safe.
 */
public final class Fingerprinter {

    /** Values per MinHash signature. */
    public static final int SIZE = 128;
    static final int ROWS = 3;
    static final int BANDS = SIZE / ROWS;

    /** Word-shingle similarity from which two texts are near duplicates (syndicated copies). */
    public static final double NEAR_THRESHOLD = 0.45;
    /** Skeleton similarity from which two texts are rewrites of one story. */
    public static final double REWRITE_THRESHOLD = 0.5;
    /** Lowest Jaccard similarity at which high containment still makes a near duplicate (a trimmed copy). */
    static final double NEAR_MIN_JACCARD = 0.2;
    /** Lowest skeleton similarity at which high containment still makes a rewrite (a trimmed rewrite). */
    static final double REWRITE_MIN_JACCARD = 0.3;
    /** Share of the smaller text's features found in the other from which a copy is recognised. */
    static final double CONTAINMENT_THRESHOLD = 0.75;
    /** Fewer shingles than this: too short to call a near duplicate (exact duplicates still are). */
    static final int MIN_SHINGLES = 8;
    /** Fewer skeleton features than this: too little to recognise a rewrite by. */
    static final int MIN_SKELETON = 16;
    /** Only the start of a very long text is fingerprinted; keeps the work per document bounded. */
    static final int MAX_TOKENS = 50_000;

    private static final int SHINGLE = 3;
    private static final String QUOTE = "\"";
    private static final Pattern TOKEN = Pattern.compile(
            "([\\p{L}\\p{N}]+(?:['’.,][\\p{L}\\p{N}]+)*)|([\"“”«»„])|([.!?]|\\n)");
    private static final long[] SEEDS = new long[SIZE];

    static {
        long s = 0x9E3779B97F4A7C15L;
        for (int i = 0; i < SIZE; i++) {
            s = mix(s + 0x632BE59BD9B4E019L);
            SEEDS[i] = s;
        }
    }

    private Fingerprinter() {
    }

    /** How one text resembles another. */
    public enum Kind { NEAR_DUPLICATE, REWRITE }

    /** @param score estimated Jaccard similarity (0..1) of the features of that kind */
    public record Resemblance(Kind kind, double score) {
    }

    public static Fingerprint of(String text) {
        List<String> words = new ArrayList<>();
        List<String> anchors = new ArrayList<>();
        List<Boolean> initial = new ArrayList<>();
        Set<String> midSentenceCapitals = new HashSet<>();
        boolean sentenceStart = true;
        Matcher m = TOKEN.matcher(text == null ? "" : text);
        int tokens = 0;
        while (m.find() && tokens++ < MAX_TOKENS) {
            if (m.group(3) != null) {
                sentenceStart = true;
                continue;
            }
            if (m.group(2) != null) {
                anchors.add(QUOTE);
                initial.add(false);
                continue;
            }
            String token = m.group(1);
            String lower = token.toLowerCase(Locale.ROOT);
            words.add(lower);
            char first = token.charAt(0);
            if (Character.isDigit(first)) {
                anchors.add(lower.replace(",", ""));
                initial.add(false);
            } else if (Character.isUpperCase(first) && token.length() > 1) {
                anchors.add(lower);
                initial.add(sentenceStart);
                if (!sentenceStart) {
                    midSentenceCapitals.add(lower);
                }
            }
            sentenceStart = false;
        }
        // A capitalised word at the start of a sentence is a name only if the text also
        // capitalises it elsewhere ("Putin said" vs "The talks").
        List<String> names = new ArrayList<>(anchors.size());
        for (int i = 0; i < anchors.size(); i++) {
            if (!initial.get(i) || midSentenceCapitals.contains(anchors.get(i))) {
                names.add(anchors.get(i));
            }
        }

        Set<Long> shingles = new HashSet<>();
        if (words.size() < SHINGLE) {
            if (!words.isEmpty()) {
                shingles.add(hash(String.join(" ", words)));
            }
        } else {
            for (int i = 0; i + SHINGLE <= words.size(); i++) {
                shingles.add(hash(words.get(i) + ' ' + words.get(i + 1) + ' ' + words.get(i + 2)));
            }
        }
        Set<Long> skeleton = new HashSet<>();
        for (int i = 0; i < names.size(); i++) {
            String a = names.get(i);
            if (!a.equals(QUOTE)) {
                skeleton.add(hash("u " + a));
            }
            if (i + 1 < names.size()) {
                skeleton.add(hash("b " + a + ' ' + names.get(i + 1)));
            }
        }
        return new Fingerprint(minHash(shingles), shingles.size(), minHash(skeleton), skeleton.size());
    }

    /**
     * The LSH keys under which a fingerprint is filed and looked up: one per band of each
     * signature that is big enough to be compared at all.
     */
    public static long[] bandKeys(Fingerprint f) {
        long[] keys = new long[2 * BANDS];
        int n = 0;
        if (f.wordCount() >= MIN_SHINGLES) {
            n = bands(f.words(), 1, keys, n);
        }
        if (f.skeletonCount() >= MIN_SKELETON) {
            n = bands(f.skeleton(), 2, keys, n);
        }
        return Arrays.copyOf(keys, n);
    }

    /**
     * Whether {@code a} and {@code b} are copies of one story, and how close; empty if not. The
     * score is the estimated share of the smaller text's features that the other one has too
     * (1.0: one contains the other), so a copy cut to half its length still scores high. A pair
     * needs either a high Jaccard similarity, or a fair one with high containment.
     */
    public static Optional<Resemblance> compare(Fingerprint a, Fingerprint b) {
        if (a.wordCount() >= MIN_SHINGLES && b.wordCount() >= MIN_SHINGLES) {
            double j = agreement(a.words(), b.words());
            double c = containment(j, a.wordCount(), b.wordCount());
            if (j >= NEAR_THRESHOLD || (j >= NEAR_MIN_JACCARD && c >= CONTAINMENT_THRESHOLD)) {
                return Optional.of(new Resemblance(Kind.NEAR_DUPLICATE, round(Math.max(j, c))));
            }
        }
        if (a.skeletonCount() >= MIN_SKELETON && b.skeletonCount() >= MIN_SKELETON) {
            double j = agreement(a.skeleton(), b.skeleton());
            double c = containment(j, a.skeletonCount(), b.skeletonCount());
            if (j >= REWRITE_THRESHOLD || (j >= REWRITE_MIN_JACCARD && c >= CONTAINMENT_THRESHOLD)) {
                return Optional.of(new Resemblance(Kind.REWRITE, round(Math.max(j, c))));
            }
        }
        return Optional.empty();
    }

    /** |A ∩ B| / min(|A|, |B|) from the Jaccard estimate J = |A ∩ B| / |A ∪ B| and the set sizes. */
    static double containment(double jaccard, int sizeA, int sizeB) {
        double intersection = jaccard * (sizeA + sizeB) / (1 + jaccard);
        return Math.min(1.0, intersection / Math.min(sizeA, sizeB));
    }

    private static double round(double score) {
        return Math.round(score * 1000) / 1000.0;
    }

    /** Fraction of signature positions that agree: the estimated Jaccard similarity. */
    static double agreement(int[] a, int[] b) {
        int same = 0;
        for (int i = 0; i < SIZE; i++) {
            if (a[i] == b[i] && a[i] != Integer.MAX_VALUE) {
                same++;
            }
        }
        return same / (double) SIZE;
    }

    private static int bands(int[] signature, int kind, long[] keys, int n) {
        for (int band = 0; band < BANDS; band++) {
            long h = mix(kind * 1_000_003L + band);
            for (int r = 0; r < ROWS; r++) {
                h = mix(h ^ (signature[band * ROWS + r] & 0xFFFFFFFFL));
            }
            keys[n++] = h;
        }
        return n;
    }

    private static int[] minHash(Set<Long> features) {
        int[] signature = new int[SIZE];
        if (features.isEmpty()) {
            Arrays.fill(signature, Integer.MAX_VALUE);
            return signature;
        }
        long[] min = new long[SIZE];
        Arrays.fill(min, Long.MAX_VALUE);
        for (long f : features) {
            for (int i = 0; i < SIZE; i++) {
                long v = mix(f ^ SEEDS[i]) >>> 1;
                if (v < min[i]) {
                    min[i] = v;
                }
            }
        }
        for (int i = 0; i < SIZE; i++) {
            signature[i] = (int) (min[i] >>> 31); // the top 32 of the 63 bits
        }
        return signature;
    }

    private static long hash(String s) {
        long h = 0xCBF29CE484222325L;
        for (int i = 0; i < s.length(); i++) {
            h = (h ^ s.charAt(i)) * 0x100000001B3L;
        }
        return mix(h);
    }

    /** SplitMix64 finaliser: a cheap, well-distributed 64-bit mix. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
