package io.quotewire.extraction.pipeline;

import io.quotewire.extraction.QuoteType;

/** A quote (or reported speech) being attributed: its words, type, cue and speaker. */
public final class Attribution {
    public final int start;
    /** End of the last part (grows when a later part is joined to this quotation). */
    public int end;
    public QuoteType type;
    /** The (first) quote span it comes from, or null for indirect speech. */
    public final QuoteSpan span;
    /**
     * Every quote span of this quotation in text order: one, or several when the quotation is interrupted by its
     * attribution or runs over paragraphs (see {@code quotes.QuotationJoiner}). Empty for indirect speech, except for
     * the two parts around an interjected cue ("A, X said, B", see {@code quotes.IndirectSpeechFinder}).
     */
    public final java.util.List<QuoteSpan> spans = new java.util.ArrayList<>(1);
    /** Index of the cue's token, or -1; {@code cueStart}/{@code cueEnd} are its offsets. */
    public int cueToken = -1;
    public int cueStart = -1;
    public int cueEnd = -1;
    /**
     * The words naming the speaker (name, pronoun or description): at this quote's cue, or, when the speaker is
     * carried over from an earlier quote ({@link #continued}), where that quote named it.
     */
    public Mention speakerMention;
    /** True when this quote has no cue of its own and goes on with the speaker of the quote before it. */
    public boolean continued;
    public EntityRecord speaker;
    /**
     * When the speaker is a source the article describes but never names, and the cue attaches to a pronoun for it
     * ("the company said … It added"): the description ({@code quotes.SourcePronouns}); otherwise null.
     */
    public Mention unnamedSource;
    public int sentenceStart;
    public int sentenceEnd;
    public double confidence;

    public Attribution(int start, int end, QuoteType type, QuoteSpan span) {
        this.start = start;
        this.end = end;
        this.type = type;
        this.span = span;
        if (span != null) {
            spans.add(span);
        }
    }

    /** Takes the cue, the speaker (mention and entity) and the confidence of another attribution. */
    public void takeSpeakerOf(Attribution other) {
        cueToken = other.cueToken;
        cueStart = other.cueStart;
        cueEnd = other.cueEnd;
        speakerMention = other.speakerMention;
        speaker = other.speaker;
        unnamedSource = other.unnamedSource;
        confidence = other.confidence;
    }
}
