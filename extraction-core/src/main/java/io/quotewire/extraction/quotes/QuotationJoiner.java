package io.quotewire.extraction.quotes;

import io.quotewire.extraction.QuoteType;
import io.quotewire.extraction.pipeline.Attribution;
import io.quotewire.extraction.pipeline.Document;
import io.quotewire.extraction.pipeline.QuoteSpan;
import io.quotewire.extraction.pipeline.Step;

import java.util.ArrayList;
import java.util.List;

/**
 * Joins the pieces of one quotation into one attribution, as news writing means them.
 * <p>READS: quotes (attributions of quote spans, with their cues), paragraphs, sentences, tokens. ADDS: nothing new; replaces
 * the attributions of a quotation's later pieces by more {@code spans} on the first one.
 * <ul>
 *   <li><b>Interrupted by its attribution</b>: {@code "We are ready," she said. "End this war."} and
 *       {@code "We are ready," she said, "to end this war."}: the second piece has no cue of its own (or shares
 *       the first one's), the first piece's cue stands between the two, and nothing else is quoted there.</li>
 *   <li><b>Continued over paragraphs</b>: a quote left open at the end of a paragraph whose next paragraph opens
 *       with a mark.</li>
 * </ul>
 * The joined quotation keeps the first piece's cue and speaker unless only a later piece has them. A headline's
 * quote that the body quotes in full is the same quotation too: only the body's copy is kept.
 */
public final class QuotationJoiner implements Step {
    /** How long the attribution between two pieces of one quotation may be, in characters. */
    static final int MAX_GAP = 400;
    /** The longest first paragraph read as a headline when not in title case, in characters. */
    static final int HEADLINE_MAX = 200;

    @Override
    public java.util.Set<Layer> requires() {
        return java.util.EnumSet.of(Layer.TEXT, Layer.PARAGRAPHS, Layer.SENTENCES, Layer.TOKENS, Layer.QUOTE_SPANS,
                Layer.QUOTES);
    }

    @Override
    public java.util.Set<Layer> assigns() {
        return java.util.EnumSet.of(Layer.QUOTES);
    }

    @Override
    public void process(Document doc) {
        List<Attribution> in = doc.quotes;
        if (in.size() < 2) {
            return;
        }
        List<Attribution> out = new ArrayList<>(in.size());
        Attribution open = null;
        for (Attribution b : in) {
            if (open != null && b.span != null && joins(doc, open, b)) {
                join(open, b);
                continue;
            }
            out.add(b);
            if (open == null || b.span == null || !insideAttribution(doc, open, b)) {
                open = b.span == null ? null : b;
            } // else: a title inside the attribution ("said on ABC's \"This Week\"") leaves the quotation open
        }
        in.clear();
        in.addAll(out);
        dropHeadlineEchoes(doc);
    }

    /**
     * A title-case headline quoting words the article quotes in full later ({@code Senator: ‘We Will Not Back
     * Down’} … {@code "We will not back down," the senator said.}) repeats that quotation: the headline's copy
     * is dropped, the body's kept.
     */
    private static void dropHeadlineEchoes(Document doc) {
        List<Attribution> quotes = doc.quotes;
        if (quotes.size() < 2 || doc.paragraphs.size() < 2 || !headline(doc, doc.paragraphs.get(0))) {
            return;
        }
        java.util.Set<String> later = new java.util.HashSet<>();
        int firstBody = 0;
        while (firstBody < quotes.size() && quotes.get(firstBody).span != null
                && quotes.get(firstBody).span.paragraph == 0) {
            firstBody++;
        }
        for (int i = firstBody; i < quotes.size(); i++) {
            Attribution a = quotes.get(i);
            for (QuoteSpan s : a.spans) {
                for (int t = s.firstToken; t >= 0 && t < s.endToken; t++) {
                    if (doc.tokens.get(t).isWord()) {
                        later.add(doc.tokens.get(t).lower);
                    }
                }
            }
        }
        quotes.removeIf(a -> a.span != null && a.span.paragraph == 0 && echoes(doc, a.span, later));
    }

    /** The first paragraph reads as a headline: in title case, or one short sentence (a headline in sentence case). */
    private static boolean headline(Document doc, io.quotewire.extraction.pipeline.Paragraph p) {
        return doc.titleCase(p) || p.end - p.start <= HEADLINE_MAX && p.endSentence - p.firstSentence == 1;
    }

    private static boolean echoes(Document doc, QuoteSpan s, java.util.Set<String> later) {
        int words = 0;
        int seen = 0;
        for (int t = s.firstToken; t >= 0 && t < s.endToken; t++) {
            var tok = doc.tokens.get(t);
            if (tok.isWord()) {
                words++;
                seen += later.contains(tok.lower) ? 1 : 0;
            }
        }
        return words > 0 && seen >= 0.8 * words;
    }

