package io.quotewire.extraction.quotes;

import io.quotewire.extraction.QuoteType;
import io.quotewire.extraction.entities.QuoteCueWords;
import io.quotewire.extraction.lexicon.Lexicon;
import io.quotewire.extraction.pipeline.Attribution;
import io.quotewire.extraction.pipeline.Document;
import io.quotewire.extraction.pipeline.Mention;
import io.quotewire.extraction.pipeline.Sentence;
import io.quotewire.extraction.pipeline.Step;
import io.quotewire.extraction.pipeline.Token;

import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * Finds reported (indirect) speech in sentences that hold no quote marks.
 * <p>READS: sentences, tokens, mentions, quoteSpans (via {@link Token#quote}). ADDS: INDIRECT
 * attributions to {@code quotes}; their text is the reported clause.
 * <ul>
 *   <li>{@code X said (that) CLAUSE}, {@code X says CLAUSE}, {@code X told reporters/Y that CLAUSE},
 *       {@code X said Thursday in Brussels that CLAUSE};</li>
 *   <li>{@code According to X, CLAUSE};</li>
 *   <li>{@code CLAUSE, X said.}</li>
 * </ul>
 * Only speakers the text names (a name, or a pronoun/description resolved to one) are kept: reported
 * speech of an unnamed source ("a source said") is not reported. The clause must have at least three words and must not end
 * with a transitive verb missing its object ("a format Putin suggested he would like").
 */
public final class IndirectSpeechFinder implements Step {
    private static final int MIN_CLAUSE_WORDS = 3;
    private static final WordClasses WORDS = WordClasses.load("indirect-speech.txt");
    /** Words that open a reported clause after a say-type verb without "that". */
    private static final Set<String> CLAUSE_STARTERS = WORDS.get("clause-starters");
    /** Verbs that take a reported clause without "that" ("said the talks failed"). */
    private static final Set<String> BARE_CLAUSE_VERBS = WORDS.get("bare-clause-verbs");
    /** Verbs that may close a sentence of reported speech: "…, X told reporters." */
    private static final Set<String> END_CUE_VERBS = WORDS.get("end-cue-verbs");
    /** Transitive verbs that cannot end a reported clause: one ending with them has its object elsewhere. */
    private static final Set<String> OBJECT_GAP_VERBS = WORDS.get("object-gap-verbs");
    private static final Set<String> SUBJECT_PRONOUNS = WORDS.get("subject-pronouns");
    private static final Set<String> OBJECT_WORDS = WORDS.get("object-words");
    private static final Set<String> AUXILIARIES = WORDS.get("auxiliaries");
    private static final Set<String> RELATIVE_WORDS = WORDS.get("relative-words");
    private static final Set<String> DAYS = WORDS.get("days");
    private static final Set<String> TIME_WORDS = WORDS.get("time-words");

    private final Cues cues;

    public IndirectSpeechFinder(Lexicon lexicon) {
        this.cues = new Cues(lexicon);
    }

    @Override
    public void process(Document doc) {
        List<Token> tk = doc.tokens;
        for (Sentence s : doc.sentences) {
            if (doc.paragraphs.get(s.paragraph).credit || hasQuote(doc, s) || s.endToken == s.firstToken
                    || tk.get(s.endToken - 1).is(":")) {
                continue; // "X wrote:" introduces a quote, not reported speech
            }
            Attribution a = accordingTo(doc, s);
            if (a == null) {
                a = verbClause(doc, s);
            }
            if (a == null) {
                a = clauseThenCue(doc, s);
            }
            if (a != null && a.speaker != null) {
                doc.quotes.add(a);
            }
        }
        doc.quotes.sort(Comparator.comparingInt(q -> q.start));
    }

    private static boolean hasQuote(Document doc, Sentence s) {
        for (int i = s.firstToken; i < s.endToken; i++) {
            Token t = doc.tokens.get(i);
            if (t.quote >= 0 || t.quoteMark) {
                return true;
            }
        }
        return false;
    }

    private Attribution verbClause(Document doc, Sentence s) {
        List<Token> tk = doc.tokens;
        for (int v = s.firstToken; v < s.endToken; v++) {
            Lexicon.Verb verb = cues.verb(tk.get(v));
            if (verb == null || verb.quoteOnly() || verb.form() != Lexicon.Verb.Form.FINITE) {
                continue;
            }
            Mention subject = cues.subjectOf(doc, s, v);
            if (subject == null || subject.entity == null) {
                continue;
            }
            int c = clauseStart(doc, s, v, verb);
            if (c < 0) {
                continue;
            }
            Attribution a = build(doc, s, c, s.endToken, v, subject, 0.6);
            if (a != null) {
                return a;
            }
        }
        return null;
    }

    /** Start of the reported clause after the verb at v, or -1. */
    private int clauseStart(Document doc, Sentence s, int v, Lexicon.Verb verb) {
        List<Token> tk = doc.tokens;
        // "that" within a few words: "said Thursday in Brussels that", "told a gathering of allies that"
        for (int x = v + 1; x < s.endToken && x - v <= 9; x++) {
            Token t = tk.get(x);
            if (t.is("that")) {
                return x + 1;
            }
            if (SUBJECT_PRONOUNS.contains(t.lower)) {
                break; // "said he could not support a bill that …": this "that" is inside the clause
            }
            if (!t.isWord() && !t.is(".")) {
                break;
            }
            if (cues.verb(t) != null) {
                break;
            }
        }
        int x = v + 1;
        if (!BARE_CLAUSE_VERBS.contains(verb.base()) && !verb.takesObject()) {
            return -1; // "announced a plan", "wrote a book": without "that" the words after are an object
        }
        if (verb.takesObject()) {
            Mention object = doc.mentionStartingAt(x);
            if (x < s.endToken && OBJECT_WORDS.contains(tk.get(x).lower) && !tk.get(x).is("the") && !tk.get(x).is("a")) {
                x++;
            } else if (object != null && object.kind == Mention.Kind.NAME && !object.possessive) {
                x = object.endToken; // "Netanyahu told Trump Israel would keep its troops"
                if (x < s.endToken && doc.mentionStartingAt(x) == null && !CLAUSE_STARTERS.contains(tk.get(x).lower)) {
                    return -1;
                }
            } else {
                return -1;
            }
        }
        while (x < s.endToken && (TIME_WORDS.contains(tk.get(x).lower)
                || tk.get(x).is("on") && x + 1 < s.endToken && DAYS.contains(tk.get(x + 1).lower))) {
            x++;
        }
        if (x >= s.endToken) {
            return -1;
        }
        Token t = tk.get(x);
        if (CLAUSE_STARTERS.contains(t.lower) || t.kind == Token.Kind.NUMBER
                || doc.mentionStartingAt(x) != null && !t.is("to") || nounPhraseThenAuxiliary(doc, s, x)) {
            return x;
        }
        return -1;
    }

    /**
     * "said soybean exports to China had fallen", "said more aid was coming": a short run of plain words (a
     * noun phrase, possibly with a prepositional phrase inside) followed by an auxiliary verb is a clause.
     */
    private boolean nounPhraseThenAuxiliary(Document doc, Sentence s, int x) {
        List<Token> tk = doc.tokens;
        if (QuoteCueWords.isPreposition(tk.get(x).lower)) {
            return false; // "said in a statement …", "told about …"
        }
        for (int y = x + 1; y < s.endToken && y - x <= NOUN_PHRASE_MAX; y++) {
            Token t = tk.get(y);
            if (!t.isWord() || RELATIVE_WORDS.contains(t.lower) || cues.verb(t) != null) {
                return false;
            }
            if (AUXILIARIES.contains(t.lower)) {
                return true;
            }
        }
        return false;
    }

    private static final int NOUN_PHRASE_MAX = 6;

    private Attribution accordingTo(Document doc, Sentence s) {
        List<Token> tk = doc.tokens;
        int i = s.firstToken;
        if (i + 2 < s.endToken && tk.get(i).is("according") && tk.get(i + 1).is("to")) {
            Mention m = cues.mentionAt(doc, i + 2, s.endToken);
            if (m != null && m.entity != null && m.endToken < s.endToken && tk.get(m.endToken).is(",")) {
                return build(doc, s, m.endToken + 1, s.endToken, i, m, 0.6);
            }
        }
        return null;
    }

    /** "CLAUSE, X said." */
    private Attribution clauseThenCue(Document doc, Sentence s) {
        List<Token> tk = doc.tokens;
        int end = s.endToken;
        while (end > s.firstToken && !tk.get(end - 1).isWord()) {
            end--;
        }
        for (int comma = end - 2; comma > s.firstToken && end - comma <= 30; comma--) {
            if (!tk.get(comma).is(",")) {
                continue;
            }
            Cues.Found f = cues.speakerThenVerb(doc, comma + 1, end);
            if (f == null) {
                f = cues.verbThenSpeaker(doc, comma + 1, end);
            }
            Lexicon.Verb verb = f == null ? null : cues.verb(tk.get(f.verb()));
            boolean reporting = verb != null && !verb.quoteOnly()
                    && (BARE_CLAUSE_VERBS.contains(verb.base()) || END_CUE_VERBS.contains(verb.base()));
            boolean fronted = QuoteCueWords.isPreposition(tk.get(s.firstToken).lower); // "For its part, X responded"
            if (f != null && reporting && !fronted && f.speaker().entity != null && cueEndsSentence(doc, f, end)) {
                return build(doc, s, s.firstToken, comma, f.verb(), f.speaker(), 0.55);
            }
        }
        return null;
    }

    /** After the cue only a few words or an apposition (", a law professor at …") may follow. */
    private static boolean cueEndsSentence(Document doc, Cues.Found f, int end) {
        int after = Math.max(f.verb() + 1, f.speaker().endToken);
        return end - after <= 5 || doc.tokens.get(after).is(",");
    }

    private Attribution build(Document doc, Sentence s, int from, int to, int verb, Mention speaker, double conf) {
        List<Token> tk = doc.tokens;
        while (to > from && !tk.get(to - 1).isWord()) {
            to--;
        }
        int words = 0;
        for (int i = from; i < to; i++) {
            if (tk.get(i).isWord()) {
                words++;
            }
        }
        if (words < MIN_CLAUSE_WORDS || OBJECT_GAP_VERBS.contains(tk.get(to - 1).lower)) {
            return null; // too short, or "a format Putin suggested he would like": a relative clause with a gap
        }
        Attribution a = new Attribution(tk.get(from).start, tk.get(to - 1).end, QuoteType.INDIRECT, null);
        a.cueStart = tk.get(verb).start;
        a.cueEnd = tk.get(verb).end;
        a.speakerMention = speaker;
        a.speaker = speaker.entity;
        a.sentenceStart = s.start;
        a.sentenceEnd = s.end;
        a.confidence = conf;
        return a;
    }

    /**
     * Named word classes read from a lexicon resource: {@code [section]} lines, then blank-separated words;
     * {@code #} starts a comment line.
     */
    static final class WordClasses {
        private final java.util.Map<String, Set<String>> sections = new java.util.HashMap<>();

        static WordClasses load(String name) {
            String path = "/io/quotewire/extraction/lexicon/" + name;
            WordClasses w = new WordClasses();
            try (java.io.InputStream in = IndirectSpeechFinder.class.getResourceAsStream(path)) {
                if (in == null) {
                    throw new IllegalStateException("missing resource " + path);
                }
                java.io.BufferedReader r = new java.io.BufferedReader(
                        new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
                Set<String> current = null;
                String line;
                while ((line = r.readLine()) != null) {
                    line = line.strip();
                    if (line.isEmpty() || line.startsWith("#")) {
                        continue;
                    }
                    if (line.startsWith("[") && line.endsWith("]")) {
                        current = w.sections.computeIfAbsent(line.substring(1, line.length() - 1),
                                k -> new java.util.HashSet<>());
                    } else if (current != null) {
                        for (String word : line.split("\\s+")) {
                            current.add(Lexicon.key(word));
                        }
                    }
                }
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            return w;
        }

        /** The words of a section (unmodifiable); fails on a section the file does not have. */
        Set<String> get(String section) {
            Set<String> s = sections.get(section);
            if (s == null) {
                throw new IllegalStateException("no section [" + section + "] in the indirect-speech word list");
            }
            return java.util.Collections.unmodifiableSet(s);
        }
    }
}
