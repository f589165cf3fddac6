package io.quotewire.ingest.domain;

import java.util.Optional;

/**
 * Finds a headline at the top of a plain-text article: a first line that is short (under
 * {@value #MAX_LENGTH} characters), does not end like a sentence and is followed by a line break
 * and more text. The text itself is never changed, so extraction offsets stay valid.
 */
public final class Headline {

    static final int MAX_LENGTH = 150;

    private static final String SENTENCE_ENDINGS = ".!?…:;,";

    private Headline() {
    }

    public static Optional<String> of(String text) {
        int lineBreak = indexOfLineBreak(text);
        if (lineBreak < 0) {
            return Optional.empty();
        }
        String line = text.substring(0, lineBreak).strip();
        if (line.isEmpty() || line.length() >= MAX_LENGTH || text.substring(lineBreak).isBlank()) {
            return Optional.empty();
        }
        char last = line.charAt(line.length() - 1);
        if (SENTENCE_ENDINGS.indexOf(last) >= 0 || endsWithQuotedSentence(line)) {
            return Optional.empty();
        }
        return Optional.of(line);
    }

    /** {@code He said "we are ready."} also ends a sentence. */
    private static boolean endsWithQuotedSentence(String line) {
        if (line.length() < 2) {
            return false;
        }
        char last = line.charAt(line.length() - 1);
        char before = line.charAt(line.length() - 2);
        return "\"'”’»".indexOf(last) >= 0 && ".!?…".indexOf(before) >= 0;
    }

    private static int indexOfLineBreak(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r' || c == '\u2028' || c == '\u2029') {
                return i;
            }
        }
        return -1;
    }
}
