package io.quotewire.extraction.pipeline;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The mutable document that the pipeline steps enrich one after another (like a spaCy Doc or a CoreNLP
 * Annotation). Every offset is a Java String index into {@link #text}.
 */
public final class Document {
    public final String text;
    /** The article title, or null. Offsets never point into it. */
    public final String title;

    public final List<Paragraph> paragraphs = new ArrayList<>();
    public final List<Sentence> sentences = new ArrayList<>();
    public final List<Token> tokens = new ArrayList<>();
    public final List<QuoteSpan> quoteSpans = new ArrayList<>();
    public final List<Mention> mentions = new ArrayList<>();
    public final List<EntityRecord> entities = new ArrayList<>();
    public final List<Attribution> quotes = new ArrayList<>();

    /** Lower-cased words seen written in lower case somewhere (so "Television" at a sentence start is a common word). */
    public final Set<String> lowercaseWords = new HashSet<>();
    /** Capitalised words seen as separate tokens (to validate glued-word splits such as "Putinsays"). */
    public final Set<String> wordForms = new HashSet<>();

    /** Per token: the mention whose name ends at this token (end - 1), or null. Built by {@link #indexMentions()}. */
    private Mention[] mentionEndingAt = new Mention[0];
    /** Per token: the mention whose phrase (titles included) starts at this token, or null. */
    private Mention[] mentionStartingAt = new Mention[0];

    public Document(String text, String title) {
        this.text = text;
        this.title = title;
    }

    /** One String instance per distinct token text (a 1 MB article has ~200,000 tokens but ~15,000 words). */
    private final java.util.Map<String, String> words = new java.util.HashMap<>();

    /** The document's shared instance of this token text. */
    public String word(String text) {
        String w = words.putIfAbsent(text, text);
        return w == null ? text : w;
    }

    public Sentence sentenceOf(int tokenIndex) {
        return sentences.get(tokens.get(tokenIndex).sentence);
    }

    /** Rebuilds the per-token mention lookups after mentions were added. */
    public void indexMentions() {
        mentionEndingAt = new Mention[tokens.size()];
        mentionStartingAt = new Mention[tokens.size()];
        for (Mention m : mentions) {
            if (m.endToken > 0 && m.endToken <= tokens.size()) {
                Mention old = mentionEndingAt[m.endToken - 1];
                if (old == null || old.kind != Mention.Kind.NAME) {
                    mentionEndingAt[m.endToken - 1] = m;
                }
            }
            if (m.phraseStart >= 0 && m.phraseStart < tokens.size()) {
                Mention old = mentionStartingAt[m.phraseStart];
                if (old == null || m.endToken > old.endToken) {
                    mentionStartingAt[m.phraseStart] = m;
                }
            }
        }
    }

    /** Per paragraph: 1 when it is written in title case, -1 when not, 0 not yet known. */
    private byte[] titleCase = new byte[0];

    /**
     * Most words (of more than three letters) of the paragraph are capitalised, as in a headline ("Senator Says
     * Vote Was ‘Rigged’"). Needs sentences and tokens.
     */
    public boolean titleCase(Paragraph p) {
        if (titleCase.length != paragraphs.size()) {
            titleCase = new byte[paragraphs.size()];
        }
        if (titleCase[p.index] == 0) {
            int words = 0;
            int capitals = 0;
            for (int s = p.firstSentence; s < p.endSentence && s < sentences.size(); s++) {
                Sentence sentence = sentences.get(s);
                for (int t = sentence.firstToken; t < sentence.endToken; t++) {
                    Token tok = tokens.get(t);
                    if (tok.kind == Token.Kind.WORD && tok.text.length() > 3) {
                        words++;
                        capitals += tok.isCapitalized() ? 1 : 0;
                    }
                }
            }
            titleCase[p.index] = (byte) (words >= 3 && capitals >= 0.7 * words ? 1 : -1);
        }
        return titleCase[p.index] > 0;
    }

    private java.util.Map<String, List<Mention>> untypedByText;

    /** Untyped name mentions with exactly this text (index built on first use). */
    public List<Mention> untypedNamed(String text) {
        if (untypedByText == null) {
            untypedByText = new java.util.HashMap<>();
            for (Mention m : mentions) {
                if (m.kind == Mention.Kind.NAME && m.type == null) {
                    untypedByText.computeIfAbsent(m.text, k -> new ArrayList<>()).add(m);
                }
            }
        }
        return untypedByText.getOrDefault(text, List.of());
    }

    public Mention mentionEndingAt(int tokenIndex) {
        return tokenIndex >= 0 && tokenIndex < mentionEndingAt.length ? mentionEndingAt[tokenIndex] : null;
    }

    public Mention mentionStartingAt(int tokenIndex) {
        return tokenIndex >= 0 && tokenIndex < mentionStartingAt.length ? mentionStartingAt[tokenIndex] : null;
    }
}
