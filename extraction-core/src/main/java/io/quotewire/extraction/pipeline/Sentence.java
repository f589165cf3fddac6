package io.quotewire.extraction.pipeline;

/** One sentence. Offsets are into the document text; token indexes are filled in by the Tokenizer. */
public final class Sentence {
    public final int index;
    public final int paragraph;
    public final int start;
    public final int end;
    public int firstToken;
    public int endToken;

    public Sentence(int index, int paragraph, int start, int end) {
        this.index = index;
        this.paragraph = paragraph;
        this.start = start;
        this.end = end;
    }
}
