package io.quotewire.extraction;

/** A piece of the input text with its offsets (Java String indices, end exclusive). */
public record Span(String text, int start, int end) {
}
