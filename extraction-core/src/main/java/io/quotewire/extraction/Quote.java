package io.quotewire.extraction;

/**
 * One quote. {@code text} is the quoted words without the marks (for INDIRECT, the reported
 * content); {@code start}/{@code end} are its offsets in the input (Java String indices).
 *
 * @param speaker who said it, or null when the text never names the speaker
 * @param cue the speech verb or phrase that attributes the quote ("said", "told reporters"), or null
 * @param sentence the sentence (or sentences) holding the quote
 */
public record Quote(String text, QuoteType type, int start, int end, Speaker speaker, Span cue, Span sentence,
                    double confidence) {
}
