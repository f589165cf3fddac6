package io.quotewire.extraction.text;

import io.quotewire.extraction.lexicon.Lexicon;
import io.quotewire.extraction.pipeline.Document;
import io.quotewire.extraction.pipeline.Sentence;
import io.quotewire.extraction.pipeline.Step;
import io.quotewire.extraction.pipeline.Token;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Repairs words glued together by careless copy-paste.
 * <p>READS: tokens, wordForms. ADDS: replaces a glued token by two tokens and re-indexes sentences.
 * <ul>
 *   <li>a name glued to a speech verb: "Putinsays" -> "Putin" + "says", when the name part also occurs
 *       on its own in the text or follows a first name or title;</li>
 *   <li>a lower-case word glued to a capitalised one: "onIn" -> "on" + "In".</li>
 * </ul>
 */
public final class GluedWordSplitter implements Step {
    /** Longest speech-verb form looked for at the end of a glued word ("acknowledged"). */
    private static final int MAX_VERB_LENGTH = 13;
    private final Lexicon lexicon;

    public GluedWordSplitter(Lexicon lexicon) {
        this.lexicon = lexicon;
    }

    @Override
    public Set<Layer> requires() {
        return Set.of(Layer.SENTENCES, Layer.TOKENS);
    }

    @Override
    public Set<Layer> assigns() {
        return Set.of(Layer.TOKENS);
    }

    @Override
    public void process(Document doc) {
        List<Token> out = null;
        List<Token> in = doc.tokens;
        for (int i = 0; i < in.size(); i++) {
            Token tok = in.get(i);
            int split = tok.kind == Token.Kind.WORD ? splitPoint(doc, in, i) : -1;
            if (split > 0 && out == null) {
                out = new ArrayList<>(in.subList(0, i));
            }
            if (split > 0) {
                Token a = new Token(tok.start, tok.start + split, tok.text.substring(0, split), Token.Kind.WORD);
                Token b = new Token(tok.start + split, tok.end, tok.text.substring(split), Token.Kind.WORD);
                a.sentence = tok.sentence;
                b.sentence = tok.sentence;
                out.add(a);
                out.add(b);
                if (Character.isLowerCase(a.text.charAt(0))) {
                    doc.lowercaseWords.add(a.lower);
                }
            } else if (out != null) {
                out.add(tok);
            }
        }
        if (out == null) {
            return;
        }
        doc.tokens.clear();
        doc.tokens.addAll(out);
        int ti = 0;
        for (Sentence s : doc.sentences) {
            s.firstToken = ti;
            while (ti < doc.tokens.size() && doc.tokens.get(ti).sentence == s.index) {
                ti++;
            }
            s.endToken = ti;
        }
    }

    /**
     * Two names run together, the surname of one glued to the first name of the next ("Hillary ClintonBernie
     * Sanders"): a capitalised word whose inner capital starts a known first name that a capitalised word follows,
     * where the part before it (three letters or more, all lower case after its capital) is a word the text also
     * writes alone ("Clinton said"; never so "MacArthur" after "Douglas"). Returns the split point, or -1.
     */
    private int twoNamesPoint(Document doc, List<Token> tokens, int i) {
        String w = tokens.get(i).text;
        if (i + 1 >= tokens.size() || !tokens.get(i + 1).isCapitalized()
                || tokens.get(i + 1).sentence != tokens.get(i).sentence) {
            return -1;
        }
        int p = 1;
        while (p < w.length() && Character.isLowerCase(w.charAt(p))) {
            p++;
        }
        if (p < 3 || p > w.length() - 3 || !Character.isUpperCase(w.charAt(p))) {
            return -1;
        }
        for (int q = p + 1; q < w.length(); q++) {
            if (!Character.isLowerCase(w.charAt(q))) {
                return -1;
            }
        }
        return lexicon.firstName(w.substring(p)) != 0 && doc.wordForms.contains(w.substring(0, p)) ? p : -1;
    }

    private int splitPoint(Document doc, List<Token> tokens, int i) {
        String w = tokens.get(i).text;
        int n = w.length();
        if (n < 4 || w.indexOf('-') >= 0 || w.indexOf('\'') >= 0 || w.indexOf('\u2019') >= 0) {
            return -1;
        }
        if (Character.isLowerCase(w.charAt(0))) {
            // onIn, chestnutsThe: lower-case word + capitalised word
            for (int p = 2; p < n - 1 && p < 40; p++) {
                char c = w.charAt(p);
                if (Character.isUpperCase(c)) {
                    if (!Character.isLowerCase(w.charAt(p + 1))) {
                        return -1;
                    }
                    for (int q = 0; q < p; q++) {
                        if (!Character.isLowerCase(w.charAt(q))) {
                            return -1;
                        }
                    }
                    for (int q = p + 1; q < n; q++) {
                        if (!Character.isLowerCase(w.charAt(q))) {
                            return -1;
                        }
                    }
                    return p;
                }
            }
            return -1;
        }
        if (n < 7 || !Character.isUpperCase(w.charAt(0))) {
            return -1;
        }
        int names = twoNamesPoint(doc, tokens, i);
        if (names > 0) {
            return names;
        }
        String lower = tokens.get(i).lower;
        if (lexicon.place(lower) != null || lexicon.organization(lower) != null || lexicon.firstName(lower) != 0) {
            return -1;
        }
        for (int p = Math.max(3, n - MAX_VERB_LENGTH); p <= n - 4; p++) {
            Lexicon.Verb v = lexicon.verb(lower.substring(p));
            if (v == null || v.form() != Lexicon.Verb.Form.FINITE || !Character.isLowerCase(w.charAt(p - 1))) {
                continue;
            }
            String name = w.substring(0, p);
            boolean seenAlone = doc.wordForms.contains(name);
            boolean midSentence = i > 0 && tokens.get(i - 1).sentence == tokens.get(i).sentence
                    && tokens.get(i - 1).isWord();
            boolean commonVerb = v.base().equals("say") || v.base().equals("tell");
            boolean afterName = i > 0 && tokens.get(i - 1).isCapitalized()
                    && (lexicon.firstName(tokens.get(i - 1).text) != 0 || lexicon.isTitle(tokens.get(i - 1).lower));
            if (seenAlone || afterName || midSentence && p >= 4 || commonVerb && p >= 6) {
                return p;
            }
        }
        return -1;
    }
}
