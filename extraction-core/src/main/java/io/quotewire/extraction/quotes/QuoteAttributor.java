package io.quotewire.extraction.quotes;

import io.quotewire.extraction.QuoteType;
import io.quotewire.extraction.entities.QuoteCueWords;
import io.quotewire.extraction.lexicon.Lexicon;
import io.quotewire.extraction.pipeline.Attribution;
import io.quotewire.extraction.pipeline.Document;
import io.quotewire.extraction.pipeline.Mention;
import io.quotewire.extraction.pipeline.QuoteSpan;
import io.quotewire.extraction.pipeline.Sentence;
import io.quotewire.extraction.pipeline.Step;
import io.quotewire.extraction.pipeline.Token;

import java.util.List;

/**
 * Finds the speech cue and the speaker of every quote span, and tells DIRECT from PARTIAL quotes.
 * <p>READS: quoteSpans, tokens, sentences, mentions (names, pronouns and descriptions with entities).
 * ADDS: one {@link Attribution} per quote span to {@code quotes}.
 * <p>The cue is looked for in this order:
 * <ol>
 *   <li>right after the quote: {@code "…," X said}, {@code "…," X, a fellow at Y, said}, {@code "…," said X},
 *       {@code "…," according to X};</li>
 *   <li>before the quote in its sentence: the nearest speech verb ({@code X said: "…"}, {@code X said he
 *       was "grateful"}, {@code X told reporters "…"}); a participle ({@code saying "…"}) takes the
 *       sentence subject; a colon ({@code X wrote in a post: "…"}) too;</li>
 *   <li>a name and a colon opening the sentence, as in headlines ({@code Schumer: Republicans 'own' it});</li>
 *   <li>a colon ending the previous paragraph ({@code X wrote on social media:} / new paragraph / quote);</li>
 *   <li>after a quote ending in ? or ! (which ends the sentence): the next sentence's {@code X wrote};</li>
 *   <li>no cue, the quote opens its sentence: a person opening the sentence before it in the paragraph, which
 *       quotes nothing, introduces it ({@code Warren took aim at the banks. "They rigged the rules."});</li>
 *   <li>a cue after a later quote of the same sentence ({@code X has "heaped praise" … "…," The Times said});</li>
 *   <li>no cue: a full-sentence quote continues the speaker of the previous quote in the paragraph, or of
 *       the previous paragraph when it opens the paragraph (and always for multi-paragraph quotes), unless
 *       another person is named in between.</li>
 * </ol>
 * A quote is DIRECT when it stands as its own statement (opens the sentence, follows a colon or a
 * "said," cue, or is a long full sentence) and PARTIAL when it is a fragment inside the writer's sentence.
 */
public final class QuoteAttributor implements Step {
    /** How many tokens before a quote a speech verb may stand. */
    private static final int MAX_CUE_DISTANCE = 60;
    /** How many later quotes of the same sentence are looked at for a shared cue. */
    private static final int MAX_LOOKAHEAD_QUOTES = 12;
    /** Words that make the speech verb after them passive (passive-markers.txt). */
    private static final java.util.Set<String> PASSIVE = Lexicon.wordSet("passive-markers.txt");
    private final Cues cues;
    private final SpeakerPhrases phrases;

    public QuoteAttributor(Lexicon lexicon) {
        this.cues = new Cues(lexicon);
        this.phrases = new SpeakerPhrases(cues);
    }

    @Override
    public java.util.Set<Layer> requires() {
        java.util.Set<Layer> r = java.util.EnumSet.of(Layer.TEXT, Layer.PARAGRAPHS, Layer.SENTENCES, Layer.TOKENS,
                Layer.QUOTE_SPANS, Layer.NAME_MENTIONS, Layer.ENTITIES, Layer.COREF_MENTIONS);
        r.addAll(Cues.REQUIRES);
        return r;
    }

    /** Attributions; and through {@link Cues#ASSIGNS} new PERSON entities for untyped names that speak. */
    @Override
    public java.util.Set<Layer> assigns() {
        java.util.Set<Layer> a = java.util.EnumSet.of(Layer.QUOTES);
        a.addAll(Cues.ASSIGNS);
        return a;
    }

