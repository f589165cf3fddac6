package io.quotewire.ingest.dedup;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * What duplicate detection keeps of a text: two MinHash signatures ({@link Fingerprinter#SIZE}
 * values each) and the sizes of the feature sets they summarise.
 * <ul>
 *   <li>{@code words}: MinHash of the word 3-shingles. Two texts' signatures agree in a fraction of
 *       positions that estimates the Jaccard similarity of their shingle sets: high for syndicated
 *       copies (other headline, trimmed end, added boilerplate).</li>
 *   <li>{@code skeleton}: MinHash of what survives a rewrite: names (capitalised words), numbers,
 *       quote marks, and the pairs in which they follow one another. A spun copy swaps most words
 *       for synonyms and a translation round trip rewords everything, but both keep who, how many
 *       and what was quoted in roughly the same order.</li>
 * </ul>
 */
public record Fingerprint(int[] words, int wordCount, int[] skeleton, int skeletonCount) {

    /** Serialised size: two counts and two signatures. */
    public static final int BYTES = 8 + 8 * Fingerprinter.SIZE;

    public byte[] toBytes() {
        ByteBuffer buffer = ByteBuffer.allocate(BYTES);
        buffer.putInt(wordCount).putInt(skeletonCount);
        for (int v : words) {
            buffer.putInt(v);
        }
        for (int v : skeleton) {
            buffer.putInt(v);
        }
        return buffer.array();
    }

    public static Fingerprint fromBytes(byte[] bytes) {
        if (bytes == null || bytes.length != BYTES) {
            throw new IllegalArgumentException("not a fingerprint: " + (bytes == null ? "null" : bytes.length + " bytes"));
        }
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        int wordCount = buffer.getInt();
        int skeletonCount = buffer.getInt();
        int[] words = new int[Fingerprinter.SIZE];
        int[] skeleton = new int[Fingerprinter.SIZE];
        for (int i = 0; i < words.length; i++) {
            words[i] = buffer.getInt();
        }
        for (int i = 0; i < skeleton.length; i++) {
            skeleton[i] = buffer.getInt();
        }
        return new Fingerprint(words, wordCount, skeleton, skeletonCount);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Fingerprint f && wordCount == f.wordCount && skeletonCount == f.skeletonCount
                && Arrays.equals(words, f.words) && Arrays.equals(skeleton, f.skeleton);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(words) + Arrays.hashCode(skeleton);
    }

    @Override
    public String toString() {
        return "Fingerprint[words=" + wordCount + ", skeleton=" + skeletonCount + "]";
    }
}
