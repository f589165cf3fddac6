package io.quotewire.extraction.text;

import io.quotewire.extraction.lexicon.Lexicon;
import io.quotewire.extraction.pipeline.Document;
import io.quotewire.extraction.pipeline.Paragraph;
import io.quotewire.extraction.pipeline.Sentence;
import io.quotewire.extraction.pipeline.Step;

import java.util.Set;

/**
 * Splits the text into paragraphs (non-blank lines) and sentences.
 * <p>READS: text. ADDS: paragraphs, sentences, {@link Paragraph#credit} for photo-credit and byline lines.
 * <p>A period ends a sentence only when followed by white space and a capital, digit or quote mark, and
 * not after an abbreviation (Mr., Jan., Sen.), an initial (Donald J. Trump) or an initialism (U.S.) unless
 * the next word is a typical sentence opener ("The", "He"). One linear pass; look-behind is bounded.
 */
public final class Segmenter implements Step {
    private static final int MAX_WORD_LOOKBACK = 12;
    private final Lexicon lexicon;

    public Segmenter(Lexicon lexicon) {
        this.lexicon = lexicon;
    }

    @Override
    public Set<Layer> requires() {
        return Set.of(Layer.TEXT);
    }

    @Override
    public Set<Layer> assigns() {
        return Set.of(Layer.PARAGRAPHS, Layer.SENTENCES);
    }

    @Override
    public void process(Document doc) {
        String t = doc.text;
        int n = t.length();
        boolean hardWrapped = isHardWrapped(t);
        int i = 0;
        while (i < n) {
            int lineEnd = i;
            while (lineEnd < n && t.charAt(lineEnd) != '\n' && t.charAt(lineEnd) != '\r') {
                lineEnd++;
            }
            // hard-wrapped text: a paragraph runs until a blank line
            while (hardWrapped && lineEnd < n && !blankLineAt(t, lineEnd)) {
                lineEnd++;
                while (lineEnd < n && t.charAt(lineEnd) != '\n' && t.charAt(lineEnd) != '\r') {
                    lineEnd++;
                }
            }
            int a = i;
            int b = lineEnd;
            while (a < b && isSpace(t.charAt(a))) {
                a++;
            }
            while (b > a && isSpace(t.charAt(b - 1))) {
                b--;
            }
            if (a < b) {
                Paragraph p = new Paragraph(doc.paragraphs.size(), a, b);
                p.credit = looksLikeCredit(t, a, b);
                doc.paragraphs.add(p);
                p.firstSentence = doc.sentences.size();
                splitSentences(doc, p);
                p.endSentence = doc.sentences.size();
            }
            i = lineEnd + 1;
        }
    }

    /** True when the line break at {@code i} is followed by a blank line (or the end of the text). */
    private static boolean blankLineAt(String t, int i) {
        int j = i;
        if (j < t.length() && t.charAt(j) == '\r') {
            j++;
        }
        if (j < t.length() && t.charAt(j) == '\n') {
            j++;
        }
        while (j < t.length() && (t.charAt(j) == ' ' || t.charAt(j) == '\t')) {
            j++;
        }
        return j >= t.length() || t.charAt(j) == '\n' || t.charAt(j) == '\r';
    }

    /**
     * Text wrapped at a fixed width (e-mail, some feeds): most lines that are followed by another line are of
     * similar length and stop mid-sentence. Then single line breaks are spaces, blank lines end paragraphs.
     */
    static boolean isHardWrapped(String t) {
        int lines = 0;
        int wrapped = 0;
        int start = 0;
        int n = t.length();
        while (start < n) {
            int end = start;
            while (end < n && t.charAt(end) != '\n') {
                end++;
            }
            int a = start;
            int b = end;
            while (a < b && Character.isWhitespace(t.charAt(a))) {
                a++;
            }
            while (b > a && Character.isWhitespace(t.charAt(b - 1))) {
                b--;
            }
            boolean nextNonBlank = end + 1 < n && !blankLineAt(t, end);
            if (a < b && nextNonBlank) {
                lines++;
                char last = t.charAt(b - 1);
                boolean terminal = last == '.' || last == '!' || last == '?' || last == ':' || last == '"'
                        || last == '\u201d' || last == ')';
                if (!terminal && b - a >= 30 && b - a <= 120) {
                    wrapped++;
                }
            }
            start = end + 1;
        }
        return lines >= 5 && wrapped * 10 >= lines * 6;
    }