    @Override
    public void process(Document doc) {
        List<QuoteSpan> spans = doc.quoteSpans;
        Attribution[] found = new Attribution[spans.size()];
        // pass 1: cues after and before each quote
        for (int q = 0; q < spans.size(); q++) {
            QuoteSpan s = spans.get(q);
            if (s.firstToken < 0) {
                continue;
            }
            Attribution a = new Attribution(s.contentStart, s.contentEnd, QuoteType.PARTIAL, s);
            int open = openToken(doc, s);
            int after = afterToken(doc, s);
            Sentence first = doc.sentenceOf(open);
            Sentence last = doc.sentenceOf(Math.max(open, Math.min(after, s.endToken) - 1));
            a.sentenceStart = first.start;
            a.sentenceEnd = last.end;
            a.type = type(doc, s, open, first);
            found[q] = a;
            Cues.Found f = postCue(doc, after, last);
            double conf = 0.9;
            if (f == null && endsBroken(doc, s) && open == first.firstToken) {
                f = mannerCue(doc, after, last);
                conf = 0.7;
            }
            if (f == null) {
                f = dashCredit(doc, after);
                conf = 0.8;
            }
            if (f == null) {
                f = preCue(doc, open, first, a.type == QuoteType.PARTIAL);
                conf = 0.8;
            }
            if (f == null && first.index > 0 && first.firstToken == open) {
                // Trump wrote on Truth Social:  (end of the previous paragraph)  "We will win."
                Sentence prev = doc.sentences.get(first.index - 1);
                if (prev.endToken > prev.firstToken && doc.tokens.get(prev.endToken - 1).is(":")) {
                    f = preCue(doc, prev.endToken, prev);
                }
            }
            char lastChar = doc.text.charAt(s.contentEnd - 1);
            if (f == null && (lastChar == '?' || lastChar == '!') && after >= last.endToken
                    && last.index + 1 < doc.sentences.size()) {
                // "…?" Trump wrote on social media.  (the question mark ended the sentence)
                Sentence next = doc.sentences.get(last.index + 1);
                if (next.paragraph == last.paragraph && next.firstToken == after) {
                    f = cues.speakerThenVerb(doc, next.firstToken, next.endToken);
                    if (f == null) {
                        f = mannerCue(doc, next.firstToken, next);
                    }
                }
            }
            if (f == null) {
                f = phraseCue(doc, s, open, after, first, last);
                conf = 0.6;
            }
            if (f == null && first.firstToken == open && first.index > 0) {
                f = previousSentenceCue(doc, doc.sentences.get(first.index - 1), first);
                conf = 0.5;
            }
            if (f == null && first.firstToken == open && first.index > 0 && a.type == QuoteType.DIRECT) {
                f = introducingSentence(doc, doc.sentences.get(first.index - 1), first);
                conf = 0.4;
            }
            if (f == null) {
                // "his call for \"a total ban\"", "Trump's claim that the vote was \"rigged\"": the possessor's words
                Mention owner = speechOwner(doc, first, open);
                if (owner != null) {
                    f = new Cues.Found(owner, -1);
                    conf = 0.5;
                }
            }
            if (f == null && (a.type == QuoteType.PARTIAL || first.firstToken < open)) {
                // "Clinton blamed the \"fog of war\"", "She told the crowd, \"…\"": words quoted inside the writer's
                // sentence are, as a rule, the words of the sentence's subject (a weak reading: low confidence)
                Mention m = cues.coordinatedClauseSubject(doc, first, open); // "… and NBC News will accuse you of …"
                if (m == null) {
                    m = cues.sentenceSubject(doc, first, open, false);
                }
                if (m == null || m.entity == null) {
                    m = phrases.sentenceOpening(doc, first, open); // "The non-profit is seeking \"new ideas\""
                }
                if (m != null && (m.entity != null || m.kind == Mention.Kind.DESCRIPTION)) {
                    f = new Cues.Found(m, -1);
                    conf = 0.3;
                }
            }
            if (f != null) {
                set(doc, a, f, conf);
            }
        }
        // pass 2: cue of a later quote in the same sentence; continuation of the previous speaker
        Attribution previous = null;
        for (int q = 0; q < spans.size(); q++) {
            Attribution a = found[q];
            if (a == null) {
                continue;
            }
            if (a.cueStart < 0) {
                for (int r = q + 1; r < spans.size() && r - q <= MAX_LOOKAHEAD_QUOTES; r++) {
                    Attribution b = found[r];
                    if (b == null || b.sentenceStart > a.sentenceEnd) {
                        break;
                    }
                    if (b.cueStart >= 0 && b.cueStart > a.end && b.sentenceStart <= a.sentenceEnd) {
                        a.takeSpeakerOf(b);
                        a.confidence = 0.7;
                        break;
                    }
                }
            }
            if (a.cueStart < 0 && previous != null && (previous.speaker != null || previous.speakerMention != null)
                    && continues(doc, previous, a)) {
                a.speaker = previous.speaker;
                a.speakerMention = previous.speakerMention; // where the speaker was named
                a.continued = true;
                a.confidence = 0.65;
            }
            if (a.cueStart < 0 && a.speaker == null) {
                a.confidence = 0.3;
            }
            doc.quotes.add(a);
            previous = a;
        }
    }

