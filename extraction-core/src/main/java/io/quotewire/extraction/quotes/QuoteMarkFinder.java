package io.quotewire.extraction.quotes;

import io.quotewire.extraction.pipeline.Document;
import io.quotewire.extraction.text.Segmenter;
import io.quotewire.extraction.pipeline.Paragraph;
import io.quotewire.extraction.pipeline.QuoteSpan;
import io.quotewire.extraction.pipeline.Step;
import io.quotewire.extraction.pipeline.Token;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * Finds quoted stretches between quote marks, paragraph by paragraph, in one linear pass.
 * <p>READS: text, paragraphs, tokens. ADDS: quoteSpans (top level only; quotes nested inside a quote are
 * part of its words), {@link Token#quote} and {@link Token#quoteMark}.
 * <p>Each double mark (“ ” " „ « ») is classed as opening, closing or either by the characters around
 * it, so mismatched marks (a ” used to open, a " closing a “) still pair up. An opening mark inside an open
 * quote followed by two closing marks is a nested quote; otherwise the open quote was left unterminated.
 * A quote still open at the end of a paragraph ends there, and goes on in the next paragraph when that
 * one opens with a mark (multi-paragraph quotes). Single marks (‘ ’ ') outside double quotes make a quote
 * only when an opening mark (after a space, before a letter) meets a closing one within 250 characters,
 * so apostrophes (don’t, Trump’s, ’90s) are never quote marks.
 */
public final class QuoteMarkFinder implements Step {
    private static final int MAX_SINGLE_QUOTE = 250;
    /** Longest markup attribute value skipped ({@code author="…"}). */
    private static final int MAX_ATTRIBUTE = 200;

    private enum Role { OPEN, CLOSE, EITHER }

    @Override
    public Set<Layer> requires() {
        return Set.of(Layer.TEXT, Layer.PARAGRAPHS, Layer.TOKENS);
    }

    @Override
    public Set<Layer> assigns() {
        return Set.of(Layer.QUOTE_SPANS);
    }

    @Override
    public void process(Document doc) {
        String t = doc.text;
        boolean previousContinues = false;
        List<int[]> marks = new ArrayList<>();
        for (Paragraph p : doc.paragraphs) {
            List<QuoteSpan> spans = new ArrayList<>();
            marks.clear();
            for (int k = p.start; k < p.end; k++) {
                char c = t.charAt(k);
                if (c == '"' && k > p.start && t.charAt(k - 1) == '=') {
                    k = attributeValueEnd(t, k, p.end); // markup left in the text: <tweet author="x">, not a quote
                    continue;
                }
                if (c == '"' || c == '\u201c' || c == '\u201d' || c == '\u201e' || c == '\u00ab' || c == '\u00bb') {
                    marks.add(new int[] {k, role(t, k, p).ordinal()});
                }
            }
            int open = -1;
            boolean firstSpan = true;
            for (int m = 0; m < marks.size(); m++) {
                int pos = marks.get(m)[0];
                Role role = Role.values()[marks.get(m)[1]];
                if (open < 0) {
                    if (role != Role.CLOSE) {
                        open = pos;
                    }
                    continue;
                }
                if (role == Role.OPEN) {
                    boolean nested = m + 2 < marks.size() && marks.get(m + 1)[1] != Role.OPEN.ordinal()
                            && marks.get(m + 2)[1] != Role.OPEN.ordinal();
                    if (nested) {
                        m++; // skip the inner closing mark; the outer one closes below
                        continue;
                    }
                    addSpan(doc, spans, open, -1, open + 1, pos, p, previousContinues && firstSpan);
                    firstSpan = false;
                    open = pos;
                    continue;
                }
                addSpan(doc, spans, open, pos, open + 1, pos, p, previousContinues && firstSpan);
                firstSpan = false;
                open = -1;
            }
            boolean continues = false;
            if (open >= 0) {
                QuoteSpan s = addSpan(doc, spans, open, -1, open + 1, p.end, p, previousContinues && firstSpan);
                continues = s != null && nextParagraphOpensWithMark(doc, p);
                if (s != null) {
                    s.continuesInNextParagraph = continues;
                }
            }
            singleQuotes(doc, p, spans);
            spans.sort(Comparator.comparingInt(s -> s.contentStart));
            doc.quoteSpans.addAll(spans);
            previousContinues = continues;
        }
        markTokens(doc);
    }

    /** The closing mark of a markup attribute value {@code ="…"} opening at k (bounded), or k when there is none. */
    private static int attributeValueEnd(String t, int k, int end) {
        for (int i = k + 1; i < end && i - k <= MAX_ATTRIBUTE; i++) {
            char c = t.charAt(i);
            if (c == '"') {
                return i;
            }
            if (c == '<' || c == '>' || c == '\n') {
                return k;
            }
        }
        return k;
    }

    private static Role role(String t, int k, Paragraph p) {
        char c = t.charAt(k);
        char prev = k > p.start ? t.charAt(k - 1) : ' ';
        char next = k + 1 < p.end ? t.charAt(k + 1) : ' ';
        boolean openLike = isSpaceOrOpen(prev) && !Segmenter.isSpace(next);
        boolean closeLike = !Segmenter.isSpace(prev) && (Segmenter.isSpace(next) || isClosingPunct(next));
        if (c == '\u201c' || c == '\u201e' || c == '\u00ab') {
            return closeLike && !openLike ? Role.CLOSE : Role.OPEN;
        }
        if (c == '\u201d' || c == '\u00bb') {
            if (openLike && !closeLike) {
                return Role.OPEN;
            }
            return closeLike ? Role.CLOSE : Role.EITHER;
        }
        if (openLike && !closeLike) {
            return Role.OPEN;
        }
        if (closeLike && !openLike) {
            return Role.CLOSE;
        }
        return Role.EITHER;
    }

    private static boolean isSpaceOrOpen(char c) {
        return Segmenter.isSpace(c) || c == '(' || c == '[' || c == '\u2014' || c == '\u2013' || c == '-' || c == ':'
                || c == '\u2018' || c == '/';
    }

    private static boolean isClosingPunct(char c) {
        return c == '.' || c == ',' || c == ';' || c == ':' || c == '!' || c == '?' || c == ')' || c == ']'
                || c == '\u2014' || c == '\u2013' || c == '\u2019' || c == '\'' || c == '\u2026';
    }

    private static boolean nextParagraphOpensWithMark(Document doc, Paragraph p) {
        if (p.index + 1 >= doc.paragraphs.size()) {
            return false;
        }
        char c = doc.text.charAt(doc.paragraphs.get(p.index + 1).start);
        return c == '"' || c == '\u201c' || c == '\u201e' || c == '\u00ab';
    }

    private static QuoteSpan addSpan(Document doc, List<QuoteSpan> spans, int open, int close, int a, int b,
                                     Paragraph p, boolean continuesPrevious) {
        String t = doc.text;
        while (a < b && Segmenter.isSpace(t.charAt(a))) {
            a++;
        }
        while (b > a && Segmenter.isSpace(t.charAt(b - 1))) {
            b--;
        }
        boolean letter = false;
        for (int i = a; i < b && !letter; i++) {
            letter = Character.isLetterOrDigit(t.charAt(i));
        }
        if (!letter) {
            return null;
        }
        QuoteSpan s = new QuoteSpan(open, close, a, b, p.index);
        s.continuesPrevious = continuesPrevious;
        spans.add(s);
        return s;
    }

    /** Top-level single-quoted stretches: ‘like this’ or 'like this', outside double quotes. */
    private static void singleQuotes(Document doc, Paragraph p, List<QuoteSpan> doubles) {
        String t = doc.text;
        int di = 0;
        int pending = -1;
        List<QuoteSpan> found = new ArrayList<>();
        for (int k = p.start; k < p.end; k++) {
            while (di < doubles.size() && doubles.get(di).contentEnd < k) {
                di++;
            }
            if (di < doubles.size() && k >= doubles.get(di).contentStart && k < doubles.get(di).contentEnd) {
                pending = -1;
                k = doubles.get(di).contentEnd;
                continue;
            }
            char c = t.charAt(k);
            if (c != '\'' && c != '\u2018' && c != '\u2019') {
                continue;
            }
            char prev = k > p.start ? t.charAt(k - 1) : ' ';
            char next = k + 1 < p.end ? t.charAt(k + 1) : ' ';
            boolean opener = isSpaceOrOpen(prev) && Character.isLetter(next) || prev == '"' || prev == '\u201c';
            boolean closer = c != '\u2018' && !Segmenter.isSpace(prev) && !Character.isLetterOrDigit(next);
            if (pending >= 0 && k - pending > MAX_SINGLE_QUOTE) {
                pending = -1;
            }
            if (closer && pending >= 0) {
                addSpan(doc, found, pending, k, pending + 1, k, p, false);
                pending = -1;
            } else if (opener && (c == '\u2018' || c == '\'' || c == '\u2019')) {
                pending = k;
            }
        }
        doubles.addAll(found);
    }

    private static void markTokens(Document doc) {
        List<Token> tokens = doc.tokens;
        int ti = 0;
        for (int si = 0; si < doc.quoteSpans.size(); si++) {
            QuoteSpan s = doc.quoteSpans.get(si);
            int markStart = s.open >= 0 ? s.open : s.contentStart;
            int markEnd = s.close >= 0 ? s.close + 1 : s.contentEnd;
            while (ti < tokens.size() && tokens.get(ti).end <= markStart) {
                ti++;
            }
            int tj = ti;
            while (tj < tokens.size() && tokens.get(tj).start < markEnd) {
                Token tok = tokens.get(tj);
                if (tok.start == s.open || tok.start == s.close) {
                    tok.quoteMark = true;
                } else if (tok.start >= s.contentStart && tok.end <= s.contentEnd) {
                    tok.quote = si;
                    if (s.firstToken < 0) {
                        s.firstToken = tj;
                    }
                    s.endToken = tj + 1;
                }
                tj++;
            }
            ti = tj;
        }
    }
}