    private void splitSentences(Document doc, Paragraph p) {
        String t = doc.text;
        int start = p.start;
        for (int k = p.start; k < p.end; k++) {
            char c = t.charAt(k);
            if (c != '.' && c != '!' && c != '?' && c != '\u2026') {
                continue;
            }
            int e = k + 1;
            while (e < p.end && isCloser(t.charAt(e))) {
                e++;
            }
            if (e >= p.end || !isSpace(t.charAt(e))) {
                continue;
            }
            int f = e;
            while (f < p.end && isSpace(t.charAt(f))) {
                f++;
            }
            if (f >= p.end) {
                continue;
            }
            char nc = t.charAt(f);
            if (!(Character.isUpperCase(nc) || Character.isDigit(nc) || isOpener(nc))) {
                continue;
            }
            if (c == '.' && e == k + 1 && !periodEndsSentence(t, k, f, p.end)) {
                continue;
            }
            addSentence(doc, p, start, e);
            start = f;
            k = e - 1;
        }
        addSentence(doc, p, start, p.end);
    }

    private boolean periodEndsSentence(String t, int dot, int next, int limit) {
        int w = dot;
        while (w > 0 && dot - w < MAX_WORD_LOOKBACK && (Character.isLetter(t.charAt(w - 1)) || t.charAt(w - 1) == '.')) {
            w--;
        }
        String word = t.substring(w, dot);
        if (word.isEmpty()) {
            return true;
        }
        if (word.length() == 1 && Character.isUpperCase(word.charAt(0))) {
            return false; // an initial: Donald J. Trump
        }
        String lower = Lexicon.key(word);
        if (lexicon.isAbbreviation(lower)) {
            if (lower.indexOf('.') >= 0) {
                // U.S. at a sentence end: split only before a typical sentence opener
                int e = next;
                while (e < limit && Character.isLetter(t.charAt(e))) {
                    e++;
                }
                return lexicon.isNonName(Lexicon.key(t.substring(next, e)));
            }
            return false;
        }
        return true;
    }

    private static void addSentence(Document doc, Paragraph p, int a, int b) {
        String t = doc.text;
        while (a < b && isSpace(t.charAt(a))) {
            a++;
        }
        while (b > a && isSpace(t.charAt(b - 1))) {
            b--;
        }
        if (a < b) {
            doc.sentences.add(new Sentence(doc.sentences.size(), p.index, a, b));
        }
    }

    /** Short line that looks like "Name/Agency" or "... via REUTERS" and does not end like a sentence. */
    private static boolean looksLikeCredit(String t, int a, int b) {
        if (b - a > 200) {
            return false;
        }
        char last = t.charAt(b - 1);
        if (t.startsWith("By ", a) && b - a < 120 && last != '.' && last != '"' && last != '\u201d') {
            return true; // a byline: "By Jane Roe and John Doe, CNN"
        }
        if (last == '.' || last == '!' || last == '?' || last == '"' || last == '\u201d' || last == ':') {
            return false;
        }
        String s = t.substring(a, b);
        if (b - a < 50 && onlyCapitalisedWords(s)) {
            return true; // a name alone on its line: photographer or author credit
        }
        if (s.contains(" via ") || s.startsWith("via ") || s.contains(" by way of ") || s.contains("Getty Images")
                || s.contains("AP Photo")) {
            return true;
        }
        for (int i = a + 1; i < b - 1; i++) {
            if (t.charAt(i) == '/' && Character.isLetter(t.charAt(i - 1)) && Character.isUpperCase(t.charAt(i + 1))) {
                return true;
            }
        }
        return false;
    }

    /** Two to four capitalised words and nothing else ("Jess Frampton"). */
    private static boolean onlyCapitalisedWords(String s) {
        String[] words = s.trim().split(" ");
        if (words.length < 2 || words.length > 4) {
            return false;
        }
        for (String w : words) {
            if (w.isEmpty() || !Character.isUpperCase(w.charAt(0))) {
                return false;
            }
            for (int i = 1; i < w.length(); i++) {
                char c = w.charAt(i);
                if (!Character.isLetter(c) && c != '-' && c != '\'' && c != '\u2019' && c != '.') {
                    return false;
                }
            }
        }
        return true;
    }

    public static boolean isSpace(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c);
    }

    private static boolean isCloser(char c) {
        return c == '"' || c == '\u201d' || c == '\u2019' || c == '\'' || c == ')' || c == ']' || c == '.' || c == '!'
                || c == '?';
    }

    private static boolean isOpener(char c) {
        return c == '"' || c == '\u201c' || c == '\u2018' || c == '\'' || c == '(' || c == '\u201d';
    }
}