    /** Words between a speech noun and the quote it introduces ("his call for "…"", "her remark that "…""). */
    private static final java.util.Set<String> SPEECH_NOUN_LINKS = java.util.Set.of("that", "for", "of", "about",
            "against", "to", "on", "be", ",", ":");
    /** How many words of a clause may stand between "claim that" and the quoted fragment. */
    private static final int SPEECH_NOUN_CLAUSE = 8;

    /**
     * The owner of a speech noun just before the quote at open: {@code his call for "…"}, {@code Trump's recent claim
     * that the vote was "rigged"}, {@code her March remark that, "…"}: a person or organization named with a possessive
     * 's, or a resolved his/her. Null when no such noun phrase leads to the quote.
     */
    private static Mention speechOwner(Document doc, Sentence first, int open) {
        List<Token> tk = doc.tokens;
        for (int n = open - 1; n >= first.firstToken && open - n <= SPEECH_NOUN_CLAUSE + 2; n--) {
            Token t = tk.get(n);
            if (t.quote >= 0 || t.quoteMark || !t.isWord() && !t.is(",") && !t.is(":")
                    && t.kind != Token.Kind.POSSESSIVE && t.kind != Token.Kind.NUMBER) {
                return null;
            }
            if (!io.quotewire.extraction.entities.CorefResolver.SPEECH_NOUNS.contains(t.lower) || t.isCapitalized()) {
                continue;
            }
            if (n + 1 == open || !SPEECH_NOUN_LINKS.contains(tk.get(n + 1).lower)) {
                // "saying Trump's comments "are baseless"": the noun is the subject of the quoted words; "played down
                // Trump's comments as "…"": someone else's words about them
                return null;
            }
            for (int y = n + 1; y < open; y++) {
                if (tk.get(y).is(",") && y + 1 < open && !tk.get(y + 1).quoteMark) {
                    return null;
                }
            }
            for (int p = n - 1; p >= first.firstToken && n - p <= io.quotewire.extraction.entities.CorefResolver
                    .SPEECH_NOUN_MODIFIERS + 1; p--) {
                Token w = tk.get(p);
                if (w.kind == Token.Kind.POSSESSIVE) {
                    Mention m = doc.mentionEndingAt(p - 1);
                    if (m == null) {
                        m = doc.mentionEndingAt(p); // a mention that holds its 's
                    }
                    return m != null && m.entity != null ? m : null;
                }
                if (w.is("his") || w.is("her")) {
                    Mention m = doc.mentionStartingAt(p);
                    return m != null && m.kind == Mention.Kind.PRONOUN && m.entity != null ? m : null;
                }
                if (!w.isWord() && !w.is("-") || w.quote >= 0 || QuoteCueWords.isPreposition(w.lower)) {
                    return null;
                }
            }
            return null;
        }
        return null;
    }

    /**
     * The cue read from the words around the quote when no known name stands there: {@code "…," PHRASE said},
     * {@code "…," said PHRASE}, {@code "…." PHRASE said.} (the quote ended the sentence), {@code PHRASE said, "…"}.
     */
    private Cues.Found phraseCue(Document doc, QuoteSpan s, int open, int after, Sentence first, Sentence last) {
        List<Token> tk = doc.tokens;
        int x = after;
        boolean broken = endsBroken(doc, s);
        if (x < last.endToken && (tk.get(x).is(",") || tk.get(x).is("\u2014"))) {
            x++;
            broken = true;
        }
        Cues.Found f = null;
        if (x < last.endToken) {
            // "…," PHRASE said  /  "…" and more words, PHRASE said.  (the reporting clause closes the sentence)
            f = broken ? phrases.after(doc, x, last.endToken) : null;
            if (f == null) {
                f = phrases.closingClause(doc, x, last);
            }
        } else if (last.index + 1 < doc.sentences.size()) {
            Sentence next = doc.sentences.get(last.index + 1);
            if (next.paragraph == last.paragraph && next.firstToken == after) {
                f = phrases.nextSentence(doc, next);
            }
        }
        if (f != null) {
            return f;
        }
        for (int v = open - 1; v >= first.firstToken && open - v <= MAX_CUE_DISTANCE; v--) {
            Token t = tk.get(v);
            if (t.quote >= 0 || t.quoteMark) {
                continue;
            }
            Lexicon.Verb verb = cues.verbAt(doc, v);
            if (verb == null || verb.form() != Lexicon.Verb.Form.FINITE) {
                continue;
            }
            if (v > first.firstToken && PASSIVE.contains(tk.get(v - 1).lower)) {
                return null;
            }
            Mention m = phrases.before(doc, first, v);
            return m == null ? null : new Cues.Found(m, v);
        }
        return null;
    }

