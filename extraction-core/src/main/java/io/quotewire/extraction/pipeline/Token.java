package io.quotewire.extraction.pipeline;

/** One token with its offsets in the document text. */
public final class Token {
    public enum Kind { WORD, NUMBER, PUNCT, POSSESSIVE }

    public final int start;
    public final int end;
    public final String text;
    public final String lower;
    public final Kind kind;
    public int sentence;
    /** Index of the top-level quote span whose words contain this token, or -1 (set by QuoteMarkFinder). */
    public int quote = -1;
    /** True when this token is a quote mark that opens or closes a quote span. */
    public boolean quoteMark;

    public Token(int start, int end, String text, Kind kind) {
        this.start = start;
        this.end = end;
        this.text = text;
        this.lower = text.toLowerCase(java.util.Locale.ROOT);
        this.kind = kind;
    }

    public boolean isWord() {
        return kind == Kind.WORD || kind == Kind.NUMBER;
    }

    public boolean isCapitalized() {
        return kind == Kind.WORD && Character.isUpperCase(text.charAt(0));
    }

    public boolean is(String s) {
        return lower.equals(s);
    }

    @Override
    public String toString() {
        return text;
    }
}
