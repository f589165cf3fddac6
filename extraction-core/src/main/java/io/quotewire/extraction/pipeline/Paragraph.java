package io.quotewire.extraction.pipeline;

/** One paragraph (a non-blank line of the input). Offsets are into the document text. */
public final class Paragraph {
    public final int index;
    public final int start;
    public final int end;
    /** Index of the first sentence of this paragraph, and one past the last (set by the Segmenter). */
    public int firstSentence;
    public int endSentence;
    /** True for photo-credit lines ("Name/Reuters", "... via REUTERS"): no people are taken from them. */
    public boolean credit;

    public Paragraph(int index, int start, int end) {
        this.index = index;
        this.start = start;
        this.end = end;
    }
}