    /**
     * A quotation opening a sentence with no cue of its own, right after a sentence of the same paragraph that
     * reports speech without quoting it ({@code Sami recalled his first night in the city. "I was scared."}):
     * that sentence's speaker.
     */
    private Cues.Found previousSentenceCue(Document doc, Sentence prev, Sentence s) {
        if (prev.paragraph != s.paragraph && (prev.paragraph + 1 != s.paragraph
                || doc.paragraphs.get(s.paragraph).firstSentence != s.index)) {
            return null; // the sentence before, in the paragraph or closing the paragraph before
        }
        if (quotes(doc, prev, MAX_CUE_DISTANCE)) {
            return null; // a quoting sentence: its quote's speaker goes on by continuation, if at all
        }
        return firstReporting(doc, prev, prev.endToken, false);
    }

    /** Sentence s quotes something (a quote mark or quoted word) within its first {@code limit} tokens. */
    private static boolean quotes(Document doc, Sentence s, int limit) {
        for (int v = s.firstToken; v < s.endToken && v - s.firstToken < limit; v++) {
            Token t = doc.tokens.get(v);
            if (t.quote >= 0 || t.quoteMark) {
                return true;
            }
        }
        return false;
    }

    /**
     * A quotation opening a sentence with no cue of its own, right after a sentence of the same paragraph that a
     * person opens as its subject and that quotes nothing ({@code Warren took aim at the banks. "They have rigged
     * the rules."}): that person introduces the words.
     */
    private Cues.Found introducingSentence(Document doc, Sentence prev, Sentence s) {
        if (prev.paragraph != s.paragraph) {
            return null;
        }
        if (quotes(doc, prev, prev.endToken - prev.firstToken)) {
            return null;
        }
        Mention m = cues.sentenceSubject(doc, prev, prev.endToken, false);
        if (m == null || m.entity == null || m.entity.type != io.quotewire.extraction.EntityType.PERSON
                || m.phraseStart != prev.firstToken) {
            return null;
        }
        return new Cues.Found(m, -1);
    }

    /**
     * The first finite, active speech verb of sentence s before token {@code limit}, with its subject (a known
     * speaker, else the phrase before the verb), or null. Quoted words (titles) are passed over. With
     * {@code sayTypeOnly}, verbs that only attribute quotes ("called", "slammed") do not count; weak cues never do.
     */
    private Cues.Found firstReporting(Document doc, Sentence s, int limit, boolean sayTypeOnly) {
        List<Token> tk = doc.tokens;
        for (int v = s.firstToken; v < limit && v - s.firstToken < MAX_CUE_DISTANCE; v++) {
            Token t = tk.get(v);
            if (t.quote >= 0 || t.quoteMark) {
                continue;
            }
            Lexicon.Verb verb = cues.verbAt(doc, v);
            if (verb == null || verb.weak() || sayTypeOnly && verb.quoteOnly() || verb.form() != Lexicon.Verb.Form.FINITE
                    || v > s.firstToken && PASSIVE.contains(tk.get(v - 1).lower)) {
                continue;
            }
            Mention m = cues.speakingSubjectOf(doc, s, v);
            if (m == null) {
                m = phrases.before(doc, s, v);
            }
            return m == null ? null : new Cues.Found(m, v);
        }
        return null;
    }

    /** The quoted words end as a sentence broken off for its attribution does: "…," "…?" "…!" "…—". */
    private static boolean endsBroken(Document doc, QuoteSpan s) {
        char c = s.lastChar(doc.text);
        return c == ',' || c == '?' || c == '!' || c == '\u2014' || c == '-';
    }

    private static void set(Document doc, Attribution a, Cues.Found f, double confidence) {
        if (f.verb() >= 0) {
            Token v = doc.tokens.get(f.verb());
            a.cueToken = f.verb();
            a.cueStart = v.start;
            a.cueEnd = v.end;
        }
        a.speakerMention = f.speaker();
        a.speaker = f.speaker() == null ? null : f.speaker().entity;
        a.confidence = a.speaker == null ? 0.4 : confidence;
    }

    private static int openToken(Document doc, QuoteSpan s) {
        int i = s.firstToken;
        return i > 0 && doc.tokens.get(i - 1).quoteMark ? i - 1 : i;
    }

