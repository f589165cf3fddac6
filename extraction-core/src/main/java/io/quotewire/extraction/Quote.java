package io.quotewire.extraction;

import java.util.List;

/**
 * One quotation. {@code text} is the quoted words without the marks (for INDIRECT, the reported
 * content); {@code start}/{@code end} are its offsets in the input (Java String indices).
 * <p>A quotation interrupted by its attribution ({@code "We are ready," she said. "End this war."}) or continued
 * over several paragraphs (an opening mark on each, the closing one on the last) is ONE quote: {@code parts}
 * holds each stretch of quoted words with its offsets, {@code text} is the parts' words joined by a space, and
 * {@code start}/{@code end} run from the first part's start to the last part's end. A quote in one piece has one
 * part, equal to {@code text}, {@code start} and {@code end}.
 *
 * @param parts    the quoted stretches in text order (at least one); each equals the input at its offsets
 * @param speaker  who said it, or null when the text never names the speaker
 * @param cue      the speech verb or phrase that attributes the quote ("said", "told reporters"), or null
 * @param sentence the sentence (or sentences) holding the quote
 */
public record Quote(String text, QuoteType type, int start, int end, List<Span> parts, Speaker speaker, Span cue,
                    Span sentence, double confidence) {
    public Quote {
        parts = List.copyOf(parts);
    }
}
