package io.quotewire.extraction.pipeline;

/**
 * A stretch of quoted words found between quote marks. {@code contentStart}/{@code contentEnd} delimit
 * the words without the marks; {@code open}/{@code close} are the offsets of the marks (-1 when missing:
 * an unterminated quote, or a paragraph of a multi-paragraph quote).
 */
public final class QuoteSpan {
    public final int open;
    public final int close;
    public final int contentStart;
    public final int contentEnd;
    public final int paragraph;
    /** True when the quote goes on in the next paragraph (which opens with a new mark). */
    public boolean continuesInNextParagraph;
    /** True when this span continues a quote from the previous paragraph. */
    public boolean continuesPrevious;
    /** Token range of the words inside the marks (set by QuoteMarkFinder). */
    public int firstToken = -1;
    public int endToken = -1;

    public QuoteSpan(int open, int close, int contentStart, int contentEnd, int paragraph) {
        this.open = open;
        this.close = close;
        this.contentStart = contentStart;
        this.contentEnd = contentEnd;
        this.paragraph = paragraph;
    }

    /**
     * The last character of the quoted words, past the close of a quotation inside them and spaces: the ',' of
     * {@code "…, 'Thank you for voting,' "}, which tells a sentence broken off for its attribution.
     */
    public char lastChar(String text) {
        int e = contentEnd - 1;
        while (e > contentStart && (Character.isWhitespace(text.charAt(e)) || isQuoteMark(text.charAt(e)))) {
            e--;
        }
        return text.charAt(e);
    }

    private static boolean isQuoteMark(char c) {
        return c == '\'' || c == '"' || c == '\u2018' || c == '\u2019' || c == '\u201C' || c == '\u201D';
    }
}