    private static int afterToken(Document doc, QuoteSpan s) {
        int i = s.endToken;
        return i < doc.tokens.size() && doc.tokens.get(i).quoteMark ? i + 1 : i;
    }

    /** Dashes that credit a quotation to a name after it ("“…” ― Jane Roe", "- Hillary Clinton."). */
    private static final java.util.Set<String> CREDIT_DASHES = java.util.Set.of("\u2015", "\u2014", "\u2013", "-");

    /**
     * A pull quote credited after a dash, as listicles and quote round-ups print them: {@code “…” ― Jane Roe} or
     * {@code “…” (new line) - Hillary Clinton.}: a person's name right after the dash, ending its sentence or
     * followed by the next quotation. The dash is the cue.
     */
    private Cues.Found dashCredit(Document doc, int after) {
        List<Token> tk = doc.tokens;
        int x = after;
        if (x < tk.size() && tk.get(x).is(".")) {
            x++;
        }
        if (x + 1 >= tk.size() || !CREDIT_DASHES.contains(tk.get(x).text) || tk.get(x).quote >= 0) {
            return null;
        }
        Mention m = doc.mentionStartingAt(x + 1);
        if (m == null || m.kind != Mention.Kind.NAME || m.possessive || m.tokenCount() < 2
                || m.type != null && m.type != io.quotewire.extraction.EntityType.PERSON) {
            return null;
        }
        int e = m.endToken;
        boolean ends = e >= tk.size() || tk.get(e).is(".") || tk.get(e).quoteMark
                || tk.get(e).sentence != tk.get(m.firstToken).sentence;
        if (!ends) {
            return null;
        }
        if (m.entity == null) {
            Cues.promote(doc, m); // the credited name is a person
        }
        return m.entity == null ? null : new Cues.Found(m, x);
    }

    /** {@code "…!" beamed X} / {@code "…," X chuckled} (see {@link Cues#mannerCue}). */
    private Cues.Found mannerCue(Document doc, int after, Sentence s) {
        int x = after < s.endToken && doc.tokens.get(after).is(",") ? after + 1 : after;
        return x < s.endToken && doc.tokens.get(x).quote < 0 ? cues.mannerCue(doc, x, s.endToken) : null;
    }

    private Cues.Found postCue(Document doc, int after, Sentence s) {
        int x = after;
        List<Token> tk = doc.tokens;
        if (x < s.endToken && (tk.get(x).is(",") || tk.get(x).is("\u2014"))) {
            x++;
        }
        if (x >= s.endToken || tk.get(x).quote >= 0) {
            return null;
        }
        Cues.Found f = cues.verbThenSpeaker(doc, x, s.endToken);
        return f != null ? f : cues.speakerThenVerb(doc, x, s.endToken);
    }

    /** Conjunctions that open a clause of its own after a comma or semicolon ("…, but she cautions …"). */
    private static final java.util.Set<String> CLAUSE_CONJUNCTIONS = java.util.Set.of("but", "and", "while",
            "although", "though", "yet", "whereas");

    /** Relative pronouns (relative-pronouns.txt): "which he called", "Reed, who added". */
    private static final java.util.Set<String> RELATIVES = Lexicon.wordSet("relative-pronouns.txt");

    /** The mention is a relative pronoun ("who added") or the subject right after one ("which he called"). */
    private static boolean inRelativeClause(Document doc, Mention m) {
        int p = m.phraseStart;
        return RELATIVES.contains(doc.tokens.get(p).lower) || p > 0 && RELATIVES.contains(doc.tokens.get(p - 1).lower);
    }

    /** A new clause (", but" / ", and" / ";") opens between tokens from and to. */
    private static boolean newClauseBetween(Document doc, int from, int to) {
        List<Token> tk = doc.tokens;
        for (int i = from + 1; i < to && i < tk.size(); i++) {
            Token t = tk.get(i);
            if (t.is(";") || CLAUSE_CONJUNCTIONS.contains(t.lower) && tk.get(i - 1).is(",") && t.quote < 0) {
                return true;
            }
        }
        return false;
    }

    /**
     * An untyped name opening sentence s whose verb group runs in lower-case words to the speech verb at v
     * ({@code Bryne went on to say}): it is a person, and speaks. Null otherwise.
     */
    private static Mention untypedOpening(Document doc, Sentence s, int v) {
        Mention m = doc.mentionStartingAt(s.firstToken);
        if (m == null || m.kind != Mention.Kind.NAME || m.entity != null || m.type != null || m.possessive
                || v - m.endToken > 4 || v <= m.endToken) {
            return null;
        }
        for (int x = m.endToken; x < v; x++) {
            Token t = doc.tokens.get(x);
            if (t.kind != Token.Kind.WORD || !Character.isLowerCase(t.text.charAt(0))) {
                return null;
            }
        }
        Cues.promote(doc, m);
        return m.entity == null ? null : m;
    }

