package io.quotewire.extraction.text;

import io.quotewire.extraction.lexicon.Lexicon;
import io.quotewire.extraction.pipeline.Document;
import io.quotewire.extraction.pipeline.Sentence;
import io.quotewire.extraction.pipeline.Step;
import io.quotewire.extraction.pipeline.Token;

import java.util.Set;

/**
 * Cuts each sentence into tokens with offsets.
 * <p>READS: sentences. ADDS: tokens (words, numbers, punctuation, possessive 's as its own token),
 * sentence token ranges, {@link Document#lowercaseWords}, {@link Document#wordForms}.
 * <p>Words keep inner apostrophes and hyphens (don't, al-Sharaa); initialisms keep their dots (U.S.);
 * hyphen compounds of known names are split (Kremlin-White House, US-Iran).
 */
public final class Tokenizer implements Step {
    private final Lexicon lexicon;

    public Tokenizer(Lexicon lexicon) {
        this.lexicon = lexicon;
    }

    @Override
    public Set<Layer> requires() {
        return Set.of(Layer.TEXT, Layer.SENTENCES);
    }

    @Override
    public Set<Layer> assigns() {
        return Set.of(Layer.TOKENS);
    }

    @Override
    public void process(Document doc) {
        String t = doc.text;
        for (Sentence s : doc.sentences) {
            s.firstToken = doc.tokens.size();
            int k = s.start;
            while (k < s.end) {
                char c = t.charAt(k);
                if (Segmenter.isSpace(c)) {
                    k++;
                    continue;
                }
                if (!Character.isLetterOrDigit(c)) {
                    add(doc, s, k, k + 1, Token.Kind.PUNCT);
                    k++;
                    continue;
                }
                int j = k + 1;
                while (j < s.end) {
                    char d = t.charAt(j);
                    if (Character.isLetterOrDigit(d) || Character.getType(d) == Character.NON_SPACING_MARK) {
                        j++;
                    } else if ((d == '\'' || d == '\u2019' || d == '-' || d == '\u2010') && j + 1 < s.end
                            && Character.isLetterOrDigit(t.charAt(j + 1))) {
                        j++;
                    } else if (d == '.' && j + 2 < s.end && isInitialism(t, k, j) && Character.isLetter(t.charAt(j + 1))
                            && t.charAt(j + 2) == '.') {
                        j += 2;
                    } else {
                        break;
                    }
                }
                if (j < s.end && t.charAt(j) == '.' && j - k >= 3 && isInitialism(t, k, j)) {
                    j++; // U.S.
                }
                word(doc, s, k, j);
                k = j;
            }
            s.endToken = doc.tokens.size();
        }
    }

    /** True when t[a, b) looks like "U" or "U.S" (single letters separated by dots). */
    private static boolean isInitialism(String t, int a, int b) {
        if (b - a > 9) {
            return false;
        }
        for (int i = a; i < b; i++) {
            boolean letterSlot = (i - a) % 2 == 0;
            char c = t.charAt(i);
            if (letterSlot ? !Character.isUpperCase(c) : c != '.') {
                return false;
            }
        }
        return (b - a) % 2 == 1;
    }

    private void word(Document doc, Sentence s, int a, int b) {
        String t = doc.text;
        // possessive 's / ’s as its own token
        if (b - a > 2 && (t.charAt(b - 1) == 's' || t.charAt(b - 1) == 'S')
                && (t.charAt(b - 2) == '\'' || t.charAt(b - 2) == '\u2019')) {
            compound(doc, s, a, b - 2);
            add(doc, s, b - 2, b, Token.Kind.POSSESSIVE);
            return;
        }
        compound(doc, s, a, b);
    }

    /** Splits "Kremlin-White" into Kremlin, -, White when a part is a known name (one pass, no recursion). */
    private void compound(Document doc, Sentence s, int a, int b) {
        String t = doc.text;
        int segStart = a;
        for (int i = a + 1; i < b - 1; i++) {
            if (t.charAt(i) != '-' || !Character.isUpperCase(t.charAt(i + 1)) || !Character.isUpperCase(t.charAt(segStart))) {
                continue;
            }
            int nextEnd = i + 1;
            while (nextEnd < b && t.charAt(nextEnd) != '-') {
                nextEnd++;
            }
            if (known(Lexicon.key(t.substring(segStart, i))) || known(Lexicon.key(t.substring(i + 1, nextEnd)))) {
                plain(doc, s, segStart, i);
                add(doc, s, i, i + 1, Token.Kind.PUNCT);
                segStart = i + 1;
            }
        }
        plain(doc, s, segStart, b);
    }

    private void plain(Document doc, Sentence s, int a, int b) {
        String t = doc.text;
        boolean number = true;
        for (int i = a; i < b && number; i++) {
            char c = t.charAt(i);
            number = Character.isDigit(c) || c == '.' || c == ',';
        }
        add(doc, s, a, b, number ? Token.Kind.NUMBER : Token.Kind.WORD);
    }

    private boolean known(String lower) {
        return lexicon.place(lower) != null || lexicon.organization(lower) != null || lexicon.demonym(lower) != null;
    }

    private static void add(Document doc, Sentence s, int a, int b, Token.Kind kind) {
        Token tok = new Token(a, b, doc.word(doc.text.substring(a, b)), kind);
        tok.sentence = s.index;
        doc.tokens.add(tok);
        if (kind == Token.Kind.WORD) {
            if (Character.isLowerCase(tok.text.charAt(0))) {
                doc.lowercaseWords.add(tok.lower);
            } else {
                doc.wordForms.add(tok.text); // capitalised forms, to validate glued-word splits
            }
        }
    }
}