    private static boolean joins(Document doc, Attribution a, Attribution b) {
        QuoteSpan last = a.spans.get(a.spans.size() - 1);
        if (b.span.continuesPrevious && last.continuesInNextParagraph && last.paragraph + 1 == b.span.paragraph) {
            return true;
        }
        if (b.continued && b.cueStart < 0 && b.type == QuoteType.DIRECT
                && (last.paragraph + 1 == b.span.paragraph || last.paragraph == b.span.paragraph)) {
            return true;
        }
        if (b.span.paragraph != last.paragraph || last.close < 0 || b.span.open < 0) {
            return false;
        }
        if (a.cueStart >= 0 && a.cueStart == b.cueStart && a.cueEnd <= a.span.open && last.lastChar(doc.text) == ','
                && onlyAndBetween(doc, last, b.span)) {
            return true; // one cue before both, a sentence broken for the conjunction: telling the crowd, "…," and, "…"
        }
        // a participle between the pieces that goes on with the same speaker belongs to the attribution ("…," X
        // wrote in a statement explaining why he spoke, "…"); a finite cue of its own ("though he said") does not
        boolean sameAttribution = b.cueStart > last.close && b.cueEnd <= b.span.open && b.speaker != null
                && b.speaker == a.speaker && a.cueStart > last.close && a.cueStart < b.cueStart && b.cueToken >= 0
                && doc.tokens.get(b.cueToken).lower.endsWith("ing");
        boolean ownCue = b.cueStart >= 0 && b.cueStart != a.cueStart && !sameAttribution;
        if (ownCue || a.cueStart < last.close || a.cueEnd > b.span.open) {
            return false; // the first piece's cue must stand between the pieces, and the second have none of its own
        }
        if (b.span.open - last.close > MAX_GAP) {
            return false;
        }
        // only the attribution stands between: the second piece opens in the cue's sentence or right after it
        // ("…," Tim Kaine said. Mark Warner was less sure. "…" is not one quotation)
        var cueSentence = doc.sentenceOf(a.cueToken);
        int nextWord = cueSentence.endToken;
        while (nextWord < doc.tokens.size() && !doc.tokens.get(nextWord).isWord() && !doc.tokens.get(nextWord).quoteMark) {
            nextWord++;
        }
        if (b.span.open >= cueSentence.end && (nextWord >= doc.tokens.size() || doc.tokens.get(nextWord).start < b.span.open)) {
            return false;
        }
        if (b.span.open < cueSentence.end && !afterClauseBreak(doc, b.span) && !rightAfter(doc, b.span, a.cueEnd)) {
            return false; // a title or name inside the attribution, not the quotation's next piece
        }
        // the first piece ends where a sentence is broken off for its attribution: "…," / "…?" / "…!" / "…."
        char endChar = last.lastChar(doc.text); // past an inner quotation's close: "…, 'Thank you,'" X said
        char afterMark = last.close + 1 < doc.text.length() ? doc.text.charAt(last.close + 1) : ' ';
        return endChar == ',' || endChar == '.' || endChar == '?' || endChar == '!' || endChar == '\u2014'
                || afterMark == ',';
    }

    /** Between the close of one piece and the open of the next stand only punctuation and "and". */
    private static boolean onlyAndBetween(Document doc, QuoteSpan last, QuoteSpan next) {
        String between = doc.text.substring(last.close + 1, next.open).strip();
        return between.matches("[,;]?\\s*and\\s*[,:]?");
    }

    /** The quote opens right after the cue's verb ({@code …," she said "…"}, a comma missing). */
    private static boolean rightAfter(Document doc, QuoteSpan s, int cueEnd) {
        return cueEnd > 0 && cueEnd <= s.open && doc.text.substring(cueEnd, s.open).isBlank();
    }

    /** The quote opens after a comma, colon or dash, as the next piece of an interrupted quotation does. */
    private static boolean afterClauseBreak(Document doc, QuoteSpan s) {
        int i = s.open - 1;
        while (i >= 0 && Character.isWhitespace(doc.text.charAt(i))) {
            i--;
        }
        if (i < 0) {
            return true;
        }
        if (i >= 4 && doc.text.startsWith(", and", i - 4)) {
            i -= 4; // "…," she said, and "…"
        }
        char c = doc.text.charAt(i);
        return c == ',' || c == ':' || c == ';' || c == '\u2014' || c == '.' || c == '?' || c == '!';
    }

    /** b stands inside the attribution of the open quotation a: after its first piece, before the end of its cue's sentence. */
    private static boolean insideAttribution(Document doc, Attribution a, Attribution b) {
        QuoteSpan last = a.spans.get(a.spans.size() - 1);
        if (a.cueStart < 0 || a.cueStart < last.close || b.span.paragraph != last.paragraph
                || b.cueStart >= 0 && b.cueStart != a.cueStart) {
            return false;
        }
        return b.span.open < doc.sentenceOf(a.cueToken).end && !afterClauseBreak(doc, b.span);
    }

    private static void join(Attribution a, Attribution b) {
        a.spans.addAll(b.spans);
        a.end = b.end;
        a.sentenceEnd = Math.max(a.sentenceEnd, b.sentenceEnd);
        if (b.type == QuoteType.DIRECT) {
            a.type = QuoteType.DIRECT;
        }
        if (a.speaker == null && b.speaker != null) {
            a.takeSpeakerOf(b);
        }
    }
}