    /**
     * The subject phrase before the verb group that ends in "to" at {@code to} ({@code The email goes on to say},
     * {@code The piece was quick to add}): read back over up to three lower-case words of the group to its verb, then
     * the phrase before that; null when no such group or phrase stands there.
     */
    private Mention beforeVerbGroup(Document doc, Sentence s, int to) {
        List<Token> tk = doc.tokens;
        for (int k = to - 1; k > s.firstToken && to - k <= 3; k--) {
            Token t = tk.get(k);
            if (!t.isWord() || t.quote >= 0 || !Character.isLowerCase(t.text.charAt(0))) {
                return null;
            }
            if (GROUP_VERBS.contains(t.lower) || t.lower.length() > 3 && (t.lower.endsWith("es") || t.lower.endsWith("ed"))) {
                Mention m = phrases.before(doc, s, k); // the verb of the group: the phrase before it is the subject
                return m != null && m.kind != Mention.Kind.PRONOUN ? m : null;
            }
        }
        return null;
    }

    /** Finite verbs that open a group ending in "to" before a speech verb ("went on to say", "was quick to add"). */
    private static final java.util.Set<String> GROUP_VERBS = Lexicon.wordSet("verb-group-openers.txt");

    /** Recordings that show a person speaking ("footage of Trump saying …"). */
    private static final java.util.Set<String> RECORDINGS = java.util.Set.of("footage", "video", "videos", "clip",
            "clips", "recording", "recordings", "tape", "tapes", "audio");

    /**
     * The subject of a participle in an absolute clause, {@code with [his spokesman] Rick Tyler calling it …}, or of a
     * recording, {@code footage of Hillary Clinton asking, "…"}: the person named right before the participle when
     * "with" or "footage of" opens the phrase; else null.
     */
    private Mention withSubject(Document doc, Sentence s, int v) {
        List<Token> tk = doc.tokens;
        Mention m = doc.mentionEndingAt(Cues.beforeAdverbs(tk, v - 1, s.firstToken - 1, 2));
        if (m == null || m.kind != Mention.Kind.NAME || m.entity == null || m.possessive) {
            return null; // right before the participle, over at most two adverbs
        }
        for (int j = m.phraseStart - 1; j >= s.firstToken && m.phraseStart - j <= 3; j--) {
            if (tk.get(j).is("with")
                    || tk.get(j).is("of") && j > s.firstToken && RECORDINGS.contains(tk.get(j - 1).lower)) {
                return m; // "with X noting", "footage of X saying"
            }
            if (!tk.get(j).isWord() || Character.isUpperCase(tk.get(j).text.charAt(0))) {
                return null;
            }
        }
        return null;
    }

    /**
     * The subject of the finite speech verb that a participle cue goes on from: {@code X, Spicer said, adding, "…"} /
     * {@code Spicer told CNN, saying "…"}. The verb must stand right before the participle's comma, with at most
     * an addressee or time words between; null otherwise.
     */
    private Mention reportingBeforeParticiple(Document doc, Sentence s, int v) {
        List<Token> tk = doc.tokens;
        int j = v - 1;
        if (j <= s.firstToken || !tk.get(j).is(",")) {
            return null;
        }
        for (int k = j - 1; k > s.firstToken && j - k <= 4; k--) {
            Token t = tk.get(k);
            if (t.quote >= 0 || t.quoteMark || !t.isWord() && !t.is(".")) {
                return null;
            }
            Lexicon.Verb verb = cues.verbAt(doc, k);
            if (verb != null && verb.form() == Lexicon.Verb.Form.FINITE && !verb.weak()) {
                return cues.speakingSubjectOf(doc, s, k);
            }
        }
        return null;
    }

    /**
     * For a quoted fragment inside reported speech ({@code Rep. Jane Roe said the mayor called it "a mess"}): the
     * reporting clause that opens the sentence speaks, not a speech verb inside its reported clause. Returns the
     * first say-type verb of the sentence before {@code v} with its subject, or null.
     */
    private Cues.Found outerReporting(Document doc, Sentence s, int v) {
        return firstReporting(doc, s, v, true);
    }

    private Cues.Found preCue(Document doc, int open, Sentence s) {
        return preCue(doc, open, s, false);
    }

    private Cues.Found preCue(Document doc, int open, Sentence s, boolean partial) {
        List<Token> tk = doc.tokens;
        for (int v = open - 1; v >= s.firstToken && open - v <= MAX_CUE_DISTANCE; v--) {
            Token t = tk.get(v);
            if (t.quote >= 0 || t.quoteMark) {
                continue;
            }
            if (t.is("according") && v + 1 < open && tk.get(v + 1).is("to")) {
                Mention m = cues.mentionAt(doc, v + 2, open);
                if (m == null) {
                    // "According to the newspaper, “…”": the phrase up to the comma or colon
                    int e = v + 2;
                    while (e < open && e - v - 2 <= SpeakerPhrases.MAX_PHRASE && !tk.get(e).is(",")
                            && !tk.get(e).is(":")) {
                        e++;
                    }
                    m = e < open && e - v - 2 <= SpeakerPhrases.MAX_PHRASE ? phrases.resolve(doc, v + 2, e) : null;
                }
                if (m != null) {
                    return new Cues.Found(m, v);
                }
            }
            Lexicon.Verb verb = cues.verbAt(doc, v);
            if (verb == null && v > s.firstToken && tk.get(v - 1).is("to") && cues.baseVerb(t) != null) {
                // "X went on to say, \"…\"" / "X was quick to add that it was \"…\"": the sentence's subject speaks
                Mention m = cues.sentenceSubject(doc, s, v);
                if (m == null) {
                    m = untypedOpening(doc, s, v); // "Bryne went on to say, “…”"
                }
                if (m == null) {
                    m = beforeVerbGroup(doc, s, v - 1); // "The email goes on to say: “…”"
                }
                if (m != null) {
                    return new Cues.Found(m, v);
                }
                continue;
            }
            if (verb == null) {
                continue;
            }
            if (v > s.firstToken && PASSIVE.contains(tk.get(v - 1).lower)) {
                continue; // "the plan was called \"reckless\"": nobody in particular speaks
            }
            Mention m;
            boolean own = false; // the participle's own subject: no outer reporting verb takes it over
            if (verb.weak()) {
                m = cues.speakingSubjectOf(doc, s, v); // a known speaker only: "Speed Read" makes nobody a person
            } else if (verb.form() == Lexicon.Verb.Form.PARTICIPLE) {
                m = withSubject(doc, s, v); // "…, with spokesman Brian Fallon saying it was \"desperate\""
                own = m != null;
                if (m == null) {
                    m = reportingBeforeParticiple(doc, s, v); // "They will meet next week, Spicer said, adding, …"
                }
                if (m == null) {
                    m = cues.sentenceSubject(doc, s, v);
                }
                if (m == null && v > s.firstToken && tk.get(v - 1).is(",")) {
                    // "Ryan's campaign shrugged off the remarks, telling reporters, …": the phrase opening the sentence
                    m = phrases.openingSubject(doc, s, v);
                }
                if (m == null) {
                    m = phrases.statementIssuer(doc, s, v); // "The town released a statement Wednesday saying …"
                }
            } else {
                m = cues.speakingSubjectOf(doc, s, v);
                if (m == null && v > s.firstToken && tk.get(v - 1).quote < 0 && !tk.get(v - 1).quoteMark
                        && !tk.get(v - 1).is(",")) {
                    m = phrases.before(doc, s, v); // "One intelligence source said …" (before "said FBI agents …")
                }
                if (m == null && !verb.quoteOnly() && !verb.takesObject()) {
                    // inverted "…, said Sen. Jane Roe, \"…\"" (not "called Roe \"…\"": there Roe is the object)
                    m = cues.mentionAt(doc, v + 1, open);
                    if (m != null && Cues.startsClause(doc, m, open)) {
                        m = null;
                    }
                }
                if (m == null) {
                    m = cues.sentenceSubject(doc, s, v);
                }
            }
            if (m != null) {
                Cues.Found outer = partial && !own ? outerReporting(doc, s, v) : null;
                if (outer != null && outer.verb() >= 0 && (newClauseBetween(doc, outer.verb(), m.phraseStart)
                        || m.phraseStart - 2 > outer.verb() && m.kind == Mention.Kind.PRONOUN
                        && CLAUSE_CONJUNCTIONS.contains(tk.get(m.phraseStart - 1).lower)
                        && tk.get(m.phraseStart - 2).quote < 0 && !tk.get(m.phraseStart - 2).quoteMark)) {
                    outer = null; // "X says …, but she cautions that she sees \"…\"" / "… and he pledged \"…\"": its own clause
                }
                if (outer != null && m.entity != null && outer.speaker() != null && outer.speaker().entity == m.entity
                        && inRelativeClause(doc, m)) {
                    outer = null; // "X said …, which he called \"…\"": the same speaker; the cue attaches to the nearer words
                }
                return outer != null ? outer : new Cues.Found(m, v);
            }
        }
        if (open - 1 >= s.firstToken && tk.get(open - 1).is(":")) {
            Mention m = null;
            if (tk.get(s.firstToken).is("from") && open - 1 - s.firstToken > 1
                    && open - 1 - s.firstToken <= SpeakerPhrases.MAX_PHRASE) {
                m = phrases.resolve(doc, s.firstToken + 1, open - 1); // "From the report: “…”"
            }
            if (m == null) {
                m = cues.sentenceSubject(doc, s, open - 1); // "When X died, Clinton released this statement:"
            }
            if (m != null) {
                return new Cues.Found(m, open - 1);
            }
        }
        // headline style "Schumer: Republicans 'own' the shutdown": a name and a colon open the sentence
        Mention lead = cues.mentionAt(doc, s.firstToken, open);
        if (lead != null && lead.endToken < open && tk.get(lead.endToken).is(":") && lead.entity != null) {
            return new Cues.Found(lead, lead.endToken);
        }
        return null;
    }

    private static QuoteType type(Document doc, QuoteSpan s, int open, Sentence sentence) {
        List<Token> tk = doc.tokens;
        boolean startsSentence = true;
        for (int i = sentence.firstToken; i < open && startsSentence; i++) {
            startsSentence = !tk.get(i).isWord();
        }
        if (startsSentence || s.continuesPrevious) {
            return QuoteType.DIRECT;
        }
        Token prev = open - 1 >= 0 ? tk.get(open - 1) : null;
        if (prev != null && (prev.is(":") || prev.is(","))) {
            return QuoteType.DIRECT;
        }
        int words = 0;
        for (int i = s.firstToken; i < s.endToken; i++) {
            if (tk.get(i).isWord()) {
                words++;
            }
        }
        char firstChar = doc.text.charAt(s.contentStart);
        char lastChar = doc.text.charAt(s.contentEnd - 1);
        boolean fullSentence = words >= 8 && Character.isUpperCase(firstChar)
                && (lastChar == '.' || lastChar == '!' || lastChar == '?' || lastChar == ',');
        return fullSentence ? QuoteType.DIRECT : QuoteType.PARTIAL;
    }

    /** True when a different person is named between the two quotes (or they are far apart). */
    private static boolean anotherPersonBetween(Document doc, Attribution a, Attribution b) {
        int to = b.span.firstToken;
        int from = a.span.endToken;
        if (from > 0 && from <= doc.tokens.size()) {
            from = Math.min(to, doc.sentenceOf(from - 1).endToken); // the cue sentence of a may name others
        }
        if (from < 0 || to < 0 || to - from > 200) {
            return to - from > 200;
        }
        for (int i = from; i < to; i++) {
            Mention m = doc.mentionEndingAt(i);
            if (m != null && m.entity != null && m.entity.type == io.quotewire.extraction.EntityType.PERSON
                    && m.entity != a.speaker && m.kind != Mention.Kind.DESCRIPTION) {
                return true;
            }
        }
        return false;
    }

    /** Whether quote b, with no cue, goes on with the speaker of the previous quote a. */
    private static boolean continues(Document doc, Attribution a, Attribution b) {
        if (b.span.continuesPrevious) {
            return true;
        }
        if (b.type != QuoteType.DIRECT) {
            return false;
        }
        int pa = a.span.paragraph;
        int pb = b.span.paragraph;
        if (anotherPersonBetween(doc, a, b)) {
            return false;
        }
        if (pa == pb) {
            return true;
        }
        if (pb != pa + 1) {
            return false;
        }
        // the quote opens its paragraph and the previous paragraph ended with the previous quote
        var para = doc.paragraphs.get(pb);
        var prevPara = doc.paragraphs.get(pa);
        int open = b.span.open >= 0 ? b.span.open : b.span.contentStart;
        int endOfA = a.span.close >= 0 ? a.span.close : a.span.contentEnd;
        // the previous paragraph ends with quote a, or with a's cue sentence ("…," X told CNN when asked about it.)
        Sentence lastOfPrev = doc.sentences.get(Math.max(prevPara.firstSentence, prevPara.endSentence - 1));
        boolean endsWithA = prevPara.end - endOfA < 80 || endOfA >= lastOfPrev.start
                || a.sentenceEnd >= lastOfPrev.end;
        return open - para.start <= 1 && endsWithA;
    }
}
